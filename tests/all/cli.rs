//! The command-line tool: the same operations, JSON in and out, errors with codes and exit 1.
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn fd(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("FRONTDESK_AS")
        .env_remove("FRONTDESK_NOW")
        .output()
        .expect("run frontdesk")
}

fn json_of(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

#[test]
fn init_call_error_verify_backup_export_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let o = fd(
        &db,
        &[
            "--now",
            "2026-11-24T01:00:00Z",
            "init",
            "--name",
            "해운대 안내센터",
            "--locale",
            "ko",
            "--time-zone",
            "Asia/Seoul",
            "--regime",
            "kr",
            "--admin-name",
            "관리자",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(json_of(&o)["admin"]["login"], "admin");

    let o = fd(
        &db,
        &[
            "--as",
            "admin",
            "--now",
            "2026-11-24T01:05:00Z",
            "call",
            "staff.add",
            r#"{"login":"kim","name":"김민지","role":"receptionist"}"#,
        ],
    );
    assert!(o.status.success());
    assert_eq!(json_of(&o)["code"], "ST-000002");

    // An error: JSON with a stable code, a translated message and the field; exit status 1.
    let o = fd(
        &db,
        &[
            "--as",
            "admin",
            "call",
            "staff.add",
            r#"{"login":"lee","role":"receptionist"}"#,
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let e = json_of(&o);
    assert_eq!(e["code"], "invalid_input");
    assert_eq!(e["field"], "name");
    assert_eq!(e["message"], "이름 항목을 입력하세요.");

    let o = fd(&db, &["--as", "admin", "call", "staff.add", "{not json"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json_of(&o)["code"], "bad_request");
    let o = fd(&db, &["call", "staff.list"]);
    assert_eq!(
        json_of(&o)["field"],
        "as",
        "the acting staff member is required"
    );

    let o = fd(&db, &["verify"]);
    assert!(o.status.success());
    assert_eq!(json_of(&o)["audit_ok"], true);

    let bak = dir.path().join("b.sqlite3");
    let o = fd(&db, &["backup", bak.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    assert!(bak.exists());
    let o = fd(&db, &["restore", bak.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));

    let o = fd(&db, &["export", "staff"]);
    assert!(o.status.success());
    assert_eq!(&o.stdout[..3], &[0xEF, 0xBB, 0xBF]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("김민지"));
    let xl = dir.path().join("s.xlsx");
    let o = fd(
        &db,
        &[
            "export",
            "staff",
            "--format",
            "xlsx",
            "-o",
            xl.to_str().unwrap(),
        ],
    );
    assert!(o.status.success());
    assert!(std::fs::metadata(&xl).unwrap().len() > 1000);
}

#[test]
fn help_documents_every_operation() {
    let o = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&o.stdout);
    for op in frontdesk::api::registry() {
        assert!(help.contains(op.name), "--help lacks {}", op.name);
    }
}

#[test]
fn verify_reports_a_tampered_file_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    assert!(fd(&db, &["init", "--name", "X", "--admin-name", "A"])
        .status
        .success());
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 1;").unwrap();
    }
    let o = fd(&db, &["verify"]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("audit chain broken at event 1"), "{out}");
}

fn fd_stdin(db: &Path, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("FRONTDESK_AS")
        .env_remove("FRONTDESK_NOW")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run frontdesk");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn staff_set_pin_reads_the_pin_from_stdin_and_export_masked_hides_contacts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let now = ["--now", "2026-11-24T01:00:00Z"];
    let o = fd(
        &db,
        &[
            &now[..],
            &["init", "--name", "服务中心", "--admin-name", "管理员"],
        ]
        .concat(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = fd(
        &db,
        &[
            &now[..],
            &[
                "--as",
                "admin",
                "call",
                "staff.add",
                r#"{"login": "wang", "name": "王芳", "role": "receptionist", "phone": "13812345678"}"#,
            ],
        ]
        .concat(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // The machine owner sets the admin's own first PIN, then a temporary one for wang.
    let o = fd_stdin(
        &db,
        &[&now[..], &["--as", "admin", "staff", "set-pin"]].concat(),
        "73914682\n",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(json_of(&o)["must_change"], false);
    let o = fd_stdin(
        &db,
        &[
            &now[..],
            &["--as", "admin", "staff", "set-pin", "--for", "wang"],
        ]
        .concat(),
        "25807193\n",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(json_of(&o)["must_change"], true);
    // Changing one's own PIN needs the current one on the second line.
    let o = fd_stdin(
        &db,
        &[&now[..], &["--as", "wang", "staff", "set-pin"]].concat(),
        "36925814\n",
    );
    assert!(!o.status.success());
    assert_eq!(json_of(&o)["field"], "current_pin");
    let o = fd_stdin(
        &db,
        &[&now[..], &["--as", "wang", "staff", "set-pin"]].concat(),
        "36925814\n25807193\n",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    let o = fd(&db, &["export", "staff", "--masked"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = String::from_utf8_lossy(&o.stdout);
    assert!(
        csv.contains("138****5678") && !csv.contains("13812345678"),
        "{csv}"
    );
    assert!(!csv.contains("argon2"), "{csv}");
    let o = fd(&db, &["export", "staff"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("13812345678"));
}
