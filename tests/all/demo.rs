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
