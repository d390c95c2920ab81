//! Newtype ids for every kind of record, and their human codes (`FI-000123`).
//!
//! A code is what the counter reads aloud, prints on a card and encodes in its QR; scanning or
//! typing a code in search opens that record ([`parse_code`]).

use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal, $entity:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl $name {
            /// The code prefix of this kind of record.
            pub const PREFIX: &'static str = $prefix;
            /// The entity name used in the audit log and error messages.
            pub const ENTITY: &'static str = $entity;

            /// The human code, e.g. `FI-000123`.
            pub fn code(self) -> String {
                format!("{}-{:06}", $prefix, self.0)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.code())
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.0))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                i64::column_result(value).map($name)
            }
        }
    };
}

id_type!(/// A staff member.
    StaffId, "ST", "staff");
id_type!(/// A shift at the counter.
    ShiftId, "SH", "shift");
id_type!(/// A duty-log entry (call, visit, dispatch …).
    LogEntryId, "DL", "log_entry");
id_type!(/// A shift handover.
    HandoverId, "HO", "handover");
id_type!(/// A checklist template item.
    ChecklistItemId, "CI", "checklist_item");
id_type!(/// One run of an end-of-shift checklist.
    ChecklistRunId, "CR", "checklist_run");
id_type!(/// A found item.
    FoundItemId, "FI", "found_item");
id_type!(/// A report of a lost item.
    LostReportId, "LR", "lost_report");
id_type!(/// A claim of a found item by its owner.
    ClaimId, "CL", "claim");
id_type!(/// A letter, parcel or other mail item.
    ParcelId, "PC", "parcel");
id_type!(/// A complaint or grievance.
    ComplaintId, "CP", "complaint");
id_type!(/// A photo or signature kept with a record (not a scannable code: attachments are
    /// reached through their record).
    AttachmentId, "AT", "attachment");

/// A code parsed from text: its prefix and number (`FI-000123` → `("FI", 123)`).
/// Accepts lower case, no dash, no leading zeros, and a `frontdesk:` URI prefix (QR content).
pub fn parse_code(s: &str) -> Option<(&'static str, i64)> {
    const PREFIXES: [&str; 11] = [
        "ST", "SH", "DL", "HO", "CI", "CR", "FI", "LR", "CL", "PC", "CP",
    ];
    let s = s.trim();
    let s = s.strip_prefix("frontdesk:").unwrap_or(s);
    if s.len() < 3 || !s.is_ascii() {
        return None;
    }
    let (head, tail) = s.split_at(2);
    let prefix = PREFIXES.iter().find(|p| p.eq_ignore_ascii_case(head))?;
    let digits = tail.strip_prefix('-').unwrap_or(tail);
    if digits.is_empty() || digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().map(|n| (*prefix, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_tolerate_scanner_forms() {
        assert_eq!(FoundItemId(123).code(), "FI-000123");
        assert_eq!(parse_code("FI-000123"), Some(("FI", 123)));
        assert_eq!(parse_code("fi123"), Some(("FI", 123)));
        assert_eq!(parse_code("frontdesk:PC-000007"), Some(("PC", 7)));
        assert_eq!(parse_code("XX-1"), None);
        assert_eq!(parse_code("FI-"), None);
        assert_eq!(parse_code("钱包"), None);
    }
}
