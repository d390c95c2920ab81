//! Storage: migrations, the audit chain and its tamper detection, backup and restore, export.
use crate::common::*;
use frontdesk::backup;
use frontdesk::db::{self, Db};
use frontdesk::export::{self, ExportRegister};
use frontdesk::i18n::Locale;
use frontdesk::Desk;

fn file_desk(dir: &std::path::Path) -> (std::path::PathBuf, Desk) {
    let path = dir.join("counter.sqlite3");
    let mut d = desk();
    // Move the fixture counter into a file via the backup API, then open that file.
    backup::backup_to(d.db(), &path).unwrap();
    call(
        &mut d,
        "admin",
        "2026-11-02 09:00",
        "profile.get",
        json!({}),
    );
    (path.clone(), Desk::open(&path).unwrap())
}

#[test]
fn migrations_apply_in_order_and_an_edited_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.sqlite3");
    {
        let db = Db::open(&path).unwrap();
        assert_eq!(db.schema_version().unwrap(), db::latest_version());
        let n: i64 = db
            .conn()
            .query_row("SELECT count(*) FROM schema_migration", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, db::MIGRATIONS.len() as i64);
        // Every table is STRICT.
        let loose: Vec<String> = db
            .conn()
            .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(loose.is_empty(), "tables not STRICT: {loose:?}");
        // Pretend the shipped migration 1 was edited after this file was made.
        db.conn()
            .execute(
                "UPDATE schema_migration SET sha256 = 'edited' WHERE version = 1",
                [],
            )
            .unwrap();
    }
    match Db::open(&path) {
        Err(frontdesk::Error::Corrupt(msg)) => assert!(msg.contains("migration 1"), "{msg}"),
        other => panic!(
            "an edited migration must be refused, got {:?}",
            other.map(|_| ())
        ),
    }
}

#[test]
fn opening_twice_is_idempotent_and_pragmas_are_set() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sqlite3");
    drop(Db::open(&path).unwrap());
    let db = Db::open(&path).unwrap();
    let mode: String = db
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = db
        .conn()
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let fts5: i64 = db
        .conn()
        .query_row("SELECT sqlite_compileoption_used('ENABLE_FTS5')", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fts5, 1);
}

#[test]
fn audit_chain_verifies_and_catches_an_edit_behind_the_programs_back() {
    let mut d = desk();
    call(
        &mut d,
        "admin",
        "2026-11-02 09:00",
        "staff.update",
        json!({"id": 2, "phone": "13800000000", "reason": "新号码"}),
    );
    let report = call(
        &mut d,
        "admin",
        "2026-11-02 09:01",
        "audit.verify",
        json!({}),
    );
    assert_eq!(report["broken"], serde_json::Value::Null);
    let events = report["events"].as_i64().unwrap();
    assert!(events >= 7);

    // The program itself cannot rewrite history.
    let refused = d
        .conn()
        .execute("UPDATE audit_log SET actor = 'x' WHERE seq = 3", []);
    assert!(refused.is_err());
    let refused = d.conn().execute("DELETE FROM audit_log WHERE seq = 3", []);
    assert!(refused.is_err());

    // Someone with plain SQL drops the guard and edits event 3.
    d.conn()
        .execute_batch("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET after = replace(after, '王芳', '王五') WHERE seq = 3;")
        .unwrap();
    let report = call(
        &mut d,
        "admin",
        "2026-11-02 09:02",
        "audit.verify",
        json!({}),
    );
    assert_eq!(report["broken"]["seq"], 3);
    assert_eq!(report["events"], 2, "events before the broken one");
}

#[test]
fn audit_chain_catches_a_deleted_and_a_relinked_event() {
    let d = desk();
    d.conn()
        .execute_batch("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 2;")
        .unwrap();
    let r = frontdesk::audit::verify(d.conn()).unwrap();
    assert_eq!(r.broken.unwrap().seq, 3, "a gap in the sequence");

    let d = desk();
    d.conn()
        .execute_batch(
            "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET hash = 'f00' WHERE seq = 4;",
        )
        .unwrap();
    let r = frontdesk::audit::verify(d.conn()).unwrap();
    assert_eq!(r.broken.unwrap().seq, 4);
}

#[test]
fn history_shows_who_changed_what_when_and_why() {
    let mut d = desk();
    call(
        &mut d,
        "admin",
        "2026-11-03 10:00",
        "staff.update",
        json!({"id": 2, "role": "supervisor", "reason": "升职"}),
    );
    let h = call(
        &mut d,
        "li",
        "2026-11-03 10:05",
        "history",
        json!({"code": "ST-000002"}),
    );
    let h = h.as_array().unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(h[0]["action"], "create");
    assert_eq!(h[1]["action"], "amend");
    assert_eq!(h[1]["actor"], "admin");
    assert_eq!(h[1]["reason"], "升职");
    assert_eq!(h[1]["before"]["role"], "receptionist");
    assert_eq!(h[1]["after"]["role"], "supervisor");
    assert_eq!(
        h[1]["at"],
        t("2026-11-03 10:00").to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    );
}

#[test]
fn backup_is_verified_and_restore_refuses_a_tampered_file() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut d) = file_desk(dir.path());
    call(
        &mut d,
        "admin",
        "2026-11-02 09:00",
        "staff.add",
        json!({"login": "park", "name": "박서준", "role": "receptionist"}),
    );
    let bak = dir.path().join("backups/one.sqlite3");
    let check = backup::backup_to(d.db(), &bak).unwrap();
    assert!(check.ok() && check.integrity_ok && check.audit_ok);
    assert_eq!(check.schema_version, db::latest_version());

    // Work goes on after the backup, then the backup is restored.
    call(
        &mut d,
        "admin",
        "2026-11-02 10:00",
        "staff.add",
        json!({"login": "choi", "name": "최유진", "role": "receptionist"}),
    );
    drop(d);
    let restored = backup::restore(&path, &bak, "20261102T100500Z").unwrap();
    let saved = restored.previous_saved_to.unwrap();
    assert!(saved.exists(), "the database before the restore is kept");
    let mut d = Desk::open(&path).unwrap();
    let staff = call(&mut d, "admin", "2026-11-02 10:10", "staff.list", json!({}));
    let logins: Vec<&str> = staff
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["login"].as_str().unwrap())
        .collect();
    assert!(logins.contains(&"park"));
    assert!(!logins.contains(&"choi"), "restored to the backup's state");
    drop(d);

    // A tampered backup is refused and the database is left as it was.
    let bad = dir.path().join("bad.sqlite3");
    std::fs::copy(&bak, &bad).unwrap();
    {
        let c = rusqlite::Connection::open(&bad).unwrap();
        c.execute_batch("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 2;").unwrap();
    }
    let err = backup::restore(&path, &bad, "x").unwrap_err();
    assert_eq!(err.code(), frontdesk::ErrorCode::Corrupt);
    let garbage = dir.path().join("garbage.sqlite3");
    std::fs::write(&garbage, b"this is not a database at all, just some bytes").unwrap();
    assert!(backup::restore(&path, &garbage, "y").is_err());
    let mut d = Desk::open(&path).unwrap();
    let staff = call(&mut d, "admin", "2026-11-02 10:20", "staff.list", json!({}));
    assert!(staff
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["login"] == "park"));
}

#[test]
fn csv_export_has_a_bom_local_times_translated_headers_and_xlsx_opens() {
    let d = desk();
    let rows = export::rows(d.conn(), ExportRegister::Staff, Locale::ZhCn, TZ).unwrap();
    assert_eq!(rows[0][1], "账号");
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[1][6], "2026-11-01 08:00:00", "local time, not UTC");
    let csv = export::to_csv(&rows).unwrap();
    assert_eq!(&csv[..3], &[0xEF, 0xBB, 0xBF]);
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    assert!(text.contains("김민지"));
    let xlsx = export::to_xlsx(&rows, "staff").unwrap();
    assert_eq!(&xlsx[..2], b"PK", "an xlsx is a zip");
}

#[test]
fn a_database_made_by_schema_version_5_upgrades_with_its_records_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/schema-v5.sqlite3"
        ),
        &path,
    )
    .unwrap();
    let count = |c: &rusqlite::Connection, t: &str| -> i64 {
        c.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    };
    let before: Vec<i64> = {
        let c = rusqlite::Connection::open(&path).unwrap();
        let v: u32 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 5, "the fixture is from schema version 5");
        [
            "audit_log",
            "parcel",
            "found_item",
            "log_entry",
            "complaint",
        ]
        .iter()
        .map(|t| count(&c, t))
        .collect()
    };
    assert!(
        before.iter().all(|n| *n > 0),
        "the fixture holds records: {before:?}"
    );

    let mut d = Desk::open(&path).unwrap();
    assert_eq!(d.db().schema_version().unwrap(), db::latest_version());
    let after: Vec<i64> = [
        "audit_log",
        "parcel",
        "found_item",
        "log_entry",
        "complaint",
    ]
    .iter()
    .map(|t| count(d.conn(), t))
    .collect();
    assert_eq!(after, before, "no record lost or added by the upgrade");
    assert!(frontdesk::audit::verify(d.conn()).unwrap().ok());
    // Migration 6 switched the search index's automatic merging off (merges run when idle).
    let automerge: i64 = d
        .conn()
        .query_row(
            "SELECT v FROM search_fts_config WHERE k = 'automerge'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(automerge, 0);
    // The upgraded counter works: search finds old records, new ones can be written.
    let hits = call(
        &mut d,
        "admin",
        "2026-11-20 15:00",
        "search",
        json!({"q": "PC-000001"}),
    );
    assert_eq!(hits[0]["code"], "PC-000001");
    let p = call(
        &mut d,
        "wang",
        "2026-11-20 15:00",
        "parcel.receive",
        json!({"kind": "letter", "recipient_name": "升级测试"}),
    );
    assert_eq!(p["status"], "received");
    d.maintain().unwrap();
}
