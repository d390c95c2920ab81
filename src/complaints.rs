//! Complaints (投诉、抱怨 / 민원): grievances and formal complaints, the work orders (派工单)
//! that send them to a department with a promised time, follow-ups, the resolution, the
//! call-back (回访) and reopening; monthly statistics by category (002 §4.1.3).
//!
//! The life cycle is received → dispatched → resolved → closed (after a satisfied call-back).
//! An unsatisfied call-back keeps a complaint resolved and needs the time of the next call;
//! a resolved or closed complaint may be reopened. Every rule is one row of [`TRANSITIONS`],
//! read by [`transition`]: operations ask it before writing, so a refused move is
//! `invalid_state` and changes nothing. Important and major complaints are escalated on
//! receipt (they go up to the manager) and are listed first.
//!
//! Labels: `status.complaint.<s>`, `action.complaint.<a>`, `complaint_weight.<w>`,
//! `complaint_channel.<c>`, `complaint_category.<c>`, `complaint_severity.<s>` in
//! `assets/i18n/<lang>/complaints.json` (namespaced: the catalogue is one flat map).

use crate::api::{op_read, op_write, Operation};
use crate::audit;
use crate::ctx::Ctx;
use crate::dashboard::{OpenItem, OpenKind};
use crate::db;
use crate::error::{Error, Result};
use crate::i18n::{self, Locale};
use crate::ids::{ComplaintId, StaffId};
use crate::mail::like_pattern;
use crate::search::{self, Register, SearchDoc};
use crate::validate;
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

text_enum!(
    /// A grumble (抱怨) or a formal complaint (投诉).
    Weight { Grievance = "grievance", Complaint = "complaint" }
);

text_enum!(
    /// How the complaint reached the counter.
    Channel {
        OnSite = "on_site",
        Phone = "phone",
        Written = "written",
        Online = "online",
    }
);

text_enum!(
    /// The categories of 002 §4.1.3.1, in the order of the monthly statistics.
    #[ts(rename = "ComplaintCategory")]
    Category {
        Security = "security",
        Cleaning = "cleaning",
        Landscaping = "landscaping",
        EngineeringRepair = "engineering_repair",
        MailNewspapers = "mail_newspapers",
        Renovation = "renovation",
        StaffAttitude = "staff_attitude",
        Other = "other",
    }
);

text_enum!(
    /// How serious: important and major complaints are escalated to the manager.
    Severity {
        Normal = "normal",
        Important = "important",
        Major = "major",
    }
);

impl Severity {
    pub fn escalates(self) -> bool {
        self != Severity::Normal
    }
}

text_enum!(
    /// Where a complaint is in its closed loop.
    ComplaintStatus {
        Received = "received",
        /// A work order went to a department.
        Dispatched = "dispatched",
        /// The department reports it solved; waiting for the call-back.
        Resolved = "resolved",
        /// The complainant said they were satisfied.
        Closed = "closed",
    }
);

impl ComplaintStatus {
    /// The catalogue key of this status, namespaced (`complaint.received`).
    pub fn key(self) -> String {
        format!("complaint.{}", self.as_str())
    }
}

/// What can be done to a complaint; [`transition`] says from which status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComplaintAction {
    Dispatch,
    FollowUp,
    Resolve,
    CallbackSatisfied,
    CallbackUnsatisfied,
    Reopen,
}

impl ComplaintAction {
    pub const ALL: [ComplaintAction; 6] = [
        ComplaintAction::Dispatch,
        ComplaintAction::FollowUp,
        ComplaintAction::Resolve,
        ComplaintAction::CallbackSatisfied,
        ComplaintAction::CallbackUnsatisfied,
        ComplaintAction::Reopen,
    ];

    /// The catalogue key (`action.<key>`), which is also the operation's name.
    pub fn key(self) -> &'static str {
        match self {
            ComplaintAction::Dispatch => "complaint.dispatch",
            ComplaintAction::FollowUp => "complaint.follow_up",
            ComplaintAction::Resolve => "complaint.resolve",
            ComplaintAction::CallbackSatisfied | ComplaintAction::CallbackUnsatisfied => {
                "complaint.callback"
            }
            ComplaintAction::Reopen => "complaint.reopen",
        }
    }
}

/// Every allowed move: (from, action, to).
pub const TRANSITIONS: &[(ComplaintStatus, ComplaintAction, ComplaintStatus)] = {
    use ComplaintAction as A;
    use ComplaintStatus as S;
    &[
        (S::Received, A::Dispatch, S::Dispatched),
        // Re-dispatch: another department or a new promised time.
        (S::Dispatched, A::Dispatch, S::Dispatched),
        (S::Received, A::FollowUp, S::Received),
        (S::Dispatched, A::FollowUp, S::Dispatched),
        (S::Resolved, A::FollowUp, S::Resolved),
        (S::Dispatched, A::Resolve, S::Resolved),
        (S::Resolved, A::CallbackSatisfied, S::Closed),
        // Not satisfied: stays resolved, the next call is promised.
        (S::Resolved, A::CallbackUnsatisfied, S::Resolved),
        (S::Resolved, A::Reopen, S::Received),
        (S::Closed, A::Reopen, S::Received),
    ]
};

/// The status after `action`, or `invalid_state` naming the current status and the action.
pub fn transition(from: ComplaintStatus, action: ComplaintAction) -> Result<ComplaintStatus> {
    TRANSITIONS
        .iter()
        .find(|(f, a, _)| *f == from && *a == action)
        .map(|(_, _, to)| *to)
        .ok_or_else(|| Error::state(ComplaintId::ENTITY, from.key(), action.key()))
}

/// One complaint, with the department and promised time of its work order in force.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Complaint {
    pub id: ComplaintId,
    pub code: String,
    pub weight: Weight,
    pub channel: Channel,
    pub complainant_name: String,
    pub contact: Option<String>,
    pub unit: Option<String>,
    pub category: Category,
    pub content: String,
    pub severity: Severity,
    pub escalated: bool,
    pub escalated_at: Option<DateTime<Utc>>,
    pub received_at: DateTime<Utc>,
    pub received_by: StaffId,
    pub received_by_name: String,
    pub status: ComplaintStatus,
    /// The last work order's department.
    pub department: Option<String>,
    /// The last work order's promised time.
    pub promised_at: Option<DateTime<Utc>>,
    pub resolution: Option<String>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolved_by: Option<StaffId>,
    pub next_callback_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub reopened_at: Option<DateTime<Utc>>,
    pub reopen_reason: Option<String>,
    pub reopen_count: i64,
    pub updated_at: DateTime<Utc>,
}

/// A work order (派工单).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct WorkOrder {
    /// 1 for the first work order of the complaint, 2 for a re-dispatch …
    pub number: i64,
    pub department: String,
    pub promised_at: DateTime<Utc>,
    pub instructions: Option<String>,
    pub dispatched_at: DateTime<Utc>,
    pub by: StaffId,
    pub by_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(rename = "ComplaintFollowUp")]
pub struct FollowUp {
    pub at: DateTime<Utc>,
    pub note: String,
    pub by: StaffId,
    pub by_name: String,
}

/// A call-back (回访).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(rename = "ComplaintCallback")]
pub struct Callback {
    pub at: DateTime<Utc>,
    pub satisfied: bool,
    pub note: Option<String>,
    pub next_callback_at: Option<DateTime<Utc>>,
    pub by: StaffId,
    pub by_name: String,
}

/// A complaint with its work orders, follow-ups and call-backs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ComplaintDetail {
    #[serde(flatten)]
    pub complaint: Complaint,
    pub work_orders: Vec<WorkOrder>,
    pub follow_ups: Vec<FollowUp>,
    pub callbacks: Vec<Callback>,
}

const COMPLAINT_SELECT: &str =
    "SELECT c.id, c.weight, c.channel, c.complainant_name, c.contact, c.unit,
        c.category, c.content, c.severity, c.escalated, c.escalated_at, c.received_at,
        c.received_by, COALESCE(s.name, '') AS received_by_name, c.status, c.resolution,
        c.resolved_at, c.resolved_by, c.next_callback_at, c.closed_at, c.reopened_at,
        c.reopen_reason, c.reopen_count, c.updated_at,
        (SELECT w.department FROM complaint_work_order w WHERE w.complaint_id = c.id
         ORDER BY w.id DESC LIMIT 1) AS department,
        (SELECT w.promised_at FROM complaint_work_order w WHERE w.complaint_id = c.id
         ORDER BY w.id DESC LIMIT 1) AS promised_at
    FROM complaint c LEFT JOIN staff s ON s.id = c.received_by";

fn complaint_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Complaint> {
    let id = ComplaintId(r.get("id")?);
    Ok(Complaint {
        id,
        code: id.code(),
        weight: r.get("weight")?,
        channel: r.get("channel")?,
        complainant_name: r.get("complainant_name")?,
        contact: r.get("contact")?,
        unit: r.get("unit")?,
        category: r.get("category")?,
        content: r.get("content")?,
        severity: r.get("severity")?,
        escalated: r.get("escalated")?,
        escalated_at: db::get_opt_ts(r, "escalated_at")?,
        received_at: db::get_ts(r, "received_at")?,
        received_by: r.get("received_by")?,
        received_by_name: r.get("received_by_name")?,
        status: r.get("status")?,
        department: r.get("department")?,
        promised_at: db::get_opt_ts(r, "promised_at")?,
        resolution: r.get("resolution")?,
        resolved_at: db::get_opt_ts(r, "resolved_at")?,
        resolved_by: r.get("resolved_by")?,
        next_callback_at: db::get_opt_ts(r, "next_callback_at")?,
        closed_at: db::get_opt_ts(r, "closed_at")?,
        reopened_at: db::get_opt_ts(r, "reopened_at")?,
        reopen_reason: r.get("reopen_reason")?,
        reopen_count: r.get("reopen_count")?,
        updated_at: db::get_ts(r, "updated_at")?,
    })
}

pub fn get_complaint(conn: &Connection, id: ComplaintId) -> Result<Complaint> {
    conn.prepare_cached(&format!("{COMPLAINT_SELECT} WHERE c.id = ?1"))?
        .query_row([id], complaint_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(ComplaintId::ENTITY, id))
}

fn work_orders(conn: &Connection, id: ComplaintId) -> Result<Vec<WorkOrder>> {
    let mut stmt = conn.prepare_cached(
        "SELECT w.department, w.promised_at, w.instructions, w.dispatched_at, w.by_id,
                COALESCE(s.name, '') AS by_name
         FROM complaint_work_order w LEFT JOIN staff s ON s.id = w.by_id
         WHERE w.complaint_id = ?1 ORDER BY w.id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(WorkOrder {
            number: 0,
            department: r.get("department")?,
            promised_at: db::get_ts(r, "promised_at")?,
            instructions: r.get("instructions")?,
            dispatched_at: db::get_ts(r, "dispatched_at")?,
            by: StaffId(r.get("by_id")?),
            by_name: r.get("by_name")?,
        })
    })?;
    let mut out: Vec<WorkOrder> = rows.collect::<rusqlite::Result<_>>()?;
    for (i, w) in out.iter_mut().enumerate() {
        w.number = i as i64 + 1;
    }
    Ok(out)
}

fn follow_ups(conn: &Connection, id: ComplaintId) -> Result<Vec<FollowUp>> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.at, f.note, f.by_id, COALESCE(s.name, '') AS by_name
         FROM complaint_follow_up f LEFT JOIN staff s ON s.id = f.by_id
         WHERE f.complaint_id = ?1 ORDER BY f.id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(FollowUp {
            at: db::get_ts(r, "at")?,
            note: r.get("note")?,
            by: StaffId(r.get("by_id")?),
            by_name: r.get("by_name")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn callbacks(conn: &Connection, id: ComplaintId) -> Result<Vec<Callback>> {
    let mut stmt = conn.prepare_cached(
        "SELECT b.at, b.satisfied, b.note, b.next_callback_at, b.by_id,
                COALESCE(s.name, '') AS by_name
         FROM complaint_callback b LEFT JOIN staff s ON s.id = b.by_id
         WHERE b.complaint_id = ?1 ORDER BY b.id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Callback {
            at: db::get_ts(r, "at")?,
            satisfied: r.get("satisfied")?,
            note: r.get("note")?,
            next_callback_at: db::get_opt_ts(r, "next_callback_at")?,
            by: StaffId(r.get("by_id")?),
            by_name: r.get("by_name")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get_detail(conn: &Connection, id: ComplaintId) -> Result<ComplaintDetail> {
    let complaint = get_complaint(conn, id)?;
    Ok(ComplaintDetail {
        work_orders: work_orders(conn, id)?,
        follow_ups: follow_ups(conn, id)?,
        callbacks: callbacks(conn, id)?,
        complaint,
    })
}

fn label(locale: Locale, key: &str) -> String {
    i18n::tr(locale, key)
}

/// Put a complaint into the search index: complainant, unit, content, resolution, every
/// department it went to, and its category in all three languages (the contact stays out).
pub fn reindex(conn: &Connection, ctx: &Ctx, d: &ComplaintDetail) -> Result<()> {
    let c = &d.complaint;
    let cat_key = format!("complaint_category.{}", c.category);
    let cat_labels: Vec<String> = Locale::ALL.iter().map(|l| label(*l, &cat_key)).collect();
    let mut texts: Vec<&str> = vec![c.complainant_name.as_str(), c.content.as_str()];
    texts.extend(c.unit.as_deref());
    texts.extend(c.resolution.as_deref());
    texts.extend(d.work_orders.iter().map(|w| w.department.as_str()));
    texts.extend(cat_labels.iter().map(String::as_str));
    search::index(
        conn,
        &SearchDoc {
            register: Register::Complaint,
            record_id: c.id.0,
            code: c.code.clone(),
            title: title(ctx.locale(), c),
            texts,
            status: c.status.as_str(),
            at: c.received_at,
        },
    )
}

/// One line: weight, category, complainant and unit.
fn title(locale: Locale, c: &Complaint) -> String {
    let weight = label(locale, &format!("complaint_weight.{}", c.weight));
    let cat = label(locale, &format!("complaint_category.{}", c.category));
    match &c.unit {
        Some(u) => format!("{weight} · {cat} · {} · {u}", c.complainant_name),
        None => format!("{weight} · {cat} · {}", c.complainant_name),
    }
}

fn audit_change(
    conn: &Connection,
    ctx: &Ctx,
    id: ComplaintId,
    action: &str,
    reason: Option<&str>,
    before: Option<&ComplaintDetail>,
) -> Result<ComplaintDetail> {
    let after = get_detail(conn, id)?;
    audit::record(
        conn,
        ctx,
        ComplaintId::ENTITY,
        id.0,
        action,
        reason,
        before,
        Some(&after),
    )?;
    reindex(conn, ctx, &after)?;
    Ok(after)
}

const CONTENT_MAX: usize = 4000;

fn opt_contact(field: &str, v: Option<&str>) -> Result<Option<String>> {
    match v.map(str::trim) {
        None | Some("") => Ok(None),
        Some(c) => validate::contact(field, c).map(Some),
    }
}

/// Record a grievance or complaint (`complaint.record`).
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct RecordComplaint {
    pub weight: Weight,
    pub channel: Channel,
    pub complainant_name: String,
    #[serde(default)]
    pub contact: Option<String>,
    /// Unit, room or company.
    #[serde(default)]
    pub unit: Option<String>,
    pub category: Category,
    /// What the person said, in their words.
    pub content: String,
    /// Default `normal`.
    #[serde(default)]
    pub severity: Option<Severity>,
    /// When it was received (default: now).
    #[serde(default)]
    pub received_at: Option<DateTime<Utc>>,
}

fn record(conn: &Connection, ctx: &Ctx, req: RecordComplaint) -> Result<ComplaintDetail> {
    let name = validate::text(
        "complainant_name",
        &req.complainant_name,
        validate::NAME_MAX,
    )?;
    let contact = opt_contact("contact", req.contact.as_deref())?;
    let unit = validate::opt_text("unit", req.unit.as_deref(), validate::SHORT_MAX)?;
    let content = validate::note("content", &req.content, CONTENT_MAX)?;
    let received_at = match req.received_at {
        Some(t) => validate::past_time("received_at", t, ctx.now)?,
        None => ctx.now,
    };
    let severity = req.severity.unwrap_or(Severity::Normal);
    let escalated_at = severity.escalates().then_some(ctx.now);
    let now = db::ts(&ctx.now);
    conn.prepare_cached(
        "INSERT INTO complaint (weight, channel, complainant_name, contact, unit, category, content,
            severity, escalated, escalated_at, received_at, received_by, status, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'received', ?13)",
    )?
    .execute(params![
        req.weight.as_str(),
        req.channel.as_str(),
        name,
        contact,
        unit,
        req.category.as_str(),
        content,
        severity.as_str(),
        severity.escalates(),
        db::opt_ts(&escalated_at),
        db::ts(&received_at),
        ctx.actor.id,
        now
    ])?;
    let id = ComplaintId(conn.last_insert_rowid());
    audit_change(conn, ctx, id, "record", None, None)
}

/// Send a complaint to a department with a promised time (`complaint.dispatch`): a work order.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct DispatchComplaint {
    pub id: ComplaintId,
    pub department: String,
    /// The time promised to the complainant.
    pub promised_at: DateTime<Utc>,
    #[serde(default)]
    pub instructions: Option<String>,
}

fn dispatch(conn: &Connection, ctx: &Ctx, req: DispatchComplaint) -> Result<ComplaintDetail> {
    let department = validate::text("department", &req.department, validate::NAME_MAX)?;
    let promised_at = validate::future_time("promised_at", req.promised_at, ctx.now)?;
    let instructions = validate::opt_note("instructions", req.instructions.as_deref(), 2000)?;
    let before = get_detail(conn, req.id)?;
    let next = transition(before.complaint.status, ComplaintAction::Dispatch)?;
    let now = db::ts(&ctx.now);
    conn.prepare_cached(
        "INSERT INTO complaint_work_order (complaint_id, department, promised_at, instructions,
            dispatched_at, by_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        req.id,
        department,
        db::ts(&promised_at),
        instructions,
        now,
        ctx.actor.id
    ])?;
    conn.prepare_cached("UPDATE complaint SET status = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![req.id, next.as_str(), now])?;
    audit_change(conn, ctx, req.id, "dispatch", None, Some(&before))
}

/// Note progress, a slipped promise explained to the complainant … (`complaint.follow_up`).
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct FollowUpComplaint {
    pub id: ComplaintId,
    pub note: String,
}

fn follow_up(conn: &Connection, ctx: &Ctx, req: FollowUpComplaint) -> Result<ComplaintDetail> {
    let note = validate::note("note", &req.note, 2000)?;
    let before = get_detail(conn, req.id)?;
    transition(before.complaint.status, ComplaintAction::FollowUp)?;
    let now = db::ts(&ctx.now);
    conn.prepare_cached(
        "INSERT INTO complaint_follow_up (complaint_id, at, note, by_id) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![req.id, now, note, ctx.actor.id])?;
    conn.prepare_cached("UPDATE complaint SET updated_at = ?2 WHERE id = ?1")?
        .execute(params![req.id, now])?;
    audit_change(conn, ctx, req.id, "follow_up", None, Some(&before))
}

/// The department solved it (`complaint.resolve`).
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ResolveComplaint {
    pub id: ComplaintId,
    pub resolution: String,
}

fn resolve(conn: &Connection, ctx: &Ctx, req: ResolveComplaint) -> Result<ComplaintDetail> {
    let resolution = validate::note("resolution", &req.resolution, CONTENT_MAX)?;
    let before = get_detail(conn, req.id)?;
    let next = transition(before.complaint.status, ComplaintAction::Resolve)?;
    let now = db::ts(&ctx.now);
    conn.prepare_cached(
        "UPDATE complaint SET status = ?2, resolution = ?3, resolved_at = ?4, resolved_by = ?5,
            next_callback_at = NULL, updated_at = ?4
         WHERE id = ?1",
    )?
    .execute(params![
        req.id,
        next.as_str(),
        resolution,
        now,
        ctx.actor.id
    ])?;
    audit_change(conn, ctx, req.id, "resolve", None, Some(&before))
}

/// The call-back (`complaint.callback`): satisfied closes the complaint; not satisfied keeps it
/// resolved and needs the time of the next call, which the complainant is told.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct CallbackComplaint {
    pub id: ComplaintId,
    pub satisfied: bool,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub next_callback_at: Option<DateTime<Utc>>,
}

fn callback(conn: &Connection, ctx: &Ctx, req: CallbackComplaint) -> Result<ComplaintDetail> {
    let note = validate::opt_note("note", req.note.as_deref(), 2000)?;
    let next_call = match (req.satisfied, req.next_callback_at) {
        (true, Some(_)) => {
            return Err(Error::invalid(
                "next_callback_at",
                "only when the complainant is not satisfied",
            ))
        }
        (true, None) => None,
        (false, None) => return Err(Error::required("next_callback_at")),
        (false, Some(t)) => Some(validate::future_time("next_callback_at", t, ctx.now)?),
    };
    let before = get_detail(conn, req.id)?;
    let action = if req.satisfied {
        ComplaintAction::CallbackSatisfied
    } else {
        ComplaintAction::CallbackUnsatisfied
    };
    let next = transition(before.complaint.status, action)?;
    let now = db::ts(&ctx.now);
    conn.prepare_cached(
        "INSERT INTO complaint_callback (complaint_id, at, satisfied, note, next_callback_at, by_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        req.id,
        now,
        req.satisfied,
        note,
        db::opt_ts(&next_call),
        ctx.actor.id
    ])?;
    let closed_at = (next == ComplaintStatus::Closed).then(|| now.clone());
    conn.prepare_cached(
        "UPDATE complaint SET status = ?2, next_callback_at = ?3, closed_at = ?4, updated_at = ?5
         WHERE id = ?1",
    )?
    .execute(params![
        req.id,
        next.as_str(),
        db::opt_ts(&next_call),
        closed_at,
        now
    ])?;
    audit_change(conn, ctx, req.id, "callback", None, Some(&before))
}

/// Reopen a resolved or closed complaint (`complaint.reopen`): back to received. The old
/// resolution stays in the history.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ReopenComplaint {
    pub id: ComplaintId,
    pub reason: String,
}

fn reopen(conn: &Connection, ctx: &Ctx, req: ReopenComplaint) -> Result<ComplaintDetail> {
    let reason = validate::note("reason", &req.reason, 1000)?;
    let before = get_detail(conn, req.id)?;
    let next = transition(before.complaint.status, ComplaintAction::Reopen)?;
    let now = db::ts(&ctx.now);
    conn.prepare_cached(
        "UPDATE complaint SET status = ?2, resolution = NULL, resolved_at = NULL,
            resolved_by = NULL, next_callback_at = NULL, closed_at = NULL, reopened_at = ?3,
            reopen_reason = ?4, reopen_count = reopen_count + 1, updated_at = ?3
         WHERE id = ?1",
    )?
    .execute(params![req.id, next.as_str(), now, reason])?;
    audit_change(conn, ctx, req.id, "reopen", Some(&reason), Some(&before))
}

/// Correct a complaint (`complaint.amend`). Absent fields stay; an empty optional text clears
/// it. Raising the severity to important or major escalates it now.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct AmendComplaint {
    pub id: ComplaintId,
    #[serde(default)]
    pub weight: Option<Weight>,
    #[serde(default)]
    pub channel: Option<Channel>,
    #[serde(default)]
    pub complainant_name: Option<String>,
    #[serde(default)]
    pub contact: Option<String>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub category: Option<Category>,
    #[serde(default)]
    pub content: Option<String>,
    #[serde(default)]
    pub severity: Option<Severity>,
    #[serde(default)]
    pub received_at: Option<DateTime<Utc>>,
    /// Why (kept in the history).
    pub reason: String,
}

fn amend(conn: &Connection, ctx: &Ctx, req: AmendComplaint) -> Result<ComplaintDetail> {
    let reason = validate::text("reason", &req.reason, validate::SHORT_MAX)?;
    let before = get_detail(conn, req.id)?;
    let mut c = before.complaint.clone();
    if let Some(w) = req.weight {
        c.weight = w;
    }
    if let Some(ch) = req.channel {
        c.channel = ch;
    }
    if let Some(v) = &req.complainant_name {
        c.complainant_name = validate::text("complainant_name", v, validate::NAME_MAX)?;
    }
    if let Some(v) = &req.contact {
        c.contact = opt_contact("contact", Some(v))?;
    }
    if let Some(v) = &req.unit {
        c.unit = validate::opt_text("unit", Some(v), validate::SHORT_MAX)?;
    }
    if let Some(cat) = req.category {
        c.category = cat;
    }
    if let Some(v) = &req.content {
        c.content = validate::note("content", v, CONTENT_MAX)?;
    }
    if let Some(t) = req.received_at {
        c.received_at = validate::past_time("received_at", t, ctx.now)?;
    }
    if let Some(s) = req.severity {
        c.severity = s;
        c.escalated = s.escalates();
        c.escalated_at = match (s.escalates(), c.escalated_at) {
            (true, Some(t)) => Some(t),
            (true, None) => Some(ctx.now),
            (false, _) => None,
        };
    }
    if c == before.complaint {
        return Err(Error::BadRequest(
            "nothing to amend: give at least one changed field".into(),
        ));
    }
    conn.prepare_cached(
        "UPDATE complaint SET weight = ?2, channel = ?3, complainant_name = ?4, contact = ?5,
            unit = ?6, category = ?7, content = ?8, severity = ?9, escalated = ?10,
            escalated_at = ?11, received_at = ?12, updated_at = ?13
         WHERE id = ?1",
    )?
    .execute(params![
        req.id,
        c.weight.as_str(),
        c.channel.as_str(),
        c.complainant_name,
        c.contact,
        c.unit,
        c.category.as_str(),
        c.content,
        c.severity.as_str(),
        c.escalated,
        db::opt_ts(&c.escalated_at),
        db::ts(&c.received_at),
        db::ts(&ctx.now)
    ])?;
    audit_change(conn, ctx, req.id, "amend", Some(&reason), Some(&before))
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct GetComplaint {
    pub id: ComplaintId,
}

/// Filters of `complaint.list`; all optional. Escalated complaints come first, then newest.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ListComplaints {
    #[serde(default)]
    pub status: Option<ComplaintStatus>,
    #[serde(default)]
    pub category: Option<Category>,
    #[serde(default)]
    pub weight: Option<Weight>,
    /// Received at or after.
    #[serde(default)]
    pub from: Option<DateTime<Utc>>,
    /// Received before.
    #[serde(default)]
    pub to: Option<DateTime<Utc>>,
    /// Part of the complainant's name or unit.
    #[serde(default)]
    pub complainant: Option<String>,
    /// At most this many (default 200, at most 1000).
    #[serde(default)]
    pub limit: Option<u32>,
}

fn list(conn: &Connection, _ctx: &Ctx, req: ListComplaints) -> Result<Vec<Complaint>> {
    if let (Some(f), Some(t)) = (req.from, req.to) {
        if f > t {
            return Err(Error::out_of_range("to", "before from"));
        }
    }
    let who = validate::opt_text(
        "complainant",
        req.complainant.as_deref(),
        validate::NAME_MAX,
    )?
    .map(|w| like_pattern(&w));
    let limit = i64::from(req.limit.unwrap_or(200).clamp(1, 1000));
    let mut stmt = conn.prepare_cached(&format!(
        "{COMPLAINT_SELECT}
         WHERE (?1 IS NULL OR c.status = ?1)
           AND (?2 IS NULL OR c.category = ?2)
           AND (?3 IS NULL OR c.weight = ?3)
           AND (?4 IS NULL OR c.received_at >= ?4)
           AND (?5 IS NULL OR c.received_at < ?5)
           AND (?6 IS NULL OR c.complainant_name LIKE ?6 ESCAPE '\\'
                OR c.unit LIKE ?6 ESCAPE '\\')
         ORDER BY c.escalated DESC, c.received_at DESC, c.id DESC
         LIMIT ?7"
    ))?;
    let rows = stmt.query_map(
        params![
            req.status.map(|s| s.as_str()),
            req.category.map(|s| s.as_str()),
            req.weight.map(|s| s.as_str()),
            req.from.as_ref().map(db::ts),
            req.to.as_ref().map(db::ts),
            who,
            limit
        ],
        complaint_from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `complaint.stats {month: "2026-11"}`.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct StatsRequest {
    /// A local calendar month, `YYYY-MM`.
    pub month: String,
}

/// One row of the monthly table: a category's grievances and complaints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CategoryCount {
    pub category: Category,
    pub label: String,
    pub grievances: i64,
    pub complaints: i64,
    pub total: i64,
}

/// The monthly statistics (002 §4.1.3.2, §3.3) of the complaints received in a local month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ComplaintStats {
    pub month: String,
    /// The month's first instant at the counter.
    pub from: DateTime<Utc>,
    /// The next month's first instant.
    pub to: DateTime<Utc>,
    /// Every category, in the order of 002 §4.1.3.1, zeros included.
    pub by_category: Vec<CategoryCount>,
    pub grievances: i64,
    pub complaints: i64,
    pub total: i64,
    /// Resolved or closed now.
    pub resolved: i64,
    /// Of those, resolved no later than the promised time of their last work order.
    pub resolved_on_time: i64,
    /// `resolved_on_time / resolved`; absent when nothing was resolved.
    pub on_time_rate: Option<f64>,
    /// Called back at least once.
    pub called_back: i64,
    /// Of those, satisfied at the first call-back.
    pub satisfied_first_call: i64,
    /// `satisfied_first_call / called_back`; absent when nobody was called back.
    pub satisfaction_rate: Option<f64>,
    /// Not closed now.
    pub open: i64,
    pub escalated: i64,
}

/// The first instant of local `date` at the counter, in UTC.
fn local_start(ctx: &Ctx, date: NaiveDate) -> DateTime<Utc> {
    let naive = date.and_time(chrono::NaiveTime::MIN);
    match ctx.tz().from_local_datetime(&naive).earliest() {
        Some(t) => t.with_timezone(&Utc),
        // A time-zone gap at midnight: the day starts an hour later.
        None => Utc.from_utc_datetime(&naive) - Duration::hours(1),
    }
}

fn parse_month(s: &str) -> Result<(NaiveDate, NaiveDate)> {
    let bad = || Error::invalid("month", "a month such as 2026-11");
    let s = validate::text("month", s, 7)?;
    let (y, m) = s.split_once('-').ok_or_else(bad)?;
    if y.len() != 4 || m.len() != 2 {
        return Err(bad());
    }
    let y: i32 = y.parse().map_err(|_| bad())?;
    let m: u32 = m.parse().map_err(|_| bad())?;
    let first = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(bad)?;
    if first.year() < 2000 {
        return Err(Error::out_of_range("month", "before 2000"));
    }
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    }
    .ok_or_else(bad)?;
    Ok((first, next))
}

pub fn stats(conn: &Connection, ctx: &Ctx, req: StatsRequest) -> Result<ComplaintStats> {
    let (first, next) = parse_month(&req.month)?;
    let (from, to) = (local_start(ctx, first), local_start(ctx, next));
    let mut by_category: Vec<CategoryCount> = Category::ALL
        .iter()
        .map(|c| CategoryCount {
            category: *c,
            label: label(ctx.locale(), &format!("complaint_category.{c}")),
            grievances: 0,
            complaints: 0,
            total: 0,
        })
        .collect();
    let mut s = ComplaintStats {
        month: format!("{:04}-{:02}", first.year(), first.month()),
        from,
        to,
        by_category: Vec::new(),
        grievances: 0,
        complaints: 0,
        total: 0,
        resolved: 0,
        resolved_on_time: 0,
        on_time_rate: None,
        called_back: 0,
        satisfied_first_call: 0,
        satisfaction_rate: None,
        open: 0,
        escalated: 0,
    };
    let mut stmt = conn.prepare_cached(
        "SELECT c.category, c.weight, c.status, c.escalated, c.resolved_at,
            (SELECT w.promised_at FROM complaint_work_order w WHERE w.complaint_id = c.id
             ORDER BY w.id DESC LIMIT 1) AS promised_at,
            (SELECT b.satisfied FROM complaint_callback b WHERE b.complaint_id = c.id
             ORDER BY b.id LIMIT 1) AS first_satisfied
         FROM complaint c
         WHERE c.received_at >= ?1 AND c.received_at < ?2",
    )?;
    let mut rows = stmt.query(params![db::ts(&from), db::ts(&to)])?;
    while let Some(r) = rows.next()? {
        let category: Category = r.get("category")?;
        let weight: Weight = r.get("weight")?;
        let status: ComplaintStatus = r.get("status")?;
        let escalated: bool = r.get("escalated")?;
        let resolved_at = db::get_opt_ts(r, "resolved_at")?;
        let promised_at = db::get_opt_ts(r, "promised_at")?;
        let first_satisfied: Option<bool> = r.get("first_satisfied")?;
        if let Some(row) = by_category.iter_mut().find(|c| c.category == category) {
            match weight {
                Weight::Grievance => row.grievances += 1,
                Weight::Complaint => row.complaints += 1,
            }
            row.total += 1;
        }
        match weight {
            Weight::Grievance => s.grievances += 1,
            Weight::Complaint => s.complaints += 1,
        }
        s.total += 1;
        if let Some(done) = resolved_at {
            s.resolved += 1;
            if promised_at.is_some_and(|p| done <= p) {
                s.resolved_on_time += 1;
            }
        }
        if let Some(sat) = first_satisfied {
            s.called_back += 1;
            if sat {
                s.satisfied_first_call += 1;
            }
        }
        if status != ComplaintStatus::Closed {
            s.open += 1;
        }
        if escalated {
            s.escalated += 1;
        }
    }
    let rate = |n: i64, d: i64| (d > 0).then(|| n as f64 / d as f64);
    s.on_time_rate = rate(s.resolved_on_time, s.resolved);
    s.satisfaction_rate = rate(s.satisfied_first_call, s.called_back);
    s.by_category = by_category;
    Ok(s)
}

/// When the call-back of a resolved complaint is due: the promised next call, or else the end
/// of the local day it was resolved (002 §4.5.1: call back the same day).
fn callback_due(ctx: &Ctx, c: &Complaint) -> Option<DateTime<Utc>> {
    c.next_callback_at.or_else(|| {
        c.resolved_at.and_then(|r| {
            ctx.local_date(r)
                .succ_opt()
                // The last minute of the day: "today, by 23:59" reads as today (00:00 of the
                // next day, the same instant give or take a minute, read as tomorrow).
                .map(|next_day| local_start(ctx, next_day) - chrono::Duration::minutes(1))
        })
    })
}

fn excerpt(s: &str, max: usize) -> String {
    let line = s.lines().next().unwrap_or("");
    if line.chars().count() > max || line.len() < s.trim_end().len() {
        let cut: String = line.chars().take(max).collect();
        format!("{cut}…")
    } else {
        line.to_owned()
    }
}

/// What the counter must still do with complaints: every complaint not closed (escalated
/// ones first; an escalated one is due from the moment it was escalated), those past the
/// promised time of their work order, and resolved ones waiting for their call-back.
pub fn open_items(conn: &Connection, ctx: &Ctx) -> Result<Vec<OpenItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{COMPLAINT_SELECT}
         WHERE c.status <> 'closed'
         ORDER BY c.escalated DESC, c.received_at, c.id"
    ))?;
    let open: Vec<Complaint> = stmt
        .query_map([], complaint_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let locale = ctx.locale();
    let mut items = Vec::new();
    for c in open {
        let mut summary = String::new();
        if c.escalated {
            summary.push_str(&label(
                locale,
                &format!("complaint_severity.{}", c.severity),
            ));
            summary.push_str(" · ");
        }
        summary.push_str(&title(locale, &c));
        summary.push_str(" · ");
        summary.push_str(&excerpt(&c.content, 40));
        let item = |kind, due_at, overdue| OpenItem {
            kind,
            register: Register::Complaint,
            record_id: c.id.0,
            code: c.code.clone(),
            summary: summary.clone(),
            due_at,
            overdue,
        };
        let open_due = if c.escalated {
            c.escalated_at
        } else {
            match c.status {
                ComplaintStatus::Dispatched => c.promised_at,
                ComplaintStatus::Resolved => callback_due(ctx, &c),
                _ => None,
            }
        };
        // One line per complaint, under what is most pressing about it: a promise broken, else
        // a call-back due, else simply open (listing it twice counted it twice on Today and in
        // the handover).
        let broken = (c.status == ComplaintStatus::Dispatched)
            .then_some(c.promised_at)
            .flatten()
            .filter(|p| *p < ctx.now);
        if let Some(p) = broken {
            items.push(item(OpenKind::ComplaintOverdue, Some(p), true));
        } else if c.status == ComplaintStatus::Resolved {
            let due = callback_due(ctx, &c);
            let overdue = due.is_some_and(|d| d < ctx.now);
            items.push(item(OpenKind::ComplaintCallbackDue, due, overdue));
        } else {
            items.push(item(OpenKind::ComplaintOpen, open_due, false));
        }
    }
    Ok(items)
}

/// The operations of this register.
pub fn operations() -> Vec<Operation> {
    vec![
        op_write(
            "complaint.record",
            "Record a grievance (抱怨) or complaint (投诉): who, how, what, category, severity; important and major ones are escalated.",
            record,
        ),
        op_write(
            "complaint.dispatch",
            "Send a complaint to a department with a promised time (a work order, 派工单); may be repeated while dispatched.",
            dispatch,
        ),
        op_write(
            "complaint.follow_up",
            "Note progress on a complaint not yet closed.",
            follow_up,
        ),
        op_write(
            "complaint.resolve",
            "Record how a dispatched complaint was resolved.",
            resolve,
        ),
        op_write(
            "complaint.callback",
            "Record the call-back (回访): satisfied closes; not satisfied needs the next call time.",
            callback,
        ),
        op_write(
            "complaint.reopen",
            "Reopen a resolved or closed complaint, with the reason.",
            reopen,
        ),
        op_write(
            "complaint.amend",
            "Correct a complaint's details (reason required; the history keeps the old values).",
            amend,
        ),
        op_read(
            "complaint.get",
            "One complaint with its work orders, follow-ups and call-backs.",
            |c, _ctx, r: GetComplaint| get_detail(c, r.id),
        ),
        op_read(
            "complaint.list",
            "Complaints by status, category, weight, time received and complainant; escalated first, then newest (contacts masked: the full one is on complaint.get).",
            |c, ctx, r: ListComplaints| {
                let mut list = list(c, ctx, r)?;
                for x in &mut list {
                    crate::privacy::mask_opt(&mut x.contact);
                }
                Ok(list)
            },
        ),
        op_read(
            "complaint.stats",
            "A local month's statistics: counts by category and weight, on-time and satisfaction rates, open and escalated counts.",
            stats,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use ComplaintAction as A;
    use ComplaintStatus as S;

    #[test]
    fn transition_table_is_the_closed_loop() {
        let expect = |from, action, to: Option<ComplaintStatus>| {
            let got = transition(from, action).ok();
            assert_eq!(got, to, "{from:?} {action:?}");
        };
        expect(S::Received, A::Dispatch, Some(S::Dispatched));
        expect(S::Dispatched, A::Dispatch, Some(S::Dispatched));
        expect(S::Resolved, A::Dispatch, None);
        expect(S::Closed, A::Dispatch, None);
        expect(S::Received, A::FollowUp, Some(S::Received));
        expect(S::Dispatched, A::FollowUp, Some(S::Dispatched));
        expect(S::Resolved, A::FollowUp, Some(S::Resolved));
        expect(S::Closed, A::FollowUp, None);
        expect(S::Received, A::Resolve, None);
        expect(S::Dispatched, A::Resolve, Some(S::Resolved));
        expect(S::Resolved, A::Resolve, None);
        expect(S::Resolved, A::CallbackSatisfied, Some(S::Closed));
        expect(S::Resolved, A::CallbackUnsatisfied, Some(S::Resolved));
        expect(S::Dispatched, A::CallbackSatisfied, None);
        expect(S::Closed, A::CallbackUnsatisfied, None);
        expect(S::Received, A::Reopen, None);
        expect(S::Dispatched, A::Reopen, None);
        expect(S::Resolved, A::Reopen, Some(S::Received));
        expect(S::Closed, A::Reopen, Some(S::Received));
        // Every (status, action) pair is decided by the table and nothing else.
        let mut allowed = 0;
        for s in ComplaintStatus::ALL {
            for a in ComplaintAction::ALL {
                match transition(*s, a) {
                    Ok(_) => allowed += 1,
                    Err(Error::InvalidState { from, action, .. }) => {
                        assert_eq!(from, s.key());
                        assert_eq!(action, a.key());
                    }
                    Err(e) => panic!("{e:?}"),
                }
            }
        }
        assert_eq!(allowed, TRANSITIONS.len());
    }

    #[test]
    fn months_parse_strictly() {
        assert_eq!(
            parse_month("2026-12").unwrap(),
            (
                NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
            )
        );
        for bad in ["2026-13", "2026-1", "26-11", "2026/11", "november"] {
            assert!(parse_month(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn enums_store_what_serde_sends() {
        for c in Category::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
        for s in ComplaintStatus::ALL {
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        for c in Channel::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
        assert!(Severity::Major.escalates() && Severity::Important.escalates());
        assert!(!Severity::Normal.escalates());
    }
}
