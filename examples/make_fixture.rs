//! Writes `tests/fixtures/schema-v5.sqlite3`: a small counter (two demo days) made with the
//! schema as it was at version 5, before `0006_search_idle_merge`. The upgrade test opens a
//! copy with the current program. Re-run only to make a fixture for a new old version:
//! `cargo run --example make_fixture`.

use chrono::{TimeZone, Utc};
use frontdesk::db::Db;
use frontdesk::demo::{self, DemoOptions, Scale};
use frontdesk::i18n::Locale;
use frontdesk::Desk;

fn main() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v5.sqlite3");
    let _ = std::fs::remove_file(&path);
    let db = Db::open_at_version(&path, 5).expect("open at version 5");
    let mut desk = Desk::new(db);
    let opts = DemoOptions {
        locale: Locale::ZhCn,
        days: 2,
        scale: Scale {
            log_entries: 12,
            parcels: 16,
            found_items: 4,
            lost_reports: 3,
            complaints: 3,
        },
        seed: 5,
        mixed: true,
    };
    let now = Utc.with_ymd_and_hms(2026, 11, 20, 6, 0, 0).unwrap();
    let summary = demo::fill(&mut desk, &opts, now, |_, _| {}).expect("demo");
    desk.conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE; VACUUM;")
        .expect("compact");
    println!("{} written: {summary:?}", path.display());
}
