//! When a found item still in custody must be handed on, by the counter's legal regime.
//!
//! [`due`] is the one rule, a pure function of local calendar dates so every regime, month end
//! and leap year is unit-tested here. A due date is the last local day on which the step is
//! still on time; the item is overdue from the day after.

use crate::profile::LegalRegime;
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// What must happen by the due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
