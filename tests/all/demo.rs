//! The demo counter: a few simulated days through every register obey every rule.
use crate::common::*;
use frontdesk::demo::{self, DemoOptions, Scale};
use frontdesk::i18n::Locale;
use frontdesk::Desk;

fn count(d: &Desk, table: &str) -> i64 {
    d.conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_demo_week_fills_every_register_and_verifies() {
    for (locale, word) in [(Locale::ZhCn, "楼道"), (Locale::Ko, "엘리베이터")] {
        let mut d = Desk::open_in_memory().unwrap();
        let opts = DemoOptions {
            locale,
            days: 7,
            scale: Scale::DEMO,
            seed: 1,
            mixed: false,
        };
        let mut days_seen = 0;
        let s = demo::fill(&mut d, &opts, t("2026-11-24 15:00"), |day, _| {
            days_seen = day
        })
        .unwrap();
        assert_eq!(days_seen, 7);
        assert_eq!(
            s.shifts, 13,
            "two shifts a day, the last day's day shift still open"
        );
        assert!(
            s.parcels > 100 && s.log_entries > 100 && s.found_items > 10 && s.complaints > 10,
            "{s:?}"
        );
        assert_eq!(count(&d, "shift") as u64, s.shifts);
        assert!(count(&d, "handover") >= 12);
        assert!(count(&d, "claim") > 0, "lost reports led to claims: {s:?}");
        assert!(frontdesk::audit::verify(d.conn()).unwrap().ok());
        let current = call(
            &mut d,
            "admin",
            "2026-11-24 15:00",
            "shift.current",
            json!({}),
        );
        assert_eq!(current["shift"]["status"], "open");
        let hits = call(
            &mut d,
            "admin",
            "2026-11-24 15:00",
            "search",
            json!({"q": word}),
        );
        assert!(
            !hits.as_array().unwrap().is_empty(),
            "search finds {word} in the demo's duty log"
        );
        // A second fill of the same database is refused.
        assert!(demo::fill(&mut d, &opts, t("2026-11-24 15:00"), |_, _| {}).is_err());
    }
}

/// Whatever the hour, the demo writes nothing later than `now` and leaves the shift at work
/// open: before 08:00 and after 20:00 that is the night shift (a list sorted newest first must
/// show a new entry at the top).
#[test]
fn a_demo_filled_at_night_ends_with_the_night_shift_and_nothing_later_than_now() {
    // The counter's local times: before the day shift, just into it, in the evening.
    for (now, night) in [
        ("2026-12-02 00:40", true),
        ("2026-12-02 07:58", true),
        ("2026-12-02 08:01", false),
        ("2026-12-02 13:30", false),
        ("2026-12-02 21:30", true),
    ] {
        let mut d = Desk::open_in_memory().unwrap();
        let opts = DemoOptions {
            locale: Locale::ZhCn,
            days: 2,
            scale: Scale::DEMO,
            seed: 3,
            mixed: false,
        };
        demo::fill(&mut d, &opts, t(now), |_, _| {}).unwrap();
        let latest: String = d
            .conn()
            .query_row("SELECT max(at) FROM audit_log", [], |r| r.get(0))
            .unwrap();
        let latest: chrono::DateTime<chrono::Utc> = latest.parse().unwrap();
        assert!(latest <= t(now), "{now}: an event at {latest}");
        let current = call(&mut d, "admin", now, "shift.current", json!({}));
        assert_eq!(current["shift"]["status"], "open", "{now}");
        let opened: chrono::DateTime<chrono::Utc> = current["shift"]["opened_at"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        let hour = opened
            .with_timezone(&chrono_tz::Asia::Shanghai)
            .format("%H")
            .to_string();
        assert_eq!(hour == "20", night, "{now}: opened at {opened}");
    }
}
