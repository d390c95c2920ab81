//! Front desk core: the service counter's registers in one local SQLite file.
//!
//! This crate knows no window. It owns the domain (one module per register), storage
//! (`db`, migrations, `audit`, `search`), the operations every transport calls (`api`), and the
//! command-line tool (`src/main.rs`). See ARCHITECTURE.md for the map and the invariants.

#[macro_use]
mod text_enum;

pub mod api;
pub mod attachments;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod checklist;
pub mod complaints;
pub mod ctx;
pub mod dashboard;
pub mod db;
pub mod demo;
pub mod error;
pub mod export;
pub mod forms;
pub mod i18n;
pub mod ids;
pub mod lost_found;
pub mod mail;
pub mod print;
pub mod privacy;
pub mod profile;
pub mod search;
pub mod shift;
pub mod typescript;
pub mod validate;

pub use api::Desk;
pub use error::{ApiError, Error, ErrorCode, Result};

use api::{op_read, Operation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
struct HistoryRequest {
    /// The record's code (`FI-000123`), or `entity` + `id`.
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    entity: Option<String>,
    #[serde(default)]
    id: Option<i64>,
}

fn history(conn: &rusqlite::Connection, req: HistoryRequest) -> Result<Vec<audit::AuditEvent>> {
    let (entity, id) = match (&req.code, &req.entity, req.id) {
        (Some(code), _, _) => {
            let (prefix, id) =
                ids::parse_code(code).ok_or_else(|| Error::invalid("code", "not_a_code"))?;
            (entity_of_prefix(prefix), id)
        }
        (None, Some(e), Some(id)) => (validate::text("entity", e, 40)?, id),
        (None, _, None) => return Err(Error::required("code")),
        (None, None, Some(_)) => return Err(Error::required("entity")),
    };
    audit::history(conn, &entity, id)
}

fn entity_of_prefix(prefix: &str) -> String {
    use ids::*;
    [
        (StaffId::PREFIX, StaffId::ENTITY),
        (ShiftId::PREFIX, ShiftId::ENTITY),
        (LogEntryId::PREFIX, LogEntryId::ENTITY),
        (HandoverId::PREFIX, HandoverId::ENTITY),
        (ChecklistItemId::PREFIX, ChecklistItemId::ENTITY),
        (ChecklistRunId::PREFIX, ChecklistRunId::ENTITY),
        (FoundItemId::PREFIX, FoundItemId::ENTITY),
        (LostReportId::PREFIX, LostReportId::ENTITY),
        (ClaimId::PREFIX, ClaimId::ENTITY),
        (ParcelId::PREFIX, ParcelId::ENTITY),
        (ComplaintId::PREFIX, ComplaintId::ENTITY),
    ]
    .iter()
    .find(|(p, _)| *p == prefix)
    .map(|(_, e)| (*e).to_owned())
    .unwrap_or_default()
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
struct VerifyRequest {}

/// The operations of every register after the profile's (see `api::registry`).
pub(crate) fn registers_operations() -> Vec<Operation> {
    let mut ops = Vec::new();
    ops.extend(dashboard::operations());
    ops.extend(shift::operations());
    ops.extend(checklist::operations());
    ops.extend(lost_found::operations());
    ops.extend(mail::operations());
    ops.extend(complaints::operations());
    ops.extend(attachments::operations());
    ops.extend(forms::operations());
    ops.push(op_read(
        "search",
        "Search every register: words (Chinese, Korean, Latin; all must match), a record code or a scanned QR; filters by register, status, time. Phone numbers in titles are masked.",
        |c, _ctx, q: search::SearchQuery| {
            let mut hits = search::search(c, &q)?;
            for h in &mut hits {
                h.title = privacy::mask_phones(&h.title);
            }
            Ok(hits)
        },
    ));
    ops.push(op_read(
        "history",
        "Who changed what, when and why, for one record (by code, or entity + id).",
        |c, _ctx, r: HistoryRequest| history(c, r),
    ));
    ops.push(op_read(
        "audit.verify",
        "Walk the audit chain and report the first broken link.",
        |c, _ctx, _: VerifyRequest| audit::verify(c),
    ));
    ops
}
