//! The counter profile (name, language, time zone, legal regime, reminder ages) and its staff.
//!
//! The profile is one row, written by `frontdesk init` and changed by an admin. Staff are never
//! deleted; a staff member who leaves is deactivated and can no longer act.

use crate::api::{op_read, op_write, Operation};
use crate::audit;
use crate::ctx::Ctx;
use crate::db;
use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::ids::StaffId;
use crate::validate;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// How found property must be handed on, by country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub enum LegalRegime {
    /// China: notify and hand to public security; unclaimed property goes to the state one
    /// year after the notice (Civil Code art. 318).
    #[serde(rename = "CN")]
    Cn,
    /// Korea: hand to the police within 7 days of finding (유실물법).
    #[serde(rename = "KR")]
    Kr,
    /// Elsewhere: the custodian hands confirmed unclaimed items to finance each month.
    #[serde(rename = "other")]
    Other,
}

impl LegalRegime {
    pub fn as_str(self) -> &'static str {
        match self {
            LegalRegime::Cn => "CN",
            LegalRegime::Kr => "KR",
            LegalRegime::Other => "other",
        }
    }
    fn parse(s: &str) -> Option<Self> {
        match s {
            "CN" => Some(LegalRegime::Cn),
            "KR" => Some(LegalRegime::Kr),
            "other" => Some(LegalRegime::Other),
            _ => None,
        }
    }
}

/// What a staff member may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Receptionist,
    Supervisor,
    /// The lost-property custodian.
    Custodian,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Receptionist => "receptionist",
            Role::Supervisor => "supervisor",
            Role::Custodian => "custodian",
            Role::Admin => "admin",
        }
    }
    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s {
            "receptionist" => Some(Role::Receptionist),
            "supervisor" => Some(Role::Supervisor),
            "custodian" => Some(Role::Custodian),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// The counter this database belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CounterProfile {
    pub name: String,
    pub locale: Locale,
    /// IANA time zone, e.g. `Asia/Shanghai`, `Asia/Seoul`.
    pub time_zone: String,
    pub legal_regime: LegalRegime,
    /// Parcels waiting longer than this many days are listed for a reminder.
    pub parcel_reminder_days: i64,
    /// Days from finding within which found property goes to the police / public security.
    pub police_handover_days: i64,
    /// `other` regime: days an item is held before the monthly hand-over to finance.
    pub finance_holding_days: i64,
    /// Minutes without input after which the app locks the screen (sign-in to unlock).
    pub lock_after_minutes: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A staff member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Staff {
    pub id: StaffId,
    pub code: String,
    pub login: String,
    pub name: String,
    pub role: Role,
    pub phone: Option<String>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn bad_enum(col: usize, v: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        rusqlite::types::Type::Text,
        format!("unknown value {v}").into(),
    )
}

/// The profile, or `not_initialised`.
pub fn load_profile(conn: &Connection) -> Result<CounterProfile> {
    conn.prepare_cached(
        "SELECT name, locale, time_zone, legal_regime, parcel_reminder_days, police_handover_days,
                finance_holding_days, created_at, updated_at, lock_after_minutes
         FROM counter_profile WHERE id = 1",
    )?
    .query_row([], |r| {
        let locale: String = r.get(1)?;
        let regime: String = r.get(3)?;
        Ok(CounterProfile {
            name: r.get(0)?,
            locale: Locale::parse(&locale).ok_or_else(|| bad_enum(1, &locale))?,
            time_zone: r.get(2)?,
            legal_regime: LegalRegime::parse(&regime).ok_or_else(|| bad_enum(3, &regime))?,
            parcel_reminder_days: r.get(4)?,
            police_handover_days: r.get(5)?,
            finance_holding_days: r.get(6)?,
            lock_after_minutes: r.get(9)?,
            created_at: db::get_ts(r, "created_at")?,
            updated_at: db::get_ts(r, "updated_at")?,
        })
    })
    .optional()?
    .ok_or(Error::NotInitialised)
}

const STAFF_COLS: &str = "id, login, name, role, phone, active, created_at, updated_at";

fn staff_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Staff> {
    let id = StaffId(r.get(0)?);
    let role: String = r.get(3)?;
    Ok(Staff {
        id,
        code: id.code(),
        login: r.get(1)?,
        name: r.get(2)?,
        role: Role::parse(&role).ok_or_else(|| bad_enum(3, &role))?,
        phone: r.get(4)?,
        active: r.get(5)?,
        created_at: db::get_ts(r, "created_at")?,
        updated_at: db::get_ts(r, "updated_at")?,
    })
}

pub fn get_staff(conn: &Connection, id: StaffId) -> Result<Staff> {
    conn.prepare_cached(&format!("SELECT {STAFF_COLS} FROM staff WHERE id = ?1"))?
        .query_row([id], staff_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("staff", id))
}

/// Find a staff member by login, code (`ST-000001`) or numeric id.
pub fn find_staff(conn: &Connection, who: &str) -> Result<Staff> {
    let who = who.trim();
    let by_login = conn
        .prepare_cached(&format!("SELECT {STAFF_COLS} FROM staff WHERE login = ?1"))?
        .query_row([who], staff_from_row)
        .optional()?;
    if let Some(s) = by_login {
        return Ok(s);
    }
    let id = match crate::ids::parse_code(who) {
        Some(("ST", n)) => Some(n),
        _ => who.parse::<i64>().ok(),
    };
    match id {
        Some(n) => get_staff(conn, StaffId(n)),
        None => Err(Error::not_found("staff", who)),
    }
}

/// The first set-up of a counter: its profile and first admin.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct InitCounter {
    pub name: String,
    pub locale: Locale,
    pub time_zone: String,
    pub legal_regime: LegalRegime,
    pub admin_login: String,
    pub admin_name: String,
}

fn check_tz(field: &str, tz: &str) -> Result<String> {
    let tz = validate::text(field, tz, 64)?;
    tz.parse::<chrono_tz::Tz>()
        .map_err(|_| Error::invalid(field, "not_a_time_zone"))?;
    Ok(tz)
}

fn check_login(field: &str, login: &str) -> Result<String> {
    let l = validate::text(field, login, 32)?;
    if !l
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.')
    {
        return Err(Error::invalid(field, "login_chars"));
    }
    if crate::ids::parse_code(&l).is_some() || l.parse::<i64>().is_ok() {
        return Err(Error::invalid(field, "looks_like_code"));
    }
    Ok(l)
}

/// Create the profile and first admin. Refused if the counter is already set up.
pub fn init(conn: &Connection, req: &InitCounter, now: DateTime<Utc>) -> Result<Staff> {
    let name = validate::text("name", &req.name, validate::NAME_MAX)?;
    let tz = check_tz("time_zone", &req.time_zone)?;
    let login = check_login("admin_login", &req.admin_login)?;
    let admin_name = validate::text("admin_name", &req.admin_name, validate::NAME_MAX)?;
    if load_profile(conn).is_ok() {
        return Err(Error::state("counter_profile", "initialised", "init"));
    }
    let at = db::ts(&now);
    conn.execute(
        "INSERT INTO counter_profile (id, name, locale, time_zone, legal_regime, created_at, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?5)",
        params![name, req.locale.tag(), tz, req.legal_regime.as_str(), at],
    )?;
    conn.execute(
        "INSERT INTO staff (login, name, role, created_at, updated_at) VALUES (?1, ?2, 'admin', ?3, ?3)",
        params![login, admin_name, at],
    )?;
    let admin = get_staff(conn, StaffId(conn.last_insert_rowid()))?;
    let ctx = Ctx {
        actor: crate::ctx::Actor {
            id: admin.id,
            login: admin.login.clone(),
            name: admin.name.clone(),
            role: admin.role,
        },
        now,
        profile: load_profile(conn)?,
    };
    audit::record(
        conn,
        &ctx,
        "counter_profile",
        1,
        "init",
        None,
        None::<&()>,
        Some(&ctx.profile),
    )?;
    audit::record(
        conn,
        &ctx,
        "staff",
        admin.id.0,
        "create",
        None,
        None::<&()>,
        Some(&admin),
    )?;
    Ok(admin)
}

/// Change the profile (admin). Absent fields stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct UpdateProfile {
    pub name: Option<String>,
    pub locale: Option<Locale>,
    pub time_zone: Option<String>,
    pub legal_regime: Option<LegalRegime>,
    pub parcel_reminder_days: Option<i64>,
    pub police_handover_days: Option<i64>,
    pub finance_holding_days: Option<i64>,
    pub lock_after_minutes: Option<i64>,
    /// Why (kept in the history).
    pub reason: Option<String>,
}

fn update_profile(conn: &Connection, ctx: &Ctx, req: UpdateProfile) -> Result<CounterProfile> {
    ctx.require("update_profile", &[Role::Admin])?;
    let before = load_profile(conn)?;
    let mut p = before.clone();
    if let Some(n) = &req.name {
        p.name = validate::text("name", n, validate::NAME_MAX)?;
    }
    if let Some(l) = req.locale {
        p.locale = l;
    }
    if let Some(tz) = &req.time_zone {
        p.time_zone = check_tz("time_zone", tz)?;
    }
    if let Some(r) = req.legal_regime {
        p.legal_regime = r;
    }
    if let Some(d) = req.parcel_reminder_days {
        p.parcel_reminder_days = validate::int_range("parcel_reminder_days", d, 1, 365)?;
    }
    if let Some(d) = req.police_handover_days {
        p.police_handover_days = validate::int_range("police_handover_days", d, 1, 365)?;
    }
    if let Some(d) = req.finance_holding_days {
        p.finance_holding_days = validate::int_range("finance_holding_days", d, 1, 3650)?;
    }
    if let Some(m) = req.lock_after_minutes {
        p.lock_after_minutes = validate::int_range("lock_after_minutes", m, 1, 240)?;
    }
    let reason = validate::opt_text("reason", req.reason.as_deref(), validate::SHORT_MAX)?;
    p.updated_at = ctx.now;
    conn.execute(
        "UPDATE counter_profile SET name = ?1, locale = ?2, time_zone = ?3, legal_regime = ?4,
            parcel_reminder_days = ?5, police_handover_days = ?6, finance_holding_days = ?7, updated_at = ?8,
            lock_after_minutes = ?9
         WHERE id = 1",
        params![
            p.name,
            p.locale.tag(),
            p.time_zone,
            p.legal_regime.as_str(),
            p.parcel_reminder_days,
            p.police_handover_days,
            p.finance_holding_days,
            db::ts(&ctx.now),
            p.lock_after_minutes
        ],
    )?;
    audit::record(
        conn,
        ctx,
        "counter_profile",
        1,
        "update",
        reason.as_deref(),
        Some(&before),
        Some(&p),
    )?;
    Ok(p)
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct AddStaff {
    pub login: String,
    pub name: String,
    pub role: Role,
    #[serde(default)]
    pub phone: Option<String>,
}

fn add_staff(conn: &Connection, ctx: &Ctx, req: AddStaff) -> Result<Staff> {
    ctx.require("manage_staff", &[Role::Admin])?;
    let login = check_login("login", &req.login)?;
    let name = validate::text("name", &req.name, validate::NAME_MAX)?;
    let phone = validate::opt_text("phone", req.phone.as_deref(), 60)?;
    if find_staff(conn, &login).is_ok() {
        return Err(Error::Duplicate {
            field: "login".into(),
            detail: login,
        });
    }
    conn.execute(
        "INSERT INTO staff (login, name, role, phone, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![login, name, req.role.as_str(), phone, db::ts(&ctx.now)],
    )?;
    let s = get_staff(conn, StaffId(conn.last_insert_rowid()))?;
    audit::record(
        conn,
        ctx,
        "staff",
        s.id.0,
        "create",
        None,
        None::<&()>,
        Some(&s),
    )?;
    Ok(s)
}

/// Amend a staff member: name, role, phone or active. A reason is required.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct UpdateStaff {
    pub id: StaffId,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub role: Option<Role>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub active: Option<bool>,
    pub reason: String,
}

fn update_staff(conn: &Connection, ctx: &Ctx, req: UpdateStaff) -> Result<Staff> {
    ctx.require("manage_staff", &[Role::Admin])?;
    let reason = validate::text("reason", &req.reason, validate::SHORT_MAX)?;
    let before = get_staff(conn, req.id)?;
    let mut s = before.clone();
    if let Some(n) = &req.name {
        s.name = validate::text("name", n, validate::NAME_MAX)?;
    }
    if let Some(r) = req.role {
        s.role = r;
    }
    if let Some(p) = &req.phone {
        s.phone = validate::opt_text("phone", Some(p), 60)?;
    }
    if let Some(a) = req.active {
        if !a && s.id == ctx.actor.id {
            return Err(Error::invalid("active", "self_deactivate"));
        }
        s.active = a;
    }
    s.updated_at = ctx.now;
    conn.execute(
        "UPDATE staff SET name = ?2, role = ?3, phone = ?4, active = ?5, updated_at = ?6 WHERE id = ?1",
        params![s.id, s.name, s.role.as_str(), s.phone, s.active, db::ts(&ctx.now)],
    )?;
    audit::record(
        conn,
        ctx,
        "staff",
        s.id.0,
        "amend",
        Some(&reason),
        Some(&before),
        Some(&s),
    )?;
    Ok(s)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ListStaff {
    /// Include deactivated staff.
    #[serde(default)]
    pub include_inactive: bool,
}

pub fn list_staff(conn: &Connection, _ctx: &Ctx, req: ListStaff) -> Result<Vec<Staff>> {
    staff_list(conn, req.include_inactive)
}

/// Every staff member (for the sign-in screen, before anyone acts).
pub fn all_staff(conn: &Connection) -> Result<Vec<Staff>> {
    staff_list(conn, true)
}

fn staff_list(conn: &Connection, include_inactive: bool) -> Result<Vec<Staff>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {STAFF_COLS} FROM staff WHERE active = 1 OR ?1 ORDER BY name"
    ))?;
    let rows = stmt.query_map([include_inactive], staff_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct Empty {}

/// The operations of this register.
pub fn operations() -> Vec<Operation> {
    vec![
        op_read("profile.get", "The counter profile.", |c, _ctx, _: Empty| {
            load_profile(c)
        }),
        op_write(
            "profile.update",
            "Change the counter profile (admin): name, locale, time zone, legal regime, reminder ages, screen-lock minutes.",
            update_profile,
        ),
        op_read("staff.list", "Staff members, active ones unless include_inactive.", list_staff),
        op_read("staff.me", "The acting staff member.", |c, ctx, _: Empty| {
            get_staff(c, ctx.actor.id)
        }),
        op_write("staff.add", "Add a staff member (admin).", add_staff),
        op_write(
            "staff.update",
            "Amend a staff member's name, role, phone or active flag (admin; reason required).",
            update_staff,
        ),
    ]
}
