-- Staff sign-in: each staff member's PIN (an Argon2id PHC string, never the PIN itself) and the
-- throttle of wrong PINs; and the counter's idle time before the screen locks. The PIN row is
-- kept apart from `staff` so that no list, export or audit snapshot of a staff member can carry
-- the hash. A row is created the first time a PIN is set or a wrong one is typed.
CREATE TABLE staff_pin (
    staff_id         INTEGER PRIMARY KEY REFERENCES staff (id),
    pin_hash         TEXT CHECK (pin_hash IS NULL OR pin_hash LIKE '$argon2id$%'),
    -- Set by an admin (a temporary PIN): the staff member chooses their own at next sign-in.
    must_change      INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
    set_at           TEXT,
    -- Wrong PINs in a row since the last good one.
    failed_attempts  INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    -- No attempt is checked before this time (a growing delay, then a lock-out).
    locked_until     TEXT
) STRICT;

CREATE TRIGGER staff_pin_no_delete BEFORE DELETE ON staff_pin
BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;

ALTER TABLE counter_profile ADD COLUMN lock_after_minutes INTEGER NOT NULL DEFAULT 5
    CHECK (lock_after_minutes BETWEEN 1 AND 240);
