-- Photos and signatures kept with a record: photos of a found item, a parcel, a claim, a lost
-- report or a complaint; the signature of whoever collected a parcel or claimed an item. They
-- live in the database file, so every backup carries them. Nothing is deleted: a wrong one is
-- withdrawn with a reason (kept, marked, audited); a new signature on the same record
-- supersedes the previous one, which stays.

CREATE TABLE attachment (
    id               INTEGER PRIMARY KEY,
    entity           TEXT NOT NULL CHECK (entity IN ('found_item', 'parcel', 'claim', 'lost_report',
                                                     'complaint')),
    entity_id        INTEGER NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('photo', 'signature')),
    mime             TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
    byte_size        INTEGER NOT NULL CHECK (byte_size > 0),
    sha256           TEXT NOT NULL CHECK (length(sha256) = 64),
    width            INTEGER CHECK (width IS NULL OR width > 0),
    height           INTEGER CHECK (height IS NULL OR height > 0),
    caption          TEXT,
    -- The signature this one replaced as the record's signature.
    supersedes       INTEGER REFERENCES attachment (id),
    added_at         TEXT NOT NULL,
    added_by         INTEGER NOT NULL REFERENCES staff (id),
    withdrawn_at     TEXT,
    withdrawn_by     INTEGER REFERENCES staff (id),
    withdraw_reason  TEXT,
    -- Last, so that reading the metadata never walks a large blob's overflow pages.
    bytes            BLOB NOT NULL CHECK (length(bytes) = byte_size),
    CHECK (kind = 'photo' OR entity IN ('parcel', 'claim')),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL)
       AND (withdrawn_at IS NULL) = (withdraw_reason IS NULL))
) STRICT;

CREATE INDEX attachment_record ON attachment (entity, entity_id, kind, id);

CREATE TRIGGER attachment_no_delete BEFORE DELETE ON attachment
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

-- Only the withdrawal columns ever change, and only once.
CREATE TRIGGER attachment_content_fixed
BEFORE UPDATE OF id, entity, entity_id, kind, mime, byte_size, sha256, width, height, caption,
                 supersedes, added_at, added_by, bytes ON attachment
BEGIN SELECT RAISE(ABORT, 'an attachment is never changed; withdraw it instead'); END;

CREATE TRIGGER attachment_withdrawn_once BEFORE UPDATE ON attachment
WHEN OLD.withdrawn_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'an attachment is withdrawn only once'); END;
