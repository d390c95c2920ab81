//! Staff sign-in (PINs, throttle, lock-out, screen unlock), roles enforced in the core with
//! refusals in the audit trail, and personal data (masked lists and exports, ID numbers).

use crate::common::*;
use frontdesk::export::{self, ExportRegister};
use frontdesk::i18n::Locale;
use frontdesk::profile::{InitCounter, LegalRegime};
use frontdesk::{Desk, Error, ErrorCode};
use serde_json::Value;

/// Give `login` a PIN: the admin's first one by the bootstrap, anyone else's as a temporary
/// PIN from the admin, then changed by its owner (so it is not `must_change`).
fn give_pin(d: &mut Desk, login: &str, pin: &str) {
    if login == "admin" {
        d.set_first_pin("admin", pin, t("2026-11-01 08:10"))
            .unwrap();
        return;
    }
    let id = frontdesk::profile::find_staff(d.conn(), login).unwrap().id;
    call(
        d,
        "admin",
        "2026-11-01 08:10",
        "staff.set_pin",
        json!({"id": id, "pin": "80468024"}),
    );
    call(
        d,
        login,
        "2026-11-01 08:11",
        "staff.set_pin",
        json!({"pin": pin, "current_pin": "80468024"}),
    );
}

fn api(d: &Desk, e: Error) -> frontdesk::ApiError {
    e.to_api(d.locale())
}

/// A sign-in that must fail, with its translated error.
fn refused(
    d: &mut Desk,
    login: &str,
    pin: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> frontdesk::ApiError {
    let e = d.sign_in(login, pin, at).unwrap_err();
    api(d, e)
}

fn last_event(d: &Desk) -> (String, String, Option<String>, Option<String>) {
    d.conn()
        .query_row(
            "SELECT entity, action, reason, after FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap()
}

fn at_secs(local: &str, secs: i64) -> chrono::DateTime<chrono::Utc> {
    t(local) + chrono::Duration::seconds(secs)
}

/// Every byte of the database file and its WAL, as text where it is text.
fn file_bytes(path: &std::path::Path) -> Vec<u8> {
    let mut all = std::fs::read(path).unwrap();
    let wal = path.with_extension("sqlite3-wal");
    if let Ok(w) = std::fs::read(wal) {
        all.extend(w);
    }
    all
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn file_desk(dir: &tempfile::TempDir) -> (Desk, std::path::PathBuf) {
    let path = dir.path().join("counter.sqlite3");
    let mut d = Desk::open(&path).unwrap();
    d.init(
        &InitCounter {
            name: "阳光花园物业服务中心".into(),
            locale: Locale::ZhCn,
            time_zone: TZ.name().into(),
            legal_regime: LegalRegime::Cn,
            admin_login: "admin".into(),
            admin_name: "管理员".into(),
        },
        t("2026-11-01 08:00"),
    )
    .unwrap();
    call(
        &mut d,
        "admin",
        "2026-11-01 08:05",
        "staff.add",
        json!({"login": "wang", "name": "王芳", "role": "receptionist"}),
    );
    (d, path)
}

#[test]
fn pins_are_argon2id_hashes_never_in_the_file_or_the_audit_trail() {
    let dir = tempfile::tempdir().unwrap();
    let (mut d, path) = file_desk(&dir);
    let admin = d
        .set_first_pin("admin", "73914682", t("2026-11-01 08:10"))
        .unwrap();
    assert_eq!(admin.staff.login, "admin");
    assert_eq!(admin.lock_after_minutes, 5);
    // The admin gives wang a temporary PIN; wang must change it at the first sign-in.
    let wang_id = 2;
    let st = call(
        &mut d,
        "admin",
        "2026-11-01 08:12",
        "staff.set_pin",
        json!({"id": wang_id, "pin": "51730862"}),
    );
    assert_eq!(st["has_pin"], true);
    assert_eq!(st["must_change"], true);
    let s = d
        .sign_in("wang", "51730862", t("2026-11-01 08:20"))
        .unwrap();
    assert!(s.must_change_pin);
    // Changing one's own PIN needs the current one; not the same again.
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-01 08:21",
        "staff.set_pin",
        json!({"pin": "64208531"}),
    );
    assert_eq!(e.field.as_deref(), Some("current_pin"));
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-01 08:21",
        "staff.set_pin",
        json!({"pin": "51730862", "current_pin": "51730862"}),
    );
    assert_eq!(e.field.as_deref(), Some("pin"));
    assert_eq!(e.message, "PIN无效（与当前 PIN 相同）。");
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-01 08:21",
        "staff.set_pin",
        json!({"pin": "1234"}),
    );
    assert_eq!(e.message, "PIN无效（过于简单，如 1234、0000）。");
    let st = call(
        &mut d,
        "wang",
        "2026-11-01 08:22",
        "staff.set_pin",
        json!({"pin": "64208531", "current_pin": "51730862"}),
    );
    assert_eq!(st["must_change"], false);
    let s = d
        .sign_in("wang", "64208531", t("2026-11-01 08:30"))
        .unwrap();
    assert!(!s.must_change_pin);
    assert_eq!(s.staff.name, "王芳");
    let e = d
        .sign_in("wang", "51730862", t("2026-11-01 08:31"))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::WrongPin);

    let hashes: Vec<String> = {
        let mut stmt = d
            .conn()
            .prepare("SELECT pin_hash FROM staff_pin ORDER BY staff_id")
            .unwrap();
        let rows = stmt.query_map([], |r| r.get(0)).unwrap();
        rows.map(Result::unwrap).collect()
    };
    assert_eq!(hashes.len(), 2);
    for h in &hashes {
        assert!(h.starts_with("$argon2id$v=19$m=32768,t=3,p=1$"), "{h}");
    }
    assert_ne!(
        hashes[0].split('$').nth(4),
        hashes[1].split('$').nth(4),
        "a salt per PIN"
    );

    // The trail says a PIN was set or reset and who signed in, never the PIN or its hash.
    let trail: Vec<(String, String)> = {
        let mut stmt = d
            .conn()
            .prepare("SELECT action, coalesce(reason, '') || coalesce(before, '') || coalesce(after, '') FROM audit_log WHERE entity = 'staff'")
            .unwrap();
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        rows.map(Result::unwrap).collect()
    };
    let actions: Vec<&str> = trail.iter().map(|(a, _)| a.as_str()).collect();
    for a in ["pin_set", "pin_reset", "sign_in", "sign_in_failed"] {
        assert!(actions.contains(&a), "{a} in {actions:?}");
    }
    for (_, text) in &trail {
        assert!(!text.contains("argon2"), "{text}");
        for pin in ["73914682", "51730862", "64208531"] {
            assert!(!text.contains(pin), "{text}");
        }
    }
    drop(d);
    let bytes = file_bytes(&path);
    assert!(contains(&bytes, "$argon2id$"), "the hashes are in the file");
    for pin in ["73914682", "51730862", "64208531"] {
        assert!(!contains(&bytes, pin), "PIN {pin} in the database file");
    }
}

#[test]
fn wrong_pins_slow_down_then_lock_the_account_until_it_expires_or_an_admin_unlocks() {
    let mut d = desk();
    give_pin(&mut d, "admin", "73914682");
    give_pin(&mut d, "wang", "25807193");
    let wrong = |d: &mut Desk, at| refused(d, "wang", "00000000", at);

    let e = wrong(&mut d, t("2026-11-24 09:00"));
    assert_eq!(e.code, ErrorCode::WrongPin);
    assert_eq!(e.message, "PIN 错误，再错 4 次账号将被锁定。");
    let e = wrong(&mut d, t("2026-11-24 09:00"));
    assert_eq!(e.message, "PIN 错误，再错 3 次账号将被锁定。");
    // The third wrong PIN asks for 30 seconds before the next attempt …
    let e = wrong(&mut d, t("2026-11-24 09:00"));
    assert_eq!(
        e.message,
        "PIN 错误，再错 2 次账号将被锁定。请于 09:00:30 后再试。"
    );
    // … during which even the right PIN is not checked.
    let e = refused(&mut d, "wang", "25807193", at_secs("2026-11-24 09:00", 29));
    assert_eq!(e.code, ErrorCode::Locked);
    assert_eq!(
        e.message,
        "PIN 错误次数过多，请于 09:00:30 后再试，或请管理员解锁。"
    );
    // The fourth: 60 seconds.
    let e = wrong(&mut d, at_secs("2026-11-24 09:00", 30));
    assert_eq!(
        e.message,
        "PIN 错误，再错 1 次账号将被锁定。请于 09:01:30 后再试。"
    );
    // The fifth locks the account for 15 minutes.
    let e = wrong(&mut d, at_secs("2026-11-24 09:01", 30));
    assert_eq!(e.code, ErrorCode::WrongPin);
    assert_eq!(
        e.message,
        "PIN 错误，账号已锁定至 09:16:30，可请管理员解锁。"
    );
    let roster = d.staff_roster().unwrap();
    let w = roster.iter().find(|r| r.login == "wang").unwrap();
    assert_eq!(w.locked_until, Some(at_secs("2026-11-24 09:16", 30)));
    assert!(w.has_pin);
    let e = refused(&mut d, "wang", "25807193", t("2026-11-24 09:16"));
    assert_eq!(e.code, ErrorCode::Locked);
    // When the lock expires the right PIN signs in, and the count starts again.
    let s = d
        .sign_in("wang", "25807193", at_secs("2026-11-24 09:16", 30))
        .unwrap();
    assert_eq!(s.staff.login, "wang");
    let e = wrong(&mut d, t("2026-11-24 09:20"));
    assert_eq!(e.message, "PIN 错误，再错 4 次账号将被锁定。");

    // Locked again; only an admin unlocks, with a reason.
    for secs in [0, 0, 30, 90] {
        let e = wrong(&mut d, at_secs("2026-11-24 10:00", secs));
        assert_eq!(e.code, ErrorCode::WrongPin);
    }
    let e = refused(&mut d, "wang", "25807193", t("2026-11-24 10:02"));
    assert_eq!(e.code, ErrorCode::Locked);
    let e = call_err(
        &mut d,
        "li",
        "2026-11-24 10:02",
        "staff.unlock",
        json!({"id": 2, "reason": "本人确认"}),
    );
    assert_eq!(e.code, ErrorCode::Forbidden);
    let st = call(
        &mut d,
        "admin",
        "2026-11-24 10:02",
        "staff.unlock",
        json!({"id": 2, "reason": "本人确认"}),
    );
    assert_eq!(st["failed_attempts"], 0);
    assert_eq!(st["locked_until"], Value::Null);
    d.sign_in("wang", "25807193", t("2026-11-24 10:03"))
        .unwrap();
    let (entity, action, _, _) = last_event(&d);
    assert_eq!((entity.as_str(), action.as_str()), ("staff", "sign_in"));

    // Every attempt is in wang's history.
    let h = call(
        &mut d,
        "admin",
        "2026-11-24 10:04",
        "history",
        json!({"code": "ST-000002"}),
    );
    let actions: Vec<&str> = h
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions.iter().filter(|a| **a == "sign_in_failed").count(),
        13
    );
    assert_eq!(actions.iter().filter(|a| **a == "sign_in").count(), 2);
    assert!(actions.contains(&"unlock_account"));
}

#[test]
fn pin_errors_are_translated_in_korean_and_english() {
    for (locale, wrong, locked) in [
        (
            Locale::Ko,
            "PIN이 틀렸습니다. 4번 더 틀리면 계정이 잠깁니다.",
            "PIN이 틀렸습니다. 계정이 09:16:30까지 잠겼습니다. 관리자가 잠금을 해제할 수 있습니다.",
        ),
        (
            Locale::En,
            "Wrong PIN. 4 more wrong PINs lock the account.",
            "Wrong PIN. The account is locked until 09:16:30; an administrator can unlock it.",
        ),
    ] {
        let mut d = desk_with(LegalRegime::Kr, locale);
        give_pin(&mut d, "admin", "73914682");
        give_pin(&mut d, "kim", "25807193");
        let mut messages = Vec::new();
        for secs in [0, 0, 0, 30, 90] {
            let e = d
                .sign_in("kim", "999999", at_secs("2026-11-24 09:00", secs))
                .unwrap_err();
            messages.push(api(&d, e).message);
        }
        assert_eq!(messages[0], wrong);
        assert_eq!(messages[4], locked);
        let e = d
            .sign_in("wang", "1234", t("2026-11-24 09:00"))
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::PinNotSet);
    }
}

#[test]
fn without_a_pin_only_the_first_admin_chooses_one_everyone_else_gets_one_from_an_admin() {
    let mut d = desk();
    let e = d
        .sign_in("wang", "2580", t("2026-11-24 09:00"))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::PinNotSet);
    assert_eq!(api(&d, e).message, "王芳尚未设置 PIN，请管理员先设置。");
    let (_, action, reason, _) = last_event(&d);
    assert_eq!(
        (action.as_str(), reason.as_deref()),
        ("sign_in_failed", Some("pin_not_set"))
    );
    // A receptionist cannot claim their account by choosing a first PIN.
    let e = d
        .set_first_pin("wang", "25807193", t("2026-11-24 09:00"))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::PinNotSet);
    // The admin can, while no admin has a PIN; then never again, nor a second admin.
    let s = d
        .set_first_pin("admin", "73914682", t("2026-11-24 09:01"))
        .unwrap();
    assert_eq!(s.staff.role, frontdesk::profile::Role::Admin);
    let e = d
        .set_first_pin("admin", "24681357", t("2026-11-24 09:02"))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput);
    call(
        &mut d,
        "admin",
        "2026-11-24 09:03",
        "staff.add",
        json!({"login": "boss", "name": "老板", "role": "admin"}),
    );
    let e = d
        .set_first_pin("boss", "24681357", t("2026-11-24 09:04"))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::PinNotSet);
    // Only an admin sets another's PIN.
    let e = call_err(
        &mut d,
        "li",
        "2026-11-24 09:05",
        "staff.set_pin",
        json!({"id": 2, "pin": "25807193"}),
    );
    assert_eq!(e.code, ErrorCode::Forbidden);
    // A deactivated staff member cannot sign in; an unknown login is recorded too.
    give_pin(&mut d, "kim", "25807193");
    call(
        &mut d,
        "admin",
        "2026-11-24 09:06",
        "staff.update",
        json!({"id": 3, "active": false, "reason": "离职"}),
    );
    let e = d
        .sign_in("kim", "25807193", t("2026-11-24 09:07"))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Forbidden);
    let e = d
        .sign_in("nobody", "25807193", t("2026-11-24 09:08"))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
    let (entity, action, reason, _) = last_event(&d);
    assert_eq!(
        (entity.as_str(), action.as_str(), reason.as_deref()),
        ("staff", "sign_in_failed", Some("unknown_login"))
    );
    // The roster is the active staff, no secrets.
    let roster = d.staff_roster().unwrap();
    let logins: Vec<&str> = roster.iter().map(|r| r.login.as_str()).collect();
    assert!(!logins.contains(&"kim"));
    let json = serde_json::to_string(&roster).unwrap();
    assert!(!json.contains("argon2"), "{json}");
    let li = roster.iter().find(|r| r.login == "li").unwrap();
    assert!(!li.has_pin);
}

#[test]
fn unlocking_the_screen_checks_the_pin_like_sign_in_and_lets_another_take_over() {
    let mut d = desk();
    give_pin(&mut d, "admin", "73914682");
    give_pin(&mut d, "wang", "25807193");
    give_pin(&mut d, "li", "36925814");
    d.sign_in("wang", "25807193", t("2026-11-24 09:00"))
        .unwrap();
    // wang's screen locked; li takes over.
    let s = d.unlock("li", "36925814", t("2026-11-24 09:30")).unwrap();
    assert_eq!(s.staff.login, "li");
    let (_, action, _, _) = last_event(&d);
    assert_eq!(action, "unlock");
    // Wrong PINs at the lock screen count like sign-in ones.
    for secs in [0, 0, 0, 30, 90] {
        let e = d
            .unlock("wang", "11112222", at_secs("2026-11-24 10:00", secs))
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::WrongPin);
    }
    let e = d
        .sign_in("wang", "25807193", t("2026-11-24 10:05"))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Locked);
    let (_, action, reason, _) = last_event(&d);
    assert_eq!(
        (action.as_str(), reason.as_deref()),
        ("sign_in_failed", Some("locked"))
    );
}

#[test]
fn a_wrong_current_pin_when_changing_ones_own_counts_against_the_throttle() {
    let mut d = desk();
    give_pin(&mut d, "admin", "73914682");
    give_pin(&mut d, "wang", "25807193");
    for left in [4, 3] {
        let e = call_err(
            &mut d,
            "wang",
            "2026-11-24 09:00",
            "staff.set_pin",
            json!({"pin": "36925814", "current_pin": "99999999"}),
        );
        assert_eq!(e.code, ErrorCode::WrongPin);
        assert_eq!(e.message, format!("PIN 错误，再错 {left} 次账号将被锁定。"));
        let (_, action, reason, _) = last_event(&d);
        assert_eq!(
            (action.as_str(), reason.as_deref()),
            ("pin_check_failed", Some("staff.set_pin"))
        );
    }
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 09:00",
        "staff.set_pin",
        json!({"pin": "36925814", "current_pin": "99999999"}),
    );
    assert!(e.message.contains("09:00:30"), "{}", e.message);
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 09:00",
        "staff.set_pin",
        json!({"pin": "36925814", "current_pin": "25807193"}),
    );
    assert_eq!(e.code, ErrorCode::Locked);
    // The PIN is unchanged.
    d.sign_in("wang", "25807193", t("2026-11-24 09:01"))
        .unwrap();
}

#[test]
fn the_screen_lock_minutes_are_a_profile_setting_for_admins() {
    let mut d = desk();
    let p = call(&mut d, "wang", "2026-11-24 09:00", "profile.get", json!({}));
    assert_eq!(p["lock_after_minutes"], 5);
    let e = call_err(
        &mut d,
        "admin",
        "2026-11-24 09:00",
        "profile.update",
        json!({"lock_after_minutes": 0}),
    );
    assert_eq!(e.field.as_deref(), Some("lock_after_minutes"));
    assert!(e.message.contains("无操作自动锁屏"), "{}", e.message);
    let p = call(
        &mut d,
        "admin",
        "2026-11-24 09:00",
        "profile.update",
        json!({"lock_after_minutes": 10}),
    );
    assert_eq!(p["lock_after_minutes"], 10);
    let s = d
        .set_first_pin("admin", "73914682", t("2026-11-24 09:01"))
        .unwrap();
    assert_eq!(s.lock_after_minutes, 10);
}

// ---------------------------------------------------------------------------------------------
// Roles

/// A counter ready for every guarded operation: a found item in custody (FI-000001), a closed
/// shift (SH-000001) with a log entry (DL-000001) and two checklist templates.
fn guarded_desk() -> Desk {
    let mut d = desk();
    call(
        &mut d,
        "wang",
        "2026-11-24 08:30",
        "shift.open",
        json!({"staff_on_duty": ["王芳"]}),
    );
    call(
        &mut d,
        "wang",
        "2026-11-24 09:00",
        "log.add",
        json!({"kind": "note", "content": "巡查大堂"}),
    );
    call(
        &mut d,
        "wang",
        "2026-11-24 09:10",
        "found_item.register",
        json!({
            "arrival": "visitor", "finder_name": "刘先生", "finder_contact": "13800000000",
            "found_at": ts("2026-11-24 09:00"), "found_place": "东门", "category": "umbrella",
            "description": "黑色雨伞", "storage_location": "前台抽屉A",
        }),
    );
    for kind in ["facility_safety", "fixed_assets"] {
        call(
            &mut d,
            "li",
            "2026-11-24 17:00",
            "checklist.add_defaults",
            json!({"kind": kind}),
        );
        let items = call(
            &mut d,
            "wang",
            "2026-11-24 17:01",
            "checklist.items",
            json!({"kind": kind}),
        );
        let results: Vec<Value> = items
            .as_array()
            .unwrap()
            .iter()
            .map(|it| json!({"item_id": it["id"], "ok": true}))
            .collect();
        call(
            &mut d,
            "wang",
            "2026-11-24 17:10",
            "checklist.run",
            json!({"kind": kind, "results": results}),
        );
    }
    call(&mut d, "wang", "2026-11-24 17:30", "shift.close", json!({}));
    d
}

const ROLES: [(&str, &str); 4] = [
    ("wang", "receptionist"),
    ("zhao", "custodian"),
    ("li", "supervisor"),
    ("admin", "admin"),
];

/// (operation, request, the least role that may run it).
fn guarded_ops() -> Vec<(&'static str, Value, &'static str)> {
    vec![
        (
            "found_item.dispose",
            json!({"id": 1, "disposition": "police", "reference": "公(2026)123号"}),
            "supervisor",
        ),
        (
            "found_item.dispose",
            json!({"id": 1, "disposition": "finance"}),
            "supervisor",
        ),
        (
            "shift.amend",
            json!({"id": 1, "visitor_count": 12, "reason": "补记"}),
            "supervisor",
        ),
        (
            "log.amend",
            json!({"id": 1, "content": "巡查大堂、东门", "reason": "补记"}),
            "supervisor",
        ),
        (
            "checklist.add_item",
            json!({"kind": "fixed_assets", "text": "移动电源（借用）"}),
            "supervisor",
        ),
        (
            "checklist.update_item",
            json!({"id": 1, "text": "空调已关闭", "reason": "改写"}),
            "supervisor",
        ),
        (
            "checklist.add_defaults",
            json!({"kind": "facility_safety"}),
            "supervisor",
        ),
        (
            "profile.update",
            json!({"police_handover_days": 5}),
            "admin",
        ),
        ("profile.update", json!({"legal_regime": "KR"}), "admin"),
        ("profile.update", json!({"lock_after_minutes": 3}), "admin"),
        (
            "staff.add",
            json!({"login": "sun", "name": "孙丽", "role": "receptionist"}),
            "admin",
        ),
        (
            "staff.update",
            json!({"id": 3, "role": "supervisor", "reason": "升职"}),
            "admin",
        ),
        (
            "staff.set_pin",
            json!({"id": 3, "pin": "25807193"}),
            "admin",
        ),
        (
            "staff.unlock",
            json!({"id": 3, "reason": "本人确认"}),
            "admin",
        ),
    ]
}

fn allowed(role: &str, least: &str) -> bool {
    role == "admin" || (least == "supervisor" && role == "supervisor")
}

#[test]
fn every_role_may_run_exactly_the_guarded_operations_it_should_and_refusals_are_recorded() {
    let template = guarded_desk();
    let mut checked = 0;
    for (op, req, least) in guarded_ops() {
        for (login, role) in ROLES {
            // A fresh copy of the prepared counter for each case.
            let mut d = Desk::open_in_memory().unwrap();
            {
                let bk =
                    rusqlite::backup::Backup::new(template.conn(), d.db_mut().conn_mut()).unwrap();
                bk.run_to_completion(1000, std::time::Duration::ZERO, None)
                    .unwrap();
            }
            let before = audit_len(&d);
            let out = d.call_api(login, t("2026-11-25 09:00"), op, req.clone());
            if allowed(role, least) {
                assert!(out.is_ok(), "{role} {op} {req}: {out:?}");
                continue;
            }
            let e = out.unwrap_err();
            assert_eq!(e.code, ErrorCode::Forbidden, "{role} {op} {req}: {e:?}");
            assert!(e.message.starts_with("只有"), "{}", e.message);
            // Nothing changed but the refusal, which names the operation, actor and role.
            assert_eq!(audit_len(&d), before + 1, "{role} {op}");
            let (actor, entity, action, reason, after): (String, String, String, String, String) = d
                .conn()
                .query_row(
                    "SELECT actor, entity, action, reason, after FROM audit_log ORDER BY seq DESC LIMIT 1",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )
                .unwrap();
            assert_eq!(
                (
                    actor.as_str(),
                    entity.as_str(),
                    action.as_str(),
                    reason.as_str()
                ),
                (login, "operation", "refused", op)
            );
            let after: Value = serde_json::from_str(&after).unwrap();
            assert_eq!(after["operation"], op);
            assert_eq!(after["needed"], least);
            assert_eq!(after["role"], role);
            assert!(frontdesk::audit::verify(d.conn()).unwrap().ok());
            checked += 1;
        }
    }
    assert_eq!(checked, 7 * 3 + 7 * 2);
}

// ---------------------------------------------------------------------------------------------
// Personal data

#[test]
fn lists_and_search_mask_phone_numbers_the_record_shows_them_in_full() {
    let mut d = desk();
    call(
        &mut d,
        "wang",
        "2026-11-24 08:30",
        "shift.open",
        json!({"staff_on_duty": ["王芳"]}),
    );
    let entry = call(
        &mut d,
        "wang",
        "2026-11-24 09:00",
        "log.add",
        json!({"kind": "call", "person": "陈先生", "contact": "13812345678", "unit": "3栋1201",
               "content": "电梯异响，请回电 13812345678"}),
    );
    let list = call(
        &mut d,
        "wang",
        "2026-11-24 09:01",
        "log.list",
        json!({"shift_id": 1}),
    );
    assert_eq!(list[0]["contact"], "138****5678");
    let one = call(
        &mut d,
        "wang",
        "2026-11-24 09:01",
        "log.get",
        json!({"id": entry["id"]}),
    );
    assert!(one.to_string().contains("13812345678"));

    call(
        &mut d,
        "wang",
        "2026-11-24 09:05",
        "lost_report.file",
        json!({"reporter_name": "张女士", "contact": "010-1234-5678", "lost_at": ts("2026-11-24 08:00"),
               "lost_place": "东门", "category": "wallet", "description": "黑色钱包"}),
    );
    let list = call(
        &mut d,
        "wang",
        "2026-11-24 09:06",
        "lost_report.list",
        json!({}),
    );
    assert_eq!(list[0]["contact"], "010-****-5678");
    let one = call(
        &mut d,
        "wang",
        "2026-11-24 09:06",
        "lost_report.get",
        json!({"id": 1}),
    );
    assert_eq!(one["contact"], "010-1234-5678");

    call(
        &mut d,
        "wang",
        "2026-11-24 09:10",
        "parcel.receive",
        json!({"kind": "parcel", "carrier": "顺丰速运", "tracking_no": "SF1234567890123",
               "recipient_name": "王建国", "recipient_unit": "1-101", "recipient_contact": "13900001111"}),
    );
    let list = call(&mut d, "wang", "2026-11-24 09:11", "parcel.list", json!({}));
    assert_eq!(list[0]["recipient_contact"], "139****1111");
    let reminders = call(
        &mut d,
        "wang",
        "2026-11-30 09:11",
        "parcel.reminders",
        json!({}),
    );
    assert_eq!(reminders[0]["recipient_contact"], "139****1111");
    let one = call(
        &mut d,
        "wang",
        "2026-11-24 09:11",
        "parcel.get",
        json!({"id": 1}),
    );
    assert!(one.to_string().contains("13900001111"));

    call(
        &mut d,
        "wang",
        "2026-11-24 09:20",
        "complaint.record",
        json!({"weight": "complaint", "channel": "phone", "complainant_name": "张伟",
               "contact": "13900002222", "unit": "5栋302", "category": "engineering_repair",
               "content": "楼道灯坏了", "severity": "normal"}),
    );
    let list = call(
        &mut d,
        "wang",
        "2026-11-24 09:21",
        "complaint.list",
        json!({}),
    );
    assert_eq!(list[0]["contact"], "139****2222");
    let one = call(
        &mut d,
        "wang",
        "2026-11-24 09:21",
        "complaint.get",
        json!({"id": 1}),
    );
    assert!(one.to_string().contains("13900002222"));

    let found = call(
        &mut d,
        "wang",
        "2026-11-24 09:30",
        "found_item.register",
        json!({"arrival": "visitor", "finder_name": "刘先生", "finder_contact": "13800000000",
               "found_at": ts("2026-11-24 09:00"), "found_place": "东门", "category": "umbrella",
               "description": "黑色雨伞", "storage_location": "前台抽屉A"}),
    );
    let list = call(
        &mut d,
        "wang",
        "2026-11-24 09:31",
        "found_item.list",
        json!({}),
    );
    assert_eq!(list[0]["finder_contact"], "138****0000");
    assert_eq!(found["finder_contact"], "13800000000");

    // A search hit's title shows the entry's first line, phone masked.
    let hits = call(
        &mut d,
        "wang",
        "2026-11-24 09:40",
        "search",
        json!({"q": "电梯异响"}),
    );
    let title = hits[0]["title"].as_str().unwrap();
    assert!(title.contains("138****5678"), "{title}");
    assert!(!hits.to_string().contains("13812345678"));
}

#[test]
fn a_full_identity_number_is_refused_and_never_reaches_the_database_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut d, path) = file_desk(&dir);
    call(
        &mut d,
        "wang",
        "2026-11-02 10:00",
        "found_item.register",
        json!({"arrival": "visitor", "finder_name": "刘先生", "finder_contact": "13800000000",
               "found_at": ts("2026-11-02 09:00"), "found_place": "东门", "category": "wallet",
               "description": "黑色钱包", "storage_location": "前台抽屉A"}),
    );
    let full = "110101199003071234";
    let claim = |last4: &str| {
        json!({"id": 1, "claimant_name": "张女士", "contact": "13900000000",
               "id_doc_type": "resident_id", "id_last4": last4,
               "verification": "说出钱包内有身份证，姓名相符"})
    };
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-02 11:00",
        "found_item.claim",
        claim(full),
    );
    assert_eq!(e.field.as_deref(), Some("id_last4"));
    let c = call(
        &mut d,
        "wang",
        "2026-11-02 11:01",
        "found_item.claim",
        claim("1234"),
    );
    assert_eq!(
        c["claim"]["id_last4"].as_str().or(c["id_last4"].as_str()),
        Some("1234")
    );
    drop(d);
    let bytes = file_bytes(&path);
    assert!(!contains(&bytes, full));
    assert!(!contains(&bytes, "11010119900307"));
}

#[test]
fn a_masked_export_hides_contacts_names_and_id_digits() {
    let mut d = desk();
    call(
        &mut d,
        "wang",
        "2026-11-24 09:05",
        "lost_report.file",
        json!({"reporter_name": "张女士", "contact": "13912345678", "lost_at": ts("2026-11-24 08:00"),
               "lost_place": "东门", "category": "wallet", "description": "黑色钱包，内有名片 010-1234-5678"}),
    );
    let plain = export::rows(d.conn(), ExportRegister::LostReport, Locale::ZhCn, TZ).unwrap();
    let masked =
        export::rows_with(d.conn(), ExportRegister::LostReport, Locale::ZhCn, TZ, true).unwrap();
    let plain = plain.concat().join("|");
    let masked = masked.concat().join("|");
    assert!(plain.contains("13912345678") && plain.contains("张女士"));
    assert!(
        !masked.contains("13912345678") && masked.contains("139****5678"),
        "{masked}"
    );
    assert!(
        !masked.contains("张女士") && masked.contains("张**"),
        "{masked}"
    );
    assert!(masked.contains("010-****-5678"), "{masked}");
    assert!(masked.contains("黑色钱包"), "{masked}");
}

/// A deactivated staff member's request is refused before anything runs, and the refusal is
/// in the audit trail under their name like any other `forbidden` one.
#[test]
fn a_deactivated_staff_members_request_is_refused_and_recorded() {
    let mut d = desk();
    call(&mut d, "wang", "2026-11-24 08:30", "shift.open", json!({}));
    call(
        &mut d,
        "admin",
        "2026-11-24 09:00",
        "staff.update",
        json!({"id": 3, "active": false, "reason": "离职"}),
    );
    let before = audit_len(&d);
    let e = call_err(
        &mut d,
        "kim",
        "2026-11-24 09:05",
        "log.add",
        json!({"kind": "note", "content": "离职后仍想记录"}),
    );
    assert_eq!(e.code, ErrorCode::Forbidden);
    assert_eq!(audit_len(&d), before + 1, "only the refusal is written");
    let (entity, action, reason, after) = last_event(&d);
    assert_eq!(
        (entity.as_str(), action.as_str(), reason.as_deref()),
        ("operation", "refused", Some("log.add"))
    );
    let after: Value = serde_json::from_str(&after.unwrap()).unwrap();
    assert_eq!(after["needed"], "active");
    let actor: String = d
        .conn()
        .query_row(
            "SELECT actor FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(actor, "kim");
}
