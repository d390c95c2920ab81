//! Mail and parcels (信件报刊、包裹代收 / 우편·택배): every letter, parcel, registered item,
//! printed matter, newspaper or remittance notice the counter receives for a resident (`in`) or
//! accepts from one to send (`out`), its notifications, hand-over, dispatch, return and
//! exceptions (damaged, misaddressed, lost — 000 §2.6).
//!
//! State rules live in one table, [`TRANSITIONS`], read by [`transition`]; every operation that
//! moves an item asks it first, so a refused move is `invalid_state` and changes nothing.
//! A tracking number may be open on one item only (checked here and by the partial unique
//! index `parcel_open_tracking`); once an item is closed its number may come back.
//!
//! Labels for the UI and the printed forms: `status.parcel.<status>`, `parcel_kind.<kind>`,
//! `parcel_direction.<d>`, `notify_channel.<c>`, `parcel_exception.<k>`, `carrier.<c>`,
//! `confidence.<c>` in `assets/i18n/<lang>/mail.json`. Statuses and actions are namespaced
//! (`parcel.dispatch`) because the catalogue is one flat map shared with complaints, whose
//! `dispatched` means something else.
//!
//! To add an operation: write `fn(&Connection, &Ctx, Req) -> Result<Resp>` that validates,
//! asks [`transition`], writes, calls [`audit::record`] and [`reindex`], and list it in
//! [`operations`].

use crate::api::{op_read, op_write, Operation};
use crate::audit;
use crate::ctx::Ctx;
use crate::dashboard::{OpenItem, OpenKind};
use crate::db;
use crate::error::{Error, Result};
use crate::i18n;
use crate::ids::{ParcelId, StaffId};
use crate::profile::LegalRegime;
use crate::search::{self, Register, SearchDoc};
use crate::validate;
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

text_enum!(
    /// Received for a resident, or accepted from one to send.
    Direction { In = "in", Out = "out" }
);

text_enum!(
    /// What the item is (信件、挂号信、包裹、印刷品、报刊、汇款通知单).
    ParcelKind {
        Letter = "letter",
        Registered = "registered",
        Parcel = "parcel",
        PrintedMatter = "printed_matter",
        NewspaperMagazine = "newspaper_magazine",
        RemittanceNotice = "remittance_notice",
    }
);

impl ParcelKind {
    /// Whether an incoming item of this kind must carry a tracking number. Ordinary letters
    /// and newspapers have none.
    pub fn needs_tracking(self) -> bool {
        !matches!(self, ParcelKind::Letter | ParcelKind::NewspaperMagazine)
    }
}

text_enum!(
    /// Where an item is in its life.
    ParcelStatus {
        /// In: at the counter, recipient not yet told.
        Received = "received",
        /// In: recipient told at least once.
        Notified = "notified",
        /// In: handed to the recipient (or someone on their behalf) against a signature.
        PickedUp = "picked_up",
        /// Returned to the sender.
        Returned = "returned",
        /// Lost (reported with an exception).
        Lost = "lost",
        /// Out: left at the counter to be sent.
        Accepted = "accepted",
        /// Out: handed to the carrier.
        Dispatched = "dispatched",
    }
);

impl ParcelStatus {
    /// Still at the counter's charge.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ParcelStatus::Received | ParcelStatus::Notified | ParcelStatus::Accepted
        )
    }

    /// The catalogue key of this status, namespaced (`parcel.received`).
    pub fn key(self) -> String {
        format!("parcel.{}", self.as_str())
    }
}

text_enum!(
    /// How the recipient was told.
    NotifyChannel {
        Phone = "phone",
        Sms = "sms",
        Wechat = "wechat",
        Kakao = "kakao",
        InPerson = "in_person",
        NoticeBoard = "notice_board",
        Other = "other",
    }
);

text_enum!(
    /// A problem with an item (000 §2.6).
    ExceptionKind {
        Damaged = "damaged",
        Misaddressed = "misaddressed",
        /// Closes the item as lost.
        Lost = "lost",
    }
);

/// What can be done to an item; [`transition`] says from which status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParcelAction {
    Notify,
    PickUp,
    Dispatch,
    Return,
    /// An exception of kind `lost`.
    Lose,
    /// An exception of kind `damaged` or `misaddressed`: recorded, the item stays open.
    Report,
}

impl ParcelAction {
    /// The catalogue key (`action.<key>`), which is also the operation's name.
    pub fn key(self) -> &'static str {
        match self {
            ParcelAction::Notify => "parcel.notify",
            ParcelAction::PickUp => "parcel.pick_up",
            ParcelAction::Dispatch => "parcel.dispatch",
            ParcelAction::Return => "parcel.return",
            ParcelAction::Lose | ParcelAction::Report => "parcel.exception",
        }
    }
}

/// Every allowed move: (from, action, to). Incoming items go received → notified →
/// picked_up | returned | lost; outgoing ones accepted → dispatched | returned | lost.
pub const TRANSITIONS: &[(ParcelStatus, ParcelAction, ParcelStatus)] = {
    use ParcelAction as A;
    use ParcelStatus as S;
    &[
        (S::Received, A::Notify, S::Notified),
        (S::Notified, A::Notify, S::Notified),
        (S::Received, A::PickUp, S::PickedUp),
        (S::Notified, A::PickUp, S::PickedUp),
        (S::Received, A::Return, S::Returned),
        (S::Notified, A::Return, S::Returned),
        (S::Received, A::Lose, S::Lost),
        (S::Notified, A::Lose, S::Lost),
        (S::Received, A::Report, S::Received),
        (S::Notified, A::Report, S::Notified),
        (S::Accepted, A::Dispatch, S::Dispatched),
        (S::Accepted, A::Return, S::Returned),
        (S::Accepted, A::Lose, S::Lost),
        (S::Accepted, A::Report, S::Accepted),
    ]
};

/// The status after `action`, or `invalid_state` naming the current status and the action.
pub fn transition(from: ParcelStatus, action: ParcelAction) -> Result<ParcelStatus> {
    TRANSITIONS
        .iter()
        .find(|(f, a, _)| *f == from && *a == action)
        .map(|(_, _, to)| *to)
        .ok_or_else(|| Error::state(ParcelId::ENTITY, from.key(), action.key()))
}

/// One mail item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Parcel {
    pub id: ParcelId,
    pub code: String,
    pub direction: Direction,
    pub kind: ParcelKind,
    pub carrier: Option<String>,
    pub tracking_no: Option<String>,
    pub recipient_name: String,
    pub recipient_unit: Option<String>,
    pub recipient_contact: Option<String>,
    pub sender: Option<String>,
    /// Received (in) or accepted (out) at.
    pub received_at: DateTime<Utc>,
    pub received_by: StaffId,
    pub received_by_name: String,
    pub storage_location: Option<String>,
    pub note: Option<String>,
    pub status: ParcelStatus,
    pub picked_up_at: Option<DateTime<Utc>>,
    pub picked_up_by: Option<String>,
    pub on_behalf_of: Option<String>,
    pub id_checked: Option<bool>,
    pub id_doc_type: Option<String>,
    /// Only the last 4 characters of the identity document shown.
    pub id_last4: Option<String>,
    pub pickup_note: Option<String>,
    pub dispatched_at: Option<DateTime<Utc>>,
    pub return_reason: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    pub closed_by: Option<StaffId>,
    pub updated_at: DateTime<Utc>,
}

/// One time the recipient was told.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Notification {
    pub at: DateTime<Utc>,
    pub channel: NotifyChannel,
    pub note: Option<String>,
    pub by: StaffId,
    pub by_name: String,
}

/// A recorded problem with an item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ParcelException {
    pub at: DateTime<Utc>,
    pub kind: ExceptionKind,
    pub report: String,
    pub by: StaffId,
    pub by_name: String,
}

/// An item with its notifications and exceptions: what `parcel.get` and every write return.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ParcelDetail {
    #[serde(flatten)]
    pub parcel: Parcel,
    pub notifications: Vec<Notification>,
    pub exceptions: Vec<ParcelException>,
}

const PARCEL_SELECT: &str =
    "SELECT p.id, p.direction, p.kind, p.carrier, p.tracking_no, p.recipient_name,
        p.recipient_unit, p.recipient_contact, p.sender, p.received_at, p.received_by,
        COALESCE(s.name, '') AS received_by_name, p.storage_location, p.note, p.status,
        p.picked_up_at, p.picked_up_by, p.on_behalf_of, p.id_checked, p.id_doc_type, p.id_last4,
        p.pickup_note, p.dispatched_at, p.return_reason, p.closed_at, p.closed_by, p.updated_at
    FROM parcel p LEFT JOIN staff s ON s.id = p.received_by";

fn parcel_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Parcel> {
    let id = ParcelId(r.get("id")?);
    Ok(Parcel {
        id,
        code: id.code(),
        direction: r.get("direction")?,
        kind: r.get("kind")?,
        carrier: r.get("carrier")?,
        tracking_no: r.get("tracking_no")?,
        recipient_name: r.get("recipient_name")?,
        recipient_unit: r.get("recipient_unit")?,
        recipient_contact: r.get("recipient_contact")?,
        sender: r.get("sender")?,
        received_at: db::get_ts(r, "received_at")?,
        received_by: r.get("received_by")?,
        received_by_name: r.get("received_by_name")?,
        storage_location: r.get("storage_location")?,
        note: r.get("note")?,
        status: r.get("status")?,
        picked_up_at: db::get_opt_ts(r, "picked_up_at")?,
        picked_up_by: r.get("picked_up_by")?,
        on_behalf_of: r.get("on_behalf_of")?,
        id_checked: r.get("id_checked")?,
        id_doc_type: r.get("id_doc_type")?,
        id_last4: r.get("id_last4")?,
        pickup_note: r.get("pickup_note")?,
        dispatched_at: db::get_opt_ts(r, "dispatched_at")?,
        return_reason: r.get("return_reason")?,
        closed_at: db::get_opt_ts(r, "closed_at")?,
        closed_by: r.get("closed_by")?,
        updated_at: db::get_ts(r, "updated_at")?,
    })
}

/// One item, or `not_found`.
pub fn get_parcel(conn: &Connection, id: ParcelId) -> Result<Parcel> {
    conn.prepare_cached(&format!("{PARCEL_SELECT} WHERE p.id = ?1"))?
        .query_row([id], parcel_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(ParcelId::ENTITY, id))
}

fn notifications(conn: &Connection, id: ParcelId) -> Result<Vec<Notification>> {
    let mut stmt = conn.prepare_cached(
        "SELECT n.at, n.channel, n.note, n.by_id, COALESCE(s.name, '') AS by_name
         FROM parcel_notification n LEFT JOIN staff s ON s.id = n.by_id
         WHERE n.parcel_id = ?1 ORDER BY n.at, n.id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Notification {
            at: db::get_ts(r, "at")?,
            channel: r.get("channel")?,
            note: r.get("note")?,
            by: StaffId(r.get("by_id")?),
            by_name: r.get("by_name")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn exceptions(conn: &Connection, id: ParcelId) -> Result<Vec<ParcelException>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.at, e.kind, e.report, e.by_id, COALESCE(s.name, '') AS by_name
         FROM parcel_exception e LEFT JOIN staff s ON s.id = e.by_id
         WHERE e.parcel_id = ?1 ORDER BY e.at, e.id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(ParcelException {
            at: db::get_ts(r, "at")?,
            kind: r.get("kind")?,
            report: r.get("report")?,
            by: StaffId(r.get("by_id")?),
            by_name: r.get("by_name")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// An item with its notifications and exceptions.
pub fn get_detail(conn: &Connection, id: ParcelId) -> Result<ParcelDetail> {
    let parcel = get_parcel(conn, id)?;
    Ok(ParcelDetail {
        notifications: notifications(conn, id)?,
        exceptions: exceptions(conn, id)?,
        parcel,
    })
}

/// A tracking number as typed or scanned: trimmed, inner spaces dropped. Returns the stored
/// form and the upper-case key compared for duplicates; `None` when empty.
pub fn clean_tracking(field: &str, raw: Option<&str>) -> Result<Option<(String, String)>> {
    let Some(raw) = raw else { return Ok(None) };
    let v: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if v.is_empty() {
        return Ok(None);
    }
    if v.chars().any(char::is_control) {
        return Err(Error::ControlChars {
            field: field.to_owned(),
        });
    }
    if v.chars().count() > 40 {
        return Err(Error::TooLong {
            field: field.to_owned(),
            max: 40,
        });
    }
    if !v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(Error::invalid(field, "letters, digits and - only"));
    }
    let key = v.to_ascii_uppercase();
    Ok(Some((v, key)))
}

/// Refuse a tracking number already on an open item (other than `except`).
fn check_open_duplicate(conn: &Connection, key: &str, except: Option<ParcelId>) -> Result<()> {
    let other: Option<i64> = conn
        .prepare_cached(
            "SELECT id FROM parcel
             WHERE tracking_key = ?1 AND status IN ('received', 'notified', 'accepted')
               AND id IS NOT ?2",
        )?
        .query_row(params![key, except.map(|p| p.0)], |r| r.get(0))
        .optional()?;
    match other {
        Some(id) => Err(Error::Duplicate {
            field: "tracking_no".into(),
            detail: ParcelId(id).code(),
        }),
        None => Ok(()),
    }
}

fn label(ctx: &Ctx, key: &str) -> String {
    i18n::tr(ctx.locale(), key)
}

/// Put an item into the search index: recipient, unit, tracking number, carrier, sender, note.
/// The recipient's contact and identity-document digits stay out.
pub fn reindex(conn: &Connection, ctx: &Ctx, p: &Parcel) -> Result<()> {
    let title = title(ctx, p);
    let texts: Vec<&str> = [
        Some(p.recipient_name.as_str()),
        p.recipient_unit.as_deref(),
        p.tracking_no.as_deref(),
        p.carrier.as_deref(),
        p.sender.as_deref(),
        p.note.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    search::index(
        conn,
        &SearchDoc {
            register: Register::Parcel,
            record_id: p.id.0,
            code: p.code.clone(),
            title,
            texts,
            status: p.status.as_str(),
            at: p.received_at,
        },
    )
}

/// One line for lists: kind, recipient and unit (never the contact).
fn title(ctx: &Ctx, p: &Parcel) -> String {
    let kind = label(ctx, &format!("parcel_kind.{}", p.kind));
    match &p.recipient_unit {
        Some(u) => format!("{kind} · {} · {u}", p.recipient_name),
        None => format!("{kind} · {}", p.recipient_name),
    }
}

fn audit_change(
    conn: &Connection,
    ctx: &Ctx,
    id: ParcelId,
    action: &str,
    reason: Option<&str>,
    before: Option<&ParcelDetail>,
) -> Result<ParcelDetail> {
    let after = get_detail(conn, id)?;
    audit::record(
        conn,
        ctx,
        ParcelId::ENTITY,
        id.0,
        action,
        reason,
        before,
        Some(&after),
    )?;
    reindex(conn, ctx, &after.parcel)?;
    Ok(after)
}

/// Receive an item for a resident (`parcel.receive`).
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ReceiveParcel {
    pub kind: ParcelKind,
    #[serde(default)]
    pub carrier: Option<String>,
    /// Required except for letters and newspapers.
    #[serde(default)]
    pub tracking_no: Option<String>,
    pub recipient_name: String,
    /// Unit, room or company.
    #[serde(default)]
    pub recipient_unit: Option<String>,
    #[serde(default)]
    pub recipient_contact: Option<String>,
    #[serde(default)]
    pub sender: Option<String>,
    /// When it arrived (default: now).
    #[serde(default)]
    pub received_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub storage_location: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Accept an item a resident leaves to be sent (`parcel.accept_outgoing`).
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct AcceptOutgoing {
    pub kind: ParcelKind,
    /// Who leaves it to be sent.
    pub sender: String,
    /// The addressee.
    pub recipient_name: String,
    /// The addressee's unit, company or address.
    #[serde(default)]
    pub recipient_unit: Option<String>,
    #[serde(default)]
    pub recipient_contact: Option<String>,
    #[serde(default)]
    pub carrier: Option<String>,
    #[serde(default)]
    pub tracking_no: Option<String>,
    /// When it was left at the counter (default: now).
    #[serde(default)]
    pub received_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub storage_location: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// The validated texts of a new or amended item.
struct ParcelFields {
    kind: ParcelKind,
    carrier: Option<String>,
    tracking: Option<(String, String)>,
    recipient_name: String,
    recipient_unit: Option<String>,
    recipient_contact: Option<String>,
    sender: Option<String>,
    received_at: DateTime<Utc>,
    storage_location: Option<String>,
    note: Option<String>,
}

const CARRIER_MAX: usize = 60;
const LOCATION_MAX: usize = 60;

fn opt_contact(field: &str, v: Option<&str>) -> Result<Option<String>> {
    match v.map(str::trim) {
        None | Some("") => Ok(None),
        Some(c) => validate::contact(field, c).map(Some),
    }
}

fn insert(conn: &Connection, ctx: &Ctx, dir: Direction, f: ParcelFields) -> Result<ParcelDetail> {
    if let Some((_, key)) = &f.tracking {
        check_open_duplicate(conn, key, None)?;
    }
    let status = match dir {
        Direction::In => ParcelStatus::Received,
        Direction::Out => ParcelStatus::Accepted,
    };
    let now = db::ts(&ctx.now);
    conn.prepare_cached(
        "INSERT INTO parcel (direction, kind, carrier, tracking_no, tracking_key, recipient_name,
            recipient_unit, recipient_contact, sender, received_at, received_by, storage_location,
            note, status, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        dir.as_str(),
        f.kind.as_str(),
        f.carrier,
        f.tracking.as_ref().map(|t| &t.0),
        f.tracking.as_ref().map(|t| &t.1),
        f.recipient_name,
        f.recipient_unit,
        f.recipient_contact,
        f.sender,
        db::ts(&f.received_at),
        ctx.actor.id,
        f.storage_location,
        f.note,
        status.as_str(),
        now
    ])?;
    let id = ParcelId(conn.last_insert_rowid());
    let action = match dir {
        Direction::In => "receive",
        Direction::Out => "accept_outgoing",
    };
    audit_change(conn, ctx, id, action, None, None)
}

fn receive(conn: &Connection, ctx: &Ctx, req: ReceiveParcel) -> Result<ParcelDetail> {
    let tracking = clean_tracking("tracking_no", req.tracking_no.as_deref())?;
    if tracking.is_none() && req.kind.needs_tracking() {
        return Err(Error::required("tracking_no"));
    }
    let f = ParcelFields {
        kind: req.kind,
        carrier: validate::opt_text("carrier", req.carrier.as_deref(), CARRIER_MAX)?,
        tracking,
        recipient_name: validate::text("recipient_name", &req.recipient_name, validate::NAME_MAX)?,
        recipient_unit: validate::opt_text(
            "recipient_unit",
            req.recipient_unit.as_deref(),
            validate::SHORT_MAX,
        )?,
        recipient_contact: opt_contact("recipient_contact", req.recipient_contact.as_deref())?,
        sender: validate::opt_text("sender", req.sender.as_deref(), validate::SHORT_MAX)?,
        received_at: match req.received_at {
            Some(t) => validate::past_time("received_at", t, ctx.now)?,
            None => ctx.now,
        },
        storage_location: validate::opt_text(
            "storage_location",
            req.storage_location.as_deref(),
            LOCATION_MAX,
        )?,
        note: validate::opt_note("note", req.note.as_deref(), validate::NOTE_MAX)?,
    };
    insert(conn, ctx, Direction::In, f)
}

fn accept_outgoing(conn: &Connection, ctx: &Ctx, req: AcceptOutgoing) -> Result<ParcelDetail> {
    let f = ParcelFields {
        kind: req.kind,
        carrier: validate::opt_text("carrier", req.carrier.as_deref(), CARRIER_MAX)?,
        tracking: clean_tracking("tracking_no", req.tracking_no.as_deref())?,
        recipient_name: validate::text("recipient_name", &req.recipient_name, validate::NAME_MAX)?,
        recipient_unit: validate::opt_text(
            "recipient_unit",
            req.recipient_unit.as_deref(),
            validate::SHORT_MAX,
        )?,
        recipient_contact: opt_contact("recipient_contact", req.recipient_contact.as_deref())?,
        sender: Some(validate::text("sender", &req.sender, validate::SHORT_MAX)?),
        received_at: match req.received_at {
            Some(t) => validate::past_time("received_at", t, ctx.now)?,
            None => ctx.now,
        },
        storage_location: validate::opt_text(
            "storage_location",
            req.storage_location.as_deref(),
            LOCATION_MAX,
        )?,
        note: validate::opt_note("note", req.note.as_deref(), validate::NOTE_MAX)?,
    };
    insert(conn, ctx, Direction::Out, f)
}

/// Tell the recipient (`parcel.notify`); may be repeated, each time is recorded.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct NotifyParcel {
    pub id: ParcelId,
    pub channel: NotifyChannel,
    #[serde(default)]
    pub note: Option<String>,
}

fn notify(conn: &Connection, ctx: &Ctx, req: NotifyParcel) -> Result<ParcelDetail> {
    let note = validate::opt_note("note", req.note.as_deref(), 1000)?;
    let before = get_detail(conn, req.id)?;
    let next = transition(before.parcel.status, ParcelAction::Notify)?;
    conn.prepare_cached(
        "INSERT INTO parcel_notification (parcel_id, at, channel, note, by_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        req.id,
        db::ts(&ctx.now),
        req.channel.as_str(),
        note,
        ctx.actor.id
    ])?;
    conn.prepare_cached("UPDATE parcel SET status = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![req.id, next.as_str(), db::ts(&ctx.now)])?;
    audit_change(conn, ctx, req.id, "notify", None, Some(&before))
}

/// Hand an item over (`parcel.pick_up`).
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct PickUp {
    pub id: ParcelId,
    /// Who collected it (signs for it).
    pub picked_up_by: String,
    /// The recipient, when someone else collects for them.
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    /// Whether an identity document was checked.
    pub id_checked: bool,
    #[serde(default)]
    pub id_doc_type: Option<String>,
    /// Only the last 4 characters of the document number; a full number is refused.
    #[serde(default)]
    pub id_last4: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

fn pick_up(conn: &Connection, ctx: &Ctx, req: PickUp) -> Result<ParcelDetail> {
    let by = validate::text("picked_up_by", &req.picked_up_by, validate::NAME_MAX)?;
    let behalf = validate::opt_text(
        "on_behalf_of",
        req.on_behalf_of.as_deref(),
        validate::NAME_MAX,
    )?;
    let doc_type = validate::opt_text("id_doc_type", req.id_doc_type.as_deref(), 40)?;
    let last4 = match req.id_last4.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(v) => Some(validate::id_last4("id_last4", v)?),
    };
    if !req.id_checked && (doc_type.is_some() || last4.is_some()) {
        let field = if last4.is_some() {
            "id_last4"
        } else {
            "id_doc_type"
        };
        return Err(Error::invalid(
            field,
            "an identity document is recorded only when id_checked is true",
        ));
    }
    let note = validate::opt_note("note", req.note.as_deref(), 1000)?;
    let before = get_detail(conn, req.id)?;
    let next = transition(before.parcel.status, ParcelAction::PickUp)?;
    let now = db::ts(&ctx.now);
    conn.prepare_cached(
        "UPDATE parcel SET status = ?2, picked_up_at = ?3, picked_up_by = ?4, on_behalf_of = ?5,
            id_checked = ?6, id_doc_type = ?7, id_last4 = ?8, pickup_note = ?9,
            closed_at = ?3, closed_by = ?10, updated_at = ?3
         WHERE id = ?1",
    )?
    .execute(params![
        req.id,
        next.as_str(),
        now,
        by,
        behalf,
        req.id_checked,
        doc_type,
        last4,
        note,
        ctx.actor.id
    ])?;
    audit_change(conn, ctx, req.id, "pick_up", None, Some(&before))
}

/// Hand an outgoing item to the carrier (`parcel.dispatch`).
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct DispatchParcel {
    pub id: ParcelId,
    #[serde(default)]
    pub carrier: Option<String>,
    #[serde(default)]
    pub tracking_no: Option<String>,
}

fn dispatch(conn: &Connection, ctx: &Ctx, req: DispatchParcel) -> Result<ParcelDetail> {
    let carrier = validate::opt_text("carrier", req.carrier.as_deref(), CARRIER_MAX)?;
    let tracking = clean_tracking("tracking_no", req.tracking_no.as_deref())?;
    let before = get_detail(conn, req.id)?;
    let next = transition(before.parcel.status, ParcelAction::Dispatch)?;
    let now = db::ts(&ctx.now);
    conn.prepare_cached(
        "UPDATE parcel SET status = ?2, dispatched_at = ?3, closed_at = ?3, closed_by = ?4,
            carrier = COALESCE(?5, carrier),
            tracking_no = COALESCE(?6, tracking_no), tracking_key = COALESCE(?7, tracking_key),
            updated_at = ?3
         WHERE id = ?1",
    )?
    .execute(params![
        req.id,
        next.as_str(),
        now,
        ctx.actor.id,
        carrier,
        tracking.as_ref().map(|t| &t.0),
        tracking.as_ref().map(|t| &t.1)
    ])?;
    audit_change(conn, ctx, req.id, "dispatch", None, Some(&before))
}

/// Return an item to its sender (`parcel.return`).
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ReturnParcel {
    pub id: ParcelId,
    pub reason: String,
}

fn return_to_sender(conn: &Connection, ctx: &Ctx, req: ReturnParcel) -> Result<ParcelDetail> {
    let reason = validate::note("reason", &req.reason, 1000)?;
    let before = get_detail(conn, req.id)?;
    let next = transition(before.parcel.status, ParcelAction::Return)?;
    let now = db::ts(&ctx.now);
    conn.prepare_cached(
        "UPDATE parcel SET status = ?2, return_reason = ?3, closed_at = ?4, closed_by = ?5,
            updated_at = ?4
         WHERE id = ?1",
    )?
    .execute(params![req.id, next.as_str(), reason, now, ctx.actor.id])?;
    audit_change(conn, ctx, req.id, "return", Some(&reason), Some(&before))
}

/// Record a problem (`parcel.exception`): damaged or misaddressed keep the item open; lost
/// closes it as lost.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ReportException {
    pub id: ParcelId,
    pub kind: ExceptionKind,
    /// What happened and to whom it was reported.
    pub report: String,
}

fn exception(conn: &Connection, ctx: &Ctx, req: ReportException) -> Result<ParcelDetail> {
    let report = validate::note("report", &req.report, 2000)?;
    let before = get_detail(conn, req.id)?;
    let action = match req.kind {
        ExceptionKind::Lost => ParcelAction::Lose,
        ExceptionKind::Damaged | ExceptionKind::Misaddressed => ParcelAction::Report,
    };
    let next = transition(before.parcel.status, action)?;
    let now = db::ts(&ctx.now);
    conn.prepare_cached(
        "INSERT INTO parcel_exception (parcel_id, at, kind, report, by_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        req.id,
        now,
        req.kind.as_str(),
        report,
        ctx.actor.id
    ])?;
    if next.is_open() {
        conn.prepare_cached("UPDATE parcel SET updated_at = ?2 WHERE id = ?1")?
            .execute(params![req.id, now])?;
    } else {
        conn.prepare_cached(
            "UPDATE parcel SET status = ?2, closed_at = ?3, closed_by = ?4, updated_at = ?3 WHERE id = ?1",
        )?
        .execute(params![req.id, next.as_str(), now, ctx.actor.id])?;
    }
    let action = format!("exception.{}", req.kind);
    audit_change(conn, ctx, req.id, &action, None, Some(&before))
}

/// Correct an item (`parcel.amend`). Absent fields stay; an empty optional text clears it.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct AmendParcel {
    pub id: ParcelId,
    #[serde(default)]
    pub kind: Option<ParcelKind>,
    #[serde(default)]
    pub carrier: Option<String>,
    #[serde(default)]
    pub tracking_no: Option<String>,
    #[serde(default)]
    pub recipient_name: Option<String>,
    #[serde(default)]
    pub recipient_unit: Option<String>,
    #[serde(default)]
    pub recipient_contact: Option<String>,
    #[serde(default)]
    pub sender: Option<String>,
    #[serde(default)]
    pub received_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub storage_location: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// Why (kept in the history).
    pub reason: String,
}

fn amend(conn: &Connection, ctx: &Ctx, req: AmendParcel) -> Result<ParcelDetail> {
    let reason = validate::text("reason", &req.reason, validate::SHORT_MAX)?;
    let before = get_detail(conn, req.id)?;
    let b = &before.parcel;
    let mut f = ParcelFields {
        kind: req.kind.unwrap_or(b.kind),
        carrier: b.carrier.clone(),
        tracking: b
            .tracking_no
            .as_ref()
            .map(|t| (t.clone(), t.to_ascii_uppercase())),
        recipient_name: b.recipient_name.clone(),
        recipient_unit: b.recipient_unit.clone(),
        recipient_contact: b.recipient_contact.clone(),
        sender: b.sender.clone(),
        received_at: b.received_at,
        storage_location: b.storage_location.clone(),
        note: b.note.clone(),
    };
    if let Some(v) = &req.carrier {
        f.carrier = validate::opt_text("carrier", Some(v), CARRIER_MAX)?;
    }
    if let Some(v) = &req.tracking_no {
        f.tracking = clean_tracking("tracking_no", Some(v))?;
    }
    if let Some(v) = &req.recipient_name {
        f.recipient_name = validate::text("recipient_name", v, validate::NAME_MAX)?;
    }
    if let Some(v) = &req.recipient_unit {
        f.recipient_unit = validate::opt_text("recipient_unit", Some(v), validate::SHORT_MAX)?;
    }
    if let Some(v) = &req.recipient_contact {
        f.recipient_contact = opt_contact("recipient_contact", Some(v))?;
    }
    if let Some(v) = &req.sender {
        f.sender = validate::opt_text("sender", Some(v), validate::SHORT_MAX)?;
        if f.sender.is_none() && b.direction == Direction::Out {
            return Err(Error::required("sender"));
        }
    }
    if let Some(t) = req.received_at {
        f.received_at = validate::past_time("received_at", t, ctx.now)?;
    }
    if let Some(v) = &req.storage_location {
        f.storage_location = validate::opt_text("storage_location", Some(v), LOCATION_MAX)?;
    }
    if let Some(v) = &req.note {
        f.note = validate::opt_note("note", Some(v), validate::NOTE_MAX)?;
    }
    if b.direction == Direction::In && f.tracking.is_none() && f.kind.needs_tracking() {
        return Err(Error::required("tracking_no"));
    }
    if b.status.is_open() {
        if let Some((_, key)) = &f.tracking {
            check_open_duplicate(conn, key, Some(req.id))?;
        }
    }
    let unchanged = f.kind == b.kind
        && f.carrier == b.carrier
        && f.tracking.as_ref().map(|t| &t.0) == b.tracking_no.as_ref()
        && f.recipient_name == b.recipient_name
        && f.recipient_unit == b.recipient_unit
        && f.recipient_contact == b.recipient_contact
        && f.sender == b.sender
        && f.received_at == b.received_at
        && f.storage_location == b.storage_location
        && f.note == b.note;
    if unchanged {
        return Err(Error::BadRequest(
            "nothing to amend: give at least one changed field".into(),
        ));
    }
    conn.prepare_cached(
        "UPDATE parcel SET kind = ?2, carrier = ?3, tracking_no = ?4, tracking_key = ?5,
            recipient_name = ?6, recipient_unit = ?7, recipient_contact = ?8, sender = ?9,
            received_at = ?10, storage_location = ?11, note = ?12, updated_at = ?13
         WHERE id = ?1",
    )?
    .execute(params![
        req.id,
        f.kind.as_str(),
        f.carrier,
        f.tracking.as_ref().map(|t| &t.0),
        f.tracking.as_ref().map(|t| &t.1),
        f.recipient_name,
        f.recipient_unit,
        f.recipient_contact,
        f.sender,
        db::ts(&f.received_at),
        f.storage_location,
        f.note,
        db::ts(&ctx.now)
    ])?;
    audit_change(conn, ctx, req.id, "amend", Some(&reason), Some(&before))
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct GetParcel {
    pub id: ParcelId,
}

/// Filters of `parcel.list`; all optional.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ListParcels {
    #[serde(default)]
    pub status: Option<ParcelStatus>,
    #[serde(default)]
    pub direction: Option<Direction>,
    /// Received at or after.
    #[serde(default)]
    pub from: Option<DateTime<Utc>>,
    /// Received before.
    #[serde(default)]
    pub to: Option<DateTime<Utc>>,
    /// Part of the recipient's name or unit.
    #[serde(default)]
    pub recipient: Option<String>,
    /// At most this many (default 200, at most 1000).
    #[serde(default)]
    pub limit: Option<u32>,
}

/// A LIKE pattern matching `s` anywhere, with `\` escaping the wildcards.
pub(crate) fn like_pattern(s: &str) -> String {
    let mut p = String::with_capacity(s.len() + 2);
    p.push('%');
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

fn list(conn: &Connection, _ctx: &Ctx, req: ListParcels) -> Result<Vec<Parcel>> {
    if let (Some(f), Some(t)) = (req.from, req.to) {
        if f > t {
            return Err(Error::out_of_range("to", "before from"));
        }
    }
    let recipient = validate::opt_text("recipient", req.recipient.as_deref(), validate::NAME_MAX)?
        .map(|r| like_pattern(&r));
    let limit = i64::from(req.limit.unwrap_or(200).clamp(1, 1000));
    let mut stmt = conn.prepare_cached(&format!(
        "{PARCEL_SELECT}
         WHERE (?1 IS NULL OR p.status = ?1)
           AND (?2 IS NULL OR p.direction = ?2)
           AND (?3 IS NULL OR p.received_at >= ?3)
           AND (?4 IS NULL OR p.received_at < ?4)
           AND (?5 IS NULL OR p.recipient_name LIKE ?5 ESCAPE '\\'
                OR p.recipient_unit LIKE ?5 ESCAPE '\\')
         ORDER BY p.received_at DESC, p.id DESC
         LIMIT ?6"
    ))?;
    let rows = stmt.query_map(
        params![
            req.status.map(|s| s.as_str()),
            req.direction.map(|d| d.as_str()),
            req.from.as_ref().map(db::ts),
            req.to.as_ref().map(db::ts),
            recipient,
            limit
        ],
        parcel_from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// An incoming item waiting longer than the counter's reminder age.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ParcelReminder {
    #[serde(flatten)]
    pub parcel: Parcel,
    /// Whole days since it was received.
    pub days_waiting: i64,
    pub notification_count: i64,
    pub last_notification: Option<Notification>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct RemindersRequest {}

/// Open incoming items received at least `parcel_reminder_days` ago, oldest first.
fn open_incoming(conn: &Connection) -> Result<Vec<Parcel>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{PARCEL_SELECT}
         WHERE p.direction = 'in' AND p.status IN ('received', 'notified')
         ORDER BY p.received_at, p.id"
    ))?;
    let rows = stmt.query_map([], parcel_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn reminder_due(ctx: &Ctx, p: &Parcel) -> DateTime<Utc> {
    p.received_at + Duration::days(ctx.profile.parcel_reminder_days)
}

fn reminders(conn: &Connection, ctx: &Ctx, _: RemindersRequest) -> Result<Vec<ParcelReminder>> {
    let mut out = Vec::new();
    for p in open_incoming(conn)? {
        if reminder_due(ctx, &p) > ctx.now {
            continue;
        }
        let notes = notifications(conn, p.id)?;
        out.push(ParcelReminder {
            days_waiting: (ctx.now - p.received_at).num_days(),
            notification_count: notes.len() as i64,
            last_notification: notes.last().cloned(),
            parcel: p,
        });
    }
    Ok(out)
}

/// What the counter must still do with mail: every open incoming item waits for pick-up
/// (due when the reminder age is reached); one past that age is also a reminder, overdue.
pub fn open_items(conn: &Connection, ctx: &Ctx) -> Result<Vec<OpenItem>> {
    let mut items = Vec::new();
    for p in open_incoming(conn)? {
        let due = reminder_due(ctx, &p);
        let kind = label(ctx, &format!("parcel_kind.{}", p.kind));
        let summary = match &p.recipient_unit {
            Some(u) => format!("{} · {u} · {kind}", p.recipient_name),
            None => format!("{} · {kind}", p.recipient_name),
        };
        items.push(OpenItem {
            kind: OpenKind::ParcelWaiting,
            register: Register::Parcel,
            record_id: p.id.0,
            code: p.code.clone(),
            summary: summary.clone(),
            due_at: Some(due),
            overdue: false,
        });
        if due <= ctx.now {
            items.push(OpenItem {
                kind: OpenKind::ParcelReminder,
                register: Register::Parcel,
                record_id: p.id.0,
                code: p.code.clone(),
                summary,
                due_at: Some(due),
                overdue: true,
            });
        }
    }
    Ok(items)
}

text_enum!(
    /// A carrier whose tracking numbers have a recognisable shape.
    Carrier {
        /// 顺丰速运
        SfExpress = "sf_express",
        /// 京东物流
        JdLogistics = "jd_logistics",
        /// 圆通速递
        Yto = "yto",
        /// 中通快递
        Zto = "zto",
        /// 申通快递
        Sto = "sto",
        /// 韵达快递
        Yunda = "yunda",
        /// 中国邮政 (domestic and UPU letter post)
        ChinaPost = "china_post",
        /// 中国邮政 EMS
        ChinaEms = "china_ems",
        /// CJ대한통운
        CjLogistics = "cj_logistics",
        /// 우체국 (Korea Post)
        KoreaPost = "korea_post",
        /// 한진택배
        Hanjin = "hanjin",
        /// 롯데택배
        Lotte = "lotte",
        /// Another country's postal operator (UPU S10 number; see `country`).
        Postal = "postal",
    }
);

impl Carrier {
    fn country(self) -> Option<LegalRegime> {
        use Carrier::*;
        match self {
            SfExpress | JdLogistics | Yto | Zto | Sto | Yunda | ChinaPost | ChinaEms => {
                Some(LegalRegime::Cn)
            }
            CjLogistics | KoreaPost | Hanjin | Lotte => Some(LegalRegime::Kr),
            Postal => None,
        }
    }
}

/// How sure a guess is. `high`: a prefix or check digit confirms it; `medium`: a shape used
/// by this carrier and, at this counter, by no other we know; `low`: the shape fits, nothing
/// confirms it; `none`: no guess.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    None,
    Low,
    Medium,
    High,
}

/// The carrier a tracking number's shape suggests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Guess {
    /// `None` when nothing fits or several carriers fit equally well.
    pub carrier: Option<Carrier>,
    pub confidence: Confidence,
    /// Every carrier whose shape fits, best first (the UI offers them as choices).
    pub candidates: Vec<Carrier>,
    /// For a UPU S10 number (`RR123456789CN`): the country code at its end.
    pub country: Option<String>,
    /// For a UPU S10 number: whether its check digit is right.
    pub check_digit_ok: Option<bool>,
}

/// The UPU S10 check digit of 8 serial digits (weights 8 6 4 2 3 5 9 7, mod 11).
fn s10_check_digit(serial: &[u8]) -> u8 {
    const W: [u32; 8] = [8, 6, 4, 2, 3, 5, 9, 7];
    let sum: u32 = serial
        .iter()
        .zip(W)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        c => c as u8,
    }
}

/// Guess the carrier from a tracking number's shape alone (no network). `at` is the counter's
/// country: where two carriers share a shape, the local one is preferred. Honest by design:
/// a shape shared by carriers of the same country gives no carrier, only candidates.
pub fn guess_carrier(tracking_no: &str, at: LegalRegime) -> Guess {
    let key: String = tracking_no
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let b = key.as_bytes();
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    let none = Guess {
        carrier: None,
        confidence: Confidence::None,
        candidates: Vec::new(),
        country: None,
        check_digit_ok: None,
    };

    // UPU S10: two letters, 8 digits, a check digit, the ISO country code.
    if b.len() == 13
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && digits(&b[2..11])
        && b[11..].iter().all(u8::is_ascii_uppercase)
    {
        let ok = s10_check_digit(&b[2..10]) == b[10] - b'0';
        let country = &key[11..];
        let carrier = match country {
            "CN" if b[0] == b'E' => Carrier::ChinaEms,
            "CN" => Carrier::ChinaPost,
            "KR" => Carrier::KoreaPost,
            _ => Carrier::Postal,
        };
        return Guess {
            carrier: Some(carrier),
            confidence: if ok {
                Confidence::High
            } else {
                Confidence::Low
            },
            candidates: vec![carrier],
            country: Some(country.to_owned()),
            check_digit_ok: Some(ok),
        };
    }

    let mut cands: Vec<(Carrier, Confidence)> = Vec::new();
    if let Some(rest) = key.strip_prefix("SF") {
        if digits(rest.as_bytes()) {
            match rest.len() {
                12 | 13 => cands.push((Carrier::SfExpress, Confidence::High)),
                9..=15 => cands.push((Carrier::SfExpress, Confidence::Medium)),
                _ => {}
            }
        }
    } else if let Some(rest) = key.strip_prefix("JD") {
        if (11..=16).contains(&rest.len()) && rest.bytes().all(|c| c.is_ascii_alphanumeric()) {
            cands.push((Carrier::JdLogistics, Confidence::High));
        }
    } else if let Some(rest) = key.strip_prefix("YT") {
        if digits(rest.as_bytes()) && (10..=18).contains(&rest.len()) {
            cands.push((Carrier::Yto, Confidence::High));
        }
    } else if digits(b) {
        let n = b.len();
        let starts = |p: &str| key.starts_with(p);
        if n == 15 && starts("77") {
            cands.push((Carrier::Sto, Confidence::Medium));
        }
        if n == 14 && starts("7") {
            cands.push((Carrier::Zto, Confidence::Medium));
        }
        if n == 12 && (starts("7") || starts("5")) {
            cands.push((Carrier::Zto, Confidence::Low));
        }
        if n == 13 && (starts("43") || starts("46")) {
            cands.push((Carrier::Yunda, Confidence::Medium));
        }
        if n == 13 && (starts("98") || starts("99")) {
            cands.push((Carrier::ChinaPost, Confidence::Low));
        }
        if n == 13 {
            cands.push((Carrier::KoreaPost, Confidence::Medium));
        }
        if n == 10 || n == 12 {
            cands.push((Carrier::CjLogistics, Confidence::Low));
            cands.push((Carrier::Hanjin, Confidence::Low));
            cands.push((Carrier::Lotte, Confidence::Low));
        }
    }
    if cands.is_empty() {
        return none;
    }
    // Prefer the counter's own country when any candidate is from it.
    if at != LegalRegime::Other && cands.iter().any(|(c, _)| c.country() == Some(at)) {
        cands.retain(|(c, _)| c.country() == Some(at));
    }
    // Stable: best confidence first, table order within.
    cands.sort_by_key(|c| std::cmp::Reverse(c.1));
    let best = cands[0].1;
    let top = cands.iter().filter(|(_, c)| *c == best).count();
    Guess {
        carrier: (top == 1).then_some(cands[0].0),
        confidence: if top == 1 { best } else { Confidence::None },
        candidates: cands.into_iter().map(|(c, _)| c).collect(),
        country: None,
        check_digit_ok: None,
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct GuessCarrierRequest {
    pub tracking_no: String,
}

/// The answer of `parcel.guess_carrier`: the guess with labels in the counter's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CarrierGuess {
    /// The number as it would be stored (spaces dropped).
    pub tracking_no: String,
    #[serde(flatten)]
    pub guess: Guess,
    /// The carrier's name, when there is a guess.
    pub label: Option<String>,
    pub candidate_labels: Vec<String>,
}

fn guess_op(_conn: &Connection, ctx: &Ctx, req: GuessCarrierRequest) -> Result<CarrierGuess> {
    let (tracking_no, _) = clean_tracking("tracking_no", Some(&req.tracking_no))?
        .ok_or_else(|| Error::required("tracking_no"))?;
    let guess = guess_carrier(&tracking_no, ctx.profile.legal_regime);
    let name = |c: Carrier| label(ctx, &format!("carrier.{c}"));
    Ok(CarrierGuess {
        tracking_no,
        label: guess.carrier.map(name),
        candidate_labels: guess.candidates.iter().map(|c| name(*c)).collect(),
        guess,
    })
}

/// The operations of this register.
pub fn operations() -> Vec<Operation> {
    vec![
        op_write(
            "parcel.receive",
            "Receive a letter, parcel, registered item, printed matter, newspaper or remittance notice for a resident.",
            receive,
        ),
        op_write(
            "parcel.accept_outgoing",
            "Accept an item a resident leaves at the counter to be sent.",
            accept_outgoing,
        ),
        op_write(
            "parcel.notify",
            "Record that the recipient was told (phone, SMS, WeChat, KakaoTalk, in person, notice board); may be repeated.",
            notify,
        ),
        op_write(
            "parcel.pick_up",
            "Hand an incoming item over: who collected it, on whose behalf, identity checked (last 4 characters only).",
            pick_up,
        ),
        op_write(
            "parcel.dispatch",
            "Hand an outgoing item to the carrier, with its tracking number.",
            dispatch,
        ),
        op_write(
            "parcel.return",
            "Return an item to its sender, with the reason.",
            return_to_sender,
        ),
        op_write(
            "parcel.exception",
            "Record a damaged, misaddressed or lost item with its report; lost closes the item.",
            exception,
        ),
        op_write(
            "parcel.amend",
            "Correct an item's details (reason required; the history keeps the old values).",
            amend,
        ),
        op_read(
            "parcel.get",
            "One item with its notifications and exceptions.",
            |c, _ctx, r: GetParcel| get_detail(c, r.id),
        ),
        op_read(
            "parcel.list",
            "Items by status, direction, time received and recipient (name or unit), newest first (contacts masked: the full one is on parcel.get).",
            |c, ctx, r: ListParcels| {
                let mut list = list(c, ctx, r)?;
                for p in &mut list {
                    crate::privacy::mask_opt(&mut p.recipient_contact);
                }
                Ok(list)
            },
        ),
        op_read(
            "parcel.reminders",
            "Incoming items waiting longer than the reminder age, oldest first, with days waiting and the last notification (contacts masked).",
            |c, ctx, r: RemindersRequest| {
                let mut list = reminders(c, ctx, r)?;
                for p in &mut list {
                    crate::privacy::mask_opt(&mut p.parcel.recipient_contact);
                }
                Ok(list)
            },
        ),
        op_read(
            "parcel.guess_carrier",
            "Guess the carrier from a tracking number's shape (SF, JD, YTO, ZTO, STO, Yunda, China Post/EMS, CJ, Korea Post, Hanjin, Lotte, UPU S10).",
            guess_op,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use LegalRegime::{Cn, Kr, Other};

    fn carrier(no: &str, at: LegalRegime) -> (Option<Carrier>, Confidence) {
        let g = guess_carrier(no, at);
        (g.carrier, g.confidence)
    }

    #[test]
    fn enums_store_what_serde_sends() {
        for s in ParcelStatus::ALL {
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
            assert_eq!(ParcelStatus::parse(s.as_str()), Some(*s));
        }
        for k in ParcelKind::ALL {
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
        for c in NotifyChannel::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
        for c in Carrier::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
        for e in ExceptionKind::ALL {
            assert_eq!(serde_json::to_value(e).unwrap(), e.as_str());
        }
    }

    #[test]
    fn transitions_follow_the_two_life_cycles() {
        use ParcelAction as A;
        use ParcelStatus as S;
        assert_eq!(transition(S::Received, A::Notify).unwrap(), S::Notified);
        assert_eq!(transition(S::Notified, A::Notify).unwrap(), S::Notified);
        assert_eq!(transition(S::Notified, A::PickUp).unwrap(), S::PickedUp);
        assert_eq!(transition(S::Accepted, A::Dispatch).unwrap(), S::Dispatched);
        assert_eq!(transition(S::Accepted, A::Lose).unwrap(), S::Lost);
        assert_eq!(transition(S::Notified, A::Report).unwrap(), S::Notified);
        // Incoming items are never dispatched, outgoing ones never picked up or notified.
        assert!(transition(S::Received, A::Dispatch).is_err());
        assert!(transition(S::Accepted, A::PickUp).is_err());
        assert!(transition(S::Accepted, A::Notify).is_err());
        // Closed items do nothing more.
        for closed in [S::PickedUp, S::Returned, S::Lost, S::Dispatched] {
            assert!(!closed.is_open());
            for a in [
                A::Notify,
                A::PickUp,
                A::Dispatch,
                A::Return,
                A::Lose,
                A::Report,
            ] {
                match transition(closed, a) {
                    Err(Error::InvalidState { from, action, .. }) => {
                        assert_eq!(from, closed.key());
                        assert_eq!(action, a.key());
                    }
                    other => panic!("{closed:?} {a:?}: {other:?}"),
                }
            }
        }
        // Every move out of an open status is listed, and lands in a status of the same direction.
        for (from, _, to) in TRANSITIONS {
            assert!(from.is_open());
            let incoming = |s: &S| matches!(s, S::Received | S::Notified | S::PickedUp);
            assert!(!(incoming(from) && *to == S::Dispatched));
            assert!(!(*from == S::Accepted && incoming(to)));
        }
    }

    #[test]
    fn tracking_numbers_are_cleaned_and_keyed() {
        assert_eq!(
            clean_tracking("t", Some("  sf 1234 5678 9012 ")).unwrap(),
            Some(("sf123456789012".into(), "SF123456789012".into()))
        );
        assert_eq!(clean_tracking("t", Some("   ")).unwrap(), None);
        assert_eq!(clean_tracking("t", None).unwrap(), None);
        assert!(matches!(
            clean_tracking("t", Some("SF12/34")),
            Err(Error::Invalid { .. })
        ));
        assert!(matches!(
            clean_tracking("t", Some(&"1".repeat(41))),
            Err(Error::TooLong { max: 40, .. })
        ));
    }

    #[test]
    fn s10_check_digit_matches_the_upu_example() {
        // RA 47312482 9 GB is the example number of UPU standard S10.
        assert_eq!(s10_check_digit(b"47312482"), 9);
        assert_eq!(s10_check_digit(b"12345678"), 5);
    }

    #[test]
    fn guesses_chinese_carriers() {
        assert_eq!(
            carrier("SF1234567890123", Cn),
            (Some(Carrier::SfExpress), Confidence::High)
        );
        assert_eq!(
            carrier("sf 1234 5678 9012", Other),
            (Some(Carrier::SfExpress), Confidence::High)
        );
        assert_eq!(
            carrier("JDVA01234567890", Kr),
            (Some(Carrier::JdLogistics), Confidence::High)
        );
        assert_eq!(
            carrier("YT1234567890123", Cn),
            (Some(Carrier::Yto), Confidence::High)
        );
        assert_eq!(
            carrier("773012345678901", Cn),
            (Some(Carrier::Sto), Confidence::Medium)
        );
        assert_eq!(
            carrier("78312345678901", Cn),
            (Some(Carrier::Zto), Confidence::Medium)
        );
        assert_eq!(
            carrier("4312345678901", Cn),
            (Some(Carrier::Yunda), Confidence::Medium)
        );
        assert_eq!(
            carrier("EA123456785CN", Kr),
            (Some(Carrier::ChinaEms), Confidence::High)
        );
        assert_eq!(
            carrier("RR123456785CN", Cn),
            (Some(Carrier::ChinaPost), Confidence::High)
        );
        // A wrong check digit keeps the shape's guess but says it is weak.
        let g = guess_carrier("EA123456784CN", Cn);
        assert_eq!(g.carrier, Some(Carrier::ChinaEms));
        assert_eq!(g.confidence, Confidence::Low);
        assert_eq!(g.check_digit_ok, Some(false));
        // 12 digits starting 7 at a Chinese counter: ZTO, but only a weak guess.
        assert_eq!(
            carrier("731234567890", Cn),
            (Some(Carrier::Zto), Confidence::Low)
        );
    }

    #[test]
    fn guesses_korean_carriers_and_admits_ambiguity() {
        assert_eq!(
            carrier("6012345678901", Kr),
            (Some(Carrier::KoreaPost), Confidence::Medium)
        );
        assert_eq!(
            carrier("EE123456785KR", Cn),
            (Some(Carrier::KoreaPost), Confidence::High)
        );
        // 12 digits: CJ대한통운, 한진 and 롯데 all use them; no carrier, three candidates.
        let g = guess_carrier("123456789012", Kr);
        assert_eq!(g.carrier, None);
        assert_eq!(g.confidence, Confidence::None);
        assert_eq!(
            g.candidates,
            vec![Carrier::CjLogistics, Carrier::Hanjin, Carrier::Lotte]
        );
        // 13 digits starting 43 fits Yunda and Korea Post: only the counter's country decides.
        assert_eq!(carrier("4312345678901", Kr).0, Some(Carrier::KoreaPost));
        let g = guess_carrier("4312345678901", Other);
        assert_eq!(g.carrier, None);
        assert_eq!(g.candidates, vec![Carrier::Yunda, Carrier::KoreaPost]);
        // Another country's post.
        let g = guess_carrier("RA473124829GB", Kr);
        assert_eq!(g.carrier, Some(Carrier::Postal));
        assert_eq!(g.country.as_deref(), Some("GB"));
    }

    #[test]
    fn unknown_shapes_give_no_guess() {
        for no in ["ABC", "12345", "SFABC", "X1234567890123456", "JD12"] {
            let g = guess_carrier(no, Cn);
            assert_eq!(g.carrier, None, "{no}");
            assert_eq!(g.confidence, Confidence::None, "{no}");
            assert!(g.candidates.is_empty(), "{no}");
        }
    }
}
