//! Lost and found (失物招领 / 분실물 관리, seed 001 §2.2.5): found items and how they arrived,
//! their custody hand-overs, lost-item reports, claims, the legal hand-on of unclaimed items,
//! and the monthly good-deeds and summary tables.
//!
//! A found item arrives three ways (handed in by a visitor, by a staff member — a good deed —
//! or found on site and registered by team leader, finder and witness). Its private features
//! (what only the owner knows) live in their own append-only table and leave it only through
//! `found_item.private_features`, which is audited; lists, search, open items and the default
//! `found_item.get` never carry them. Recording either side returns ranked candidates of the
//! other (scoring in [`matching`]); due dates for police / public security / finance come from
//! [`retention`]. Item states: `in_custody` → `claimed` (claim) or one of the hand-on states
//! (dispose, supervisor only); nothing leaves any other state.
//!
//! To add an operation: write the function here, add it to [`operations`], give its request
//! fields `field.*` labels in `assets/i18n/*/lost_found.json`.

pub mod matching;
pub mod retention;

use crate::api::{op_read, op_write, Operation};
use crate::audit;
use crate::ctx::Ctx;
use crate::db;
use crate::error::{Error, Result};
use crate::i18n::{self, Locale};
use crate::ids::{ClaimId, FoundItemId, LostReportId, StaffId};
use crate::profile::{self, Role, Staff};
use crate::search::{self, Register, SearchDoc};
use crate::validate;
use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use matching::{candidates_for_found, candidates_for_report, Candidate};
use retention::{local_midnight, retention_of, RetentionDue};

pub use retention::open_items;
use rusqlite::types::ToSql;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

text_enum!(
    /// What kind of thing was found or lost (labels: `item_category.*`).
    Category {
        Cash = "cash",
        Wallet = "wallet",
        Phone = "phone",
        Electronics = "electronics",
        DocumentsCards = "documents_cards",
        Keys = "keys",
        Bag = "bag",
        Clothing = "clothing",
        Umbrella = "umbrella",
        JewelleryWatch = "jewellery_watch",
        Glasses = "glasses",
        Toy = "toy",
        Other = "other",
    }
);

impl Category {
    /// Cash, camera, phone … are valuables unless the desk says otherwise (001 §2.2.5.3).
    pub fn valuable_by_default(self) -> bool {
        matches!(
            self,
            Category::Cash | Category::Phone | Category::JewelleryWatch | Category::Electronics
        )
    }

    fn label(self, locale: Locale) -> String {
        i18n::tr(locale, &format!("item_category.{}", self.as_str()))
    }
}

text_enum!(
    /// How the item reached the desk (the three forms of 001 §2.2.5).
    Arrival {
        /// 游客拾物登记、认领表: a visitor handed it in.
        Visitor = "visitor",
        /// 员工拾物登记、认领表: a staff member handed it in (a good deed).
        Staff = "staff",
        /// 员工现场拾物登记表: found on site, registered by team leader, finder and witness.
        OnSite = "on_site",
    }
);

text_enum!(
    /// Where a found item is.
    FoundStatus {
        InCustody = "in_custody",
        Claimed = "claimed",
        HandedToPolice = "handed_to_police",
        HandedToFinance = "handed_to_finance",
        ReturnedToFinder = "returned_to_finder",
        Disposed = "disposed",
    }
);

text_enum!(
    /// Where a lost-item report stands.
    ReportStatus {
        Open = "open",
        Returned = "returned",
        Withdrawn = "withdrawn",
    }
);

text_enum!(
    /// The identity document a claimant showed.
    IdDocType {
        ResidentId = "resident_id",
        Passport = "passport",
        DriversLicense = "drivers_license",
        Other = "other",
    }
);

text_enum!(
    /// How an unclaimed item left custody.
    Disposition {
        Police = "police",
        Finance = "finance",
        ReturnedToFinder = "returned_to_finder",
        Disposed = "disposed",
    }
);

impl Disposition {
    fn status(self) -> FoundStatus {
        match self {
            Disposition::Police => FoundStatus::HandedToPolice,
            Disposition::Finance => FoundStatus::HandedToFinance,
            Disposition::ReturnedToFinder => FoundStatus::ReturnedToFinder,
            Disposition::Disposed => FoundStatus::Disposed,
        }
    }
}

/// A staff member named in a request: login, code (`ST-000002`) or numeric id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(untagged)]
pub enum StaffRef {
    Id(i64),
    Login(String),
}

fn resolve_staff(conn: &Connection, field: &str, who: &StaffRef) -> Result<Staff> {
    let key = match who {
        StaffRef::Id(n) => n.to_string(),
        StaffRef::Login(s) => validate::text(field, s, 40)?,
    };
    match profile::find_staff(conn, &key) {
        Ok(s) if s.active => Ok(s),
        Ok(_) => Err(Error::invalid(field, "not an active staff member")),
        Err(Error::NotFound { .. }) => Err(Error::invalid(field, "no such staff member")),
        Err(e) => Err(e),
    }
}

// ---------------------------------------------------------------------------------------------
// Records

/// A found item as lists, the default `get`, search and the audit log show it: never its
/// private features, only whether it has some.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct FoundItem {
    pub id: FoundItemId,
    pub code: String,
    pub arrival: Arrival,
    /// The visitor's name, or the finding staff member's name.
    pub finder_name: String,
    pub finder_contact: Option<String>,
    pub finder_staff_id: Option<StaffId>,
    pub team_leader: Option<String>,
    pub witness: Option<String>,
    pub found_at: DateTime<Utc>,
    pub found_place: String,
    pub category: Category,
    pub description: String,
    pub has_private_features: bool,
    pub valuable: bool,
    pub storage_location: String,
    /// Who holds the item now.
    pub holder_id: StaffId,
    pub holder_name: String,
    /// When it first passed to a lost-property custodian.
    pub custodian_since: Option<DateTime<Utc>>,
    pub status: FoundStatus,
    /// CN: when the public notice (招领公告) was made.
    pub notice_at: Option<DateTime<Utc>>,
    pub disposal_reference: Option<String>,
    pub disposal_note: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    pub closed_by: Option<StaffId>,
    pub registered_by: StaffId,
    pub registered_by_name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const FOUND_SELECT: &str =
    "SELECT f.id, f.arrival, f.finder_name, f.finder_contact, f.finder_staff_id,
        f.team_leader, f.witness, f.found_at, f.found_place, f.category, f.description, f.valuable,
        f.storage_location, f.holder_id, h.name AS holder_name, f.custodian_since, f.status,
        f.notice_at, f.disposal_reference, f.disposal_note, f.closed_at, f.closed_by,
        f.registered_by, g.name AS registered_by_name, f.created_at, f.updated_at,
        coalesce((SELECT p.features IS NOT NULL FROM found_item_private p
                  WHERE p.found_item_id = f.id ORDER BY p.id DESC LIMIT 1), 0) AS has_private
    FROM found_item f
    JOIN staff h ON h.id = f.holder_id
    JOIN staff g ON g.id = f.registered_by";

fn found_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<FoundItem> {
    let id = FoundItemId(r.get("id")?);
    Ok(FoundItem {
        id,
        code: id.code(),
        arrival: r.get("arrival")?,
        finder_name: r.get("finder_name")?,
        finder_contact: r.get("finder_contact")?,
        finder_staff_id: r.get("finder_staff_id")?,
        team_leader: r.get("team_leader")?,
        witness: r.get("witness")?,
        found_at: db::get_ts(r, "found_at")?,
        found_place: r.get("found_place")?,
        category: r.get("category")?,
        description: r.get("description")?,
        has_private_features: r.get("has_private")?,
        valuable: r.get("valuable")?,
        storage_location: r.get("storage_location")?,
        holder_id: r.get("holder_id")?,
        holder_name: r.get("holder_name")?,
        custodian_since: db::get_opt_ts(r, "custodian_since")?,
        status: r.get("status")?,
        notice_at: db::get_opt_ts(r, "notice_at")?,
        disposal_reference: r.get("disposal_reference")?,
        disposal_note: r.get("disposal_note")?,
        closed_at: db::get_opt_ts(r, "closed_at")?,
        closed_by: r.get("closed_by")?,
        registered_by: r.get("registered_by")?,
        registered_by_name: r.get("registered_by_name")?,
        created_at: db::get_ts(r, "created_at")?,
        updated_at: db::get_ts(r, "updated_at")?,
    })
}

pub fn get_found(conn: &Connection, id: FoundItemId) -> Result<FoundItem> {
    conn.prepare_cached(&format!("{FOUND_SELECT} WHERE f.id = ?1"))?
        .query_row([id], found_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(FoundItemId::ENTITY, id))
}

/// The current private features (internal: matching and the audited read only).
fn private_features_of(conn: &Connection, id: FoundItemId) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT features FROM found_item_private WHERE found_item_id = ?1 ORDER BY id DESC LIMIT 1",
        )?
        .query_row([id], |r| r.get::<_, Option<String>>(0))
        .optional()?
        .flatten())
}

fn add_private_features(
    conn: &Connection,
    ctx: &Ctx,
    id: FoundItemId,
    features: Option<&str>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO found_item_private (found_item_id, features, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![id, features, db::ts(&ctx.now), ctx.actor.id])?;
    Ok(())
}

/// One custody hand-over (who gave the item to whom, when, where it is kept).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CustodyHandOver {
    pub id: i64,
    pub found_item_id: FoundItemId,
    pub from_staff_id: StaffId,
    pub from_staff_name: String,
    pub to_staff_id: StaffId,
    pub to_staff_name: String,
    /// The receiver's role at the time.
    pub to_role: String,
    pub storage_location: String,
    pub note: Option<String>,
    pub at: DateTime<Utc>,
    pub recorded_by: StaffId,
}

fn hand_overs_of(conn: &Connection, id: FoundItemId) -> Result<Vec<CustodyHandOver>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.found_item_id, c.from_staff_id, a.name, c.to_staff_id, b.name, c.to_role,
                c.storage_location, c.note, c.at, c.recorded_by
         FROM found_item_custody c
         JOIN staff a ON a.id = c.from_staff_id
         JOIN staff b ON b.id = c.to_staff_id
         WHERE c.found_item_id = ?1 ORDER BY c.at, c.id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(CustodyHandOver {
            id: r.get(0)?,
            found_item_id: r.get(1)?,
            from_staff_id: r.get(2)?,
            from_staff_name: r.get(3)?,
            to_staff_id: r.get(4)?,
            to_staff_name: r.get(5)?,
            to_role: r.get(6)?,
            storage_location: r.get(7)?,
            note: r.get(8)?,
            at: db::get_ts(r, "at")?,
            recorded_by: r.get(10)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A report of a lost item (游客失物登记表).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct LostReport {
    pub id: LostReportId,
    pub code: String,
    pub reporter_name: String,
    pub contact: String,
    /// Approximately when; `lost_from`..`lost_to` when the reporter gives a window.
    pub lost_at: DateTime<Utc>,
    pub lost_from: Option<DateTime<Utc>>,
    pub lost_to: Option<DateTime<Utc>>,
    pub lost_place: String,
    pub category: Category,
    pub description: String,
    pub status: ReportStatus,
    /// The found item returned against this report.
    pub found_item_id: Option<FoundItemId>,
    pub found_item_code: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    pub close_reason: Option<String>,
    pub reported_at: DateTime<Utc>,
    pub recorded_by: StaffId,
    pub recorded_by_name: String,
    pub updated_at: DateTime<Utc>,
}

impl LostReport {
    fn window(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        let from = self.lost_from.unwrap_or(self.lost_at).min(self.lost_at);
        let to = self.lost_to.unwrap_or(self.lost_at).max(self.lost_at);
        (from, to)
    }
}

const REPORT_SELECT: &str = "SELECT l.id, l.reporter_name, l.contact, l.lost_at, l.lost_from,
        l.lost_to, l.lost_place, l.category, l.description, l.status, l.found_item_id,
        l.closed_at, l.close_reason, l.reported_at, l.recorded_by, s.name AS recorded_by_name,
        l.updated_at
    FROM lost_report l JOIN staff s ON s.id = l.recorded_by";

fn report_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<LostReport> {
    let id = LostReportId(r.get("id")?);
    let found_item_id: Option<FoundItemId> = r.get("found_item_id")?;
    Ok(LostReport {
        id,
        code: id.code(),
        reporter_name: r.get("reporter_name")?,
        contact: r.get("contact")?,
        lost_at: db::get_ts(r, "lost_at")?,
        lost_from: db::get_opt_ts(r, "lost_from")?,
        lost_to: db::get_opt_ts(r, "lost_to")?,
        lost_place: r.get("lost_place")?,
        category: r.get("category")?,
        description: r.get("description")?,
        status: r.get("status")?,
        found_item_id,
        found_item_code: found_item_id.map(FoundItemId::code),
        closed_at: db::get_opt_ts(r, "closed_at")?,
        close_reason: r.get("close_reason")?,
        reported_at: db::get_ts(r, "reported_at")?,
        recorded_by: r.get("recorded_by")?,
        recorded_by_name: r.get("recorded_by_name")?,
        updated_at: db::get_ts(r, "updated_at")?,
    })
}

pub fn get_report(conn: &Connection, id: LostReportId) -> Result<LostReport> {
    conn.prepare_cached(&format!("{REPORT_SELECT} WHERE l.id = ?1"))?
        .query_row([id], report_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(LostReportId::ENTITY, id))
}

/// The lower half of the form (认领表): who took the item back and how it was verified.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Claim {
    pub id: ClaimId,
    pub code: String,
    pub found_item_id: FoundItemId,
    pub found_item_code: String,
    pub lost_report_id: Option<LostReportId>,
    pub lost_report_code: Option<String>,
    pub claimant_name: String,
    pub contact: String,
    pub id_doc_type: IdDocType,
    /// Only the last four characters of the document number.
    pub id_last4: String,
    pub verification: String,
    pub claimed_at: DateTime<Utc>,
    pub handled_by: StaffId,
    pub handled_by_name: String,
}

const CLAIM_SELECT: &str = "SELECT c.id, c.found_item_id, c.lost_report_id, c.claimant_name,
        c.contact, c.id_doc_type, c.id_last4, c.verification, c.claimed_at, c.handled_by,
        s.name AS handled_by_name
    FROM claim c JOIN staff s ON s.id = c.handled_by";

fn claim_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Claim> {
    let id = ClaimId(r.get("id")?);
    let found_item_id = FoundItemId(r.get("found_item_id")?);
    let lost_report_id: Option<LostReportId> = r.get("lost_report_id")?;
    Ok(Claim {
        id,
        code: id.code(),
        found_item_id,
        found_item_code: found_item_id.code(),
        lost_report_id,
        lost_report_code: lost_report_id.map(LostReportId::code),
        claimant_name: r.get("claimant_name")?,
        contact: r.get("contact")?,
        id_doc_type: r.get("id_doc_type")?,
        id_last4: r.get("id_last4")?,
        verification: r.get("verification")?,
        claimed_at: db::get_ts(r, "claimed_at")?,
        handled_by: r.get("handled_by")?,
        handled_by_name: r.get("handled_by_name")?,
    })
}

pub fn get_claim(conn: &Connection, id: ClaimId) -> Result<Claim> {
    conn.prepare_cached(&format!("{CLAIM_SELECT} WHERE c.id = ?1"))?
        .query_row([id], claim_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(ClaimId::ENTITY, id))
}

/// The claim of an item, if it was claimed (printed forms use it).
pub fn claim_of_item(conn: &Connection, id: FoundItemId) -> Result<Option<Claim>> {
    Ok(conn
        .prepare_cached(&format!("{CLAIM_SELECT} WHERE c.found_item_id = ?1"))?
        .query_row([id], claim_from_row)
        .optional()?)
}

// ---------------------------------------------------------------------------------------------
// Search index

fn all_labels(category: Category) -> Vec<String> {
    Locale::ALL.iter().map(|l| category.label(*l)).collect()
}

fn index_found(conn: &Connection, ctx: &Ctx, f: &FoundItem) -> Result<()> {
    let labels = all_labels(f.category);
    let mut texts: Vec<&str> = labels.iter().map(String::as_str).collect();
    texts.extend([
        f.description.as_str(),
        f.found_place.as_str(),
        f.storage_location.as_str(),
    ]);
    search::index(
        conn,
        &SearchDoc {
            register: Register::FoundItem,
            record_id: f.id.0,
            code: f.code.clone(),
            title: format!(
                "{} · {} · {}",
                f.category.label(ctx.locale()),
                f.description,
                f.found_place
            ),
            texts,
            status: f.status.as_str(),
            at: f.found_at,
        },
    )
}

fn index_report(conn: &Connection, ctx: &Ctx, l: &LostReport) -> Result<()> {
    let labels = all_labels(l.category);
    let mut texts: Vec<&str> = labels.iter().map(String::as_str).collect();
    texts.extend([
        l.description.as_str(),
        l.lost_place.as_str(),
        l.reporter_name.as_str(),
        l.contact.as_str(),
    ]);
    search::index(
        conn,
        &SearchDoc {
            register: Register::LostReport,
            record_id: l.id.0,
            code: l.code.clone(),
            title: format!(
                "{} · {} · {}",
                l.category.label(ctx.locale()),
                l.description,
                l.reporter_name
            ),
            texts,
            status: l.status.as_str(),
            at: l.lost_at,
        },
    )
}

// ---------------------------------------------------------------------------------------------
// Found items: register, get, list, amend, private features

/// Register a found item (upper half of the form, and the item-information card).
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct RegisterFoundItem {
    pub arrival: Arrival,
    /// visitor: the visitor who handed it in.
    #[serde(default)]
    pub finder_name: Option<String>,
    #[serde(default)]
    pub finder_contact: Option<String>,
    /// staff / on_site: the staff member who found it.
    #[serde(default)]
    pub finder_staff: Option<StaffRef>,
    /// on_site: the team leader and the witness who checked it with the finder.
    #[serde(default)]
    pub team_leader: Option<String>,
    #[serde(default)]
    pub witness: Option<String>,
    pub found_at: DateTime<Utc>,
    pub found_place: String,
    pub category: Category,
    /// What anyone may see (item-information card, lists, search).
    pub description: String,
    /// What only the owner would know; used to verify a claim, never shown in lists.
    #[serde(default)]
    pub private_features: Option<String>,
    /// Default: true for cash, phone, jewellery/watch and electronics.
    #[serde(default)]
    pub valuable: Option<bool>,
    pub storage_location: String,
}

/// A recorded item or report and the ranked candidates on the other side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Recorded<T> {
    #[serde(flatten)]
    pub record: T,
    pub candidates: Vec<Candidate>,
}

fn refuse_if_given(field: &str, v: &Option<impl Sized>, detail: &str) -> Result<()> {
    match v {
        Some(_) => Err(Error::invalid(field, detail)),
        None => Ok(()),
    }
}

fn register_found(
    conn: &Connection,
    ctx: &Ctx,
    req: RegisterFoundItem,
) -> Result<Recorded<FoundItem>> {
    let (finder_name, finder_contact, finder_staff, team_leader, witness) = match req.arrival {
        Arrival::Visitor => {
            refuse_if_given("finder_staff", &req.finder_staff, "only for staff finds")?;
            refuse_if_given("team_leader", &req.team_leader, "only for on-site finds")?;
            refuse_if_given("witness", &req.witness, "only for on-site finds")?;
            let name = validate::text(
                "finder_name",
                req.finder_name.as_deref().unwrap_or(""),
                validate::NAME_MAX,
            )?;
            let contact = validate::contact(
                "finder_contact",
                req.finder_contact.as_deref().unwrap_or(""),
            )?;
            (name, Some(contact), None, None, None)
        }
        Arrival::Staff | Arrival::OnSite => {
            refuse_if_given(
                "finder_name",
                &req.finder_name,
                "the finder's name comes from finder_staff",
            )?;
            let who = req
                .finder_staff
                .as_ref()
                .ok_or_else(|| Error::required("finder_staff"))?;
            let staff = resolve_staff(conn, "finder_staff", who)?;
            let contact = match req.finder_contact.as_deref() {
                Some(c) if !c.trim().is_empty() => Some(validate::contact("finder_contact", c)?),
                _ => staff.phone.clone(),
            };
            let (leader, witness) = if req.arrival == Arrival::OnSite {
                (
                    Some(validate::text(
                        "team_leader",
                        req.team_leader.as_deref().unwrap_or(""),
                        validate::NAME_MAX,
                    )?),
                    Some(validate::text(
                        "witness",
                        req.witness.as_deref().unwrap_or(""),
                        validate::NAME_MAX,
                    )?),
                )
            } else {
                refuse_if_given("team_leader", &req.team_leader, "only for on-site finds")?;
                refuse_if_given("witness", &req.witness, "only for on-site finds")?;
                (None, None)
            };
            (staff.name, contact, Some(staff.id), leader, witness)
        }
    };
    let found_at = validate::past_time("found_at", req.found_at, ctx.now)?;
    let found_place = validate::text("found_place", &req.found_place, validate::SHORT_MAX)?;
    let description = validate::note("description", &req.description, 2000)?;
    let private = validate::opt_note("private_features", req.private_features.as_deref(), 2000)?;
    let storage = validate::text(
        "storage_location",
        &req.storage_location,
        validate::SHORT_MAX,
    )?;
    let valuable = req
        .valuable
        .unwrap_or_else(|| req.category.valuable_by_default());
    let now = db::ts(&ctx.now);
    // A custodian who registers an item already holds it as custodian.
    let custodian_since = (ctx.actor.role == Role::Custodian).then(|| now.clone());
    conn.prepare_cached(
        "INSERT INTO found_item (arrival, finder_name, finder_contact, finder_staff_id, team_leader,
            witness, found_at, found_place, category, description, valuable, storage_location,
            holder_id, custodian_since, registered_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?13, ?15, ?15)",
    )?
    .execute(params![
        req.arrival,
        finder_name,
        finder_contact,
        finder_staff,
        team_leader,
        witness,
        db::ts(&found_at),
        found_place,
        req.category,
        description,
        valuable,
        storage,
        ctx.actor.id,
        custodian_since,
        now
    ])?;
    let id = FoundItemId(conn.last_insert_rowid());
    if private.is_some() {
        add_private_features(conn, ctx, id, private.as_deref())?;
    }
    let item = get_found(conn, id)?;
    audit::record(
        conn,
        ctx,
        FoundItemId::ENTITY,
        id.0,
        "register",
        None,
        None::<&()>,
        Some(&item),
    )?;
    index_found(conn, ctx, &item)?;
    let candidates = candidates_for_found(conn, &item)?;
    Ok(Recorded {
        record: item,
        candidates,
    })
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct FoundItemRef {
    pub id: FoundItemId,
}

/// A found item with its custody hand-overs, its claim and (in custody) its retention due date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct FoundItemDetail {
    #[serde(flatten)]
    pub item: FoundItem,
    pub hand_overs: Vec<CustodyHandOver>,
    pub claim: Option<Claim>,
    pub retention: Option<RetentionDue>,
}

fn detail(conn: &Connection, ctx: &Ctx, id: FoundItemId) -> Result<FoundItemDetail> {
    let item = get_found(conn, id)?;
    let retention = (item.status == FoundStatus::InCustody).then(|| retention_of(ctx, &item));
    Ok(FoundItemDetail {
        hand_overs: hand_overs_of(conn, id)?,
        claim: claim_of_item(conn, id)?,
        retention,
        item,
    })
}

/// The private features of an item, for verifying a claim. Every read is audited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct PrivateFeatures {
    pub id: FoundItemId,
    pub code: String,
    pub private_features: Option<String>,
}

fn read_private(conn: &Connection, ctx: &Ctx, req: FoundItemRef) -> Result<PrivateFeatures> {
    let item = get_found(conn, req.id)?;
    let features = private_features_of(conn, item.id)?;
    audit::record(
        conn,
        ctx,
        FoundItemId::ENTITY,
        item.id.0,
        "view_private",
        None,
        None::<&()>,
        None::<&()>,
    )?;
    Ok(PrivateFeatures {
        id: item.id,
        code: item.code,
        private_features: features,
    })
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ListFoundItems {
    #[serde(default)]
    pub status: Option<FoundStatus>,
    /// Found at or after.
    #[serde(default)]
    pub from: Option<DateTime<Utc>>,
    /// Found before.
    #[serde(default)]
    pub to: Option<DateTime<Utc>>,
    #[serde(default)]
    pub category: Option<Category>,
}

fn check_range(from: Option<DateTime<Utc>>, to: Option<DateTime<Utc>>) -> Result<()> {
    match (from, to) {
        (Some(f), Some(t)) if f > t => Err(Error::out_of_range("to", "before from")),
        _ => Ok(()),
    }
}

pub fn list_found(conn: &Connection, _ctx: &Ctx, req: ListFoundItems) -> Result<Vec<FoundItem>> {
    check_range(req.from, req.to)?;
    let mut stmt = conn.prepare_cached(&format!(
        "{FOUND_SELECT}
         WHERE (?1 IS NULL OR f.status = ?1) AND (?2 IS NULL OR f.found_at >= ?2)
           AND (?3 IS NULL OR f.found_at < ?3) AND (?4 IS NULL OR f.category = ?4)
         ORDER BY f.found_at DESC, f.id DESC"
    ))?;
    let rows = stmt.query_map(
        params![
            req.status,
            db::opt_ts(&req.from),
            db::opt_ts(&req.to),
            req.category
        ],
        found_from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The items that left custody other than by claim (to the police, finance, the finder, or
/// disposed of) in `[from, to)`, oldest first: the monthly hand-over list.
pub fn handed_on_between(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<FoundItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{FOUND_SELECT}
         WHERE f.status IN ('handed_to_police', 'handed_to_finance', 'returned_to_finder', 'disposed')
           AND f.closed_at >= ?1 AND f.closed_at < ?2
         ORDER BY f.closed_at, f.id"
    ))?;
    let rows = stmt.query_map(params![db::ts(&from), db::ts(&to)], found_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Correct a found item. Absent fields stay; `private_features: ""` clears them.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct AmendFoundItem {
    pub id: FoundItemId,
    #[serde(default)]
    pub finder_name: Option<String>,
    #[serde(default)]
    pub finder_contact: Option<String>,
    #[serde(default)]
    pub finder_staff: Option<StaffRef>,
    #[serde(default)]
    pub team_leader: Option<String>,
    #[serde(default)]
    pub witness: Option<String>,
    #[serde(default)]
    pub found_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub found_place: Option<String>,
    #[serde(default)]
    pub category: Option<Category>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub private_features: Option<String>,
    #[serde(default)]
    pub valuable: Option<bool>,
    #[serde(default)]
    pub storage_location: Option<String>,
    pub reason: String,
}

fn amend_found(conn: &Connection, ctx: &Ctx, req: AmendFoundItem) -> Result<FoundItem> {
    let reason = validate::text("reason", &req.reason, validate::SHORT_MAX)?;
    let before = get_found(conn, req.id)?;
    let mut f = before.clone();
    if let Some(n) = &req.finder_name {
        if f.arrival != Arrival::Visitor {
            return Err(Error::invalid(
                "finder_name",
                "the finder's name comes from finder_staff",
            ));
        }
        f.finder_name = validate::text("finder_name", n, validate::NAME_MAX)?;
    }
    if let Some(c) = &req.finder_contact {
        f.finder_contact = if f.arrival == Arrival::Visitor {
            Some(validate::contact("finder_contact", c)?)
        } else {
            validate::opt_text("finder_contact", Some(c), 60)?
        };
    }
    if let Some(who) = &req.finder_staff {
        if f.arrival == Arrival::Visitor {
            return Err(Error::invalid("finder_staff", "only for staff finds"));
        }
        let s = resolve_staff(conn, "finder_staff", who)?;
        f.finder_staff_id = Some(s.id);
        f.finder_name = s.name;
    }
    for (field, value, slot) in [
        ("team_leader", &req.team_leader, &mut f.team_leader),
        ("witness", &req.witness, &mut f.witness),
    ] {
        if let Some(v) = value {
            if before.arrival != Arrival::OnSite {
                return Err(Error::invalid(field, "only for on-site finds"));
            }
            *slot = Some(validate::text(field, v, validate::NAME_MAX)?);
        }
    }
    if let Some(t) = req.found_at {
        f.found_at = validate::past_time("found_at", t, ctx.now)?;
    }
    if let Some(p) = &req.found_place {
        f.found_place = validate::text("found_place", p, validate::SHORT_MAX)?;
    }
    if let Some(c) = req.category {
        f.category = c;
    }
    if let Some(d) = &req.description {
        f.description = validate::note("description", d, 2000)?;
    }
    let private = req
        .private_features
        .as_deref()
        .map(|p| validate::opt_note("private_features", Some(p), 2000))
        .transpose()?;
    if let Some(v) = req.valuable {
        f.valuable = v;
    }
    if let Some(s) = &req.storage_location {
        f.storage_location = validate::text("storage_location", s, validate::SHORT_MAX)?;
    }
    let private_changed = match &private {
        Some(p) => *p != private_features_of(conn, f.id)?,
        None => false,
    };
    if f == before && !private_changed {
        return Err(Error::BadRequest("nothing to amend".into()));
    }
    conn.prepare_cached(
        "UPDATE found_item SET finder_name = ?2, finder_contact = ?3, finder_staff_id = ?4,
            team_leader = ?5, witness = ?6, found_at = ?7, found_place = ?8, category = ?9,
            description = ?10, valuable = ?11, storage_location = ?12, updated_at = ?13
         WHERE id = ?1",
    )?
    .execute(params![
        f.id,
        f.finder_name,
        f.finder_contact,
        f.finder_staff_id,
        f.team_leader,
        f.witness,
        db::ts(&f.found_at),
        f.found_place,
        f.category,
        f.description,
        f.valuable,
        f.storage_location,
        db::ts(&ctx.now)
    ])?;
    if let (true, Some(p)) = (private_changed, &private) {
        add_private_features(conn, ctx, f.id, p.as_deref())?;
    }
    let after = get_found(conn, f.id)?;
    audit::record(
        conn,
        ctx,
        FoundItemId::ENTITY,
        f.id.0,
        "amend",
        Some(&reason),
        Some(&before),
        Some(&after),
    )?;
    index_found(conn, ctx, &after)?;
    Ok(after)
}

// ---------------------------------------------------------------------------------------------
// Custody, notice, claim, disposal

fn require_in_custody(f: &FoundItem, action: &'static str) -> Result<()> {
    if f.status == FoundStatus::InCustody {
        Ok(())
    } else {
        Err(Error::state(FoundItemId::ENTITY, f.status.as_str(), action))
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct HandOverFoundItem {
    pub id: FoundItemId,
    /// Who receives the item (login, code or id).
    pub to_staff: StaffRef,
    /// Where it is kept from now on.
    pub storage_location: String,
    #[serde(default)]
    pub note: Option<String>,
}

fn hand_over(conn: &Connection, ctx: &Ctx, req: HandOverFoundItem) -> Result<FoundItemDetail> {
    let to = resolve_staff(conn, "to_staff", &req.to_staff)?;
    let storage = validate::text(
        "storage_location",
        &req.storage_location,
        validate::SHORT_MAX,
    )?;
    let note = validate::opt_note("note", req.note.as_deref(), 2000)?;
    let before = get_found(conn, req.id)?;
    require_in_custody(&before, "hand_over")?;
    let now = db::ts(&ctx.now);
    conn.prepare_cached(
        "INSERT INTO found_item_custody (found_item_id, from_staff_id, to_staff_id, to_role,
            storage_location, note, at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        before.id,
        before.holder_id,
        to.id,
        to.role.as_str(),
        storage,
        note,
        now,
        ctx.actor.id
    ])?;
    let to_custodian = (to.role == Role::Custodian).then(|| now.clone());
    conn.prepare_cached(
        "UPDATE found_item SET holder_id = ?2, storage_location = ?3,
            custodian_since = coalesce(custodian_since, ?4), updated_at = ?5
         WHERE id = ?1",
    )?
    .execute(params![before.id, to.id, storage, to_custodian, now])?;
    let after = get_found(conn, before.id)?;
    audit::record(
        conn,
        ctx,
        FoundItemId::ENTITY,
        before.id.0,
        "hand_over",
        note.as_deref(),
        Some(&before),
        Some(&after),
    )?;
    index_found(conn, ctx, &after)?;
    detail(conn, ctx, before.id)
}

/// CN: the public notice (招领公告) was made; the state takes unclaimed property a year later.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct NoticeFoundItem {
    pub id: FoundItemId,
    pub notice_at: DateTime<Utc>,
}

fn notice(conn: &Connection, ctx: &Ctx, req: NoticeFoundItem) -> Result<FoundItemDetail> {
    let at = validate::past_time("notice_at", req.notice_at, ctx.now)?;
    let before = get_found(conn, req.id)?;
    if at < before.found_at {
        return Err(Error::out_of_range("notice_at", "before found_at"));
    }
    require_in_custody(&before, "notice")?;
    conn.prepare_cached("UPDATE found_item SET notice_at = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![before.id, db::ts(&at), db::ts(&ctx.now)])?;
    let after = get_found(conn, before.id)?;
    audit::record(
        conn,
        ctx,
        FoundItemId::ENTITY,
        before.id.0,
        "notice",
        None,
        Some(&before),
        Some(&after),
    )?;
    detail(conn, ctx, before.id)
}

/// The owner takes the item back (认领表).
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ClaimFoundItem {
    pub id: FoundItemId,
    pub claimant_name: String,
    pub contact: String,
    pub id_doc_type: IdDocType,
    /// The last four characters only; a full number is refused.
    pub id_last4: String,
    /// How ownership was verified (features described, report matched …).
    pub verification: String,
    #[serde(default)]
    pub lost_report_id: Option<LostReportId>,
}

fn claim(conn: &Connection, ctx: &Ctx, req: ClaimFoundItem) -> Result<Claim> {
    let name = validate::text("claimant_name", &req.claimant_name, validate::NAME_MAX)?;
    let contact = validate::contact("contact", &req.contact)?;
    let last4 = validate::id_last4("id_last4", &req.id_last4)?;
    let verification = validate::note("verification", &req.verification, 2000)?;
    let before = get_found(conn, req.id)?;
    require_in_custody(&before, "claim")?;
    let report_before = match req.lost_report_id {
        Some(l) => {
            let r = get_report(conn, l)?;
            if r.status != ReportStatus::Open {
                return Err(Error::state(
                    LostReportId::ENTITY,
                    r.status.as_str(),
                    "link",
                ));
            }
            Some(r)
        }
        None => None,
    };
    let now = db::ts(&ctx.now);
    conn.prepare_cached(
        "INSERT INTO claim (found_item_id, lost_report_id, claimant_name, contact, id_doc_type,
            id_last4, verification, claimed_at, handled_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        before.id,
        req.lost_report_id,
        name,
        contact,
        req.id_doc_type,
        last4,
        verification,
        now,
        ctx.actor.id
    ])?;
    let claim = get_claim(conn, ClaimId(conn.last_insert_rowid()))?;
    conn.prepare_cached(
        "UPDATE found_item SET status = 'claimed', closed_at = ?2, closed_by = ?3, updated_at = ?2
         WHERE id = ?1",
    )?
    .execute(params![before.id, now, ctx.actor.id])?;
    let after = get_found(conn, before.id)?;
    audit::record(
        conn,
        ctx,
        ClaimId::ENTITY,
        claim.id.0,
        "create",
        None,
        None::<&()>,
        Some(&claim),
    )?;
    audit::record(
        conn,
        ctx,
        FoundItemId::ENTITY,
        before.id.0,
        "claim",
        None,
        Some(&before),
        Some(&after),
    )?;
    index_found(conn, ctx, &after)?;
    if let Some(rb) = report_before {
        conn.prepare_cached(
            "UPDATE lost_report SET status = 'returned', found_item_id = ?2, closed_at = ?3,
                updated_at = ?3 WHERE id = ?1",
        )?
        .execute(params![rb.id, before.id, now])?;
        let ra = get_report(conn, rb.id)?;
        audit::record(
            conn,
            ctx,
            LostReportId::ENTITY,
            rb.id.0,
            "return",
            None,
            Some(&rb),
            Some(&ra),
        )?;
        index_report(conn, ctx, &ra)?;
    }
    Ok(claim)
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ClaimRef {
    pub id: ClaimId,
}

/// An unclaimed item leaves custody (supervisor): to the police, finance, the finder, or disposed.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct DisposeFoundItem {
    pub id: FoundItemId,
    pub disposition: Disposition,
    /// E.g. the police receipt number.
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

fn dispose(conn: &Connection, ctx: &Ctx, req: DisposeFoundItem) -> Result<FoundItem> {
    ctx.require("dispose_found_item", &[Role::Supervisor])?;
    let reference = validate::opt_text("reference", req.reference.as_deref(), validate::SHORT_MAX)?;
    let note = validate::opt_note("note", req.note.as_deref(), 2000)?;
    let before = get_found(conn, req.id)?;
    require_in_custody(&before, "dispose")?;
    conn.prepare_cached(
        "UPDATE found_item SET status = ?2, disposal_reference = ?3, disposal_note = ?4,
            closed_at = ?5, closed_by = ?6, updated_at = ?5
         WHERE id = ?1",
    )?
    .execute(params![
        before.id,
        req.disposition.status(),
        reference,
        note,
        db::ts(&ctx.now),
        ctx.actor.id
    ])?;
    let after = get_found(conn, before.id)?;
    audit::record(
        conn,
        ctx,
        FoundItemId::ENTITY,
        before.id.0,
        "dispose",
        note.as_deref(),
        Some(&before),
        Some(&after),
    )?;
    index_found(conn, ctx, &after)?;
    Ok(after)
}

// ---------------------------------------------------------------------------------------------
// Lost-item reports

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct FileLostReport {
    pub reporter_name: String,
    pub contact: String,
    /// Approximately when it was lost.
    pub lost_at: DateTime<Utc>,
    #[serde(default)]
    pub lost_from: Option<DateTime<Utc>>,
    #[serde(default)]
    pub lost_to: Option<DateTime<Utc>>,
    pub lost_place: String,
    pub category: Category,
    pub description: String,
}

fn check_window(
    ctx: &Ctx,
    lost_at: DateTime<Utc>,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
) -> Result<()> {
    validate::past_time("lost_at", lost_at, ctx.now)?;
    if let Some(f) = from {
        validate::past_time("lost_from", f, ctx.now)?;
        if f > lost_at {
            return Err(Error::out_of_range("lost_from", "after lost_at"));
        }
    }
    if let Some(t) = to {
        validate::past_time("lost_to", t, ctx.now)?;
        if t < lost_at {
            return Err(Error::out_of_range("lost_to", "before lost_at"));
        }
    }
    Ok(())
}

fn file_report(conn: &Connection, ctx: &Ctx, req: FileLostReport) -> Result<Recorded<LostReport>> {
    let name = validate::text("reporter_name", &req.reporter_name, validate::NAME_MAX)?;
    let contact = validate::contact("contact", &req.contact)?;
    check_window(ctx, req.lost_at, req.lost_from, req.lost_to)?;
    let place = validate::text("lost_place", &req.lost_place, validate::SHORT_MAX)?;
    let description = validate::note("description", &req.description, 2000)?;
    let now = db::ts(&ctx.now);
    conn.prepare_cached(
        "INSERT INTO lost_report (reporter_name, contact, lost_at, lost_from, lost_to, lost_place,
            category, description, reported_at, recorded_by, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9)",
    )?
    .execute(params![
        name,
        contact,
        db::ts(&req.lost_at),
        db::opt_ts(&req.lost_from),
        db::opt_ts(&req.lost_to),
        place,
        req.category,
        description,
        now,
        ctx.actor.id
    ])?;
    let report = get_report(conn, LostReportId(conn.last_insert_rowid()))?;
    audit::record(
        conn,
        ctx,
        LostReportId::ENTITY,
        report.id.0,
        "file",
        None,
        None::<&()>,
        Some(&report),
    )?;
    index_report(conn, ctx, &report)?;
    let candidates = candidates_for_report(conn, &report)?;
    Ok(Recorded {
        record: report,
        candidates,
    })
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct LostReportRef {
    pub id: LostReportId,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ListLostReports {
    #[serde(default)]
    pub status: Option<ReportStatus>,
    /// Reported at or after.
    #[serde(default)]
    pub from: Option<DateTime<Utc>>,
    /// Reported before.
    #[serde(default)]
    pub to: Option<DateTime<Utc>>,
    #[serde(default)]
    pub category: Option<Category>,
}

pub fn list_reports(
    conn: &Connection,
    _ctx: &Ctx,
    req: ListLostReports,
) -> Result<Vec<LostReport>> {
    check_range(req.from, req.to)?;
    let mut stmt = conn.prepare_cached(&format!(
        "{REPORT_SELECT}
         WHERE (?1 IS NULL OR l.status = ?1) AND (?2 IS NULL OR l.reported_at >= ?2)
           AND (?3 IS NULL OR l.reported_at < ?3) AND (?4 IS NULL OR l.category = ?4)
         ORDER BY l.reported_at DESC, l.id DESC"
    ))?;
    let rows = stmt.query_map(
        params![
            req.status,
            db::opt_ts(&req.from),
            db::opt_ts(&req.to),
            req.category
        ],
        report_from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct WithdrawLostReport {
    pub id: LostReportId,
    pub reason: String,
}

fn withdraw(conn: &Connection, ctx: &Ctx, req: WithdrawLostReport) -> Result<LostReport> {
    let reason = validate::text("reason", &req.reason, validate::SHORT_MAX)?;
    let before = get_report(conn, req.id)?;
    if before.status != ReportStatus::Open {
        return Err(Error::state(
            LostReportId::ENTITY,
            before.status.as_str(),
            "withdraw",
        ));
    }
    let now = db::ts(&ctx.now);
    conn.prepare_cached(
        "UPDATE lost_report SET status = 'withdrawn', closed_at = ?2, close_reason = ?3,
            updated_at = ?2 WHERE id = ?1",
    )?
    .execute(params![before.id, now, reason])?;
    let after = get_report(conn, before.id)?;
    audit::record(
        conn,
        ctx,
        LostReportId::ENTITY,
        before.id.0,
        "withdraw",
        Some(&reason),
        Some(&before),
        Some(&after),
    )?;
    index_report(conn, ctx, &after)?;
    Ok(after)
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct AmendLostReport {
    pub id: LostReportId,
    #[serde(default)]
    pub reporter_name: Option<String>,
    #[serde(default)]
    pub contact: Option<String>,
    #[serde(default)]
    pub lost_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub lost_from: Option<DateTime<Utc>>,
    #[serde(default)]
    pub lost_to: Option<DateTime<Utc>>,
    #[serde(default)]
    pub lost_place: Option<String>,
    #[serde(default)]
    pub category: Option<Category>,
    #[serde(default)]
    pub description: Option<String>,
    pub reason: String,
}

fn amend_report(conn: &Connection, ctx: &Ctx, req: AmendLostReport) -> Result<LostReport> {
    let reason = validate::text("reason", &req.reason, validate::SHORT_MAX)?;
    let before = get_report(conn, req.id)?;
    let mut l = before.clone();
    if let Some(n) = &req.reporter_name {
        l.reporter_name = validate::text("reporter_name", n, validate::NAME_MAX)?;
    }
    if let Some(c) = &req.contact {
        l.contact = validate::contact("contact", c)?;
    }
    l.lost_at = req.lost_at.unwrap_or(l.lost_at);
    l.lost_from = req.lost_from.or(l.lost_from);
    l.lost_to = req.lost_to.or(l.lost_to);
    check_window(ctx, l.lost_at, l.lost_from, l.lost_to)?;
    if let Some(p) = &req.lost_place {
        l.lost_place = validate::text("lost_place", p, validate::SHORT_MAX)?;
    }
    if let Some(c) = req.category {
        l.category = c;
    }
    if let Some(d) = &req.description {
        l.description = validate::note("description", d, 2000)?;
    }
    if l == before {
        return Err(Error::BadRequest("nothing to amend".into()));
    }
    conn.prepare_cached(
        "UPDATE lost_report SET reporter_name = ?2, contact = ?3, lost_at = ?4, lost_from = ?5,
            lost_to = ?6, lost_place = ?7, category = ?8, description = ?9, updated_at = ?10
         WHERE id = ?1",
    )?
    .execute(params![
        l.id,
        l.reporter_name,
        l.contact,
        db::ts(&l.lost_at),
        db::opt_ts(&l.lost_from),
        db::opt_ts(&l.lost_to),
        l.lost_place,
        l.category,
        l.description,
        db::ts(&ctx.now)
    ])?;
    let after = get_report(conn, l.id)?;
    audit::record(
        conn,
        ctx,
        LostReportId::ENTITY,
        l.id.0,
        "amend",
        Some(&reason),
        Some(&before),
        Some(&after),
    )?;
    index_report(conn, ctx, &after)?;
    Ok(after)
}

// ---------------------------------------------------------------------------------------------
// Monthly tables: good deeds (员工好人好事汇总表) and the summary (失物登记汇总表)

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct MonthRequest {
    /// `YYYY-MM`, in the counter's local calendar.
    pub month: String,
}

/// The UTC bounds of a local calendar month.
fn month_bounds(ctx: &Ctx, month: &str) -> Result<(DateTime<Utc>, DateTime<Utc>)> {
    let m = month.trim();
    let bad = || Error::invalid("month", "YYYY-MM, e.g. 2026-11");
    if m.len() != 7 || m.as_bytes().get(4) != Some(&b'-') {
        return Err(bad());
    }
    let first = NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").map_err(|_| bad())?;
    if first.year() < 2000 {
        return Err(Error::out_of_range("month", "before 2000"));
    }
    let next = first.checked_add_months(Months::new(1)).ok_or_else(bad)?;
    Ok((local_midnight(ctx, first), local_midnight(ctx, next)))
}

/// One found item in the good-deeds table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct GoodDeedItem {
    pub id: FoundItemId,
    pub code: String,
    pub arrival: Arrival,
    pub found_at: DateTime<Utc>,
    pub found_place: String,
    pub category: Category,
    pub description: String,
    pub status: FoundStatus,
}

/// One staff member's finds in the month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct GoodDeeds {
    pub staff_id: StaffId,
    pub staff_code: String,
    pub staff_name: String,
    pub count: usize,
    pub items: Vec<GoodDeedItem>,
}

pub fn good_deeds(conn: &Connection, ctx: &Ctx, req: MonthRequest) -> Result<Vec<GoodDeeds>> {
    let (from, to) = month_bounds(ctx, &req.month)?;
    let mut stmt = conn.prepare_cached(
        "SELECT f.finder_staff_id, s.name, f.id, f.arrival, f.found_at, f.found_place, f.category,
                f.description, f.status
         FROM found_item f JOIN staff s ON s.id = f.finder_staff_id
         WHERE f.arrival IN ('staff', 'on_site') AND f.found_at >= ?1 AND f.found_at < ?2
         ORDER BY s.name, f.finder_staff_id, f.found_at, f.id",
    )?;
    let rows = stmt.query_map(params![db::ts(&from), db::ts(&to)], |r| {
        let id = FoundItemId(r.get(2)?);
        Ok((
            StaffId(r.get(0)?),
            r.get::<_, String>(1)?,
            GoodDeedItem {
                id,
                code: id.code(),
                arrival: r.get(3)?,
                found_at: db::get_ts(r, "found_at")?,
                found_place: r.get(5)?,
                category: r.get(6)?,
                description: r.get(7)?,
                status: r.get(8)?,
            },
        ))
    })?;
    let mut out: Vec<GoodDeeds> = Vec::new();
    for row in rows {
        let (staff_id, staff_name, item) = row?;
        match out.last_mut() {
            Some(g) if g.staff_id == staff_id => {
                g.items.push(item);
                g.count += 1;
            }
            _ => out.push(GoodDeeds {
                staff_id,
                staff_code: staff_id.code(),
                staff_name,
                count: 1,
                items: vec![item],
            }),
        }
    }
    Ok(out)
}

/// A count under a key (a category, status, arrival …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Count {
    pub key: String,
    pub count: i64,
}

/// The month's figures for the 失物登记汇总表.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct MonthSummary {
    pub month: String,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Items found in the month.
    pub found: i64,
    pub found_valuable: i64,
    pub found_by_category: Vec<Count>,
    pub found_by_arrival: Vec<Count>,
    /// Items found in the month, by their status now.
    pub found_by_status: Vec<Count>,
    /// Lost-item reports filed in the month, by their status now.
    pub reports: i64,
    pub reports_by_status: Vec<Count>,
    pub claims: i64,
    pub hand_overs: i64,
    /// Items that left custody other than by claim in the month, by how.
    pub disposed_by_status: Vec<Count>,
}

fn counts<T: ToSql + Copy>(
    conn: &Connection,
    sql: &str,
    keys: &[T],
    key_str: fn(T) -> &'static str,
    from: &str,
    to: &str,
) -> Result<Vec<Count>> {
    let mut stmt = conn.prepare_cached(sql)?;
    keys.iter()
        .map(|k| {
            let count: i64 = stmt.query_row(params![from, to, k], |r| r.get(0))?;
            Ok(Count {
                key: key_str(*k).to_owned(),
                count,
            })
        })
        .collect()
}

pub fn summary(conn: &Connection, ctx: &Ctx, req: MonthRequest) -> Result<MonthSummary> {
    let (from_t, to_t) = month_bounds(ctx, &req.month)?;
    let (from, to) = (db::ts(&from_t), db::ts(&to_t));
    let one = |sql: &str| -> Result<i64> {
        Ok(conn
            .prepare_cached(sql)?
            .query_row(params![from, to], |r| r.get(0))?)
    };
    const IN_MONTH: &str = "found_at >= ?1 AND found_at < ?2";
    let disposed = [
        FoundStatus::HandedToPolice,
        FoundStatus::HandedToFinance,
        FoundStatus::ReturnedToFinder,
        FoundStatus::Disposed,
    ];
    Ok(MonthSummary {
        month: req.month.trim().to_owned(),
        from: from_t,
        to: to_t,
        found: one(&format!("SELECT count(*) FROM found_item WHERE {IN_MONTH}"))?,
        found_valuable: one(&format!(
            "SELECT count(*) FROM found_item WHERE {IN_MONTH} AND valuable = 1"
        ))?,
        found_by_category: counts(
            conn,
            &format!("SELECT count(*) FROM found_item WHERE {IN_MONTH} AND category = ?3"),
            Category::ALL,
            Category::as_str,
            &from,
            &to,
        )?,
        found_by_arrival: counts(
            conn,
            &format!("SELECT count(*) FROM found_item WHERE {IN_MONTH} AND arrival = ?3"),
            Arrival::ALL,
            Arrival::as_str,
            &from,
            &to,
        )?,
        found_by_status: counts(
            conn,
            &format!("SELECT count(*) FROM found_item WHERE {IN_MONTH} AND status = ?3"),
            FoundStatus::ALL,
            FoundStatus::as_str,
            &from,
            &to,
        )?,
        reports: one("SELECT count(*) FROM lost_report WHERE reported_at >= ?1 AND reported_at < ?2")?,
        reports_by_status: counts(
            conn,
            "SELECT count(*) FROM lost_report WHERE reported_at >= ?1 AND reported_at < ?2 AND status = ?3",
            ReportStatus::ALL,
            ReportStatus::as_str,
            &from,
            &to,
        )?,
        claims: one("SELECT count(*) FROM claim WHERE claimed_at >= ?1 AND claimed_at < ?2")?,
        hand_overs: one("SELECT count(*) FROM found_item_custody WHERE at >= ?1 AND at < ?2")?,
        disposed_by_status: counts(
            conn,
            "SELECT count(*) FROM found_item WHERE closed_at >= ?1 AND closed_at < ?2 AND status = ?3",
            &disposed,
            FoundStatus::as_str,
            &from,
            &to,
        )?,
    })
}

// ---------------------------------------------------------------------------------------------

/// The operations of this register.
pub fn operations() -> Vec<Operation> {
    vec![
        op_write(
            "found_item.register",
            "Register a found item (visitor, staff or on-site find); returns it with ranked matching lost reports.",
            register_found,
        ),
        op_read(
            "found_item.get",
            "A found item with its custody hand-overs, claim and retention due date (no private features).",
            |c, ctx, r: FoundItemRef| detail(c, ctx, r.id),
        ),
        op_read(
            "found_item.list",
            "Found items, newest first; filters: status, from/to (found time), category (finders' contacts masked).",
            |c, ctx, r: ListFoundItems| {
                let mut list = list_found(c, ctx, r)?;
                for f in &mut list {
                    crate::privacy::mask_opt(&mut f.finder_contact);
                }
                Ok(list)
            },
        ),
        op_write(
            "found_item.amend",
            "Correct a found item's details (reason required).",
            amend_found,
        ),
        op_write(
            "found_item.private_features",
            "The private features of a found item, for verifying a claim (the read is audited).",
            read_private,
        ),
        op_write(
            "found_item.hand_over",
            "Record a custody hand-over: to whom, where it is kept now.",
            hand_over,
        ),
        op_write(
            "found_item.notice",
            "Record when the public notice (招领公告) was made (CN: the state takes it a year later).",
            notice,
        ),
        op_write(
            "found_item.claim",
            "The owner takes the item back: claimant, contact, ID type and last 4 characters, how ownership was verified.",
            claim,
        ),
        op_write(
            "found_item.dispose",
            "An unclaimed item leaves custody: to the police, finance, the finder, or disposed (supervisor).",
            dispose,
        ),
        op_read("claim.get", "A claim (认领表).", |c, _ctx, r: ClaimRef| {
            get_claim(c, r.id)
        }),
        op_write(
            "lost_report.file",
            "File a lost-item report; returns it with ranked matching found items in custody.",
            file_report,
        ),
        op_read(
            "lost_report.get",
            "A lost-item report.",
            |c, _ctx, r: LostReportRef| get_report(c, r.id),
        ),
        op_read(
            "lost_report.list",
            "Lost-item reports, newest first; filters: status, from/to (reported time), category (contacts masked: the full one is on lost_report.get).",
            |c, ctx, r: ListLostReports| {
                let mut list = list_reports(c, ctx, r)?;
                for l in &mut list {
                    l.contact = crate::privacy::mask_contact(&l.contact);
                }
                Ok(list)
            },
        ),
        op_write(
            "lost_report.withdraw",
            "Withdraw an open lost-item report (reason required).",
            withdraw,
        ),
        op_write(
            "lost_report.amend",
            "Correct a lost-item report (reason required).",
            amend_report,
        ),
        op_read(
            "lost_found.matches",
            "Ranked candidates for a found item (open reports) or a lost report (items in custody).",
            matching::matches,
        ),
        op_read(
            "lost_found.retention",
            "Items in custody with the date they must go to police / public security / finance, overdue first.",
            retention::retention_list,
        ),
        op_read(
            "lost_found.good_deeds",
            "Per staff member, the items they found in a month (员工好人好事汇总表).",
            good_deeds,
        ),
        op_read(
            "lost_found.summary",
            "The month's counts: found by category/status, reports, claims, hand-overs (失物登记汇总表).",
            summary,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::retention::RetentionStep;
    use super::*;

    #[test]
    fn valuables_by_default() {
        assert!(Category::Cash.valuable_by_default());
        assert!(Category::Phone.valuable_by_default());
        assert!(!Category::Umbrella.valuable_by_default());
        assert_eq!(
            Category::parse("documents_cards"),
            Some(Category::DocumentsCards)
        );
        assert_eq!(Category::parse("car"), None);
    }

    #[test]
    fn the_catalogue_has_every_label_in_every_language() {
        let en = i18n::check_file(include_str!("../../assets/i18n/en/lost_found.json")).unwrap();
        let zh = i18n::check_file(include_str!("../../assets/i18n/zh-CN/lost_found.json")).unwrap();
        let ko = i18n::check_file(include_str!("../../assets/i18n/ko/lost_found.json")).unwrap();
        let keys =
            |m: &std::collections::BTreeMap<String, String>| m.keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&en), keys(&zh));
        assert_eq!(keys(&en), keys(&ko));
        let mut wanted: Vec<String> = Vec::new();
        wanted.extend(
            Category::ALL
                .iter()
                .map(|c| format!("item_category.{}", c.as_str())),
        );
        wanted.extend(
            Arrival::ALL
                .iter()
                .map(|c| format!("arrival.{}", c.as_str())),
        );
        wanted.extend(
            FoundStatus::ALL
                .iter()
                .map(|c| format!("status.{}", c.as_str())),
        );
        wanted.extend(
            ReportStatus::ALL
                .iter()
                .map(|c| format!("status.{}", c.as_str())),
        );
        wanted.extend(
            IdDocType::ALL
                .iter()
                .map(|c| format!("id_doc_type.{}", c.as_str())),
        );
        wanted.extend(
            Disposition::ALL
                .iter()
                .map(|c| format!("disposition.{}", c.as_str())),
        );
        for s in [
            RetentionStep::Police,
            RetentionStep::PublicSecurity,
            RetentionStep::State,
            RetentionStep::Finance,
        ] {
            wanted.push(format!("retention_step.{}", s.as_str()));
        }
        for c in ["category", "time", "place", "description"] {
            wanted.push(format!("match_reason.{c}"));
        }
        for o in [
            "retention_due",
            "valuable_to_custodian",
            "found_item_in_custody",
        ] {
            wanted.push(format!("open_item.{o}"));
        }
        for a in [
            "claim",
            "amend",
            "hand_over",
            "notice",
            "dispose",
            "link",
            "withdraw",
            "dispose_found_item",
        ] {
            wanted.push(format!("action.{a}"));
        }
        // Shared labels (status.open …) live in core.json: check the merged catalogue.
        for l in i18n::Locale::ALL {
            let merged = i18n::catalogue(l);
            for k in &wanted {
                assert!(merged.contains_key(k), "{l}: missing {k}");
            }
        }
    }
}
