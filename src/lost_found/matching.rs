//! How well a found item fits a lost-item report: a pure score ([`score`], unit-tested here),
//! and the ranked candidates the register returns when either side is recorded and from
//! `lost_found.matches` (only open reports and items in custody are candidates).
//!
//! Four criteria, 100 points in all:
//! - **category** (40): the same category; related ones (a wallet and cash) or `other` count less;
//! - **time** (20): full when the item was found no earlier than a day before the loss window
//!   and no later than its end, decaying linearly to nothing 30 days after it (named as a
//!   reason only while it keeps half); an item found before it was lost gets none;
//! - **place** (15): how much of the shorter place name the other contains;
//! - **description** (25): Dice coefficient of the two texts' tokens.
//!
//! A candidate is shown only when it shares a place or description words (not just a colour)
//! with the record: the category and the time alone are not evidence. Unrelated categories
//! score nothing unless the descriptions agree strongly (a category chosen wrongly).
//!
//! Tokens work without word segmentation: a run of Chinese or Korean characters gives its
//! character bigrams (a lone character gives itself), Latin text gives its lower-cased words.
//! The found item's private features may raise the description score (the owner often names
//! them), but they never appear in a result.

use super::{
    get_found, get_report, private_features_of, report_from_row, Category, FoundItem, LostReport,
    REPORT_SELECT,
};
use crate::ctx::Ctx;
use crate::db;
use crate::error::{Error, Result};
use crate::ids::{FoundItemId, LostReportId};
use crate::search::{is_cjk, Register};
use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A criterion that contributed to a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    Category,
    Time,
    Place,
    Description,
}

/// The lost side of a comparison.
#[derive(Debug, Clone)]
pub struct LostSide<'a> {
    pub category: Category,
    /// Start and end of the time the item may have been lost.
    pub lost_from: DateTime<Utc>,
    pub lost_to: DateTime<Utc>,
    pub place: &'a str,
    pub description: &'a str,
}

/// The found side of a comparison.
#[derive(Debug, Clone)]
pub struct FoundSide<'a> {
    pub category: Category,
    pub found_at: DateTime<Utc>,
    pub place: &'a str,
    pub description: &'a str,
    pub private_features: Option<&'a str>,
}

/// The score (0–100) and the criteria that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct MatchScore {
    pub score: u8,
    pub reasons: Vec<Criterion>,
}

/// Candidates scoring less than this are not shown.
pub const MIN_SCORE: u8 = 20;

/// Colour words (and the bigrams they make) of the three languages: they add to the score, but
/// a shared colour alone is not evidence (every pink thing "matches" every other).
const COLOUR_TOKENS: &[&str] = &[
    "黑色", "白色", "红色", "粉色", "粉红", "蓝色", "绿色", "黄色", "灰色", "紫色", "棕色", "褐色",
    "银色", "金色", "橙色", "米色", "咖啡", "啡色", "深色", "浅色", "透明", "藏青", "青色", "彩色",
    "검은", "은색", "검정", "정색", "흰색", "하얀", "빨간", "간색", "빨강", "분홍", "홍색", "파란",
    "란색", "파랑", "초록", "록색", "노란", "노랑", "회색", "보라", "라색", "갈색", "금색", "주황",
    "황색", "남색", "하늘", "늘색", "연두", "두색", "black", "white", "red", "pink", "blue",
    "green", "yellow", "grey", "gray", "purple", "brown", "silver", "gold", "orange", "navy",
    "beige", "dark", "light",
];

/// Whether two token sets share a word that is not a colour.
fn share_a_word(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    a.intersection(b)
        .any(|t| !COLOUR_TOKENS.contains(&t.as_str()))
}

/// Unrelated categories are the same item only when the descriptions say so strongly (a
/// category chosen wrongly at the counter); below this they are not a candidate at all.
const STRONG_TEXT: f64 = 0.5;

/// Below this share of the time points the time is not named as a reason (an item found
/// weeks after the loss "fits" only in the arithmetic).
const TIME_REASON: f64 = 0.5;

const CATEGORY_POINTS: f64 = 40.0;
const TIME_POINTS: f64 = 20.0;
const PLACE_POINTS: f64 = 15.0;
const TEXT_POINTS: f64 = 25.0;
const DECAY_DAYS: f64 = 30.0;

/// Latin words that say nothing about an item.
const STOP_WORDS: [&str; 12] = [
    "a", "an", "the", "and", "or", "of", "in", "on", "with", "at", "to", "is",
];

/// The tokens of `text`: CJK character bigrams (or a lone character) and Latin words.
pub fn tokens(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut run: Vec<char> = Vec::new();
    let mut word = String::new();
    let flush_run = |run: &mut Vec<char>, out: &mut BTreeSet<String>| {
        if run.len() == 1 {
            out.insert(run[0].to_string());
        }
        for w in run.windows(2) {
            out.insert(w.iter().collect());
        }
        run.clear();
    };
    let flush_word = |word: &mut String, out: &mut BTreeSet<String>| {
        if !word.is_empty() && !STOP_WORDS.contains(&word.as_str()) {
            out.insert(std::mem::take(word));
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

/// Dice coefficient of two token sets, 0–1.
pub fn dice(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(b).count() as f64;
    2.0 * common / (a.len() + b.len()) as f64
}

/// Share of the smaller set found in the larger, 0–1 (place names contain one another:
/// 东门 and 东门售票处).
fn overlap(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / smaller as f64
}

fn category_fit(a: Category, b: Category) -> f64 {
    use Category::*;
    if a == b {
        return 1.0;
    }
    let related = [
        (Wallet, Cash),
        (Wallet, DocumentsCards),
        (Bag, Wallet),
        (Phone, Electronics),
        (JewelleryWatch, Electronics),
        (Glasses, JewelleryWatch),
    ];
    if related.contains(&(a, b)) || related.contains(&(b, a)) {
        0.4
    } else if a == Other || b == Other {
        0.25
    } else {
        0.0
    }
}

fn time_fit(lost: &LostSide<'_>, found_at: DateTime<Utc>) -> f64 {
    if found_at < lost.lost_from - Duration::days(1) {
        return 0.0;
    }
    if found_at <= lost.lost_to {
        return 1.0;
    }
    let days = (found_at - lost.lost_to).num_minutes() as f64 / (24.0 * 60.0);
    (1.0 - days / DECAY_DAYS).max(0.0)
}

/// Score a found item against a lost-item report.
pub fn score(lost: &LostSide<'_>, found: &FoundSide<'_>) -> MatchScore {
    let mut reasons = Vec::new();
    let mut total = 0.0;

    let c = category_fit(lost.category, found.category);
    total += CATEGORY_POINTS * c;
    if c >= 1.0 {
        reasons.push(Criterion::Category);
    }

    let t = time_fit(lost, found.found_at);
    total += TIME_POINTS * t;
    if t >= TIME_REASON {
        reasons.push(Criterion::Time);
    }

    let p = overlap(&tokens(lost.place), &tokens(found.place));
    total += PLACE_POINTS * p;
    if p >= 0.5 {
        reasons.push(Criterion::Place);
    }

    let wanted = tokens(lost.description);
    let mut all = tokens(found.description);
    let mut text = dice(&wanted, &all);
    if let Some(private) = found.private_features {
        all.extend(tokens(private));
        text = text.max(dice(&wanted, &all));
    }
    total += TEXT_POINTS * text;
    if text >= 0.2 && share_a_word(&wanted, &all) {
        reasons.push(Criterion::Description);
    }
    // Another category needs the description to say so: a shared place is not enough for a
    // thermos to be the earbuds; an unrelated one needs it to say so strongly.
    let described = reasons.contains(&Criterion::Description);
    if (c < 1.0 && !described) || (c == 0.0 && text < STRONG_TEXT) {
        return MatchScore {
            score: 0,
            reasons: Vec::new(),
        };
    }

    MatchScore {
        score: total.round().clamp(0.0, 100.0) as u8,
        reasons,
    }
}

// ---------------------------------------------------------------------------------------------
// Candidates: the other side of the register, ranked by the score above.

/// A record on the other side that may be the same item (never private features).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Candidate {
    pub register: Register,
    pub id: i64,
    pub code: String,
    pub category: Category,
    pub description: String,
    pub place: String,
    /// Found at, or lost at.
    pub at: DateTime<Utc>,
    /// 0–100.
    pub score: u8,
    pub reasons: Vec<Criterion>,
}

const MAX_CANDIDATES: usize = 10;

/// Shown when the score is high enough *and* the two records share something of their own — a
/// place or words of the description. A category and a date alone fit every umbrella of the
/// week; a receptionist who is shown those stops trusting the list.
fn rank(mut c: Vec<Candidate>) -> Vec<Candidate> {
    c.retain(|c| {
        c.score >= MIN_SCORE
            && c.reasons
                .iter()
                .any(|r| matches!(r, Criterion::Place | Criterion::Description))
    });
    c.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| b.at.cmp(&a.at))
            .then_with(|| a.code.cmp(&b.code))
    });
    c.truncate(MAX_CANDIDATES);
    c
}

fn lost_side(l: &LostReport) -> LostSide<'_> {
    let (lost_from, lost_to) = l.window();
    LostSide {
        category: l.category,
        lost_from,
        lost_to,
        place: &l.lost_place,
        description: &l.description,
    }
}

/// Open lost reports that may describe found item `f`.
pub(super) fn candidates_for_found(conn: &Connection, f: &FoundItem) -> Result<Vec<Candidate>> {
    let private = private_features_of(conn, f.id)?;
    let found = FoundSide {
        category: f.category,
        found_at: f.found_at,
        place: &f.found_place,
        description: &f.description,
        private_features: private.as_deref(),
    };
    let mut stmt = conn.prepare_cached(&format!("{REPORT_SELECT} WHERE l.status = 'open'"))?;
    let reports = stmt
        .query_map([], report_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rank(
        reports
            .iter()
            .map(|l| {
                let m = score(&lost_side(l), &found);
                Candidate {
                    register: Register::LostReport,
                    id: l.id.0,
                    code: l.code.clone(),
                    category: l.category,
                    description: l.description.clone(),
                    place: l.lost_place.clone(),
                    at: l.lost_at,
                    score: m.score,
                    reasons: m.reasons,
                }
            })
            .collect(),
    ))
}

/// Found items in custody that may be the one lost in report `l`.
pub(super) fn candidates_for_report(conn: &Connection, l: &LostReport) -> Result<Vec<Candidate>> {
    let lost = lost_side(l);
    let mut stmt = conn.prepare_cached(
        "SELECT f.id, f.category, f.found_at, f.found_place, f.description,
                (SELECT p.features FROM found_item_private p WHERE p.found_item_id = f.id
                 ORDER BY p.id DESC LIMIT 1) AS private
         FROM found_item f WHERE f.status = 'in_custody'",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            FoundItemId(r.get(0)?),
            r.get::<_, Category>(1)?,
            db::get_ts(r, "found_at")?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, category, found_at, place, description, private) = row?;
        let m = score(
            &lost,
            &FoundSide {
                category,
                found_at,
                place: &place,
                description: &description,
                private_features: private.as_deref(),
            },
        );
        out.push(Candidate {
            register: Register::FoundItem,
            id: id.0,
            code: id.code(),
            category,
            description,
            place,
            at: found_at,
            score: m.score,
            reasons: m.reasons,
        });
    }
    Ok(rank(out))
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct MatchesRequest {
    #[serde(default)]
    pub found_item_id: Option<FoundItemId>,
    #[serde(default)]
    pub lost_report_id: Option<LostReportId>,
}

pub(super) fn matches(
    conn: &Connection,
    _ctx: &Ctx,
    req: MatchesRequest,
) -> Result<Vec<Candidate>> {
    match (req.found_item_id, req.lost_report_id) {
        (Some(f), None) => candidates_for_found(conn, &get_found(conn, f)?),
        (None, Some(l)) => candidates_for_report(conn, &get_report(conn, l)?),
        (None, None) => Err(Error::required("found_item_id")),
        (Some(_), Some(_)) => Err(Error::invalid(
            "lost_report_id",
            "give either found_item_id or lost_report_id",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0).unwrap()
    }

    fn lost<'a>(category: Category, place: &'a str, description: &'a str) -> LostSide<'a> {
        LostSide {
            category,
            lost_from: at(10, 2),
            lost_to: at(10, 4),
            place,
            description,
        }
    }

    fn found<'a>(
        category: Category,
        d: u32,
        place: &'a str,
        description: &'a str,
    ) -> FoundSide<'a> {
        FoundSide {
            category,
            found_at: at(d, 6),
            place,
            description,
            private_features: None,
        }
    }

    #[test]
    fn tokens_are_cjk_bigrams_and_latin_words() {
        let t = tokens("黑色钱包 Black leather wallet, 伞");
        for w in ["黑色", "色钱", "钱包", "black", "leather", "wallet", "伞"] {
            assert!(t.contains(w), "{w} in {t:?}");
        }
        assert!(!t.contains("包b"));
        let k = tokens("검은색 지갑");
        assert_eq!(
            k.into_iter().collect::<Vec<_>>(),
            vec!["검은", "은색", "지갑"]
        );
        assert!(tokens("the a of").is_empty());
    }

    #[test]
    fn dice_over_chinese_bigrams_needs_no_segmentation() {
        let a = tokens("黑色钱包");
        let b = tokens("钱包 黑色 皮质");
        assert!((dice(&a, &b) - 4.0 / 6.0).abs() < 1e-9);
        assert_eq!(dice(&a, &tokens("蓝色雨伞")), 0.0);
        assert_eq!(dice(&a, &BTreeSet::new()), 0.0);
    }

    #[test]
    fn same_category_same_day_same_words_scores_high_with_reasons() {
        let l = lost(Category::Wallet, "东门售票处", "黑色钱包");
        let f = found(Category::Wallet, 10, "东门", "钱包 黑色 皮质");
        let m = score(&l, &f);
        assert_eq!(
            m.reasons,
            vec![
                Criterion::Category,
                Criterion::Time,
                Criterion::Place,
                Criterion::Description
            ]
        );
        // 40 + 20 + 15 + 25 × 2/3
        assert_eq!(m.score, 92);
    }

    #[test]
    fn time_decays_over_thirty_days_and_found_before_lost_counts_nothing() {
        let l = lost(Category::Umbrella, "", "");
        let s = |d: u32| score(&l, &found(Category::Umbrella, d, "", "")).score;
        assert_eq!(s(9), 60, "a day before the loss still counts");
        assert_eq!(s(10), 60);
        assert!(s(20) < s(12) && s(12) < 60);
        assert_eq!(s(5), 40, "found before it was lost: category only");
        let late = FoundSide {
            found_at: at(10, 4) + Duration::days(31),
            ..found(Category::Umbrella, 10, "", "")
        };
        assert_eq!(score(&l, &late).score, 40);
        assert_eq!(score(&l, &late).reasons, vec![Criterion::Category]);
    }

    #[test]
    fn categories_related_or_other_count_less_and_unrelated_nothing() {
        let l = lost(Category::Wallet, "", "");
        let s = |c: Category| score(&l, &found(c, 1, "", "")).score;
        assert_eq!(s(Category::Wallet), 40);
        // Without words in common another category is no candidate at all …
        assert_eq!(s(Category::Cash), 0);
        assert_eq!(s(Category::Other), 0);
        assert_eq!(s(Category::Umbrella), 0);
        // … with them, related and `other` count less than the same category.
        let l = lost(Category::Wallet, "", "棕色皮夹 里有现金");
        let s = |c: Category| score(&l, &found(c, 1, "", "棕色皮夹 现金")).score;
        assert!(
            s(Category::Wallet) > s(Category::Cash),
            "{}",
            s(Category::Cash)
        );
        assert!(s(Category::Cash) > s(Category::Other) && s(Category::Other) > 0);
        // Unrelated but described alike (a category chosen wrongly at the counter): shown, lowest.
        assert!(s(Category::Other) > s(Category::Umbrella) && s(Category::Umbrella) > 0);
    }

    #[test]
    fn korean_and_latin_descriptions_match_by_words() {
        let l = lost(Category::Wallet, "정문", "검은색 지갑");
        let good = found(Category::Wallet, 10, "정문 매표소", "검은색 가죽 지갑");
        let other = found(Category::Wallet, 10, "주차장", "빨간색 카드 지갑");
        assert!(score(&l, &good).score > score(&l, &other).score);
        let e = lost(Category::Phone, "", "black iPhone with a red case");
        let f = found(Category::Phone, 10, "", "iPhone, red case");
        assert!(score(&e, &f).reasons.contains(&Criterion::Description));
    }

    #[test]
    fn a_shared_colour_or_an_unrelated_category_is_not_evidence() {
        // Pink earbuds and a pink watch share only "粉色": no description reason.
        let l = lost(Category::Electronics, "", "粉色耳机");
        let m = score(&l, &found(Category::JewelleryWatch, 10, "", "粉色手表"));
        assert!(!m.reasons.contains(&Criterion::Description), "{m:?}");
        let k = lost(Category::Electronics, "", "초록색 이어폰");
        let m = score(&k, &found(Category::Phone, 10, "", "초록색 휴대폰"));
        assert!(!m.reasons.contains(&Criterion::Description), "{m:?}");
        // Earbuds and a thermos found at the same place the same day: not a candidate.
        let l = lost(Category::Electronics, "大堂", "粉色耳机");
        let m = score(&l, &found(Category::Umbrella, 10, "大堂", "黑色保温杯"));
        assert_eq!(m.score, 0);
        // A wallet filed as documents with the same words still shows.
        let l = lost(Category::Wallet, "", "棕色钱包 有身份证");
        let m = score(&l, &found(Category::Umbrella, 10, "", "棕色钱包 有身份证"));
        assert!(
            m.score > 0 && m.reasons.contains(&Criterion::Description),
            "{m:?}"
        );
    }

    #[test]
    fn private_features_may_raise_the_score() {
        let l = lost(Category::Wallet, "", "钱包 里面有身份证 张三");
        let mut f = found(Category::Wallet, 10, "", "钱包");
        let plain = score(&l, &f).score;
        f.private_features = Some("身份证 张三");
        assert!(score(&l, &f).score > plain);
    }
}
