-- Core: migration bookkeeping, the counter's profile, staff, the audit trail, the search index.
-- Every table is STRICT. Nothing is ever deleted: register tables refuse DELETE by trigger.

CREATE TABLE schema_migration (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    sha256     TEXT NOT NULL
) STRICT;

-- One row: the counter this file belongs to.
CREATE TABLE counter_profile (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    name                  TEXT NOT NULL,
    locale                TEXT NOT NULL CHECK (locale IN ('zh-CN', 'ko', 'en')),
    time_zone             TEXT NOT NULL,
    legal_regime          TEXT NOT NULL CHECK (legal_regime IN ('CN', 'KR', 'other')),
    parcel_reminder_days  INTEGER NOT NULL DEFAULT 3,
    police_handover_days  INTEGER NOT NULL DEFAULT 7,
    finance_holding_days  INTEGER NOT NULL DEFAULT 30,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
) STRICT;

CREATE TABLE staff (
    id          INTEGER PRIMARY KEY,
    login       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('receptionist', 'supervisor', 'custodian', 'admin')),
    phone       TEXT,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TRIGGER staff_no_delete BEFORE DELETE ON staff
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

-- Append-only, hash-chained: hash = sha256(prev_hash || content of this row), see audit.rs.
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor_id   INTEGER,
    actor      TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  INTEGER NOT NULL,
    action     TEXT NOT NULL,
    reason     TEXT,
    before     TEXT,
    after      TEXT,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- One search index over every register (see search.rs). rowid = register number << 40 | record id.
-- `body` holds the searchable text; `grams` holds its CJK unigrams and bigrams, space-delimited,
-- so one- and two-character Chinese and Korean words are found although trigrams need three.
CREATE VIRTUAL TABLE search_fts USING fts5 (
    body,
    grams,
    register UNINDEXED,
    record_id UNINDEXED,
    code UNINDEXED,
    title UNINDEXED,
    status UNINDEXED,
    at UNINDEXED,
    tokenize = 'trigram'
);
