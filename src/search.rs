//! One search over every register.
//!
//! Each register calls [`index`] in the same transaction as any write that changes what a
//! record shows (its text or status), so the index is always current. The index is the FTS5
//! table `search_fts` with the trigram tokenizer, which finds any substring of three or more
//! characters — Chinese, Korean or Latin. Trigrams cannot match shorter queries, and the
//! commonest Chinese and Korean words have two characters (钱包, 지갑), so every record also
//! carries a `grams` column: its CJK unigrams and bigrams and its short Latin words, each
//! wrapped in spaces. A one- or two-character query `q` then becomes the three-or-more-character
//! phrase `" q "`, which the trigram index matches exactly. A record's code (`FI-000123`) or a
//! scanned QR (`frontdesk:FI-000123`) is looked up directly and ranked first.

use crate::db;
use crate::error::{Error, Result};
use crate::ids;
use crate::validate;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

/// The registers a search can cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Register {
    LogEntry,
    FoundItem,
    LostReport,
    Parcel,
    Complaint,
    Shift,
}

impl Register {
    pub const ALL: [Register; 6] = [
        Register::LogEntry,
        Register::FoundItem,
        Register::LostReport,
        Register::Parcel,
        Register::Complaint,
        Register::Shift,
    ];

    fn number(self) -> i64 {
        match self {
            Register::LogEntry => 1,
            Register::FoundItem => 2,
            Register::LostReport => 3,
            Register::Parcel => 4,
            Register::Complaint => 5,
            Register::Shift => 6,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Register::LogEntry => "log_entry",
            Register::FoundItem => "found_item",
            Register::LostReport => "lost_report",
            Register::Parcel => "parcel",
            Register::Complaint => "complaint",
            Register::Shift => "shift",
        }
    }

    fn parse(s: &str) -> Option<Register> {
        Register::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The register whose codes start with `prefix`.
    pub fn from_prefix(prefix: &str) -> Option<Register> {
        match prefix {
            "DL" => Some(Register::LogEntry),
            "FI" => Some(Register::FoundItem),
            "LR" => Some(Register::LostReport),
            "PC" => Some(Register::Parcel),
            "CP" => Some(Register::Complaint),
            "SH" => Some(Register::Shift),
            _ => None,
        }
    }

    fn rowid(self, record_id: i64) -> i64 {
        (self.number() << 40) | record_id
    }
}

/// What a register puts into the index for one record.
#[derive(Debug, Clone)]
pub struct SearchDoc<'a> {
    pub register: Register,
    pub record_id: i64,
    pub code: String,
    /// One line shown in results (never private features).
    pub title: String,
    /// Every searchable text of the record: names, numbers, descriptions, notes.
    pub texts: Vec<&'a str>,
    pub status: &'a str,
    /// The record's main time (received, found, logged …), for date filters.
    pub at: DateTime<Utc>,
}

/// Put (or replace) a record in the index.
pub fn index(conn: &Connection, doc: &SearchDoc<'_>) -> Result<()> {
    let rowid = doc.register.rowid(doc.record_id);
    let mut body = String::with_capacity(64);
    body.push_str(&doc.code);
    body.push('\n');
    body.push_str(&doc.title);
    for t in &doc.texts {
        if !t.is_empty() {
            body.push('\n');
            body.push_str(t);
        }
    }
    let grams = grams(&body);
    conn.prepare_cached("DELETE FROM search_fts WHERE rowid = ?1")?
        .execute([rowid])?;
    conn.prepare_cached(
        "INSERT INTO search_fts (rowid, body, grams, register, record_id, code, title, status, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        rowid,
        body,
        grams,
        doc.register.as_str(),
        doc.record_id,
        doc.code,
        doc.title,
        doc.status,
        db::ts(&doc.at)
    ])?;
    Ok(())
}

/// Whether `c` is written without spaces between words (Han, Hangul, kana).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7AF | 0xD7B0..=0xD7FF
        | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The short-query tokens of `text`: CJK unigrams and bigrams and Latin words of one or two
/// characters, lower-cased, each as ` token `.
pub fn grams(text: &str) -> String {
    let mut out = String::from(" ");
    let mut run: Vec<char> = Vec::new();
    let mut word = String::new();
    let flush_run = |run: &mut Vec<char>, out: &mut String| {
        for c in run.iter() {
            out.push(*c);
            out.push(' ');
        }
        for w in run.windows(2) {
            out.push(w[0]);
            out.push(w[1]);
            out.push(' ');
        }
        run.clear();
    };
    let flush_word = |word: &mut String, out: &mut String| {
        if !word.is_empty() && word.chars().count() <= 2 {
            out.push_str(word);
            out.push(' ');
        }
        word.clear();
    };
    for c in text.chars() {
        if is_cjk(c) {
            flush_word(&mut word, &mut out);
            run.push(c);
        } else if c.is_alphanumeric() {
            flush_run(&mut run, &mut out);
            word.extend(c.to_lowercase());
        } else {
            flush_run(&mut run, &mut out);
            flush_word(&mut word, &mut out);
        }
    }
    flush_run(&mut run, &mut out);
    flush_word(&mut word, &mut out);
    out
}

/// A search request.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct SearchQuery {
    /// Words to find (all must match), or a record's code / scanned QR.
    pub q: String,
    /// Only these registers (all when empty).
    #[serde(default)]
    pub registers: Vec<Register>,
    /// Only records in this status.
    #[serde(default)]
    pub status: Option<String>,
    /// Only records from this time on.
    #[serde(default)]
    pub from: Option<DateTime<Utc>>,
    /// Only records before this time.
    #[serde(default)]
    pub to: Option<DateTime<Utc>>,
    /// At most this many hits (default 50, at most 500).
    #[serde(default)]
    pub limit: Option<u32>,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct SearchHit {
    pub register: Register,
    pub record_id: i64,
    pub code: String,
    pub title: String,
    pub status: String,
    pub at: DateTime<Utc>,
    /// Higher is better.
    pub score: f64,
}

/// Escape a term as an FTS5 string.
fn fts_string(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

/// Build the FTS5 expression for `q`, or None if it has no searchable term.
fn match_expr(q: &str) -> Option<String> {
    let mut parts = Vec::new();
    for term in q.split_whitespace() {
        let n = term.chars().count();
        if n >= 3 {
            parts.push(format!("body : {}", fts_string(term)));
        } else {
            let lower: String = term.chars().flat_map(char::to_lowercase).collect();
            parts.push(format!("grams : {}", fts_string(&format!(" {lower} "))));
        }
    }
    if parts.is_empty() {
        None
    } else {
        Some(parts.join(" AND "))
    }
}

/// Search every register.
pub fn search(conn: &Connection, query: &SearchQuery) -> Result<Vec<SearchHit>> {
    let q = validate::text("q", &query.q, validate::SHORT_MAX)?;
    let limit = query.limit.unwrap_or(50).clamp(1, 500) as i64;
    if let (Some(f), Some(t)) = (query.from, query.to) {
        if f > t {
            return Err(Error::out_of_range("to", "before_from"));
        }
    }
    let mut hits = Vec::new();

    // A code or scanned QR: that record first.
    if let Some((prefix, id)) = ids::parse_code(&q) {
        if let Some(reg) = Register::from_prefix(prefix) {
            let mut stmt = conn.prepare_cached(
                "SELECT register, record_id, code, title, status, at FROM search_fts WHERE rowid = ?1",
            )?;
            let mut rows = stmt.query([reg.rowid(id)])?;
            if let Some(r) = rows.next()? {
                let hit = hit_from_row(r, 1000.0)?;
                if keep(&hit, query) {
                    hits.push(hit);
                }
            }
        }
    }

    // A scanned or typed code that names a record is an exact answer: its digits ("000123")
    // would otherwise match half the index.
    if !hits.is_empty() {
        return Ok(hits);
    }
    let Some(expr) = match_expr(&q) else {
        return Ok(hits);
    };
    // Per register, the newest matches first: FTS5 walks its doclist backwards over a rowid
    // range and stops after `PER_REGISTER` rows, so a common word (电梯 in 100,000 entries)
    // costs no more than a rare one. Those candidates are then ranked by relevance (bm25)
    // and recency together.
    const PER_REGISTER: i64 = 100;
    let registers: Vec<Register> = if query.registers.is_empty() {
        Register::ALL.to_vec()
    } else {
        query.registers.clone()
    };
    let mut stmt = conn.prepare_cached(
        "SELECT register, record_id, code, title, status, at, -rank AS score
         FROM search_fts
         WHERE search_fts MATCH ?1
           AND rowid >= ?2 AND rowid < ?3
           AND (?4 IS NULL OR status = ?4)
           AND (?5 IS NULL OR at >= ?5)
           AND (?6 IS NULL OR at < ?6)
         ORDER BY rowid DESC
         LIMIT ?7",
    )?;
    let mut candidates = Vec::new();
    for reg in registers {
        let lo = reg.rowid(0);
        let hi = reg.rowid(0) + (1 << 40);
        let mut rows = stmt.query(params![
            expr,
            lo,
            hi,
            query.status,
            query.from.as_ref().map(db::ts),
            query.to.as_ref().map(db::ts),
            PER_REGISTER.max(limit)
        ])?;
        while let Some(r) = rows.next()? {
            let bm25: f64 = r.get(6)?;
            let hit = hit_from_row(r, bm25)?;
            if !hits
                .iter()
                .any(|h: &SearchHit| h.register == hit.register && h.record_id == hit.record_id)
            {
                candidates.push(hit);
            }
        }
    }
    let newest = candidates.iter().map(|h| h.at).max();
    for h in &mut candidates {
        // bm25 of a match is a few units; a record from today adds 2, one a month old 1.
        let age_days = newest
            .map(|n| (n - h.at).num_hours() as f64 / 24.0)
            .unwrap_or(0.0)
            .max(0.0);
        h.score += 2.0 / (1.0 + age_days / 30.0);
    }
    candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| b.at.cmp(&a.at)));
    hits.extend(candidates);
    hits.truncate(limit as usize);
    Ok(hits)
}

fn keep(hit: &SearchHit, q: &SearchQuery) -> bool {
    (q.registers.is_empty() || q.registers.contains(&hit.register))
        && q.status.as_ref().is_none_or(|s| *s == hit.status)
        && q.from.is_none_or(|f| hit.at >= f)
        && q.to.is_none_or(|t| hit.at < t)
}

fn hit_from_row(r: &rusqlite::Row<'_>, score: f64) -> Result<SearchHit> {
    let reg: String = r.get(0)?;
    Ok(SearchHit {
        register: Register::parse(&reg)
            .ok_or_else(|| Error::Corrupt(format!("unknown register {reg} in the search index")))?,
        record_id: r.get(1)?,
        code: r.get(2)?,
        title: r.get(3)?,
        status: r.get(4)?,
        at: db::parse_ts(&r.get::<_, String>(5)?)?,
        score,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grams_cover_short_cjk_and_latin_words() {
        let g = grams("黑色钱包 SF12 a");
        assert!(g.contains(" 钱包 "));
        assert!(g.contains(" 钱 "));
        assert!(
            !g.contains(" sf12 "),
            "long Latin words are left to trigrams"
        );
        assert!(g.contains(" a "));
        let k = grams("검은색 지갑");
        assert!(k.contains(" 지갑 "));
        assert!(!k.contains("색지"), "a space ends a run");
    }

    #[test]
    fn match_expr_routes_short_terms_to_grams() {
        assert_eq!(match_expr("钱包").unwrap(), "grams : \" 钱包 \"");
        assert_eq!(match_expr("黑色钱包").unwrap(), "body : \"黑色钱包\"");
        assert_eq!(
            match_expr("a\"b 钱包").unwrap(),
            "body : \"a\"\"b\" AND grams : \" 钱包 \""
        );
    }
}
