//! When a found item still in custody must be handed on, by the counter's legal regime.
//!
//! [`due`] is the one rule, a pure function of local calendar dates so every regime, month end
//! and leap year is unit-tested here. A due date is the last local day on which the step is
//! still on time; the item is overdue from the day after.
//!
//! Below the rule: `lost_found.retention` (items in custody with due date and overdue flag,
//! overdue first) and the register's open items (valuables still to reach the custodian,
//! valuables in custody, hand-ons due within two days or overdue).

use super::{found_from_row, Category, FoundItem, FOUND_SELECT};
use crate::ctx::Ctx;
use crate::dashboard::{OpenItem, OpenKind};
use crate::error::Result;
use crate::i18n;
use crate::ids::FoundItemId;
use crate::profile::LegalRegime;
use crate::search::Register;
use crate::validate;
use chrono::{DateTime, Datelike, Days, Months, NaiveDate, TimeZone, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

/// What must happen by the due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum RetentionStep {
    /// KR: hand the item to the police (유실물법).
    Police,
    /// CN: notify and hand to public security, or post the public notice (招领公告).
    PublicSecurity,
    /// CN: one year after the notice, unclaimed property belongs to the state.
    State,
    /// Elsewhere: the custodian's monthly hand-over of unclaimed items to finance.
    Finance,
}

impl RetentionStep {
    pub fn as_str(self) -> &'static str {
        match self {
            RetentionStep::Police => "police",
            RetentionStep::PublicSecurity => "public_security",
            RetentionStep::State => "state",
            RetentionStep::Finance => "finance",
        }
    }
}

/// The profile's numbers the rule needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionRule {
    pub regime: LegalRegime,
    pub police_handover_days: i64,
    pub finance_holding_days: i64,
}

/// The next step for one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct RetentionDue {
    pub step: RetentionStep,
    /// The last local day on which the step is on time.
    pub due_date: NaiveDate,
    /// CN only: the day unclaimed property goes to the state (one year after the notice, or
    /// after the found date while no notice has been made).
    pub state_date: Option<NaiveDate>,
}

fn plus_days(d: NaiveDate, n: i64) -> NaiveDate {
    let n = n.max(0).unsigned_abs();
    d.checked_add_days(Days::new(n)).unwrap_or(NaiveDate::MAX)
}

/// One calendar year later; 29 February becomes 28 February.
fn plus_year(d: NaiveDate) -> NaiveDate {
    d.checked_add_months(Months::new(12))
        .unwrap_or(NaiveDate::MAX)
}

/// The first day of the first month starting on or after `d`.
fn first_of_month_on_or_after(d: NaiveDate) -> NaiveDate {
    if d.day() == 1 {
        return d;
    }
    let first = d.with_day(1).unwrap_or(d);
    first
        .checked_add_months(Months::new(1))
        .unwrap_or(NaiveDate::MAX)
}

/// The due date of an item found on local day `found`, with the CN public notice made on
/// local day `notice` (if any).
pub fn due(rule: RetentionRule, found: NaiveDate, notice: Option<NaiveDate>) -> RetentionDue {
    match rule.regime {
        LegalRegime::Kr => RetentionDue {
            step: RetentionStep::Police,
            due_date: plus_days(found, rule.police_handover_days),
            state_date: None,
        },
        LegalRegime::Cn => {
            let state_date = plus_year(notice.unwrap_or(found));
            match notice {
                // The notice is made: the desk keeps the item until it goes to the state.
                Some(_) => RetentionDue {
                    step: RetentionStep::State,
                    due_date: state_date,
                    state_date: Some(state_date),
                },
                None => RetentionDue {
                    step: RetentionStep::PublicSecurity,
                    due_date: plus_days(found, rule.police_handover_days).min(state_date),
                    state_date: Some(state_date),
                },
            }
        }
        LegalRegime::Other => RetentionDue {
            step: RetentionStep::Finance,
            due_date: first_of_month_on_or_after(plus_days(found, rule.finance_holding_days)),
            state_date: None,
        },
    }
}

// ---------------------------------------------------------------------------------------------
// The register's view: items in custody with their due dates, and the open items.

pub(super) fn rule(ctx: &Ctx) -> RetentionRule {
    RetentionRule {
        regime: ctx.profile.legal_regime,
        police_handover_days: ctx.profile.police_handover_days,
        finance_holding_days: ctx.profile.finance_holding_days,
    }
}

pub fn retention_of(ctx: &Ctx, f: &FoundItem) -> RetentionDue {
    due(
        rule(ctx),
        ctx.local_date(f.found_at),
        f.notice_at.map(|t| ctx.local_date(t)),
    )
}

fn in_custody(conn: &Connection) -> Result<Vec<FoundItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{FOUND_SELECT} WHERE f.status = 'in_custody' ORDER BY f.found_at, f.id"
    ))?;
    let rows = stmt.query_map([], found_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The items in custody at instant `at`: registered by then and not claimed or handed on before
/// it (a shift's handover printed later shows the cabinet as it stood when the shift closed).
pub fn in_custody_at(conn: &Connection, at: DateTime<Utc>) -> Result<Vec<FoundItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{FOUND_SELECT} WHERE f.created_at <= ?1 AND (f.status = 'in_custody' OR f.closed_at > ?1)
         ORDER BY f.found_at, f.id"
    ))?;
    let rows = stmt.query_map([crate::db::ts(&at)], found_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The start of local day `d` at the counter, in UTC.
pub(super) fn local_midnight(ctx: &Ctx, d: NaiveDate) -> DateTime<Utc> {
    let naive = d.and_time(chrono::NaiveTime::MIN);
    ctx.tz()
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&naive))
}

/// The end of local day `d` (the start of the next) in UTC.
pub(super) fn end_of_local_day(ctx: &Ctx, d: NaiveDate) -> DateTime<Utc> {
    local_midnight(ctx, d.succ_opt().unwrap_or(d))
}

/// The last minute of local day `d`: what a due time "by 1 December" shows (23:59 that day,
/// not 00:00 the next, which reads as a day later).
fn last_minute_of_local_day(ctx: &Ctx, d: NaiveDate) -> DateTime<Utc> {
    end_of_local_day(ctx, d) - chrono::Duration::minutes(1)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct RetentionRequest {
    /// Only items due within this many days (overdue ones always).
    #[serde(default)]
    pub within_days: Option<i64>,
}

/// An item in custody and when it must be handed on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct RetentionRow {
    pub id: FoundItemId,
    pub code: String,
    pub category: Category,
    pub description: String,
    pub found_at: DateTime<Utc>,
    pub found_date: NaiveDate,
    pub valuable: bool,
    pub holder_name: String,
    pub storage_location: String,
    pub notice_at: Option<DateTime<Utc>>,
    pub step: RetentionStep,
    pub due_date: NaiveDate,
    pub state_date: Option<NaiveDate>,
    /// Days from today to the due date (negative when overdue).
    pub days_left: i64,
    pub overdue: bool,
}

fn retention_rows(conn: &Connection, ctx: &Ctx) -> Result<Vec<(FoundItem, RetentionRow)>> {
    let today = ctx.today();
    let mut rows: Vec<(FoundItem, RetentionRow)> = in_custody(conn)?
        .into_iter()
        .map(|f| {
            let due = retention_of(ctx, &f);
            let days_left = (due.due_date - today).num_days();
            let row = RetentionRow {
                id: f.id,
                code: f.code.clone(),
                category: f.category,
                description: f.description.clone(),
                found_at: f.found_at,
                found_date: ctx.local_date(f.found_at),
                valuable: f.valuable,
                holder_name: f.holder_name.clone(),
                storage_location: f.storage_location.clone(),
                notice_at: f.notice_at,
                step: due.step,
                due_date: due.due_date,
                state_date: due.state_date,
                days_left,
                overdue: days_left < 0,
            };
            (f, row)
        })
        .collect();
    rows.sort_by(|(_, a), (_, b)| {
        b.overdue
            .cmp(&a.overdue)
            .then_with(|| a.due_date.cmp(&b.due_date))
            .then_with(|| a.code.cmp(&b.code))
    });
    Ok(rows)
}

pub fn retention_list(
    conn: &Connection,
    ctx: &Ctx,
    req: RetentionRequest,
) -> Result<Vec<RetentionRow>> {
    let within = req
        .within_days
        .map(|d| validate::int_range("within_days", d, 0, 3660))
        .transpose()?;
    Ok(retention_rows(conn, ctx)?
        .into_iter()
        .map(|(_, r)| r)
        .filter(|r| within.is_none_or(|d| r.days_left <= d))
        .collect())
}

/// Items due within this many days are open items.
const RETENTION_WARN_DAYS: i64 = 2;

fn short(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(MAX).collect();
        t.push('…');
        t
    }
}

/// Valuables to pass to the custodian, valuables in custody, retention dues (never private
/// features).
pub fn open_items(conn: &Connection, ctx: &Ctx) -> Result<Vec<OpenItem>> {
    let locale = ctx.locale();
    let mut out = Vec::new();
    for (f, r) in retention_rows(conn, ctx)? {
        let category = f.category.label(locale);
        let description = short(&f.description);
        let item = |kind: OpenKind, summary: String, due_at, overdue| OpenItem {
            kind,
            register: Register::FoundItem,
            record_id: f.id.0,
            code: f.code.clone(),
            summary,
            due_at: Some(due_at),
            overdue,
        };
        // The due date is the item's `due_at` (shown and printed beside the summary), not words
        // in it.
        let due_at = last_minute_of_local_day(ctx, r.due_date);
        if r.days_left <= RETENTION_WARN_DAYS {
            let step = i18n::tr(locale, &format!("retention_step.{}", r.step.as_str()));
            out.push(item(
                OpenKind::RetentionDue,
                i18n::tr_args(
                    locale,
                    "open_item.retention_due",
                    &[
                        ("category", &category),
                        ("description", &description),
                        ("step", &step),
                    ],
                ),
                due_at,
                r.overdue,
            ));
        }
        if f.valuable && f.custodian_since.is_none() {
            let end_of_day = end_of_local_day(ctx, r.found_date);
            out.push(item(
                OpenKind::ValuableToCustodian,
                i18n::tr_args(
                    locale,
                    "open_item.valuable_to_custodian",
                    &[
                        ("category", &category),
                        ("description", &description),
                        ("holder", &f.holder_name),
                    ],
                ),
                last_minute_of_local_day(ctx, r.found_date),
                ctx.now >= end_of_day,
            ));
        }
        if f.valuable {
            out.push(item(
                OpenKind::FoundItemInCustody,
                i18n::tr_args(
                    locale,
                    "open_item.found_item_in_custody",
                    &[
                        ("category", &category),
                        ("description", &description),
                        ("holder", &f.holder_name),
                        ("storage", &f.storage_location),
                    ],
                ),
                due_at,
                r.overdue,
            ));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn rule(regime: LegalRegime) -> RetentionRule {
        RetentionRule {
            regime,
            police_handover_days: 7,
            finance_holding_days: 30,
        }
    }

    #[test]
    fn korea_hands_to_police_within_the_set_days() {
        let r = due(rule(LegalRegime::Kr), d("2026-11-24"), None);
        assert_eq!(r.step, RetentionStep::Police);
        assert_eq!(r.due_date, d("2026-12-01"));
        assert_eq!(r.state_date, None);
        // Across a year end, and a notice changes nothing in Korea.
        let r = due(
            rule(LegalRegime::Kr),
            d("2026-12-28"),
            Some(d("2026-12-29")),
        );
        assert_eq!(r.due_date, d("2027-01-04"));
        let short = RetentionRule {
            police_handover_days: 1,
            ..rule(LegalRegime::Kr)
        };
        assert_eq!(due(short, d("2028-02-28"), None).due_date, d("2028-02-29"));
    }

    #[test]
    fn china_notifies_public_security_then_the_state_a_year_after_the_notice() {
        let r = due(rule(LegalRegime::Cn), d("2026-11-24"), None);
        assert_eq!(r.step, RetentionStep::PublicSecurity);
        assert_eq!(r.due_date, d("2026-12-01"));
        assert_eq!(r.state_date, Some(d("2027-11-24")), "a year after finding");
        let r = due(
            rule(LegalRegime::Cn),
            d("2026-11-24"),
            Some(d("2026-11-26")),
        );
        assert_eq!(r.step, RetentionStep::State);
        assert_eq!(r.due_date, d("2027-11-26"));
        assert_eq!(r.state_date, Some(d("2027-11-26")));
    }

    #[test]
    fn china_year_after_a_leap_day_ends_on_28_february() {
        let r = due(
            rule(LegalRegime::Cn),
            d("2028-02-20"),
            Some(d("2028-02-29")),
        );
        assert_eq!(r.due_date, d("2029-02-28"));
        let r = due(rule(LegalRegime::Cn), d("2028-02-29"), None);
        assert_eq!(r.state_date, Some(d("2029-02-28")));
        assert_eq!(r.due_date, d("2028-03-07"));
    }

    #[test]
    fn elsewhere_finance_takes_items_on_the_first_of_the_next_month_after_holding() {
        let other = rule(LegalRegime::Other);
        // 2026-11-24 + 30 = 2026-12-24 → 2027-01-01.
        let r = due(other, d("2026-11-24"), None);
        assert_eq!(r.step, RetentionStep::Finance);
        assert_eq!(r.due_date, d("2027-01-01"));
        // Landing on a first of month keeps that day.
        assert_eq!(due(other, d("2026-10-02"), None).due_date, d("2026-11-01"));
        // 2026-12-02 + 30 = 2027-01-01.
        assert_eq!(due(other, d("2026-12-02"), None).due_date, d("2027-01-01"));
        // Month ends: 31 Jan + 30 = 2 March (non-leap) → 1 April; leap year: 1 March stays.
        assert_eq!(due(other, d("2027-01-31"), None).due_date, d("2027-04-01"));
        assert_eq!(due(other, d("2028-01-31"), None).due_date, d("2028-03-01"));
        // 30 Jan 2028 + 30 = 29 Feb 2028 → 1 March.
        assert_eq!(due(other, d("2028-01-30"), None).due_date, d("2028-03-01"));
        let long = RetentionRule {
            finance_holding_days: 365,
            ..other
        };
        assert_eq!(due(long, d("2028-03-01"), None).due_date, d("2029-03-01"));
    }
}
