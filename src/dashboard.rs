//! What needs action now, across every register: the Today screen and the shift handover both
//! read [`open_items`]. Each register contributes its own open items through its
//! `open_items(conn, ctx)` function; this module only merges and orders them.

use crate::api::{op_read, Operation};
use crate::ctx::Ctx;
use crate::error::Result;
use crate::search::Register;
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

/// Why an item is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum OpenKind {
    /// A duty-log entry not yet done.
    OpenLogEntry,
    /// A promise made to a customer whose time has passed.
    OverduePromise,
    /// A call-back that is due.
    CallbackDue,
    /// A parcel or letter waiting for pick-up.
    ParcelWaiting,
    /// A parcel waiting longer than the reminder age.
    ParcelReminder,
    /// A valuable not claimed on the day it was found, still to go to the custodian.
    ValuableToCustodian,
    /// A found item in custody, with its hand-on due date.
    FoundItemInCustody,
    /// A found item whose hand-over to police / public security / finance is due or overdue.
    RetentionDue,
    /// A complaint not yet closed.
    ComplaintOpen,
    /// A complaint past its promised time.
    ComplaintOverdue,
    /// A complaint whose call-back is due.
    ComplaintCallbackDue,
}

/// One thing that needs action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct OpenItem {
    pub kind: OpenKind,
    pub register: Register,
    pub record_id: i64,
    pub code: String,
    /// One line for the list (never private features).
    pub summary: String,
    pub due_at: Option<DateTime<Utc>>,
    pub overdue: bool,
}

/// Everything open at the counter, overdue first, then by due time.
pub fn open_items(conn: &Connection, ctx: &Ctx) -> Result<Vec<OpenItem>> {
    let mut items = Vec::new();
    items.extend(crate::shift::open_items(conn, ctx)?);
    items.extend(crate::lost_found::open_items(conn, ctx)?);
    items.extend(crate::mail::open_items(conn, ctx)?);
    items.extend(crate::complaints::open_items(conn, ctx)?);
    items.sort_by(|a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then_with(|| match (a.due_at, b.due_at) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| a.code.cmp(&b.code))
    });
    Ok(items)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct TodayRequest {
    /// The language of the items' one-line summaries: the screen's, which a receptionist may
    /// have switched away from the counter's (the default). The handover keeps the counter's.
    #[serde(default)]
    pub locale: Option<crate::i18n::Locale>,
}

pub fn operations() -> Vec<Operation> {
    vec![op_read(
        "today.open_items",
        "Everything that needs action now: overdue promises, waiting parcels, valuables, retention dues, complaints, call-backs.",
        |c, ctx, r: TodayRequest| open_items(c, &ctx.in_locale(r.locale)),
    )]
}
