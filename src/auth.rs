//! Who may act: staff PINs, signing in (and unlocking the locked screen), the throttle of wrong
//! PINs, the public roster of the sign-in screen, and the audit trail of refused operations.
//!
//! - A PIN is 4–8 digits, stored only as an Argon2id PHC string (`$argon2id$v=19$m=…`) with a
//!   random salt per PIN, in `staff_pin` (never in `staff`, so no list, export or audit
//!   snapshot of a staff member carries it). The audit trail says "pin_set" / "pin_reset",
//!   never the hash.
//! - Wrong PINs in a row: from the 3rd a growing delay (30 s, then 60 s) must pass before the
//!   next attempt is even checked, and the 5th locks the account for 15 minutes (each further
//!   wrong PIN after a lock-out locks it again). This is stored (`locked_until`) and compared
//!   with the `now` passed in — nothing sleeps. An admin unlocks (`staff.unlock`) or sets a new
//!   PIN (`staff.set_pin`).
//! - A staff member without a PIN cannot sign in (`pin_not_set`): an admin gives them a
//!   temporary PIN, and at the first sign-in with it [`SignedIn::must_change_pin`] tells the
//!   app to ask for their own (`staff.set_pin` with `current_pin`). The only exception is the
//!   bootstrap: while no active admin has a PIN (a new counter, or one upgraded from before
//!   PINs), an admin chooses their first PIN with [`Desk::set_first_pin`].
//! - [`Desk::sign_in`] and [`Desk::unlock`] are Desk methods, not operations: nobody is signed
//!   in yet. Both are recorded in the audit trail, success and failure.
//! - The core has no sessions: an operation runs as the actor its transport names. The app
//!   names the signed-in staff member; the CLI (`--as`) is the machine owner's tool.

use crate::api::{op_write, Desk, Operation};
use crate::audit;
use crate::ctx::{Actor, Ctx};
use crate::db;
use crate::error::{Error, Result};
use crate::ids::StaffId;
use crate::profile::{self, CounterProfile, Role, Staff};
use crate::validate;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, SaltString};
use argon2::{Algorithm, Argon2, Params, PasswordVerifier, Version};
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};

/// Digits in a PIN.
pub const PIN_MIN: usize = 4;
pub const PIN_MAX: usize = 8;
/// From this many wrong PINs in a row, a delay must pass before the next attempt.
pub const DELAY_FROM: u32 = 3;
/// The first delay; it doubles with each further wrong PIN until the lock-out.
pub const FIRST_DELAY_SECONDS: i64 = 30;
/// This many wrong PINs in a row lock the account for [`LOCK_MINUTES`].
pub const LOCK_AT: u32 = 5;
pub const LOCK_MINUTES: i64 = 15;

/// Argon2id cost: 32 MiB, 3 passes, 1 lane (above the OWASP minimum of 19 MiB × 2). Measured
/// on the development machine (2 shared cores, load ~4) at 80–125 ms per hash or check with
/// the dependencies optimised — slow enough that the 10^4–10^8 PINs are costly to try offline
/// from a stolen file, quick enough at the counter. The parameters are stored in each PHC
/// string, so raising them later keeps old PINs working.
pub const ARGON2_MEMORY_KIB: u32 = 32 * 1024;
pub const ARGON2_PASSES: u32 = 3;
pub const ARGON2_LANES: u32 = 1;

fn argon2() -> Result<Argon2<'static>> {
    let params = Params::new(ARGON2_MEMORY_KIB, ARGON2_PASSES, ARGON2_LANES, None)
        .map_err(|e| Error::Storage(format!("argon2 parameters: {e}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// A new random salt: the one place the core uses randomness.
pub fn fresh_salt() -> SaltString {
    SaltString::generate(&mut OsRng)
}

/// The PHC string of `pin` with `salt` (deterministic for a given salt, so it can be tested).
pub fn hash_pin(pin: &str, salt: &SaltString) -> Result<String> {
    argon2()?
        .hash_password(pin.as_bytes(), salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Storage(format!("hashing the PIN: {e}")))
}

/// Whether `pin` matches the stored PHC string (with the parameters stored in it).
pub fn verify_pin(pin: &str, phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    // A PIN typed into a sign-in box is at most a few characters; refuse to hash a novel.
    pin.len() <= 64
        && Argon2::default()
            .verify_password(pin.as_bytes(), &parsed)
            .is_ok()
}

/// A new PIN: 4–8 ASCII digits, not one digit repeated nor a straight run (`1234`, `9876`).
pub fn check_pin(field: &str, pin: &str) -> Result<String> {
    let p = pin.trim();
    if p.is_empty() {
        return Err(Error::required(field));
    }
    if !p.chars().all(|c| c.is_ascii_digit()) || !(PIN_MIN..=PIN_MAX).contains(&p.len()) {
        return Err(Error::invalid(field, "pin_digits"));
    }
    let d: Vec<i32> = p.bytes().map(|b| i32::from(b - b'0')).collect();
    let steps: Vec<i32> = d.windows(2).map(|w| w[1] - w[0]).collect();
    if steps.iter().all(|s| *s == 0)
        || steps.iter().all(|s| *s == 1)
        || steps.iter().all(|s| *s == -1)
    {
        return Err(Error::invalid(field, "pin_too_simple"));
    }
    Ok(p.to_owned())
}

/// Wrong PINs in a row and until when attempts are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct Throttle {
    pub failed_attempts: u32,
    pub locked_until: Option<DateTime<Utc>>,
}

impl Throttle {
    /// The time before which an attempt at `now` is refused unchecked, if any.
    pub fn refuses(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.locked_until.filter(|u| *u > now)
    }

    /// The state after one more wrong PIN at `now`.
    pub fn after_failure(self, now: DateTime<Utc>) -> Throttle {
        let n = self.failed_attempts.saturating_add(1);
        let wait = if n >= LOCK_AT {
            Some(Duration::minutes(LOCK_MINUTES))
        } else if n >= DELAY_FROM {
            Some(Duration::seconds(
                FIRST_DELAY_SECONDS << (n - DELAY_FROM).min(10),
            ))
        } else {
            None
        };
        Throttle {
            failed_attempts: n,
            locked_until: wait.map(|w| now + w),
        }
    }

    /// Further wrong PINs before the lock-out (0: locked out now).
    pub fn attempts_left(&self) -> u32 {
        LOCK_AT.saturating_sub(self.failed_attempts)
    }
}

/// What is stored about a staff member's PIN; the hash never leaves this module.
#[derive(Debug, Clone, Default)]
struct PinRow {
    hash: Option<String>,
    must_change: bool,
    throttle: Throttle,
}

/// A PIN's state as the audit trail and the admin see it: never the PIN or its hash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct PinStatus {
    pub staff_id: StaffId,
    pub code: String,
    pub has_pin: bool,
    /// A temporary PIN set by an admin: the staff member must choose their own.
    pub must_change: bool,
    pub failed_attempts: u32,
    pub locked_until: Option<DateTime<Utc>>,
}

fn status_of(id: StaffId, row: &PinRow) -> PinStatus {
    PinStatus {
        staff_id: id,
        code: id.code(),
        has_pin: row.hash.is_some(),
        must_change: row.must_change,
        failed_attempts: row.throttle.failed_attempts,
        locked_until: row.throttle.locked_until,
    }
}

fn load_pin(conn: &Connection, id: StaffId) -> Result<PinRow> {
    Ok(conn
        .prepare_cached(
            "SELECT pin_hash, must_change, failed_attempts, locked_until
             FROM staff_pin WHERE staff_id = ?1",
        )?
        .query_row([id], |r| {
            Ok(PinRow {
                hash: r.get(0)?,
                must_change: r.get(1)?,
                throttle: Throttle {
                    failed_attempts: r.get(2)?,
                    locked_until: db::get_opt_ts(r, "locked_until")?,
                },
            })
        })
        .optional()?
        .unwrap_or_default())
}

fn save_throttle(conn: &Connection, id: StaffId, t: &Throttle) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO staff_pin (staff_id, failed_attempts, locked_until) VALUES (?1, ?2, ?3)
         ON CONFLICT (staff_id) DO UPDATE SET failed_attempts = ?2, locked_until = ?3",
    )?
    .execute(params![id, t.failed_attempts, db::opt_ts(&t.locked_until)])?;
    Ok(())
}

/// Store a new PIN hash; a new PIN also clears the throttle.
fn save_pin(
    conn: &Connection,
    id: StaffId,
    hash: &str,
    must_change: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO staff_pin (staff_id, pin_hash, must_change, set_at, failed_attempts, locked_until)
         VALUES (?1, ?2, ?3, ?4, 0, NULL)
         ON CONFLICT (staff_id) DO UPDATE SET pin_hash = ?2, must_change = ?3, set_at = ?4,
            failed_attempts = 0, locked_until = NULL",
    )?
    .execute(params![id, hash, must_change, db::ts(&now)])?;
    Ok(())
}

fn local_time(profile: &CounterProfile, t: DateTime<Utc>) -> String {
    let tz: chrono_tz::Tz = profile.time_zone.parse().unwrap_or(chrono_tz::UTC);
    t.with_timezone(&tz).format("%H:%M:%S").to_string()
}

fn locked_error(profile: &CounterProfile, until: DateTime<Utc>) -> Error {
    Error::Locked {
        until,
        until_local: local_time(profile, until),
    }
}

/// The error for a wrong PIN that moved `staff` to `after`.
fn wrong_pin_error(profile: &CounterProfile, staff: StaffId, after: &Throttle) -> Error {
    Error::WrongPin {
        staff_id: staff.0,
        attempts_left: after.attempts_left(),
        retry_at: after.locked_until,
        retry_local: after
            .locked_until
            .map(|u| local_time(profile, u))
            .unwrap_or_default(),
    }
}

fn ctx_of(staff: &Staff, profile: CounterProfile, now: DateTime<Utc>) -> Ctx {
    Ctx {
        actor: Actor {
            id: staff.id,
            login: staff.login.clone(),
            name: staff.name.clone(),
            role: staff.role,
        },
        now,
        profile,
    }
}

/// Who signed in (or unlocked the screen), for the app to act as.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct SignedIn {
    pub staff: Staff,
    /// The PIN was a temporary one from an admin: ask for a new one now (`staff.set_pin`).
    pub must_change_pin: bool,
    /// The counter's idle minutes before the screen locks.
    pub lock_after_minutes: i64,
}

/// The sign-in screen's request: a login (or staff code) and a PIN.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct SignIn {
    pub login: String,
    pub pin: String,
}

/// One staff member on the sign-in screen: public facts only, no secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct RosterEntry {
    pub id: StaffId,
    pub code: String,
    pub login: String,
    pub name: String,
    pub role: Role,
    pub has_pin: bool,
    /// Attempts are refused before this time (compare with the clock).
    pub locked_until: Option<DateTime<Utc>>,
}

/// Sign-in or screen unlock: the same check, named apart in the trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    SignIn,
    Unlock,
}

impl Purpose {
    fn action(self) -> &'static str {
        match self {
            Purpose::SignIn => "sign_in",
            Purpose::Unlock => "unlock",
        }
    }
    fn failed(self) -> &'static str {
        match self {
            Purpose::SignIn => "sign_in_failed",
            Purpose::Unlock => "unlock_failed",
        }
    }
}

impl Desk {
    /// Sign `login` in with `pin` at `now`. Errors: `wrong_pin` (attempts left; the 5th locks
    /// the account), `locked` (until when), `pin_not_set`, `forbidden` (deactivated),
    /// `not_found`. Every attempt is in the audit trail.
    pub fn sign_in(&mut self, login: &str, pin: &str, now: DateTime<Utc>) -> Result<SignedIn> {
        self.check_pin_of(login, pin, now, Purpose::SignIn)
    }

    /// Unlock the locked screen for `login` — the same or another staff member, who then acts:
    /// the same check and throttle as [`Desk::sign_in`], recorded as `unlock`.
    pub fn unlock(&mut self, login: &str, pin: &str, now: DateTime<Utc>) -> Result<SignedIn> {
        self.check_pin_of(login, pin, now, Purpose::Unlock)
    }

    /// Whether `login` signed in with a temporary PIN from an admin and must choose their own
    /// before acting (what the screen asks after sign-in; cleared by `staff.set_pin` of their
    /// own). Read from the database, so every screen and the CLI see the same answer.
    pub fn must_change_pin(&self, login: &str) -> Result<bool> {
        let staff = profile::find_staff(self.conn(), login)?;
        Ok(load_pin(self.conn(), staff.id)?.must_change)
    }

    /// The bootstrap: an admin chooses their first PIN while no active admin has one (a new
    /// counter, or one upgraded from before PINs), and is signed in. Anyone else without a
    /// PIN gets `pin_not_set`: an admin sets a temporary one with `staff.set_pin`.
    pub fn set_first_pin(
        &mut self,
        login: &str,
        pin: &str,
        now: DateTime<Utc>,
    ) -> Result<SignedIn> {
        let conn = self.conn();
        let prof = profile::load_profile(conn)?;
        let staff = profile::find_staff(conn, &validate::text("login", login, 32)?)?;
        let pin = check_pin("pin", pin)?;
        if load_pin(conn, staff.id)?.hash.is_some() {
            return Err(Error::invalid("pin", "pin_already_set"));
        }
        let admin_with_pin: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM staff s JOIN staff_pin p ON p.staff_id = s.id
             WHERE s.role = 'admin' AND s.active = 1 AND p.pin_hash IS NOT NULL)",
            [],
            |r| r.get(0),
        )?;
        if staff.role != Role::Admin || !staff.active || admin_with_pin {
            return Err(Error::PinNotSet { name: staff.name });
        }
        let hash = hash_pin(&pin, &fresh_salt())?;
        let tx = self
            .db_mut()
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let before = load_pin(&tx, staff.id)?;
        save_pin(&tx, staff.id, &hash, false, now)?;
        let after = load_pin(&tx, staff.id)?;
        let ctx = ctx_of(&staff, prof.clone(), now);
        audit::record(
            &tx,
            &ctx,
            "staff",
            staff.id.0,
            "pin_set",
            Some("first_pin"),
            Some(&status_of(staff.id, &before)),
            Some(&status_of(staff.id, &after)),
        )?;
        audit::record(
            &tx,
            &ctx,
            "staff",
            staff.id.0,
            "sign_in",
            None,
            None::<&()>,
            None::<&()>,
        )?;
        tx.commit()?;
        Ok(SignedIn {
            staff,
            must_change_pin: false,
            lock_after_minutes: prof.lock_after_minutes,
        })
    }

    /// The sign-in screen's list: active staff by name, whether each has a PIN and until when
    /// they are locked out. No secret.
    pub fn staff_roster(&self) -> Result<Vec<RosterEntry>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT s.id, s.login, s.name, s.role, p.pin_hash IS NOT NULL AS has_pin, p.locked_until
             FROM staff s LEFT JOIN staff_pin p ON p.staff_id = s.id
             WHERE s.active = 1 ORDER BY s.name, s.id",
        )?;
        let rows = stmt.query_map([], |r| {
            let id = StaffId(r.get(0)?);
            let role: String = r.get(3)?;
            Ok(RosterEntry {
                id,
                code: id.code(),
                login: r.get(1)?,
                name: r.get(2)?,
                role: Role::parse(&role).ok_or_else(|| {
                    rusqlite::Error::FromSqlConversionFailure(
                        3,
                        rusqlite::types::Type::Text,
                        format!("unknown role {role}").into(),
                    )
                })?,
                has_pin: r.get::<_, Option<bool>>(4)?.unwrap_or(false),
                locked_until: db::get_opt_ts(r, "locked_until")?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn check_pin_of(
        &mut self,
        login: &str,
        pin: &str,
        now: DateTime<Utc>,
        purpose: Purpose,
    ) -> Result<SignedIn> {
        let prof = profile::load_profile(self.conn())?;
        let login = validate::text("login", login, 32)?;
        let staff = match profile::find_staff(self.conn(), &login) {
            Ok(s) => s,
            Err(e @ Error::NotFound { .. }) => {
                self.trail_unknown_login(&login, now, purpose)?;
                return Err(e);
            }
            Err(e) => return Err(e),
        };
        let row = load_pin(self.conn(), staff.id)?;
        let refusal = if !staff.active {
            Some((
                "inactive",
                Error::Forbidden {
                    action: purpose.action().into(),
                    needed: "active",
                },
            ))
        } else if let Some(until) = row.throttle.refuses(now) {
            Some(("locked", locked_error(&prof, until)))
        } else if row.hash.is_none() {
            Some((
                "pin_not_set",
                Error::PinNotSet {
                    name: staff.name.clone(),
                },
            ))
        } else {
            None
        };
        let ctx = ctx_of(&staff, prof.clone(), now);
        if let Some((why, err)) = refusal {
            let tx = self
                .db_mut()
                .conn_mut()
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let st = status_of(staff.id, &row);
            audit::record(
                &tx,
                &ctx,
                "staff",
                staff.id.0,
                purpose.failed(),
                Some(why),
                Some(&st),
                Some(&st),
            )?;
            tx.commit()?;
            return Err(err);
        }
        // The slow check runs outside the write lock; the throttle is re-read inside it.
        let good = row.hash.as_deref().is_some_and(|h| verify_pin(pin, h));
        let tx = self
            .db_mut()
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let before = load_pin(&tx, staff.id)?;
        if good {
            save_throttle(&tx, staff.id, &Throttle::default())?;
            let after = load_pin(&tx, staff.id)?;
            audit::record(
                &tx,
                &ctx,
                "staff",
                staff.id.0,
                purpose.action(),
                None,
                Some(&status_of(staff.id, &before)),
                Some(&status_of(staff.id, &after)),
            )?;
            tx.commit()?;
            return Ok(SignedIn {
                must_change_pin: before.must_change,
                staff,
                lock_after_minutes: prof.lock_after_minutes,
            });
        }
        let throttle = before.throttle.after_failure(now);
        save_throttle(&tx, staff.id, &throttle)?;
        let after = load_pin(&tx, staff.id)?;
        audit::record(
            &tx,
            &ctx,
            "staff",
            staff.id.0,
            purpose.failed(),
            Some("wrong_pin"),
            Some(&status_of(staff.id, &before)),
            Some(&status_of(staff.id, &after)),
        )?;
        tx.commit()?;
        Err(wrong_pin_error(&prof, staff.id, &throttle))
    }

    /// A sign-in for a login nobody has: recorded with no actor id.
    fn trail_unknown_login(
        &mut self,
        login: &str,
        now: DateTime<Utc>,
        purpose: Purpose,
    ) -> Result<()> {
        let tx = self
            .db_mut()
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        audit::append(
            &tx,
            &db::ts(&now),
            None,
            login,
            "staff",
            0,
            purpose.failed(),
            Some("unknown_login"),
            None,
            None,
        )?;
        tx.commit()?;
        Ok(())
    }
}

/// After an operation was refused and rolled back: what must still be written. A `forbidden`
/// refusal is recorded (entity `operation`, the operation's name, the actor, the role needed);
/// a wrong current PIN given to `staff.set_pin` counts against the throttle like a sign-in.
pub(crate) fn after_refusal(conn: &Connection, ctx: &Ctx, op: &str, err: &Error) -> Result<()> {
    match err {
        Error::Forbidden { action, needed } => {
            #[derive(Serialize)]
            struct Refusal<'a> {
                operation: &'a str,
                action: &'a str,
                needed: &'a str,
                role: &'a str,
            }
            audit::record(
                conn,
                ctx,
                "operation",
                0,
                "refused",
                Some(op),
                None::<&()>,
                Some(&Refusal {
                    operation: op,
                    action,
                    needed,
                    role: ctx.actor.role.as_str(),
                }),
            )?;
        }
        Error::WrongPin { staff_id, .. } => {
            let id = StaffId(*staff_id);
            let before = load_pin(conn, id)?;
            let mut after = before.clone();
            after.throttle = before.throttle.after_failure(ctx.now);
            save_throttle(conn, id, &after.throttle)?;
            audit::record(
                conn,
                ctx,
                "staff",
                id.0,
                "pin_check_failed",
                Some(op),
                Some(&status_of(id, &before)),
                Some(&status_of(id, &after)),
            )?;
        }
        _ => {}
    }
    Ok(())
}

/// Set a PIN. Without `id` (or with one's own id): one's own PIN, giving `current_pin` when one
/// is set. With another staff member's id: an admin sets a temporary PIN (also a reset: it
/// clears any lock-out), which its owner must change at the next sign-in.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct SetPin {
    #[serde(default)]
    pub id: Option<StaffId>,
    pub pin: String,
    #[serde(default)]
    pub current_pin: Option<String>,
}

fn set_pin(conn: &Connection, ctx: &Ctx, req: SetPin) -> Result<PinStatus> {
    let id = req.id.unwrap_or(ctx.actor.id);
    let own = id == ctx.actor.id;
    if !own {
        ctx.require("manage_staff", &[Role::Admin])?;
    }
    let staff = profile::get_staff(conn, id)?;
    let pin = check_pin("pin", &req.pin)?;
    let before = load_pin(conn, id)?;
    if own {
        if let Some(hash) = &before.hash {
            if let Some(until) = before.throttle.refuses(ctx.now) {
                return Err(locked_error(&ctx.profile, until));
            }
            let current = req
                .current_pin
                .as_deref()
                .filter(|c| !c.trim().is_empty())
                .ok_or_else(|| Error::required("current_pin"))?;
            if !verify_pin(current.trim(), hash) {
                // Counted after the rollback (`after_refusal`).
                let after = before.throttle.after_failure(ctx.now);
                return Err(wrong_pin_error(&ctx.profile, id, &after));
            }
            if verify_pin(&pin, hash) {
                return Err(Error::invalid("pin", "same_pin"));
            }
        }
    }
    let hash = hash_pin(&pin, &fresh_salt())?;
    save_pin(conn, id, &hash, !own, ctx.now)?;
    let after = load_pin(conn, id)?;
    audit::record(
        conn,
        ctx,
        "staff",
        staff.id.0,
        if own { "pin_set" } else { "pin_reset" },
        None,
        Some(&status_of(id, &before)),
        Some(&status_of(id, &after)),
    )?;
    Ok(status_of(id, &after))
}

/// Lift a lock-out (admin): the wrong-PIN count starts again.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct UnlockStaff {
    pub id: StaffId,
    pub reason: String,
}

fn unlock_staff(conn: &Connection, ctx: &Ctx, req: UnlockStaff) -> Result<PinStatus> {
    ctx.require("manage_staff", &[Role::Admin])?;
    let reason = validate::text("reason", &req.reason, validate::SHORT_MAX)?;
    let staff = profile::get_staff(conn, req.id)?;
    let before = load_pin(conn, staff.id)?;
    save_throttle(conn, staff.id, &Throttle::default())?;
    let after = load_pin(conn, staff.id)?;
    audit::record(
        conn,
        ctx,
        "staff",
        staff.id.0,
        "unlock_account",
        Some(&reason),
        Some(&status_of(staff.id, &before)),
        Some(&status_of(staff.id, &after)),
    )?;
    Ok(status_of(staff.id, &after))
}

/// The operations of this module.
pub fn operations() -> Vec<Operation> {
    vec![
        op_write(
            "staff.set_pin",
            "Set a PIN (4–8 digits): one's own (current_pin when one is set), or, as admin, a temporary one for another staff member (also clears a lock-out).",
            set_pin,
        ),
        op_write(
            "staff.unlock",
            "Lift a staff member's lock-out after wrong PINs (admin; reason required).",
            unlock_staff,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn wrong_pins_delay_then_lock() {
        let now = at("2026-11-24T01:00:00Z");
        let t1 = Throttle::default().after_failure(now);
        assert_eq!(
            (t1.failed_attempts, t1.locked_until, t1.attempts_left()),
            (1, None, 4)
        );
        let t2 = t1.after_failure(now);
        assert_eq!(t2.locked_until, None);
        let t3 = t2.after_failure(now);
        assert_eq!(t3.locked_until, Some(now + Duration::seconds(30)));
        let t4 = t3.after_failure(now);
        assert_eq!(t4.locked_until, Some(now + Duration::seconds(60)));
        let t5 = t4.after_failure(now);
        assert_eq!(t5.locked_until, Some(now + Duration::minutes(15)));
        assert_eq!(t5.attempts_left(), 0);
        assert_eq!(t5.refuses(now + Duration::minutes(14)), t5.locked_until);
        assert_eq!(t5.refuses(now + Duration::minutes(15)), None);
        let t6 = t5.after_failure(now + Duration::minutes(16));
        assert_eq!(t6.locked_until, Some(now + Duration::minutes(31)));
    }

    #[test]
    fn pins_are_four_to_eight_digits_and_not_trivial() {
        assert_eq!(check_pin("pin", " 2580 ").unwrap(), "2580");
        assert!(check_pin("pin", "25807193").is_ok());
        for bad in ["258", "258071934", "25a0", "２５８０"] {
            assert!(
                matches!(check_pin("pin", bad), Err(Error::Invalid { .. })),
                "{bad}"
            );
        }
        for simple in ["0000", "1234", "98765", "777777"] {
            assert!(
                matches!(check_pin("pin", simple), Err(Error::Invalid { .. })),
                "{simple}"
            );
        }
    }

    #[test]
    fn a_hash_is_an_argon2id_phc_string_that_verifies() {
        let salt = SaltString::encode_b64(b"fixed salt 16 by").unwrap();
        let h = hash_pin("2580", &salt).unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=32768,t=3,p=1$"), "{h}");
        assert_eq!(h, hash_pin("2580", &salt).unwrap());
        assert!(verify_pin("2580", &h));
        assert!(!verify_pin("2581", &h));
        assert!(!verify_pin("2580", "not a hash"));
    }
}
