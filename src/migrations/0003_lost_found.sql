-- Lost and found (失物招领 / 분실물 관리): found items, their private features (append-only,
-- never indexed), custody hand-overs, lost-item reports and claims. See src/lost_found/.
-- Nothing is deleted: every table refuses DELETE; corrections are amendments in the audit log.

CREATE TABLE found_item (
    id                   INTEGER PRIMARY KEY,
    -- visitor: finder_name + finder_contact; staff: finder_staff_id (a good deed);
    -- on_site: finder_staff_id + team_leader + witness.
    arrival              TEXT NOT NULL CHECK (arrival IN ('visitor', 'staff', 'on_site')),
    finder_name          TEXT NOT NULL,
    finder_contact       TEXT,
    finder_staff_id      INTEGER REFERENCES staff (id),
    team_leader          TEXT,
    witness              TEXT,
    found_at             TEXT NOT NULL,
    found_place          TEXT NOT NULL,
    category             TEXT NOT NULL CHECK (category IN ('cash', 'wallet', 'phone', 'electronics',
                             'documents_cards', 'keys', 'bag', 'clothing', 'umbrella',
                             'jewellery_watch', 'glasses', 'toy', 'other')),
    description          TEXT NOT NULL,
    valuable             INTEGER NOT NULL CHECK (valuable IN (0, 1)),
    storage_location     TEXT NOT NULL,
    holder_id            INTEGER NOT NULL REFERENCES staff (id),
    -- When the item first passed to a staff member with the custodian role.
    custodian_since      TEXT,
    status               TEXT NOT NULL DEFAULT 'in_custody' CHECK (status IN ('in_custody', 'claimed',
                             'handed_to_police', 'handed_to_finance', 'returned_to_finder', 'disposed')),
    -- CN: when the public notice (招领公告) was made.
    notice_at            TEXT,
    disposal_reference   TEXT,
    disposal_note        TEXT,
    closed_at            TEXT,
    closed_by            INTEGER REFERENCES staff (id),
    registered_by        INTEGER NOT NULL REFERENCES staff (id),
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    CHECK (arrival = 'visitor' OR finder_staff_id IS NOT NULL),
    CHECK (arrival <> 'on_site' OR (team_leader IS NOT NULL AND witness IS NOT NULL))
) STRICT;

CREATE INDEX found_item_status ON found_item (status, found_at);
CREATE INDEX found_item_found_at ON found_item (found_at);
CREATE INDEX found_item_finder_staff ON found_item (finder_staff_id, found_at);

CREATE TRIGGER found_item_no_delete BEFORE DELETE ON found_item
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

-- The features only the owner would know. Append-only: the newest row is current, older rows
-- keep what an amendment replaced (the audit log only notes that they changed).
CREATE TABLE found_item_private (
    id             INTEGER PRIMARY KEY,
    found_item_id  INTEGER NOT NULL REFERENCES found_item (id),
    features       TEXT,
    recorded_at    TEXT NOT NULL,
    recorded_by    INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE INDEX found_item_private_item ON found_item_private (found_item_id, id);

CREATE TRIGGER found_item_private_no_delete BEFORE DELETE ON found_item_private
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;
CREATE TRIGGER found_item_private_no_update BEFORE UPDATE ON found_item_private
BEGIN SELECT RAISE(ABORT, 'private features are append-only'); END;

-- Custody hand-overs: from whom to whom, when, where the item is stored afterwards.
CREATE TABLE found_item_custody (
    id                INTEGER PRIMARY KEY,
    found_item_id     INTEGER NOT NULL REFERENCES found_item (id),
    from_staff_id     INTEGER NOT NULL REFERENCES staff (id),
    to_staff_id       INTEGER NOT NULL REFERENCES staff (id),
    -- The receiver's role at the time (a valuable must reach a custodian).
    to_role           TEXT NOT NULL CHECK (to_role IN ('receptionist', 'supervisor', 'custodian', 'admin')),
    storage_location  TEXT NOT NULL,
    note              TEXT,
    at                TEXT NOT NULL,
    recorded_by       INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE INDEX found_item_custody_item ON found_item_custody (found_item_id, at);
CREATE INDEX found_item_custody_at ON found_item_custody (at);

CREATE TRIGGER found_item_custody_no_delete BEFORE DELETE ON found_item_custody
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

CREATE TABLE lost_report (
    id                INTEGER PRIMARY KEY,
    reporter_name     TEXT NOT NULL,
    contact           TEXT NOT NULL,
    lost_at           TEXT NOT NULL,
    lost_from         TEXT,
    lost_to           TEXT,
    lost_place        TEXT NOT NULL,
    category          TEXT NOT NULL CHECK (category IN ('cash', 'wallet', 'phone', 'electronics',
                          'documents_cards', 'keys', 'bag', 'clothing', 'umbrella',
                          'jewellery_watch', 'glasses', 'toy', 'other')),
    description       TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'returned', 'withdrawn')),
    found_item_id     INTEGER REFERENCES found_item (id),
    closed_at         TEXT,
    close_reason      TEXT,
    reported_at       TEXT NOT NULL,
    recorded_by       INTEGER NOT NULL REFERENCES staff (id),
    updated_at        TEXT NOT NULL
) STRICT;

CREATE INDEX lost_report_status ON lost_report (status, lost_at);
CREATE INDEX lost_report_reported_at ON lost_report (reported_at);

CREATE TRIGGER lost_report_no_delete BEFORE DELETE ON lost_report
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

-- The lower half of the form (认领表): who took the item back and how ownership was verified.
-- Only the last four characters of the identity document are kept.
CREATE TABLE claim (
    id               INTEGER PRIMARY KEY,
    found_item_id    INTEGER NOT NULL UNIQUE REFERENCES found_item (id),
    lost_report_id   INTEGER REFERENCES lost_report (id),
    claimant_name    TEXT NOT NULL,
    contact          TEXT NOT NULL,
    id_doc_type      TEXT NOT NULL CHECK (id_doc_type IN ('resident_id', 'passport', 'drivers_license', 'other')),
    id_last4         TEXT NOT NULL CHECK (length(id_last4) BETWEEN 1 AND 4),
    verification     TEXT NOT NULL,
    claimed_at       TEXT NOT NULL,
    handled_by       INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE INDEX claim_claimed_at ON claim (claimed_at);

CREATE TRIGGER claim_no_delete BEFORE DELETE ON claim
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;
