-- Shifts, the duty log (值班记录), the shift handover (交接班) and the end-of-shift checklists
-- (班后检查记录). Owned by shift.rs and checklist.rs. Nothing is ever deleted.

-- A shift at the counter. At most one is not closed at a time.
CREATE TABLE shift (
    id                INTEGER PRIMARY KEY,
    status            TEXT NOT NULL CHECK (status IN ('awaiting_ack', 'open', 'closed')),
    opened_at         TEXT NOT NULL,
    opened_by         INTEGER NOT NULL REFERENCES staff (id),
    -- JSON array of names.
    staff_on_duty     TEXT NOT NULL CHECK (json_valid(staff_on_duty) AND json_type(staff_on_duty) = 'array'),
    weather           TEXT,
    duty_manager      TEXT,
    duty_leader       TEXT,
    operations_notes  TEXT,
    visitor_count     INTEGER CHECK (visitor_count IS NULL OR visitor_count >= 0),
    closed_at         TEXT,
    closed_by         INTEGER REFERENCES staff (id),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
) STRICT;

CREATE INDEX shift_opened_at ON shift (opened_at);
-- The database itself refuses a second shift that is not closed.
CREATE UNIQUE INDEX shift_one_not_closed ON shift ((status <> 'closed')) WHERE status <> 'closed';

CREATE TRIGGER shift_no_delete BEFORE DELETE ON shift
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

-- One duty-log entry: a call, a visit, a dispatch, an incident, a briefing or a note.
CREATE TABLE log_entry (
    id                INTEGER PRIMARY KEY,
    shift_id          INTEGER NOT NULL REFERENCES shift (id),
    kind              TEXT NOT NULL CHECK (kind IN ('call', 'visit', 'dispatch', 'incident', 'briefing', 'note')),
    at                TEXT NOT NULL,
    person            TEXT,
    contact           TEXT,
    unit              TEXT,
    content           TEXT NOT NULL,
    promised          TEXT,
    promised_by       TEXT,
    dispatched_to     TEXT,
    addressed_to      TEXT,
    urgent            INTEGER NOT NULL CHECK (urgent IN (0, 1)),
    needs_follow_up   INTEGER NOT NULL CHECK (needs_follow_up IN (0, 1)),
    status            TEXT NOT NULL CHECK (status IN ('open', 'done', 'closed')),
    done_at           TEXT,
    next_callback_at  TEXT,
    closed_at         TEXT,
    created_by        INTEGER NOT NULL REFERENCES staff (id),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK (status = 'open' OR done_at IS NOT NULL OR needs_follow_up = 0),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
) STRICT;

CREATE INDEX log_entry_shift ON log_entry (shift_id, urgent DESC, at);
CREATE INDEX log_entry_at ON log_entry (at);
CREATE INDEX log_entry_status ON log_entry (status, promised_by);

CREATE TRIGGER log_entry_no_delete BEFORE DELETE ON log_entry
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

-- Follow-ups of an entry until it is done (跟进).
CREATE TABLE log_follow_up (
    id         INTEGER PRIMARY KEY,
    entry_id   INTEGER NOT NULL REFERENCES log_entry (id),
    shift_id   INTEGER NOT NULL REFERENCES shift (id),
    at         TEXT NOT NULL,
    by_staff   INTEGER NOT NULL REFERENCES staff (id),
    note       TEXT NOT NULL,
    done       INTEGER NOT NULL CHECK (done IN (0, 1))
) STRICT;

CREATE INDEX log_follow_up_entry ON log_follow_up (entry_id, id);

CREATE TRIGGER log_follow_up_no_delete BEFORE DELETE ON log_follow_up
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

-- Call-backs (回访) of a done entry.
CREATE TABLE log_callback (
    id                INTEGER PRIMARY KEY,
    entry_id          INTEGER NOT NULL REFERENCES log_entry (id),
    shift_id          INTEGER NOT NULL REFERENCES shift (id),
    at                TEXT NOT NULL,
    by_staff          INTEGER NOT NULL REFERENCES staff (id),
    satisfied         INTEGER NOT NULL CHECK (satisfied IN (0, 1)),
    note              TEXT NOT NULL,
    next_callback_at  TEXT,
    CHECK (satisfied = 1 OR next_callback_at IS NOT NULL)
) STRICT;

CREATE INDEX log_callback_entry ON log_callback (entry_id, id);

CREATE TRIGGER log_callback_no_delete BEFORE DELETE ON log_callback
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

-- The handover written when a shift closes, acknowledged by the next shift.
CREATE TABLE handover (
    id               INTEGER PRIMARY KEY,
    from_shift_id    INTEGER NOT NULL UNIQUE REFERENCES shift (id),
    to_shift_id      INTEGER UNIQUE REFERENCES shift (id),
    closed_by        INTEGER NOT NULL REFERENCES staff (id),
    closed_at        TEXT NOT NULL,
    notes            TEXT,
    acknowledged_by  INTEGER REFERENCES staff (id),
    acknowledged_at  TEXT,
    CHECK ((acknowledged_by IS NULL) = (acknowledged_at IS NULL)),
    CHECK (acknowledged_at IS NULL OR to_shift_id IS NOT NULL)
) STRICT;

CREATE TRIGGER handover_no_delete BEFORE DELETE ON handover
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

-- What was open when the shift closed: a snapshot of the dashboard's open items.
CREATE TABLE handover_item (
    id           INTEGER PRIMARY KEY,
    handover_id  INTEGER NOT NULL REFERENCES handover (id),
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    register     TEXT NOT NULL,
    record_id    INTEGER NOT NULL,
    code         TEXT NOT NULL,
    summary      TEXT NOT NULL,
    due_at       TEXT,
    overdue      INTEGER NOT NULL CHECK (overdue IN (0, 1)),
    UNIQUE (handover_id, position)
) STRICT;

CREATE TRIGGER handover_item_no_delete BEFORE DELETE ON handover_item
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

-- The editable templates of the end-of-shift checklists.
CREATE TABLE checklist_item (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('facility_safety', 'fixed_assets')),
    text        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX checklist_item_kind ON checklist_item (kind, active, position);

CREATE TRIGGER checklist_item_no_delete BEFORE DELETE ON checklist_item
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

-- One run of a checklist: once per shift per kind.
CREATE TABLE checklist_run (
    id        INTEGER PRIMARY KEY,
    shift_id  INTEGER NOT NULL REFERENCES shift (id),
    kind      TEXT NOT NULL CHECK (kind IN ('facility_safety', 'fixed_assets')),
    run_by    INTEGER NOT NULL REFERENCES staff (id),
    run_at    TEXT NOT NULL,
    UNIQUE (shift_id, kind)
) STRICT;

CREATE TRIGGER checklist_run_no_delete BEFORE DELETE ON checklist_run
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

-- The answer to one item, with the item's text as it read then.
CREATE TABLE checklist_result (
    id           INTEGER PRIMARY KEY,
    run_id       INTEGER NOT NULL REFERENCES checklist_run (id),
    item_id      INTEGER NOT NULL REFERENCES checklist_item (id),
    position     INTEGER NOT NULL,
    item_text    TEXT NOT NULL,
    ok           INTEGER NOT NULL CHECK (ok IN (0, 1)),
    note         TEXT,
    incident_id  INTEGER REFERENCES log_entry (id),
    UNIQUE (run_id, item_id),
    CHECK (ok = 1 OR (note IS NOT NULL AND incident_id IS NOT NULL))
) STRICT;

CREATE TRIGGER checklist_result_no_delete BEFORE DELETE ON checklist_result
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;
