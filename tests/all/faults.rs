//! Fault cases: a full disk, a read-only database, a damaged file, a locked database (a second
//! app instance, the CLI's backup). Each: a clear translated error, reads keep working, nothing
//! saved earlier changes, no corruption, and saving works again once the fault is gone.
use crate::common::*;
use frontdesk::backup::{self, HealthProblem};
use frontdesk::db::{self, Db};
use frontdesk::{Desk, ErrorCode};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The fixture counter moved into a file, with an open shift and one saved log entry.
fn file_desk(dir: &Path) -> (PathBuf, Desk) {
    let path = dir.join("counter.sqlite3");
    backup::backup_to(desk().db(), &path).unwrap();
    let mut d = Desk::open(&path).unwrap();
    call(&mut d, "wang", "2026-11-24 08:30", "shift.open", json!({}));
    call(
        &mut d,
        "wang",
        "2026-11-24 08:40",
        "log.add",
        json!({"kind": "call", "content": "3-502 业主来电：楼道灯不亮"}),
    );
    (path, d)
}

fn log_entry(content: &str) -> Value {
    json!({"kind": "note", "content": content})
}

/// Everything saved so far, as the counter would see it.
fn saved(d: &mut Desk) -> (Value, i64) {
    let list = call(
        d,
        "wang",
        "2026-11-24 10:00",
        "log.list",
        json!({"from": "2026-11-24", "to": "2026-11-24"}),
    );
    (list, audit_len(d))
}

fn set_max_pages(d: &Desk, pages: i64) {
    // A constant integer, not user input.
    let _: i64 = d
        .conn()
        .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |r| {
            r.get(0)
        })
        .unwrap();
}

#[test]
fn a_full_disk_refuses_the_save_keeps_reading_changes_nothing_and_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut d) = file_desk(dir.path());
    let pages: i64 = d
        .conn()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    // The file may not grow: the disk is full.
    set_max_pages(&d, pages);
    let long = "满".repeat(1900);
    let mut refused = None;
    for i in 0..200 {
        let before = saved(&mut d);
        match d.call_api(
            "wang",
            t("2026-11-24 09:00"),
            "log.add",
            log_entry(&format!("{i} {long}")),
        ) {
            Ok(_) => continue,
            Err(e) => {
                assert_eq!(saved(&mut d), before, "a refused save changed nothing");
                refused = Some(e);
                break;
            }
        }
    }
    let e = refused.expect("the full disk refused a save");
    assert_eq!(e.code, ErrorCode::StorageFull);
    assert_eq!(e.message, "磁盘已满，未保存任何内容。请释放空间后重试。");
    let en = frontdesk::Error::Sqlite(rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
        None,
    ));
    assert_eq!(
        en.to_api(frontdesk::i18n::Locale::Ko).message,
        "디스크가 가득 찼습니다. 아무것도 저장되지 않았습니다. 공간을 확보한 후 다시 시도하세요."
    );

    // The counter keeps working for reads: lists, search, the Today screen.
    let (list, _) = saved(&mut d);
    assert!(list.to_string().contains("楼道灯不亮"));
    let hits = call(
        &mut d,
        "wang",
        "2026-11-24 10:00",
        "search",
        json!({"q": "楼道灯"}),
    );
    assert_eq!(hits.as_array().unwrap().len(), 1);
    call(
        &mut d,
        "wang",
        "2026-11-24 10:00",
        "today.open_items",
        json!({}),
    );

    // Space returns: the same save goes through, and the file is sound.
    set_max_pages(&d, 1 << 30);
    let before = audit_len(&d);
    call(
        &mut d,
        "wang",
        "2026-11-24 10:05",
        "log.add",
        log_entry(&format!("again {long}")),
    );
    assert_eq!(audit_len(&d), before + 1);
    assert!(d.health().ok);
}

#[test]
fn a_read_only_database_refuses_saves_with_a_clear_error_and_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut writer) = file_desk(dir.path());
    let before = saved(&mut writer);

    // The file opened read-only (a write-protected file or medium opens this way).
    let mut ro = Desk::new(Db::open_read_only(&path).unwrap());
    let e = ro
        .call_api(
            "wang",
            t("2026-11-24 09:00"),
            "log.add",
            log_entry("写不进去"),
        )
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::ReadOnly);
    assert_eq!(e.message, "数据库为只读，无法写入，未保存任何内容。");
    assert_eq!(saved(&mut ro), before, "reads work, nothing changed");
    drop(ro);

    // A write-protected file: only testable when the permission binds (not as root).
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms.clone()).unwrap();
    let binds = std::fs::OpenOptions::new().write(true).open(&path).is_err();
    if binds {
        drop(writer);
        let mut d = Desk::open(&path).unwrap();
        let e = d
            .call_api("wang", t("2026-11-24 09:00"), "log.add", log_entry("x"))
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::ReadOnly);
        assert_eq!(saved(&mut d), before);
        drop(d);
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        std::fs::set_permissions(&path, perms).unwrap();
        writer = Desk::open(&path).unwrap();
    } else {
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        std::fs::set_permissions(&path, perms).unwrap();
    }
    // Writable again: saving works.
    call(
        &mut writer,
        "wang",
        "2026-11-24 09:10",
        "log.add",
        log_entry("又能保存了"),
    );
    assert_eq!(audit_len(&writer), before.1 + 1);
}

/// Overwrite pages `from..to` (1-based) of a checkpointed file with garbage.
fn damage(path: &Path, pages: std::ops::Range<u64>) {
    use std::io::{Seek, SeekFrom, Write};
    let page_size = 4096u64;
    let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    for p in pages {
        f.seek(SeekFrom::Start((p - 1) * page_size)).unwrap();
        let junk: Vec<u8> = (0..page_size)
            .map(|i| (i * 7 + p * 13) as u8 ^ 0xA5)
            .collect();
        f.write_all(&junk).unwrap();
    }
}

#[test]
fn a_damaged_file_is_reported_plainly_and_the_newest_good_backup_is_offered() {
    let dir = tempfile::tempdir().unwrap();
    let (path, d) = file_desk(dir.path());
    let good = d
        .auto_backup(None, t("2026-11-24 09:00"), backup::Trigger::Daily)
        .unwrap();
    assert!(d.health().ok);
    d.conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    let pages: u64 = d
        .conn()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    drop(d);
    damage(&path, 3..pages.min(40));

    // The start-up check, without opening the file for writing.
    let h = backup::health(&path, &backup::default_dir(&path));
    assert!(!h.ok);
    assert_eq!(h.problem_kind, Some(HealthProblem::Damaged), "{h:?}");
    assert!(h.problem.is_some());
    assert_eq!(
        h.newest_good_backup.as_deref(),
        Some(good.file.path.as_path())
    );

    // Opening it for work: a `corrupt` error, or a desk whose check says so; never a panic.
    match Desk::open(&path) {
        Err(e) => assert_eq!(e.code(), ErrorCode::Corrupt, "{e}"),
        Ok(mut d) => {
            let h = d.health();
            assert_eq!(h.problem_kind, Some(HealthProblem::Damaged));
            assert_eq!(
                h.newest_good_backup.as_deref(),
                Some(good.file.path.as_path())
            );
            if let Err(e) = d.call_api("wang", t("2026-11-24 10:00"), "log.list", json!({})) {
                assert_eq!(e.code, ErrorCode::Corrupt);
                assert!(e.message.starts_with("数据库校验失败"), "{}", e.message);
            }
        }
    }

    // A file whose first page (the header) is garbage is not a database at all.
    let wrecked = dir.path().join("wrecked.sqlite3");
    std::fs::copy(&path, &wrecked).unwrap();
    damage(&wrecked, 1..2);
    let e = Desk::open(&wrecked).map(|_| ()).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Corrupt, "{e}");
    let h = backup::health(&wrecked, &backup::default_dir(&path));
    assert!(!h.ok && h.newest_good_backup.is_some());

    // The offer taken: restore the newest good backup, and the counter is whole again. The
    // damaged file cannot be copied through SQLite: it is kept aside byte for byte.
    let damaged_bytes = std::fs::read(&path).unwrap();
    let restored = backup::restore(&path, &good.file.path, "20261124T100000Z").unwrap();
    assert_eq!(restored.previous_saved_to, None);
    let aside = restored
        .damaged_kept_at
        .expect("the damaged file kept aside");
    assert!(aside
        .to_string_lossy()
        .ends_with("counter.sqlite3.damaged-20261124T100000Z"));
    assert_eq!(std::fs::read(&aside).unwrap(), damaged_bytes);
    let mut d = Desk::open(&path).unwrap();
    assert!(d.health().ok);
    let (list, _) = saved(&mut d);
    assert!(list.to_string().contains("楼道灯不亮"));
}

#[test]
fn a_tampered_audit_row_fails_the_start_up_check() {
    let dir = tempfile::tempdir().unwrap();
    let (path, d) = file_desk(dir.path());
    d.auto_backup(None, t("2026-11-24 09:00"), backup::Trigger::Daily)
        .unwrap();
    d.conn()
        .execute_batch("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 4;")
        .unwrap();
    let h = d.health();
    assert!(!h.ok);
    assert_eq!(h.problem_kind, Some(HealthProblem::AuditBroken));
    assert!(h.problem.as_deref().unwrap().contains("event 4"), "{h:?}");
    assert_eq!(h.audit_events, 3, "events verified before the broken one");
    assert!(h.newest_good_backup.is_some());
    let h = backup::health(&path, &backup::default_dir(&path));
    assert_eq!(h.problem_kind, Some(HealthProblem::AuditBroken));
    // The report crosses to the UI as JSON.
    let v = serde_json::to_value(&h).unwrap();
    assert_eq!(v["problem_kind"], "audit_broken");
    // The UI translates each kind: `health.<kind>` in every language.
    use frontdesk::i18n::{catalogue, lookup, Locale};
    for kind in [
        HealthProblem::Unreadable,
        HealthProblem::Damaged,
        HealthProblem::AuditBroken,
        HealthProblem::NewerSchema,
    ] {
        let key = format!(
            "health.{}",
            serde_json::to_value(kind).unwrap().as_str().unwrap()
        );
        for l in Locale::ALL {
            assert!(catalogue(l).contains_key(key.as_str()), "{l} lacks {key}");
        }
    }
    assert_eq!(
        lookup(Locale::ZhCn, "health.audit_broken"),
        Some("审计记录校验失败：有人修改或删除了操作记录。")
    );
}

#[test]
fn a_locked_database_makes_a_writer_wait_the_busy_timeout_then_fail_with_busy() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut app) = file_desk(dir.path());
    let mut second = Desk::open(&path).unwrap();
    let before = saved(&mut app);

    // The second instance holds the write lock (a long import, say).
    second.begin_batch().unwrap();
    let started = Instant::now();
    let e = app
        .call_api("wang", t("2026-11-24 09:00"), "log.add", log_entry("等待"))
        .unwrap_err();
    let waited = started.elapsed();
    assert_eq!(e.code, ErrorCode::Busy);
    assert_eq!(e.message, "数据库正被其他程序使用，请稍后再试。");
    assert!(
        waited >= db::BUSY_TIMEOUT - Duration::from_millis(100)
            && waited < db::BUSY_TIMEOUT + Duration::from_secs(2),
        "waited {waited:?}"
    );
    // Reads are not blocked by the other writer (WAL).
    let started = Instant::now();
    assert_eq!(saved(&mut app), before);
    assert!(started.elapsed() < Duration::from_secs(1));
    second.rollback_batch();

    // A lock released within the timeout: the save waits for it and goes through.
    let holder = std::thread::spawn(move || {
        second.begin_batch().unwrap();
        std::thread::sleep(Duration::from_millis(400));
        second.commit_batch().unwrap();
    });
    std::thread::sleep(Duration::from_millis(100));
    call(
        &mut app,
        "wang",
        "2026-11-24 09:05",
        "log.add",
        log_entry("等到了"),
    );
    holder.join().unwrap();
    assert_eq!(audit_len(&app), before.1 + 1);
    assert!(app.health().ok);
}

#[test]
fn two_instances_and_the_cli_backup_run_beside_each_other_without_harm() {
    let dir = tempfile::tempdir().unwrap();
    let (path, app) = file_desk(dir.path());
    let before = audit_len(&app);
    drop(app);
    let writer = |who: &'static str, n: usize| {
        let path = path.clone();
        std::thread::spawn(move || {
            let mut d = Desk::open(&path).unwrap();
            for i in 0..n {
                call(
                    &mut d,
                    "wang",
                    "2026-11-24 09:00",
                    "log.add",
                    log_entry(&format!("{who} {i}")),
                );
            }
        })
    };
    let a = writer("app", 150);
    let b = writer("second", 150);
    // Meanwhile the CLI's backup, three times, each verified after writing.
    let mut backups = 0;
    for i in 0..3 {
        let file = dir.path().join(format!("during-{i}.sqlite3"));
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_frontdesk"))
            .arg("--db")
            .arg(&path)
            .arg("backup")
            .arg(&file)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
        let check: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(check["audit_ok"], true);
        assert!(backup::check_file(&file).unwrap().ok());
        backups += 1;
    }
    a.join().unwrap();
    b.join().unwrap();
    assert_eq!(backups, 3);
    let d = Desk::open(&path).unwrap();
    assert_eq!(
        audit_len(&d),
        before + 300,
        "every save of both instances kept"
    );
    let h = d.health();
    assert!(h.ok, "{h:?}");
    assert_eq!(h.audit_events, before + 300);
}
