//! Dates, times and numbers as each locale prints them on paper:
//! zh-CN `2026年11月24日 09:30`, ko `2026년 11월 24일 09:30`, en `24 Nov 2026 09:30`.
//! Callers convert to the counter's local time first (`ctx.tz()`), or use [`local_date_time`].

use crate::i18n::Locale;
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike, Utc};
use chrono_tz::Tz;

const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const EN_MONTHS_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar date: `2026年11月24日`, `2026년 11월 24일`, `24 Nov 2026`.
pub fn date(locale: Locale, d: NaiveDate) -> String {
    let (y, m, day) = (d.year(), d.month(), d.day());
    match locale {
        Locale::ZhCn => format!("{y}年{m}月{day}日"),
        Locale::Ko => format!("{y}년 {m}월 {day}일"),
        Locale::En => format!("{day} {} {y}", EN_MONTHS[m0(m)]),
    }
}

/// A time of day on the 24-hour clock, `09:30` in every locale.
pub fn time(t: NaiveDateTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// A local date and time: `2026年11月24日 09:30`, `2026년 11월 24일 09:30`, `24 Nov 2026 09:30`.
pub fn date_time(locale: Locale, t: NaiveDateTime) -> String {
    format!("{} {}", date(locale, t.date()), time(t))
}

/// [`date_time`] of an instant, shown in the counter's time zone.
pub fn local_date_time(locale: Locale, t: DateTime<Utc>, tz: Tz) -> String {
    date_time(locale, t.with_timezone(&tz).naive_local())
}

/// A month (monthly reports): `2026年11月`, `2026년 11월`, `November 2026`.
pub fn month(locale: Locale, year: i32, month: u32) -> String {
    match locale {
        Locale::ZhCn => format!("{year}年{month}月"),
        Locale::Ko => format!("{year}년 {month}월"),
        Locale::En => format!("{} {year}", EN_MONTHS_LONG[m0(month)]),
    }
}

/// A count or measured value as a chart or table shows it: whole numbers without decimals,
/// others with one (`12`, `3.5`), digits grouped by thousands with a comma in every locale
/// (the convention of all three).
pub fn number(value: f64) -> String {
    let neg = value < 0.0;
    let rounded = (value.abs() * 10.0).round() / 10.0;
    let whole = rounded.trunc() as u64;
    let tenth = ((rounded - rounded.trunc()) * 10.0).round() as u64;
    let digits = whole.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if neg && (whole > 0 || tenth > 0) {
        "-"
    } else {
        ""
    };
    if tenth == 0 {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{tenth}")
    }
}

fn m0(month: u32) -> usize {
    (month.clamp(1, 12) - 1) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn date_time_per_locale() {
        let t = at("2026-11-24 09:30");
        assert_eq!(date_time(Locale::ZhCn, t), "2026年11月24日 09:30");
        assert_eq!(date_time(Locale::Ko, t), "2026년 11월 24일 09:30");
        assert_eq!(date_time(Locale::En, t), "24 Nov 2026 09:30");
    }

    #[test]
    fn single_digit_days_and_months_are_not_padded() {
        let t = at("2027-01-05 18:05");
        assert_eq!(date_time(Locale::ZhCn, t), "2027年1月5日 18:05");
        assert_eq!(date_time(Locale::Ko, t), "2027년 1월 5일 18:05");
        assert_eq!(date_time(Locale::En, t), "5 Jan 2027 18:05");
    }

    #[test]
    fn instants_are_shown_in_the_counter_time_zone() {
        // 01:30 UTC is 09:30 in Shanghai and 10:30 in Seoul.
        let t = "2026-11-24T01:30:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(
            local_date_time(Locale::ZhCn, t, chrono_tz::Asia::Shanghai),
            "2026年11月24日 09:30"
        );
        assert_eq!(
            local_date_time(Locale::Ko, t, chrono_tz::Asia::Seoul),
            "2026년 11월 24일 10:30"
        );
        // The calendar day follows the zone, not UTC.
        let late = "2026-11-24T17:00:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(
            local_date_time(Locale::En, late, chrono_tz::Asia::Shanghai),
            "25 Nov 2026 01:00"
        );
    }

    #[test]
    fn months() {
        assert_eq!(month(Locale::ZhCn, 2026, 11), "2026年11月");
        assert_eq!(month(Locale::Ko, 2026, 11), "2026년 11월");
        assert_eq!(month(Locale::En, 2026, 11), "November 2026");
    }

    #[test]
    fn numbers() {
        assert_eq!(number(0.0), "0");
        assert_eq!(number(12.0), "12");
        assert_eq!(number(3.45), "3.5");
        assert_eq!(number(1234567.0), "1,234,567");
        assert_eq!(number(-1200.25), "-1,200.3");
        assert_eq!(number(-0.01), "0");
    }
}
