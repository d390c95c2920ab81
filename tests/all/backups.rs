//! Automatic backups: dated copies verified after writing, the 14 daily + 12 monthly rotation
//! (never touching files that are not ours), the daily "is one due?" question, the newest good
//! backup, and the backups made by closing a shift and by `frontdesk backup --auto`.
use crate::common::*;
use frontdesk::backup::{self, Trigger};
use frontdesk::Desk;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn file_desk(dir: &Path) -> (PathBuf, Desk) {
    let path = dir.join("counter.sqlite3");
    backup::backup_to(desk().db(), &path).unwrap();
    (path.clone(), Desk::open(&path).unwrap())
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn automatic_backups_are_dated_verified_and_rotated_day_by_day() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut d) = file_desk(dir.path());
    let backups = backup::default_dir(&path);
    assert_eq!(d.backups_dir().unwrap(), backups);
    // Twenty days of a counter: the daily backup when due, a shift-close backup each evening.
    let mut made = 0;
    for day in 1..=20 {
        let morning = format!("2026-11-{day:02} 08:00");
        assert!(d.backup_due(None, t(&morning)).unwrap(), "day {day}");
        let b = d.auto_backup(None, t(&morning), Trigger::Daily).unwrap();
        assert!(b.file.ok() && b.file.integrity_ok && b.file.audit_ok);
        assert!(!d
            .backup_due(None, t(&format!("2026-11-{day:02} 23:59")))
            .unwrap());
        call(
            &mut d,
            "admin",
            &format!("2026-11-{day:02} 12:00"),
            "staff.update",
            json!({"id": 2, "phone": format!("1380000{day:04}"), "reason": "换号"}),
        );
        let b = d
            .auto_backup(
                None,
                t(&format!("2026-11-{day:02} 18:00")),
                Trigger::ShiftClose,
            )
            .unwrap();
        made += 2;
        assert_eq!(
            b.file.path.file_name().unwrap().to_str().unwrap(),
            format!("frontdesk-202611{day:02}-180000-shift_close.sqlite3"),
            "named by the counter's local time"
        );
        assert_eq!(b.file.audit_events, audit_len(&d));
    }
    assert_eq!(made, 40);
    // 14 days kept, the newest of each (the evening one); the month's newest is among them.
    let kept = backup::list(&backups).unwrap();
    assert_eq!(kept.len(), 14);
    assert!(kept.iter().all(|f| f
        .path
        .to_str()
        .unwrap()
        .ends_with("-180000-shift_close.sqlite3")));
    assert_eq!(kept[0].taken.to_string(), "2026-11-20 18:00:00");
    assert_eq!(kept[13].taken.to_string(), "2026-11-07 18:00:00");
    // Local days: 16:30 UTC on the 20th is already the 21st in Shanghai, a new day.
    let late = chrono::DateTime::parse_from_rfc3339("2026-11-20T16:30:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    assert!(d.backup_due(None, late).unwrap());

    // Two backups in the same second get distinct names; the rotation keeps the newest.
    let a = d
        .auto_backup(None, t("2026-11-21 09:00"), Trigger::Manual)
        .unwrap();
    let b = d
        .auto_backup(None, t("2026-11-21 09:00"), Trigger::Manual)
        .unwrap();
    assert_ne!(a.file.path, b.file.path);
    assert!(b.file.path.to_str().unwrap().ends_with("-manual-2.sqlite3"));
    assert!(b.file.path.exists());

    // The newest good backup restores the counter as it was then.
    let newest = backup::newest_good(&backups).unwrap().unwrap();
    assert_eq!(newest.path, b.file.path);
    call(
        &mut d,
        "admin",
        "2026-11-21 10:00",
        "staff.add",
        json!({"login": "late", "name": "晚到", "role": "receptionist"}),
    );
    let before_restore = audit_len(&d);
    drop(d);
    backup::restore(&path, &newest.path, "20261121T100500Z").unwrap();
    let d = Desk::open(&path).unwrap();
    assert_eq!(audit_len(&d), before_restore - 1);
    assert!(d.health().ok);
}

#[test]
fn the_rotation_keeps_14_daily_and_12_monthly_and_never_touches_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, d) = file_desk(dir.path());
    let backups = dir.path().join("elsewhere");
    std::fs::create_dir_all(&backups).unwrap();
    // Seventeen months of history, two a day (made by an earlier run: only names matter).
    let mut day = chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
    let end = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut planted = 0;
    while day <= end {
        for (hm, trig) in [("090000", "daily"), ("180000", "shift_close")] {
            let name = format!("frontdesk-{}-{hm}-{trig}.sqlite3", day.format("%Y%m%d"));
            std::fs::write(backups.join(name), b"").unwrap();
            planted += 1;
        }
        day = day.succ_opt().unwrap();
    }
    assert!(planted > 1000);
    // Files that are not ours, some with names close to ours.
    let foreign = [
        "notes.txt",
        "my copy.sqlite3",
        "frontdesk-20250101-000000-daily.sqlite3.partial",
        "frontdesk-20250101-000000-daily.failed",
        "frontdesk-20250101-000000-weekly.sqlite3",
        "frontdesk-20250101-000000-daily-x.sqlite3",
        "frontdesk-2025010-000000-daily.sqlite3",
    ];
    for f in foreign {
        std::fs::write(backups.join(f), b"mine").unwrap();
    }
    std::fs::create_dir(backups.join("frontdesk-20250102-000000-daily.sqlite3")).unwrap();

    let made = d
        .auto_backup(Some(&backups), t("2026-11-24 20:00"), Trigger::ShiftClose)
        .unwrap();
    assert!(made.file.path.exists(), "the new backup is never pruned");
    // 14 days (11-11 … 11-24) + the newest of the 11 earlier months (2025-12 … 2026-10).
    assert_eq!(made.kept, 25);
    assert_eq!(made.pruned.len(), planted + 1 - 25);
    let left = names(&backups);
    for keep in [
        "frontdesk-20261124-200000-shift_close.sqlite3",
        "frontdesk-20261123-180000-shift_close.sqlite3",
        "frontdesk-20261111-180000-shift_close.sqlite3",
        "frontdesk-20261031-180000-shift_close.sqlite3",
        "frontdesk-20260228-180000-shift_close.sqlite3",
        "frontdesk-20251231-180000-shift_close.sqlite3",
    ] {
        assert!(left.iter().any(|n| n == keep), "{keep} kept");
    }
    for gone in [
        "frontdesk-20261123-090000-daily.sqlite3",
        "frontdesk-20261110-180000-shift_close.sqlite3",
        "frontdesk-20261030-180000-shift_close.sqlite3",
        "frontdesk-20251130-180000-shift_close.sqlite3",
        "frontdesk-20250731-180000-shift_close.sqlite3",
    ] {
        assert!(!left.iter().any(|n| n == gone), "{gone} pruned");
    }
    for f in foreign {
        assert!(backups.join(f).exists(), "{f} is not ours and stays");
    }
    assert!(backups
        .join("frontdesk-20250102-000000-daily.sqlite3")
        .is_dir());

    // The newest good backup skips files that do not verify (the empty planted ones).
    std::fs::write(
        backups.join("frontdesk-20261124-230000-daily.sqlite3"),
        b"garbage, not a database",
    )
    .unwrap();
    let good = backup::newest_good(&backups).unwrap().unwrap();
    assert_eq!(good.path, made.file.path);
    std::fs::remove_file(backups.join("frontdesk-20261124-230000-daily.sqlite3")).unwrap();
    // A second run a day later prunes only what the rotation says.
    let next = d
        .auto_backup(Some(&backups), t("2026-11-25 20:00"), Trigger::ShiftClose)
        .unwrap();
    assert_eq!(next.kept, 25, "{:?}", next.pruned);
    assert!(made.file.path.exists());
}

fn fd(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("FRONTDESK_AS")
        .env_remove("FRONTDESK_NOW")
        .output()
        .unwrap()
}

#[test]
fn closing_a_shift_and_backup_auto_make_backups_from_the_cli_and_health_reports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let o = fd(
        &db,
        &[
            "--now",
            "2026-11-24T00:00:00Z",
            "init",
            "--name",
            "X",
            "--admin-name",
            "A",
        ],
    );
    assert!(o.status.success());
    // Scripted entry: JSON lines in, one result line per committed operation out.
    let lines = [
        json!({"op": "shift.open", "req": {}}),
        json!({"op": "log.add", "req": {"kind": "note", "content": "交班前记录"}}),
        json!({"op": "log.add", "req": {"kind": "note"}}),
        json!({"op": "shift.close", "req": {}, "now": "2026-11-24T10:00:00Z"}),
    ];
    let input: String = lines.iter().map(|l| format!("{l}\nnot json\n")).collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .args(["--db", db.to_str().unwrap(), "--as", "admin"])
        .args(["--now", "2026-11-24T01:00:00Z", "call", "--stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    let out: Vec<Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(out.len(), 8);
    let ok: Vec<bool> = out.iter().map(|v| v["ok"].as_bool().unwrap()).collect();
    assert_eq!(ok, [true, false, true, false, false, false, true, false]);
    assert_eq!(out[1]["error"]["code"], "bad_request");
    assert_eq!(out[4]["error"]["field"], "content");
    assert_eq!(out[6]["result"]["code"], "HO-000001");
    // The close made a shift-close backup, dated in the counter's local time.
    let backups = dir.path().join("backups");
    assert_eq!(
        names(&backups),
        ["frontdesk-20261124-180000-shift_close.sqlite3"]
    );

    let other = dir.path().join("other");
    let o = fd(
        &db,
        &[
            "--now",
            "2026-11-25T01:00:00Z",
            "backup",
            "--auto",
            "--dir",
            other.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["trigger"], "manual");
    assert_eq!(v["file"]["audit_ok"], true);
    assert_eq!(names(&other), ["frontdesk-20261125-090000-manual.sqlite3"]);

    let o = fd(&db, &["health"]);
    assert!(o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["ok"], true);
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch(
            "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET reason = 'x' WHERE seq = 2;",
        )
        .unwrap();
    }
    let o = fd(&db, &["health"]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(
        String::from_utf8_lossy(&o.stdout)
            .split("\n}\n")
            .next()
            .map(|s| format!("{s}\n}}"))
            .unwrap()
            .as_str(),
    )
    .unwrap();
    assert_eq!(v["problem_kind"], "audit_broken");
    assert!(v["newest_good_backup"]
        .as_str()
        .unwrap()
        .ends_with("frontdesk-20261124-180000-shift_close.sqlite3"));
}

/// Found by the restore fuzz: a backup whose table definitions were edited passed
/// `integrity_check` and the audit chain, was copied over the live database, and only then
/// failed to open. Now its schema is compared with the one this program makes.
#[test]
fn a_backup_with_an_edited_table_definition_is_refused_before_anything_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let (path, d) = file_desk(dir.path());
    let bak = dir.path().join("edited.sqlite3");
    backup::backup_to(d.db(), &bak).unwrap();
    drop(d);
    {
        let c = rusqlite::Connection::open(&bak).unwrap();
        c.execute_batch(
            "PRAGMA writable_schema = ON;
             UPDATE sqlite_schema SET sql = replace(sql, '''note''', '''nota''')
              WHERE name = 'log_entry';",
        )
        .unwrap();
    }
    let check = backup::check_file(&bak).unwrap();
    assert!(check.integrity_ok && check.audit_ok, "{check:?}");
    assert!(
        check
            .problem
            .as_deref()
            .unwrap()
            .starts_with("schema: differs"),
        "{check:?}"
    );
    let before = std::fs::read(&path).unwrap();
    let e = backup::restore(&path, &bak, "x").unwrap_err();
    assert_eq!(e.code(), frontdesk::ErrorCode::Corrupt);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the live file is untouched"
    );
    assert!(Desk::open(&path).unwrap().health().ok);
}

/// Rolling a healthy counter back is a supervisor's (or admin's) decision, checked in the core
/// so the app and any other transport ask the same question; a receptionist's attempt is refused
/// and the refusal recorded.
#[test]
fn only_a_supervisor_may_restore_a_healthy_counter_and_a_refusal_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut d) = file_desk(dir.path());
    let before = audit_len(&d);
    let e = d.may_restore("wang", t("2026-11-24 09:00")).unwrap_err();
    assert_eq!(e.code(), frontdesk::ErrorCode::Forbidden);
    assert_eq!(audit_len(&d), before + 1);
    let (entity, action, reason, actor): (String, String, Option<String>, String) = d
        .conn()
        .query_row(
            "SELECT entity, action, reason, actor FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (
            entity.as_str(),
            action.as_str(),
            reason.as_deref(),
            actor.as_str()
        ),
        ("operation", "refused", Some("restore"), "wang")
    );
    d.may_restore("li", t("2026-11-24 09:01")).unwrap();
    d.may_restore("admin", t("2026-11-24 09:01")).unwrap();
    assert_eq!(audit_len(&d), before + 1, "allowed: nothing written");
}

/// The shift-close backup is the core's, so every transport gets it; when it cannot be made
/// the close still stands and the failure is in the audit trail, not lost on a console.
#[test]
fn a_shift_close_makes_a_backup_and_a_failed_one_is_recorded_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut d) = file_desk(dir.path());
    call(&mut d, "wang", "2026-11-24 08:30", "shift.open", json!({}));
    call(&mut d, "wang", "2026-11-24 17:00", "shift.close", json!({}));
    assert_eq!(
        names(&backup::default_dir(&path)),
        ["frontdesk-20261124-170000-shift_close.sqlite3"]
    );

    // The backups folder cannot be made (a file stands in its place).
    let dir2 = tempfile::tempdir().unwrap();
    let (path2, mut d2) = file_desk(dir2.path());
    std::fs::write(backup::default_dir(&path2), b"not a folder").unwrap();
    call(&mut d2, "wang", "2026-11-24 08:30", "shift.open", json!({}));
    let closed = call(
        &mut d2,
        "wang",
        "2026-11-24 17:00",
        "shift.close",
        json!({}),
    );
    assert_eq!(closed["code"], "HO-000001", "the close stands");
    let (entity, action, after): (String, String, String) = d2
        .conn()
        .query_row(
            "SELECT entity, action, after FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((entity.as_str(), action.as_str()), ("backup", "failed"));
    assert!(after.contains("shift_close"), "{after}");
    assert!(frontdesk::audit::verify(d2.conn())
        .unwrap()
        .broken
        .is_none());
}
