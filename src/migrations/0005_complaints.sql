-- complaints register: grievances (抱怨) and formal complaints (投诉), their work orders
-- (派工单), follow-ups and call-backs (回访). Nothing is deleted; corrections are amendments
-- recorded in the audit log.

CREATE TABLE complaint (
    id                INTEGER PRIMARY KEY,
    weight            TEXT NOT NULL CHECK (weight IN ('grievance', 'complaint')),
    channel           TEXT NOT NULL CHECK (channel IN ('on_site', 'phone', 'written', 'online')),
    complainant_name  TEXT NOT NULL,
    contact           TEXT,
    unit              TEXT,
    category          TEXT NOT NULL CHECK (category IN ('security', 'cleaning', 'landscaping',
                                                       'engineering_repair', 'mail_newspapers',
                                                       'renovation', 'staff_attitude', 'other')),
    content           TEXT NOT NULL,
    severity          TEXT NOT NULL CHECK (severity IN ('normal', 'important', 'major')),
    escalated         INTEGER NOT NULL CHECK (escalated IN (0, 1)),
    escalated_at      TEXT,
    received_at       TEXT NOT NULL,
    received_by       INTEGER NOT NULL REFERENCES staff (id),
    status            TEXT NOT NULL CHECK (status IN ('received', 'dispatched', 'resolved', 'closed')),
    resolution        TEXT,
    resolved_at       TEXT,
    resolved_by       INTEGER REFERENCES staff (id),
    -- After an unsatisfied call-back: when the complainant was told the next call would come.
    next_callback_at  TEXT,
    closed_at         TEXT,
    reopened_at       TEXT,
    reopen_reason     TEXT,
    reopen_count      INTEGER NOT NULL DEFAULT 0,
    updated_at        TEXT NOT NULL,
    CHECK ((escalated = 1) = (escalated_at IS NOT NULL)),
    CHECK (status NOT IN ('resolved', 'closed') OR (resolution IS NOT NULL AND resolved_at IS NOT NULL))
) STRICT;

CREATE INDEX complaint_received ON complaint (received_at);
CREATE INDEX complaint_status ON complaint (status, escalated, received_at);

CREATE TRIGGER complaint_no_delete BEFORE DELETE ON complaint
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

-- A work order to a department with the time promised to the complainant. The last one is
-- the one in force; earlier ones are the re-dispatch history.
CREATE TABLE complaint_work_order (
    id             INTEGER PRIMARY KEY,
    complaint_id   INTEGER NOT NULL REFERENCES complaint (id),
    department     TEXT NOT NULL,
    promised_at    TEXT NOT NULL,
    instructions   TEXT,
    dispatched_at  TEXT NOT NULL,
    by_id          INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE INDEX complaint_work_order_complaint ON complaint_work_order (complaint_id, id);

CREATE TRIGGER complaint_work_order_no_delete BEFORE DELETE ON complaint_work_order
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

CREATE TABLE complaint_follow_up (
    id            INTEGER PRIMARY KEY,
    complaint_id  INTEGER NOT NULL REFERENCES complaint (id),
    at            TEXT NOT NULL,
    note          TEXT NOT NULL,
    by_id         INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE INDEX complaint_follow_up_complaint ON complaint_follow_up (complaint_id, id);

CREATE TRIGGER complaint_follow_up_no_delete BEFORE DELETE ON complaint_follow_up
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

CREATE TABLE complaint_callback (
    id                INTEGER PRIMARY KEY,
    complaint_id      INTEGER NOT NULL REFERENCES complaint (id),
    at                TEXT NOT NULL,
    satisfied         INTEGER NOT NULL CHECK (satisfied IN (0, 1)),
    note              TEXT,
    next_callback_at  TEXT,
    by_id             INTEGER NOT NULL REFERENCES staff (id),
    CHECK (satisfied = 1 OR next_callback_at IS NOT NULL)
) STRICT;

CREATE INDEX complaint_callback_complaint ON complaint_callback (complaint_id, id);

CREATE TRIGGER complaint_callback_no_delete BEFORE DELETE ON complaint_callback
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;
