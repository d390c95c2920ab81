//! Exports of a register as CSV (UTF-8 with a BOM, so Excel and WPS show Chinese and Korean)
//! or XLSX. Column headers are the catalogue's field labels in the counter's language; times
//! are shown in the counter's local time. Private identifying features of found items are
//! never exported. A masked export ([`rows_with`] with `masked`, CLI `export --masked`) hides
//! personal data: contacts and phone numbers as on printed forms (`crate::privacy`), visitors'
//! names but their first character, identity-document digits entirely, and phone numbers typed
//! into any other text (the audit log's before/after included).

use crate::error::{Error, Result};
use crate::i18n::{self, Locale};
use chrono_tz::Tz;
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

/// What can be exported, and the table behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportRegister {
    Shift,
    LogEntry,
    FoundItem,
    LostReport,
    Claim,
    Parcel,
    Complaint,
    Staff,
    AuditLog,
}

impl ExportRegister {
    pub const ALL: [ExportRegister; 9] = [
        ExportRegister::Shift,
        ExportRegister::LogEntry,
        ExportRegister::FoundItem,
        ExportRegister::LostReport,
        ExportRegister::Claim,
        ExportRegister::Parcel,
        ExportRegister::Complaint,
        ExportRegister::Staff,
        ExportRegister::AuditLog,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ExportRegister::Shift => "shift",
            ExportRegister::LogEntry => "log_entry",
            ExportRegister::FoundItem => "found_item",
            ExportRegister::LostReport => "lost_report",
            ExportRegister::Claim => "claim",
            ExportRegister::Parcel => "parcel",
            ExportRegister::Complaint => "complaint",
            ExportRegister::Staff => "staff",
            ExportRegister::AuditLog => "audit_log",
        }
    }

    pub fn parse(s: &str) -> Option<ExportRegister> {
        ExportRegister::ALL.into_iter().find(|r| r.name() == s)
    }

    /// The table (a constant of this program, never user input).
    fn table(self) -> &'static str {
        self.name()
    }

    /// Columns never exported.
    fn excluded(self) -> &'static [&'static str] {
        match self {
            ExportRegister::FoundItem => &["private_features"],
            _ => &[],
        }
    }
}

/// Columns holding a contact (phone number, e-mail, handle).
const CONTACT_COLUMNS: &[&str] = &["contact", "finder_contact", "recipient_contact", "phone"];
/// Columns holding a visitor's or resident's name (staff names are not personal data here).
const PERSON_COLUMNS: &[&str] = &[
    "person",
    "reporter_name",
    "claimant_name",
    "complainant_name",
    "finder_name",
    "recipient_name",
    "picked_up_by",
    "on_behalf_of",
    "witness",
];

/// A cell as a masked export shows it.
fn mask_cell(column: &str, text: String) -> String {
    if text.is_empty() {
        text
    } else if CONTACT_COLUMNS.contains(&column) {
        crate::privacy::mask_contact(&text)
    } else if column == "id_last4" {
        "****".into()
    } else if PERSON_COLUMNS.contains(&column) {
        let mut chars = text.trim().chars();
        let first = chars.next().map(String::from).unwrap_or_default();
        format!("{first}{}", "*".repeat(chars.count().max(1)))
    } else {
        crate::privacy::mask_phones(&text)
    }
}

/// The rows of a register: header, then one row of text per record, oldest first.
pub fn rows(
    conn: &Connection,
    reg: ExportRegister,
    locale: Locale,
    tz: Tz,
) -> Result<Vec<Vec<String>>> {
    rows_with(conn, reg, locale, tz, false)
}

/// [`rows`], with personal data masked when `masked`.
pub fn rows_with(
    conn: &Connection,
    reg: ExportRegister,
    locale: Locale,
    tz: Tz,
    masked: bool,
) -> Result<Vec<Vec<String>>> {
    let table = reg.table();
    let mut cols = Vec::new();
    {
        let mut stmt = conn.prepare(&format!("PRAGMA table_info({table})"))?;
        let names = stmt.query_map([], |r| r.get::<_, String>(1))?;
        for n in names {
            let n = n?;
            if !reg.excluded().contains(&n.as_str()) {
                cols.push(n);
            }
        }
    }
    if cols.is_empty() {
        return Err(Error::Storage(format!("no table {table}")));
    }
    let list = cols
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let order = if table == "audit_log" { "seq" } else { "rowid" };
    let mut stmt = conn.prepare(&format!("SELECT {list} FROM {table} ORDER BY {order}"))?;
    let mut out = vec![cols
        .iter()
        .map(|c| match i18n::lookup(locale, &format!("field.{c}")) {
            Some(label) => label.to_owned(),
            None => c.clone(),
        })
        .collect::<Vec<_>>()];
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        let mut row = Vec::with_capacity(cols.len());
        for (i, c) in cols.iter().enumerate() {
            let cell = match r.get_ref(i)? {
                ValueRef::Null => String::new(),
                ValueRef::Integer(n) => n.to_string(),
                ValueRef::Real(f) => f.to_string(),
                ValueRef::Text(t) => {
                    let s = String::from_utf8_lossy(t).into_owned();
                    if c.ends_with("_at") || c == "at" {
                        local_time(&s, tz).unwrap_or(s)
                    } else if masked {
                        mask_cell(c, s)
                    } else {
                        s
                    }
                }
                ValueRef::Blob(b) => format!("<{} bytes>", b.len()),
            };
            row.push(cell);
        }
        out.push(row);
    }
    Ok(out)
}

fn local_time(s: &str, tz: Tz) -> Option<String> {
    let t = chrono::DateTime::parse_from_rfc3339(s).ok()?;
    Some(t.with_timezone(&tz).format("%Y-%m-%d %H:%M:%S").to_string())
}

/// CSV bytes with a UTF-8 byte-order mark.
pub fn to_csv(rows: &[Vec<String>]) -> Result<Vec<u8>> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::Writer::from_writer(&mut out);
        for r in rows {
            w.write_record(r)
                .map_err(|e| Error::Storage(format!("csv: {e}")))?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// XLSX bytes: one sheet, a bold frozen header row.
pub fn to_xlsx(rows: &[Vec<String>], sheet: &str) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let xerr = |e: rust_xlsxwriter::XlsxError| Error::Storage(format!("xlsx: {e}"));
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).map_err(xerr)?;
    let bold = Format::new().set_bold();
    for (ri, r) in rows.iter().enumerate() {
        for (ci, cell) in r.iter().enumerate() {
            let (row, col) = (ri as u32, ci as u16);
            if ri == 0 {
                ws.write_string_with_format(row, col, cell, &bold)
                    .map_err(xerr)?;
            } else {
                ws.write_string(row, col, cell).map_err(xerr)?;
            }
        }
    }
    ws.set_freeze_panes(1, 0).map_err(xerr)?;
    wb.save_to_buffer().map_err(xerr)
}
