//! Shifts, the duty log (值班记录 / 근무일지) and the shift handover (交接班 / 근무 인수인계).
//!
//! A shift is `awaiting_ack` → `open` → `closed`; at most one shift is not closed. A shift opened
//! while the previous shift's handover is unacknowledged waits (`awaiting_ack`) until
//! `handover.acknowledge`; until then every duty-log write is refused with `handover_pending`
//! (with no shift at all: `no_open_shift`). Closing a shift needs every end-of-shift checklist
//! that has active items (see `checklist.rs`), writes the [`Handover`] and snapshots the
//! counter's open items (every register's, through `dashboard::open_items`) into it.
//!
//! A duty-log entry is `open` → `done` → `closed`: follow-ups until done, then a call-back
//! (回访) that closes it when the customer is satisfied. Entries that need no follow-up
//! (briefings, notes) are created closed. Corrections are amendments with a reason, kept in
//! the audit log. To add a field: a column in `0002_shift.sql` (a new migration once
//! shipped), the struct, its SELECT list, its validation, `field.<name>` in the catalogue.

use crate::api::{op_read, op_write, Operation};
use crate::audit;
use crate::ctx::Ctx;
use crate::dashboard::{OpenItem, OpenKind};
use crate::db;
use crate::error::{Error, Result};
use crate::i18n::{self, Locale};
use crate::ids::{HandoverId, LogEntryId, ShiftId, StaffId};
use crate::profile::Role;
use crate::search::{self, Register, SearchDoc};
use crate::validate;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

text_enum! {
    /// Where a shift is in its life.
    pub enum ShiftStatus {
        /// Opened while the previous shift's handover is not yet acknowledged.
        AwaitingAck => "awaiting_ack",
        Open => "open",
        Closed => "closed",
    }
}

text_enum! {
    /// What a duty-log entry records.
    pub enum LogKind {
        /// A telephone call (来电).
        Call => "call",
        /// A visit to the counter (来访).
        Visit => "visit",
        /// Someone sent to do something (派工).
        Dispatch => "dispatch",
        /// Something that happened: a hazard, a breakdown, a missing asset (事件).
        Incident => "incident",
        /// The pre-shift briefing's minutes (班前会).
        Briefing => "briefing",
        /// Anything else worth writing down.
        Note => "note",
    }
}

impl LogEntry {
    /// Whether finishing this entry calls for a call-back: a person asked for something, or
    /// someone was sent and the result is to be checked. A note-like entry (a checklist
    /// problem nobody was sent for yet, say) closes when done.
    pub fn owes_callback(&self) -> bool {
        self.person.is_some() || self.dispatched_to.is_some()
    }
}

impl LogKind {
    /// Calls, visits, dispatches and incidents are followed up until done.
    pub fn follows_up_by_default(self) -> bool {
        matches!(
            self,
            LogKind::Call | LogKind::Visit | LogKind::Dispatch | LogKind::Incident
        )
    }
}

text_enum! {
    /// Where a duty-log entry is: followed up until done, called back until closed.
    pub enum EntryStatus {
        Open => "open",
        /// Done, waiting for a satisfied call-back.
        Done => "done",
        Closed => "closed",
    }
}

/// The first instant of local date `d` at the counter.
pub(crate) fn local_day_start(ctx: &Ctx, d: NaiveDate) -> DateTime<Utc> {
    let naive = d.and_time(NaiveTime::MIN);
    ctx.tz()
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        // Midnight skipped by a clock change: an hour later exists.
        .unwrap_or_else(|| Utc.from_utc_datetime(&naive))
}

/// The last second of the local day that contains `t` ("call back the same day").
pub(crate) fn local_day_end(ctx: &Ctx, t: DateTime<Utc>) -> DateTime<Utc> {
    let next = ctx.local_date(t) + Duration::days(1);
    local_day_start(ctx, next) - Duration::seconds(1)
}

/// `[from, to)` in UTC for the inclusive local dates `from..=to`.
pub(crate) fn local_range(
    ctx: &Ctx,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<(Option<String>, Option<String>)> {
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(Error::out_of_range("to", "before from"));
        }
    }
    Ok((
        from.map(|d| db::ts(&local_day_start(ctx, d))),
        to.map(|d| db::ts(&local_day_start(ctx, d + Duration::days(1)))),
    ))
}

fn json_err(e: serde_json::Error) -> Error {
    Error::Storage(format!("encoding: {e}"))
}

// ---------------------------------------------------------------------------------------------
// Shifts

/// A shift at the counter, with the 值班记录表 header: who is on duty, weather, duty manager,
/// duty leader, operations information and visitor numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Shift {
    pub id: ShiftId,
    pub code: String,
    pub status: ShiftStatus,
    pub opened_at: DateTime<Utc>,
    pub opened_by: StaffId,
    pub opened_by_name: String,
    /// The counter's local date the shift opened on.
    pub date: NaiveDate,
    pub staff_on_duty: Vec<String>,
    pub weather: Option<String>,
    /// 值班经理.
    pub duty_manager: Option<String>,
    /// 值班领导.
    pub duty_leader: Option<String>,
    /// 运营信息.
    pub operations_notes: Option<String>,
    /// Reported visitor numbers (游客/来访人数).
    pub visitor_count: Option<i64>,
    pub closed_at: Option<DateTime<Utc>>,
    pub closed_by: Option<StaffId>,
    pub closed_by_name: Option<String>,
    /// The handover written when the shift closed.
    pub handover_id: Option<HandoverId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const SHIFT_SELECT: &str =
    "SELECT s.id, s.status, s.opened_at, s.opened_by, o.name AS opened_by_name,
        s.staff_on_duty, s.weather, s.duty_manager, s.duty_leader, s.operations_notes,
        s.visitor_count, s.closed_at, s.closed_by, c.name AS closed_by_name,
        h.id AS handover_id, s.created_at, s.updated_at
    FROM shift s
    JOIN staff o ON o.id = s.opened_by
    LEFT JOIN staff c ON c.id = s.closed_by
    LEFT JOIN handover h ON h.from_shift_id = s.id";

fn shift_from_row(ctx: &Ctx, r: &rusqlite::Row<'_>) -> rusqlite::Result<Shift> {
    let id = ShiftId(r.get("id")?);
    let staff: String = r.get("staff_on_duty")?;
    let opened_at = db::get_ts(r, "opened_at")?;
    Ok(Shift {
        id,
        code: id.code(),
        status: r.get("status")?,
        opened_at,
        opened_by: r.get("opened_by")?,
        opened_by_name: r.get("opened_by_name")?,
        date: ctx.local_date(opened_at),
        staff_on_duty: serde_json::from_str(&staff).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
        })?,
        weather: r.get("weather")?,
        duty_manager: r.get("duty_manager")?,
        duty_leader: r.get("duty_leader")?,
        operations_notes: r.get("operations_notes")?,
        visitor_count: r.get("visitor_count")?,
        closed_at: db::get_opt_ts(r, "closed_at")?,
        closed_by: r.get("closed_by")?,
        closed_by_name: r.get("closed_by_name")?,
        handover_id: r.get("handover_id")?,
        created_at: db::get_ts(r, "created_at")?,
        updated_at: db::get_ts(r, "updated_at")?,
    })
}

pub fn get_shift(conn: &Connection, ctx: &Ctx, id: ShiftId) -> Result<Shift> {
    conn.prepare_cached(&format!("{SHIFT_SELECT} WHERE s.id = ?1"))?
        .query_row([id], |r| shift_from_row(ctx, r))
        .optional()?
        .ok_or_else(|| Error::not_found(ShiftId::ENTITY, id))
}

/// The shift that is not closed (open or awaiting the handover's acknowledgement), if any.
pub fn current_shift(conn: &Connection, ctx: &Ctx) -> Result<Option<Shift>> {
    Ok(conn
        .prepare_cached(&format!("{SHIFT_SELECT} WHERE s.status <> 'closed'"))?
        .query_row([], |r| shift_from_row(ctx, r))
        .optional()?)
}

/// The shift a duty-log write goes into: `no_open_shift` without one, `handover_pending` while
/// it waits for the handover's acknowledgement. Other registers may call this too.
pub fn require_open_shift(conn: &Connection, ctx: &Ctx) -> Result<Shift> {
    match current_shift(conn, ctx)? {
        None => Err(Error::NoOpenShift),
        Some(s) if s.status == ShiftStatus::AwaitingAck => Err(Error::HandoverPending),
        Some(s) => Ok(s),
    }
}

/// The header fields of a shift; absent fields stay as they are (an empty text clears one).
#[derive(Debug, Clone, Default)]
struct ShiftHeader {
    staff_on_duty: Option<Vec<String>>,
    weather: Option<String>,
    duty_manager: Option<String>,
    duty_leader: Option<String>,
    operations_notes: Option<String>,
    visitor_count: Option<i64>,
}

impl ShiftHeader {
    fn apply(&self, s: &mut Shift) -> Result<()> {
        if let Some(names) = &self.staff_on_duty {
            if names.len() > 30 {
                return Err(Error::out_of_range("staff_on_duty", "1–30"));
            }
            s.staff_on_duty = names
                .iter()
                .enumerate()
                .map(|(i, n)| validate::text(&format!("staff_on_duty[{i}]"), n, validate::NAME_MAX))
                .collect::<Result<_>>()?;
        }
        let opt = |field: &str, v: &Option<String>, max: usize, old: &mut Option<String>| {
            if let Some(v) = v {
                *old = validate::opt_text(field, Some(v), max)?;
            }
            Ok::<_, Error>(())
        };
        opt("weather", &self.weather, 60, &mut s.weather)?;
        opt(
            "duty_manager",
            &self.duty_manager,
            validate::NAME_MAX,
            &mut s.duty_manager,
        )?;
        opt(
            "duty_leader",
            &self.duty_leader,
            validate::NAME_MAX,
            &mut s.duty_leader,
        )?;
        if let Some(n) = &self.operations_notes {
            s.operations_notes =
                validate::opt_note("operations_notes", Some(n), validate::NOTE_MAX)?;
        }
        if let Some(v) = self.visitor_count {
            s.visitor_count = Some(validate::int_range("visitor_count", v, 0, 10_000_000)?);
        }
        Ok(())
    }
}

fn write_shift(conn: &Connection, s: &Shift, now: DateTime<Utc>) -> Result<()> {
    let staff = serde_json::to_string(&s.staff_on_duty).map_err(json_err)?;
    conn.prepare_cached(
        "UPDATE shift SET status = ?2, staff_on_duty = ?3, weather = ?4, duty_manager = ?5,
            duty_leader = ?6, operations_notes = ?7, visitor_count = ?8, closed_at = ?9,
            closed_by = ?10, updated_at = ?11
         WHERE id = ?1",
    )?
    .execute(params![
        s.id,
        s.status.as_str(),
        staff,
        s.weather,
        s.duty_manager,
        s.duty_leader,
        s.operations_notes,
        s.visitor_count,
        db::opt_ts(&s.closed_at),
        s.closed_by,
        db::ts(&now),
    ])?;
    Ok(())
}

fn index_shift(conn: &Connection, ctx: &Ctx, s: &Shift) -> Result<()> {
    let locale = ctx.locale();
    let title = i18n::tr_args(
        locale,
        "shift.title",
        &[
            ("date", &s.date.to_string()),
            ("staff", &s.staff_on_duty.join(", ")),
        ],
    );
    let mut texts: Vec<&str> = s.staff_on_duty.iter().map(String::as_str).collect();
    for t in [
        &s.weather,
        &s.duty_manager,
        &s.duty_leader,
        &s.operations_notes,
    ]
    .into_iter()
    .flatten()
    {
        texts.push(t);
    }
    search::index(
        conn,
        &SearchDoc {
            register: Register::Shift,
            record_id: s.id.0,
            code: s.code.clone(),
            title,
            texts,
            status: s.status.as_str(),
            at: s.opened_at,
        },
    )
}

/// Open a shift. Every field is optional; `staff_on_duty` defaults to the acting staff member.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct OpenShift {
    #[serde(default)]
    pub staff_on_duty: Vec<String>,
    #[serde(default)]
    pub weather: Option<String>,
    #[serde(default)]
    pub duty_manager: Option<String>,
    #[serde(default)]
    pub duty_leader: Option<String>,
    #[serde(default)]
    pub operations_notes: Option<String>,
    #[serde(default)]
    pub visitor_count: Option<i64>,
}

/// The unacknowledged handover no shift has received yet (the last closed shift's).
fn unreceived_handover(conn: &Connection) -> Result<Option<HandoverId>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM handover WHERE to_shift_id IS NULL AND acknowledged_at IS NULL
             ORDER BY id DESC LIMIT 1",
        )?
        .query_row([], |r| r.get(0))
        .optional()?)
}

fn open_shift(conn: &Connection, ctx: &Ctx, req: OpenShift) -> Result<Shift> {
    let staff = if req.staff_on_duty.is_empty() {
        vec![ctx.actor.name.clone()]
    } else {
        req.staff_on_duty
    };
    let header = ShiftHeader {
        staff_on_duty: Some(staff),
        weather: req.weather,
        duty_manager: req.duty_manager,
        duty_leader: req.duty_leader,
        operations_notes: req.operations_notes,
        visitor_count: req.visitor_count,
    };
    // Validate on a blank shift before touching the database.
    let mut s = Shift {
        id: ShiftId(0),
        code: String::new(),
        status: ShiftStatus::Open,
        opened_at: ctx.now,
        opened_by: ctx.actor.id,
        opened_by_name: ctx.actor.name.clone(),
        date: ctx.today(),
        staff_on_duty: Vec::new(),
        weather: None,
        duty_manager: None,
        duty_leader: None,
        operations_notes: None,
        visitor_count: None,
        closed_at: None,
        closed_by: None,
        closed_by_name: None,
        handover_id: None,
        created_at: ctx.now,
        updated_at: ctx.now,
    };
    header.apply(&mut s)?;
    if let Some(cur) = current_shift(conn, ctx)? {
        return Err(Error::state(
            ShiftId::ENTITY,
            cur.status,
            "open_another_shift",
        ));
    }
    let pending = unreceived_handover(conn)?;
    let status = if pending.is_some() {
        ShiftStatus::AwaitingAck
    } else {
        ShiftStatus::Open
    };
    let now = db::ts(&ctx.now);
    conn.prepare_cached(
        "INSERT INTO shift (status, opened_at, opened_by, staff_on_duty, weather, duty_manager,
            duty_leader, operations_notes, visitor_count, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?2, ?2)",
    )?
    .execute(params![
        status.as_str(),
        now,
        ctx.actor.id,
        serde_json::to_string(&s.staff_on_duty).map_err(json_err)?,
        s.weather,
        s.duty_manager,
        s.duty_leader,
        s.operations_notes,
        s.visitor_count,
    ])?;
    let s = get_shift(conn, ctx, ShiftId(conn.last_insert_rowid()))?;
    audit::record(
        conn,
        ctx,
        ShiftId::ENTITY,
        s.id.0,
        "open",
        None,
        None::<&()>,
        Some(&s),
    )?;
    if let Some(h) = pending {
        let before = get_handover(conn, ctx, h)?;
        conn.prepare_cached("UPDATE handover SET to_shift_id = ?2 WHERE id = ?1")?
            .execute(params![h, s.id])?;
        let after = get_handover(conn, ctx, h)?;
        audit::record(
            conn,
            ctx,
            HandoverId::ENTITY,
            h.0,
            "receive",
            None,
            Some(&before.audit(false)),
            Some(&after.audit(false)),
        )?;
    }
    index_shift(conn, ctx, &s)?;
    Ok(s)
}

/// Change the open shift's header: weather, visitor numbers, operations notes, who is on duty.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct UpdateShift {
    /// The shift (default: the current one). A closed shift is amended instead.
    #[serde(default)]
    pub id: Option<ShiftId>,
    #[serde(default)]
    pub staff_on_duty: Option<Vec<String>>,
    #[serde(default)]
    pub weather: Option<String>,
    #[serde(default)]
    pub duty_manager: Option<String>,
    #[serde(default)]
    pub duty_leader: Option<String>,
    #[serde(default)]
    pub operations_notes: Option<String>,
    #[serde(default)]
    pub visitor_count: Option<i64>,
}

fn update_shift(conn: &Connection, ctx: &Ctx, req: UpdateShift) -> Result<Shift> {
    let before = match req.id {
        Some(id) => get_shift(conn, ctx, id)?,
        None => current_shift(conn, ctx)?.ok_or(Error::NoOpenShift)?,
    };
    match before.status {
        ShiftStatus::Open => {}
        ShiftStatus::AwaitingAck => return Err(Error::HandoverPending),
        ShiftStatus::Closed => {
            return Err(Error::state(ShiftId::ENTITY, before.status, "update_shift"))
        }
    }
    let mut s = before.clone();
    ShiftHeader {
        staff_on_duty: req.staff_on_duty,
        weather: req.weather,
        duty_manager: req.duty_manager,
        duty_leader: req.duty_leader,
        operations_notes: req.operations_notes,
        visitor_count: req.visitor_count,
    }
    .apply(&mut s)?;
    write_shift(conn, &s, ctx.now)?;
    let s = get_shift(conn, ctx, s.id)?;
    audit::record(
        conn,
        ctx,
        ShiftId::ENTITY,
        s.id.0,
        "update",
        None,
        Some(&before),
        Some(&s),
    )?;
    index_shift(conn, ctx, &s)?;
    Ok(s)
}

/// Correct a closed shift's header (supervisor; reason required).
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct AmendShift {
    pub id: ShiftId,
    #[serde(default)]
    pub staff_on_duty: Option<Vec<String>>,
    #[serde(default)]
    pub weather: Option<String>,
    #[serde(default)]
    pub duty_manager: Option<String>,
    #[serde(default)]
    pub duty_leader: Option<String>,
    #[serde(default)]
    pub operations_notes: Option<String>,
    #[serde(default)]
    pub visitor_count: Option<i64>,
    pub reason: String,
}

fn amend_shift(conn: &Connection, ctx: &Ctx, req: AmendShift) -> Result<Shift> {
    ctx.require("amend_shift", &[Role::Supervisor])?;
    let reason = validate::text("reason", &req.reason, validate::SHORT_MAX)?;
    let before = get_shift(conn, ctx, req.id)?;
    if before.status != ShiftStatus::Closed {
        return Err(Error::state(ShiftId::ENTITY, before.status, "amend_shift"));
    }
    let mut s = before.clone();
    ShiftHeader {
        staff_on_duty: req.staff_on_duty,
        weather: req.weather,
        duty_manager: req.duty_manager,
        duty_leader: req.duty_leader,
        operations_notes: req.operations_notes,
        visitor_count: req.visitor_count,
    }
    .apply(&mut s)?;
    write_shift(conn, &s, ctx.now)?;
    let s = get_shift(conn, ctx, s.id)?;
    audit::record(
        conn,
        ctx,
        ShiftId::ENTITY,
        s.id.0,
        "amend",
        Some(&reason),
        Some(&before),
        Some(&s),
    )?;
    index_shift(conn, ctx, &s)?;
    Ok(s)
}

/// The shift now at the counter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CurrentShift {
    pub shift: Shift,
    /// The previous shift's handover while it waits for acknowledgement, with its items.
    pub pending_handover: Option<Handover>,
    /// End-of-shift checklists still to run before the shift may close.
    pub checklists_missing: Vec<crate::checklist::ChecklistKind>,
}

fn shift_current(conn: &Connection, ctx: &Ctx) -> Result<Option<CurrentShift>> {
    let Some(shift) = current_shift(conn, ctx)? else {
        return Ok(None);
    };
    let pending: Option<HandoverId> = conn
        .prepare_cached(
            "SELECT id FROM handover WHERE to_shift_id = ?1 AND acknowledged_at IS NULL",
        )?
        .query_row([shift.id], |r| r.get(0))
        .optional()?;
    let pending_handover = pending.map(|h| get_handover(conn, ctx, h)).transpose()?;
    let checklists_missing = crate::checklist::kinds_missing(conn, shift.id)?;
    Ok(Some(CurrentShift {
        shift,
        pending_handover,
        checklists_missing,
    }))
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ShiftById {
    pub id: ShiftId,
}

/// Shifts opened on the local dates `from..=to` (both optional), newest first.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ListShifts {
    #[serde(default)]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    pub to: Option<NaiveDate>,
}

pub fn list_shifts(conn: &Connection, ctx: &Ctx, req: ListShifts) -> Result<Vec<Shift>> {
    let (from, to) = local_range(ctx, req.from, req.to)?;
    let mut stmt = conn.prepare_cached(&format!(
        "{SHIFT_SELECT} WHERE (?1 IS NULL OR s.opened_at >= ?1) AND (?2 IS NULL OR s.opened_at < ?2)
         ORDER BY s.opened_at DESC, s.id DESC"
    ))?;
    let rows = stmt.query_map(params![from, to], |r| shift_from_row(ctx, r))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ---------------------------------------------------------------------------------------------
// Handover

/// The handover written when a shift closes: what the next shift must know and finish.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Handover {
    pub id: HandoverId,
    pub code: String,
    pub from_shift_id: ShiftId,
    pub from_shift_code: String,
    pub to_shift_id: Option<ShiftId>,
    pub to_shift_code: Option<String>,
    pub closed_by: StaffId,
    pub closed_by_name: String,
    pub closed_at: DateTime<Utc>,
    pub notes: Option<String>,
    pub acknowledged_by: Option<StaffId>,
    pub acknowledged_by_name: Option<String>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    /// What was open when the shift closed, as the dashboard listed it then.
    pub items: Vec<OpenItem>,
}

/// What the audit log keeps of a handover: its header and how many items it carried (with
/// their codes when it is written). The items themselves are rows written once and never
/// changed; repeating them in every event made a busy counter's audit log grow by 170 KB a
/// shift.
#[derive(Serialize, ts_rs::TS)]
struct HandoverAudit<'a> {
    id: HandoverId,
    from_shift_id: ShiftId,
    to_shift_id: Option<ShiftId>,
    closed_by: StaffId,
    closed_at: DateTime<Utc>,
    notes: Option<&'a str>,
    acknowledged_by: Option<StaffId>,
    acknowledged_at: Option<DateTime<Utc>>,
    items_carried: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    item_codes: Option<Vec<&'a str>>,
}

impl Handover {
    fn audit(&self, with_codes: bool) -> HandoverAudit<'_> {
        HandoverAudit {
            id: self.id,
            from_shift_id: self.from_shift_id,
            to_shift_id: self.to_shift_id,
            closed_by: self.closed_by,
            closed_at: self.closed_at,
            notes: self.notes.as_deref(),
            acknowledged_by: self.acknowledged_by,
            acknowledged_at: self.acknowledged_at,
            items_carried: self.items.len(),
            item_codes: with_codes.then(|| self.items.iter().map(|i| i.code.as_str()).collect()),
        }
    }
}

fn enum_from_text<T: serde::de::DeserializeOwned>(s: String) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(s)).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

fn enum_to_text<T: Serialize>(v: &T) -> Result<String> {
    match serde_json::to_value(v).map_err(json_err)? {
        serde_json::Value::String(s) => Ok(s),
        other => Err(Error::Storage(format!("not a text value: {other}"))),
    }
}

pub fn get_handover(conn: &Connection, _ctx: &Ctx, id: HandoverId) -> Result<Handover> {
    let mut h = conn
        .prepare_cached(
            "SELECT h.id, h.from_shift_id, h.to_shift_id, h.closed_by, c.name AS closed_by_name,
                h.closed_at, h.notes, h.acknowledged_by, a.name AS acknowledged_by_name,
                h.acknowledged_at
             FROM handover h
             JOIN staff c ON c.id = h.closed_by
             LEFT JOIN staff a ON a.id = h.acknowledged_by
             WHERE h.id = ?1",
        )?
        .query_row([id], |r| {
            let from = ShiftId(r.get("from_shift_id")?);
            let to: Option<ShiftId> = r.get("to_shift_id")?;
            Ok(Handover {
                id,
                code: id.code(),
                from_shift_id: from,
                from_shift_code: from.code(),
                to_shift_id: to,
                to_shift_code: to.map(ShiftId::code),
                closed_by: r.get("closed_by")?,
                closed_by_name: r.get("closed_by_name")?,
                closed_at: db::get_ts(r, "closed_at")?,
                notes: r.get("notes")?,
                acknowledged_by: r.get("acknowledged_by")?,
                acknowledged_by_name: r.get("acknowledged_by_name")?,
                acknowledged_at: db::get_opt_ts(r, "acknowledged_at")?,
                items: Vec::new(),
            })
        })
        .optional()?
        .ok_or_else(|| Error::not_found(HandoverId::ENTITY, id))?;
    let mut stmt = conn.prepare_cached(
        "SELECT kind, register, record_id, code, summary, due_at, overdue
         FROM handover_item WHERE handover_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(OpenItem {
            kind: enum_from_text(r.get("kind")?)?,
            register: enum_from_text(r.get("register")?)?,
            record_id: r.get("record_id")?,
            code: r.get("code")?,
            summary: r.get("summary")?,
            due_at: db::get_opt_ts(r, "due_at")?,
            overdue: r.get("overdue")?,
        })
    })?;
    h.items = rows.collect::<rusqlite::Result<_>>()?;
    Ok(h)
}

/// Close the current shift and write its handover.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct CloseShift {
    /// What the next shift should know beyond the open items.
    #[serde(default)]
    pub notes: Option<String>,
}

fn close_shift(conn: &Connection, ctx: &Ctx, req: CloseShift) -> Result<Handover> {
    let notes = validate::opt_note("notes", req.notes.as_deref(), validate::NOTE_MAX)?;
    let before = require_open_shift(conn, ctx)?;
    if let Some(kind) = crate::checklist::kinds_missing(conn, before.id)?
        .into_iter()
        .next()
    {
        return Err(Error::state(
            ShiftId::ENTITY,
            format!("checklist_missing_{}", kind.as_str()),
            "close_shift",
        ));
    }
    let items = crate::dashboard::open_items(conn, ctx)?;
    conn.prepare_cached(
        "INSERT INTO handover (from_shift_id, closed_by, closed_at, notes) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![before.id, ctx.actor.id, db::ts(&ctx.now), notes])?;
    let hid = HandoverId(conn.last_insert_rowid());
    let mut insert = conn.prepare_cached(
        "INSERT INTO handover_item (handover_id, position, kind, register, record_id, code, summary,
            due_at, overdue)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (i, it) in items.iter().enumerate() {
        insert.execute(params![
            hid,
            i as i64 + 1,
            enum_to_text(&it.kind)?,
            it.register.as_str(),
            it.record_id,
            it.code,
            it.summary,
            db::opt_ts(&it.due_at),
            it.overdue,
        ])?;
    }
    let mut s = before.clone();
    s.status = ShiftStatus::Closed;
    s.closed_at = Some(ctx.now);
    s.closed_by = Some(ctx.actor.id);
    write_shift(conn, &s, ctx.now)?;
    let s = get_shift(conn, ctx, s.id)?;
    audit::record(
        conn,
        ctx,
        ShiftId::ENTITY,
        s.id.0,
        "close",
        None,
        Some(&before),
        Some(&s),
    )?;
    let h = get_handover(conn, ctx, hid)?;
    audit::record(
        conn,
        ctx,
        HandoverId::ENTITY,
        hid.0,
        "create",
        None,
        None::<&()>,
        Some(&h.audit(true)),
    )?;
    index_shift(conn, ctx, &s)?;
    Ok(h)
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct AcknowledgeHandover {
    pub handover_id: HandoverId,
}

fn acknowledge(conn: &Connection, ctx: &Ctx, req: AcknowledgeHandover) -> Result<Handover> {
    let before = get_handover(conn, ctx, req.handover_id)?;
    if before.acknowledged_at.is_some() {
        return Err(Error::state(
            HandoverId::ENTITY,
            "acknowledged",
            "acknowledge_handover",
        ));
    }
    let Some(to) = before.to_shift_id else {
        return Err(Error::state(
            HandoverId::ENTITY,
            "awaiting_next_shift",
            "acknowledge_handover",
        ));
    };
    conn.prepare_cached(
        "UPDATE handover SET acknowledged_by = ?2, acknowledged_at = ?3 WHERE id = ?1",
    )?
    .execute(params![before.id, ctx.actor.id, db::ts(&ctx.now)])?;
    let h = get_handover(conn, ctx, before.id)?;
    audit::record(
        conn,
        ctx,
        HandoverId::ENTITY,
        h.id.0,
        "acknowledge",
        None,
        Some(&before.audit(false)),
        Some(&h.audit(false)),
    )?;
    let shift_before = get_shift(conn, ctx, to)?;
    if shift_before.status == ShiftStatus::AwaitingAck {
        let mut s = shift_before.clone();
        s.status = ShiftStatus::Open;
        write_shift(conn, &s, ctx.now)?;
        let s = get_shift(conn, ctx, s.id)?;
        audit::record(
            conn,
            ctx,
            ShiftId::ENTITY,
            s.id.0,
            "start",
            None,
            Some(&shift_before),
            Some(&s),
        )?;
        index_shift(conn, ctx, &s)?;
    }
    Ok(h)
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct HandoverById {
    pub id: HandoverId,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct Empty {}

fn latest_handover(conn: &Connection, ctx: &Ctx) -> Result<Option<Handover>> {
    let id: Option<HandoverId> = conn
        .prepare_cached("SELECT id FROM handover ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| r.get(0))
        .optional()?;
    id.map(|h| get_handover(conn, ctx, h)).transpose()
}

// ---------------------------------------------------------------------------------------------
// Duty log

/// One duty-log entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct LogEntry {
    pub id: LogEntryId,
    pub code: String,
    pub shift_id: ShiftId,
    pub shift_code: String,
    pub kind: LogKind,
    pub at: DateTime<Utc>,
    /// The caller or visitor.
    pub person: Option<String>,
    pub contact: Option<String>,
    /// Unit, room or company.
    pub unit: Option<String>,
    /// What was asked or what happened.
    pub content: String,
    /// What was promised to the customer.
    pub promised: Option<String>,
    /// By when it was promised.
    pub promised_by: Option<DateTime<Utc>>,
    /// Who was sent.
    pub dispatched_to: Option<String>,
    /// Who must act on it (e.g. `safety_officer`, `asset_officer`).
    pub addressed_to: Option<String>,
    /// Urgent events (power cut, water leak, people trapped in a lift) are dispatched first.
    pub urgent: bool,
    pub needs_follow_up: bool,
    pub status: EntryStatus,
    pub done_at: Option<DateTime<Utc>>,
    /// When the next call-back is due after an unsatisfied one.
    pub next_callback_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub created_by: StaffId,
    pub created_by_name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const ENTRY_SELECT: &str = "SELECT e.id, e.shift_id, e.kind, e.at, e.person, e.contact, e.unit,
        e.content, e.promised, e.promised_by, e.dispatched_to, e.addressed_to, e.urgent,
        e.needs_follow_up, e.status, e.done_at, e.next_callback_at, e.closed_at, e.created_by,
        c.name AS created_by_name, e.created_at, e.updated_at
    FROM log_entry e
    JOIN staff c ON c.id = e.created_by";

fn entry_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<LogEntry> {
    let id = LogEntryId(r.get("id")?);
    let shift = ShiftId(r.get("shift_id")?);
    Ok(LogEntry {
        id,
        code: id.code(),
        shift_id: shift,
        shift_code: shift.code(),
        kind: r.get("kind")?,
        at: db::get_ts(r, "at")?,
        person: r.get("person")?,
        contact: r.get("contact")?,
        unit: r.get("unit")?,
        content: r.get("content")?,
        promised: r.get("promised")?,
        promised_by: db::get_opt_ts(r, "promised_by")?,
        dispatched_to: r.get("dispatched_to")?,
        addressed_to: r.get("addressed_to")?,
        urgent: r.get("urgent")?,
        needs_follow_up: r.get("needs_follow_up")?,
        status: r.get("status")?,
        done_at: db::get_opt_ts(r, "done_at")?,
        next_callback_at: db::get_opt_ts(r, "next_callback_at")?,
        closed_at: db::get_opt_ts(r, "closed_at")?,
        created_by: r.get("created_by")?,
        created_by_name: r.get("created_by_name")?,
        created_at: db::get_ts(r, "created_at")?,
        updated_at: db::get_ts(r, "updated_at")?,
    })
}

pub fn get_entry(conn: &Connection, id: LogEntryId) -> Result<LogEntry> {
    conn.prepare_cached(&format!("{ENTRY_SELECT} WHERE e.id = ?1"))?
        .query_row([id], entry_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(LogEntryId::ENTITY, id))
}

/// A follow-up of an entry (跟进).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct FollowUp {
    pub id: i64,
    pub shift_id: ShiftId,
    pub at: DateTime<Utc>,
    pub by: StaffId,
    pub by_name: String,
    pub note: String,
    pub done: bool,
}

/// A call-back to the customer (回访).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Callback {
    pub id: i64,
    pub shift_id: ShiftId,
    pub at: DateTime<Utc>,
    pub by: StaffId,
    pub by_name: String,
    pub satisfied: bool,
    pub note: String,
    pub next_callback_at: Option<DateTime<Utc>>,
}

/// An entry with its follow-ups and call-backs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct LogEntryDetail {
    #[serde(flatten)]
    pub entry: LogEntry,
    pub follow_ups: Vec<FollowUp>,
    pub callbacks: Vec<Callback>,
}

fn follow_ups(conn: &Connection, id: LogEntryId) -> Result<Vec<FollowUp>> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.id, f.shift_id, f.at, f.by_staff, s.name, f.note, f.done
         FROM log_follow_up f JOIN staff s ON s.id = f.by_staff
         WHERE f.entry_id = ?1 ORDER BY f.id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(FollowUp {
            id: r.get(0)?,
            shift_id: r.get(1)?,
            at: db::get_ts(r, "at")?,
            by: r.get(3)?,
            by_name: r.get(4)?,
            note: r.get(5)?,
            done: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn callbacks(conn: &Connection, id: LogEntryId) -> Result<Vec<Callback>> {
    let mut stmt = conn.prepare_cached(
        "SELECT b.id, b.shift_id, b.at, b.by_staff, s.name, b.satisfied, b.note, b.next_callback_at
         FROM log_callback b JOIN staff s ON s.id = b.by_staff
         WHERE b.entry_id = ?1 ORDER BY b.id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Callback {
            id: r.get(0)?,
            shift_id: r.get(1)?,
            at: db::get_ts(r, "at")?,
            by: r.get(3)?,
            by_name: r.get(4)?,
            satisfied: r.get(5)?,
            note: r.get(6)?,
            next_callback_at: db::get_opt_ts(r, "next_callback_at")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn entry_detail(conn: &Connection, id: LogEntryId) -> Result<LogEntryDetail> {
    Ok(LogEntryDetail {
        entry: get_entry(conn, id)?,
        follow_ups: follow_ups(conn, id)?,
        callbacks: callbacks(conn, id)?,
    })
}

/// The label of a known `addressed_to` code, or the text as written.
pub fn addressee_label(locale: Locale, to: &str) -> String {
    i18n::lookup(locale, &format!("addressee.{to}"))
        .map(str::to_owned)
        .unwrap_or_else(|| to.to_owned())
}

/// The one line an entry shows in lists, search and the handover.
fn entry_title(locale: Locale, e: &LogEntry) -> String {
    let mut parts = Vec::new();
    if e.urgent {
        parts.push(i18n::tr(locale, "log.urgent"));
    }
    parts.push(i18n::tr(locale, &format!("kind.{}", e.kind)));
    parts.extend(e.person.iter().cloned());
    parts.extend(e.unit.iter().cloned());
    let line = e.content.lines().next().unwrap_or_default();
    let mut short: String = line.chars().take(60).collect();
    if short.chars().count() < e.content.chars().count() {
        short.push('…');
    }
    parts.push(short);
    parts.join(" · ")
}

fn index_entry(conn: &Connection, ctx: &Ctx, e: &LogEntry) -> Result<()> {
    let locale = ctx.locale();
    let notes: Vec<String> = follow_ups(conn, e.id)?
        .into_iter()
        .map(|f| f.note)
        .chain(callbacks(conn, e.id)?.into_iter().map(|c| c.note))
        .collect();
    let addressee = e
        .addressed_to
        .as_deref()
        .map(|a| addressee_label(locale, a));
    let mut texts: Vec<&str> = [
        &e.person,
        &e.contact,
        &e.unit,
        &e.promised,
        &e.dispatched_to,
        &e.addressed_to,
        &addressee,
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .collect();
    texts.push(&e.content);
    texts.extend(notes.iter().map(String::as_str));
    search::index(
        conn,
        &SearchDoc {
            register: Register::LogEntry,
            record_id: e.id.0,
            code: e.code.clone(),
            title: entry_title(locale, e),
            texts,
            status: e.status.as_str(),
            at: e.at,
        },
    )
}

/// A new duty-log entry in the open shift.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct NewLogEntry {
    pub kind: LogKind,
    /// When it happened (default: now).
    #[serde(default)]
    pub at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub person: Option<String>,
    #[serde(default)]
    pub contact: Option<String>,
    #[serde(default)]
    pub unit: Option<String>,
    pub content: String,
    #[serde(default)]
    pub promised: Option<String>,
    #[serde(default)]
    pub promised_by: Option<DateTime<Utc>>,
    #[serde(default)]
    pub dispatched_to: Option<String>,
    #[serde(default)]
    pub addressed_to: Option<String>,
    #[serde(default)]
    pub urgent: bool,
    /// Default: true for calls, visits, dispatches and incidents; false for briefings and notes.
    #[serde(default)]
    pub needs_follow_up: Option<bool>,
}

/// The validated, editable text of an entry.
struct EntryText {
    person: Option<String>,
    contact: Option<String>,
    unit: Option<String>,
    content: String,
    promised: Option<String>,
    dispatched_to: Option<String>,
    addressed_to: Option<String>,
}

fn opt_contact(field: &str, v: Option<&str>) -> Result<Option<String>> {
    match v.map(str::trim) {
        None | Some("") => Ok(None),
        Some(c) => validate::contact(field, c).map(Some),
    }
}

/// Add an entry to the open shift (also used by the checklists for the incidents they raise).
pub(crate) fn add_entry(conn: &Connection, ctx: &Ctx, req: NewLogEntry) -> Result<LogEntry> {
    let at = validate::past_time("at", req.at.unwrap_or(ctx.now), ctx.now)?;
    let text = EntryText {
        person: validate::opt_text("person", req.person.as_deref(), validate::NAME_MAX)?,
        contact: opt_contact("contact", req.contact.as_deref())?,
        unit: validate::opt_text("unit", req.unit.as_deref(), validate::SHORT_MAX)?,
        content: validate::note("content", &req.content, validate::NOTE_MAX)?,
        promised: validate::opt_note("promised", req.promised.as_deref(), validate::NOTE_MAX)?,
        dispatched_to: validate::opt_text(
            "dispatched_to",
            req.dispatched_to.as_deref(),
            validate::NAME_MAX,
        )?,
        addressed_to: validate::opt_text(
            "addressed_to",
            req.addressed_to.as_deref(),
            validate::NAME_MAX,
        )?,
    };
    let promised_by = req
        .promised_by
        .map(|t| validate::future_time("promised_by", t, at))
        .transpose()?;
    let needs_follow_up = req
        .needs_follow_up
        .unwrap_or_else(|| req.kind.follows_up_by_default());
    let shift = require_open_shift(conn, ctx)?;
    let (status, closed_at) = if needs_follow_up {
        (EntryStatus::Open, None)
    } else {
        (EntryStatus::Closed, Some(ctx.now))
    };
    let now = db::ts(&ctx.now);
    conn.prepare_cached(
        "INSERT INTO log_entry (shift_id, kind, at, person, contact, unit, content, promised,
            promised_by, dispatched_to, addressed_to, urgent, needs_follow_up, status, closed_at,
            created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)",
    )?
    .execute(params![
        shift.id,
        req.kind.as_str(),
        db::ts(&at),
        text.person,
        text.contact,
        text.unit,
        text.content,
        text.promised,
        db::opt_ts(&promised_by),
        text.dispatched_to,
        text.addressed_to,
        req.urgent,
        needs_follow_up,
        status.as_str(),
        db::opt_ts(&closed_at),
        ctx.actor.id,
        now,
    ])?;
    let e = get_entry(conn, LogEntryId(conn.last_insert_rowid()))?;
    audit::record(
        conn,
        ctx,
        LogEntryId::ENTITY,
        e.id.0,
        "create",
        None,
        None::<&()>,
        Some(&e),
    )?;
    index_entry(conn, ctx, &e)?;
    Ok(e)
}

fn write_entry(conn: &Connection, e: &LogEntry, now: DateTime<Utc>) -> Result<()> {
    conn.prepare_cached(
        "UPDATE log_entry SET kind = ?2, at = ?3, person = ?4, contact = ?5, unit = ?6,
            content = ?7, promised = ?8, promised_by = ?9, dispatched_to = ?10, addressed_to = ?11,
            urgent = ?12, status = ?13, done_at = ?14, next_callback_at = ?15, closed_at = ?16,
            updated_at = ?17
         WHERE id = ?1",
    )?
    .execute(params![
        e.id,
        e.kind.as_str(),
        db::ts(&e.at),
        e.person,
        e.contact,
        e.unit,
        e.content,
        e.promised,
        db::opt_ts(&e.promised_by),
        e.dispatched_to,
        e.addressed_to,
        e.urgent,
        e.status.as_str(),
        db::opt_ts(&e.done_at),
        db::opt_ts(&e.next_callback_at),
        db::opt_ts(&e.closed_at),
        db::ts(&now),
    ])?;
    Ok(())
}

/// Record a follow-up. `done: true` marks the entry done (it then waits for a call-back);
/// `done: false` on a done entry opens it again (the problem came back).
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct FollowUpRequest {
    pub id: LogEntryId,
    pub note: String,
    #[serde(default)]
    pub done: bool,
}

fn follow_up(conn: &Connection, ctx: &Ctx, req: FollowUpRequest) -> Result<LogEntryDetail> {
    let note = validate::note("note", &req.note, validate::NOTE_MAX)?;
    let shift = require_open_shift(conn, ctx)?;
    let before_detail = entry_detail(conn, req.id)?;
    let before = before_detail.entry.clone();
    if before.status == EntryStatus::Closed {
        return Err(Error::state(
            LogEntryId::ENTITY,
            before.status,
            "log_follow_up",
        ));
    }
    conn.prepare_cached(
        "INSERT INTO log_follow_up (entry_id, shift_id, at, by_staff, note, done)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        before.id,
        shift.id,
        db::ts(&ctx.now),
        ctx.actor.id,
        note,
        req.done
    ])?;
    let mut e = before.clone();
    match (before.status, req.done) {
        (EntryStatus::Open, true) => {
            // A call-back is owed where a person asked or someone was sent (002 §4.5); an
            // entry with nobody to call closes when it is done.
            if e.owes_callback() {
                e.status = EntryStatus::Done;
            } else {
                e.status = EntryStatus::Closed;
                e.closed_at = Some(ctx.now);
            }
            e.done_at = Some(ctx.now);
        }
        (EntryStatus::Done, false) => {
            e.status = EntryStatus::Open;
            e.done_at = None;
            e.next_callback_at = None;
        }
        _ => {}
    }
    write_entry(conn, &e, ctx.now)?;
    let detail = entry_detail(conn, e.id)?;
    audit::record(
        conn,
        ctx,
        LogEntryId::ENTITY,
        e.id.0,
        "follow_up",
        None,
        Some(&before_detail),
        Some(&detail),
    )?;
    index_entry(conn, ctx, &detail.entry)?;
    Ok(detail)
}

/// Record a call-back on a done entry: satisfied closes it; not satisfied needs the time of the
/// next call-back, which the customer is told.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct CallbackRequest {
    pub id: LogEntryId,
    pub satisfied: bool,
    pub note: String,
    #[serde(default)]
    pub next_callback_at: Option<DateTime<Utc>>,
}

fn callback(conn: &Connection, ctx: &Ctx, req: CallbackRequest) -> Result<LogEntryDetail> {
    let note = validate::note("note", &req.note, validate::NOTE_MAX)?;
    let next = match (req.satisfied, req.next_callback_at) {
        (true, None) => None,
        (true, Some(_)) => {
            return Err(Error::invalid(
                "next_callback_at",
                i18n::tr(ctx.locale(), "log.next_callback_only_unsatisfied"),
            ))
        }
        (false, None) => return Err(Error::required("next_callback_at")),
        (false, Some(t)) => Some(validate::future_time("next_callback_at", t, ctx.now)?),
    };
    let shift = require_open_shift(conn, ctx)?;
    let before_detail = entry_detail(conn, req.id)?;
    let before = before_detail.entry.clone();
    if before.status != EntryStatus::Done {
        return Err(Error::state(
            LogEntryId::ENTITY,
            before.status,
            "log_callback",
        ));
    }
    conn.prepare_cached(
        "INSERT INTO log_callback (entry_id, shift_id, at, by_staff, satisfied, note, next_callback_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        before.id,
        shift.id,
        db::ts(&ctx.now),
        ctx.actor.id,
        req.satisfied,
        note,
        db::opt_ts(&next)
    ])?;
    let mut e = before.clone();
    if req.satisfied {
        e.status = EntryStatus::Closed;
        e.closed_at = Some(ctx.now);
        e.next_callback_at = None;
    } else {
        e.next_callback_at = next;
    }
    write_entry(conn, &e, ctx.now)?;
    let detail = entry_detail(conn, e.id)?;
    audit::record(
        conn,
        ctx,
        LogEntryId::ENTITY,
        e.id.0,
        "callback",
        None,
        Some(&before_detail),
        Some(&detail),
    )?;
    index_entry(conn, ctx, &detail.entry)?;
    Ok(detail)
}

/// Correct an entry (reason required). Entries of a closed shift: supervisor only.
/// Absent fields stay; an empty text clears an optional one.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct AmendEntry {
    pub id: LogEntryId,
    #[serde(default)]
    pub kind: Option<LogKind>,
    #[serde(default)]
    pub at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub person: Option<String>,
    #[serde(default)]
    pub contact: Option<String>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub content: Option<String>,
    #[serde(default)]
    pub promised: Option<String>,
    #[serde(default)]
    pub promised_by: Option<DateTime<Utc>>,
    #[serde(default)]
    pub dispatched_to: Option<String>,
    #[serde(default)]
    pub addressed_to: Option<String>,
    #[serde(default)]
    pub urgent: Option<bool>,
    pub reason: String,
}

fn amend_entry(conn: &Connection, ctx: &Ctx, req: AmendEntry) -> Result<LogEntryDetail> {
    let reason = validate::text("reason", &req.reason, validate::SHORT_MAX)?;
    let before = get_entry(conn, req.id)?;
    let shift = get_shift(conn, ctx, before.shift_id)?;
    if shift.status == ShiftStatus::Closed {
        ctx.require("amend_closed_log", &[Role::Supervisor])?;
    }
    let mut e = before.clone();
    if let Some(k) = req.kind {
        e.kind = k;
    }
    if let Some(at) = req.at {
        e.at = validate::past_time("at", at, ctx.now)?;
    }
    let opt = |field: &str, v: &Option<String>, max: usize, old: &mut Option<String>| {
        if let Some(v) = v {
            *old = validate::opt_text(field, Some(v), max)?;
        }
        Ok::<_, Error>(())
    };
    opt("person", &req.person, validate::NAME_MAX, &mut e.person)?;
    if let Some(c) = &req.contact {
        e.contact = opt_contact("contact", Some(c))?;
    }
    opt("unit", &req.unit, validate::SHORT_MAX, &mut e.unit)?;
    if let Some(c) = &req.content {
        e.content = validate::note("content", c, validate::NOTE_MAX)?;
    }
    if let Some(p) = &req.promised {
        e.promised = validate::opt_note("promised", Some(p), validate::NOTE_MAX)?;
    }
    if let Some(t) = req.promised_by {
        e.promised_by = Some(validate::future_time("promised_by", t, e.at)?);
    }
    opt(
        "dispatched_to",
        &req.dispatched_to,
        validate::NAME_MAX,
        &mut e.dispatched_to,
    )?;
    opt(
        "addressed_to",
        &req.addressed_to,
        validate::NAME_MAX,
        &mut e.addressed_to,
    )?;
    if let Some(u) = req.urgent {
        e.urgent = u;
    }
    write_entry(conn, &e, ctx.now)?;
    let detail = entry_detail(conn, e.id)?;
    audit::record(
        conn,
        ctx,
        LogEntryId::ENTITY,
        e.id.0,
        "amend",
        Some(&reason),
        Some(&before),
        Some(&detail.entry),
    )?;
    index_entry(conn, ctx, &detail.entry)?;
    Ok(detail)
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct EntryById {
    pub id: LogEntryId,
}

/// Entries of one shift, or of the local dates `from..=to`; urgent ones first, then by time.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ListEntries {
    #[serde(default)]
    pub shift_id: Option<ShiftId>,
    #[serde(default)]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    pub to: Option<NaiveDate>,
    #[serde(default)]
    pub status: Option<EntryStatus>,
    #[serde(default)]
    pub kind: Option<LogKind>,
}

pub fn list_entries(conn: &Connection, ctx: &Ctx, req: ListEntries) -> Result<Vec<LogEntry>> {
    let (from, to) = local_range(ctx, req.from, req.to)?;
    let mut stmt = conn.prepare_cached(&format!(
        "{ENTRY_SELECT}
         WHERE (?1 IS NULL OR e.shift_id = ?1) AND (?2 IS NULL OR e.at >= ?2)
           AND (?3 IS NULL OR e.at < ?3) AND (?4 IS NULL OR e.status = ?4)
           AND (?5 IS NULL OR e.kind = ?5)
         ORDER BY e.urgent DESC, e.at, e.id"
    ))?;
    let rows = stmt.query_map(
        params![
            req.shift_id,
            from,
            to,
            req.status.map(EntryStatus::as_str),
            req.kind.map(LogKind::as_str)
        ],
        entry_from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The duty log's open items: entries not yet done (an overdue promise when its promised time
/// has passed) and done entries waiting for their call-back (due at the agreed next call-back,
/// or by the end of the day the entry was done).
pub fn open_items(conn: &Connection, ctx: &Ctx) -> Result<Vec<OpenItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ENTRY_SELECT} WHERE e.status IN ('open', 'done') ORDER BY e.urgent DESC, e.at, e.id"
    ))?;
    let entries = stmt
        .query_map([], entry_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let locale = ctx.locale();
    let mut items = Vec::with_capacity(entries.len());
    for e in entries {
        let (kind, due_at) = match e.status {
            EntryStatus::Open => match e.promised_by {
                Some(p) if p < ctx.now => (OpenKind::OverduePromise, Some(p)),
                p => (OpenKind::OpenLogEntry, p),
            },
            _ => {
                let due = e
                    .next_callback_at
                    .unwrap_or_else(|| local_day_end(ctx, e.done_at.unwrap_or(e.at)));
                (OpenKind::CallbackDue, Some(due))
            }
        };
        items.push(OpenItem {
            kind,
            register: Register::LogEntry,
            record_id: e.id.0,
            code: e.code.clone(),
            summary: entry_title(locale, &e),
            due_at,
            overdue: due_at.is_some_and(|d| d < ctx.now),
        });
    }
    Ok(items)
}

/// The operations of shifts, the duty log and the handover.
pub fn operations() -> Vec<Operation> {
    vec![
        op_write(
            "shift.open",
            "Open a shift (staff on duty, weather, duty manager and leader, operations notes, visitor count). Waits for the handover's acknowledgement if the previous one is unacknowledged.",
            open_shift,
        ),
        op_write(
            "shift.update",
            "Change the open shift's weather, visitor count, notes or staff on duty.",
            update_shift,
        ),
        op_write(
            "shift.amend",
            "Correct a closed shift's header (supervisor; reason required).",
            amend_shift,
        ),
        op_write(
            "shift.close",
            "Close the shift: needs every end-of-shift checklist; writes the handover with every open item.",
            close_shift,
        ),
        op_read(
            "shift.current",
            "The shift not yet closed, with the pending handover and its items and the checklists still to run (null if none).",
            |c, ctx, _: Empty| shift_current(c, ctx),
        ),
        op_read("shift.get", "One shift.", |c, ctx, r: ShiftById| {
            get_shift(c, ctx, r.id)
        }),
        op_read(
            "shift.list",
            "Shifts opened on the local dates from..=to, newest first.",
            list_shifts,
        ),
        op_write(
            "handover.acknowledge",
            "The next shift acknowledges the handover; a waiting shift opens.",
            acknowledge,
        ),
        op_read(
            "handover.get",
            "One handover with its items.",
            |c, ctx, r: HandoverById| get_handover(c, ctx, r.id),
        ),
        op_read(
            "handover.latest",
            "The most recent handover with its items (null if none).",
            |c, ctx, _: Empty| latest_handover(c, ctx),
        ),
        op_write(
            "log.add",
            "Log a call, visit, dispatch, incident, briefing or note in the open shift.",
            add_entry,
        ),
        op_write(
            "log.follow_up",
            "Follow up an entry; done: true marks it done (then it waits for a call-back), done: false reopens a done one.",
            follow_up,
        ),
        op_write(
            "log.callback",
            "Call back a done entry: satisfied closes it; not satisfied needs next_callback_at.",
            callback,
        ),
        op_write(
            "log.amend",
            "Correct an entry (reason required; entries of a closed shift: supervisor).",
            amend_entry,
        ),
        op_read(
            "log.get",
            "One entry with its follow-ups and call-backs.",
            |c, _ctx, r: EntryById| entry_detail(c, r.id),
        ),
        op_read(
            "log.list",
            "Entries of a shift or of local dates from..=to, filtered by status and kind; urgent first (contacts masked: the full one is on log.get).",
            |c, ctx, r: ListEntries| {
                let mut list = list_entries(c, ctx, r)?;
                for e in &mut list {
                    crate::privacy::mask_opt(&mut e.contact);
                }
                Ok(list)
            },
        ),
    ]
}
