-- mail register: letters, parcels, registered mail, printed matter, newspapers and remittance
-- notices received for residents (direction 'in') or left at the counter to send ('out').
-- Nothing is deleted; corrections are amendments recorded in the audit log.

CREATE TABLE parcel (
    id                 INTEGER PRIMARY KEY,
    direction          TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    kind               TEXT NOT NULL CHECK (kind IN ('letter', 'registered', 'parcel', 'printed_matter',
                                                     'newspaper_magazine', 'remittance_notice')),
    carrier            TEXT,
    -- As typed or scanned, spaces removed; `tracking_key` is its upper-case form, the one
    -- compared for duplicates.
    tracking_no        TEXT,
    tracking_key       TEXT,
    recipient_name     TEXT NOT NULL,
    recipient_unit     TEXT,
    recipient_contact  TEXT,
    sender             TEXT,
    received_at        TEXT NOT NULL,
    received_by        INTEGER NOT NULL REFERENCES staff (id),
    storage_location   TEXT,
    note               TEXT,
    status             TEXT NOT NULL CHECK (status IN ('received', 'notified', 'picked_up', 'returned', 'lost',
                                                       'accepted', 'dispatched')),
    -- Hand-over to the recipient (only the last 4 characters of an identity document).
    picked_up_at       TEXT,
    picked_up_by       TEXT,
    on_behalf_of       TEXT,
    id_checked         INTEGER CHECK (id_checked IN (0, 1)),
    id_doc_type        TEXT,
    id_last4           TEXT CHECK (id_last4 IS NULL OR length(id_last4) <= 4),
    pickup_note        TEXT,
    -- Outgoing items handed to the carrier.
    dispatched_at      TEXT,
    -- Returned to sender.
    return_reason      TEXT,
    -- When and by whom the item left the open list (picked up, dispatched, returned, lost).
    closed_at          TEXT,
    closed_by          INTEGER REFERENCES staff (id),
    updated_at         TEXT NOT NULL,
    CHECK ((direction = 'in' AND status IN ('received', 'notified', 'picked_up', 'returned', 'lost'))
        OR (direction = 'out' AND status IN ('accepted', 'dispatched', 'returned', 'lost'))),
    CHECK ((tracking_no IS NULL) = (tracking_key IS NULL))
) STRICT;

-- A tracking number may be open on one item only; a closed item's number may recur.
CREATE UNIQUE INDEX parcel_open_tracking ON parcel (tracking_key)
    WHERE tracking_key IS NOT NULL AND status IN ('received', 'notified', 'accepted');
CREATE INDEX parcel_status_received ON parcel (status, received_at);
CREATE INDEX parcel_received ON parcel (received_at);

CREATE TRIGGER parcel_no_delete BEFORE DELETE ON parcel
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

-- Every time the recipient was told (phone, SMS, WeChat, KakaoTalk, in person, notice board).
CREATE TABLE parcel_notification (
    id          INTEGER PRIMARY KEY,
    parcel_id   INTEGER NOT NULL REFERENCES parcel (id),
    at          TEXT NOT NULL,
    channel     TEXT NOT NULL CHECK (channel IN ('phone', 'sms', 'wechat', 'kakao', 'in_person',
                                                 'notice_board', 'other')),
    note        TEXT,
    by_id       INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE INDEX parcel_notification_parcel ON parcel_notification (parcel_id, at);

CREATE TRIGGER parcel_notification_no_delete BEFORE DELETE ON parcel_notification
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

-- Damaged, misaddressed or lost mail, with the report made (000 §2.6).
CREATE TABLE parcel_exception (
    id          INTEGER PRIMARY KEY,
    parcel_id   INTEGER NOT NULL REFERENCES parcel (id),
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('damaged', 'misaddressed', 'lost')),
    report      TEXT NOT NULL,
    by_id       INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE INDEX parcel_exception_parcel ON parcel_exception (parcel_id, at);

CREATE TRIGGER parcel_exception_no_delete BEFORE DELETE ON parcel_exception
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;
