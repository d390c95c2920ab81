//! Shared fixtures: a set-up counter with one staff member per role, and local times.
#![allow(dead_code)]

pub mod forms;
pub mod pdf;
pub mod snapshot;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use frontdesk::i18n::Locale;
use frontdesk::profile::{InitCounter, LegalRegime};
use frontdesk::Desk;
use serde_json::Value;

pub use serde_json::json;

/// The counter's local time zone in these tests.
pub const TZ: chrono_tz::Tz = chrono_tz::Asia::Shanghai;

/// A local time at the counter, `"2026-11-24 09:00"`.
pub fn t(local: &str) -> DateTime<Utc> {
    let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M")
        .unwrap_or_else(|e| panic!("bad test time {local}: {e}"));
    TZ.from_local_datetime(&naive).unwrap().with_timezone(&Utc)
}

/// The same time as RFC 3339, for JSON requests.
pub fn ts(local: &str) -> String {
    t(local).to_rfc3339()
}

/// A counter in `regime`, with staff `admin` (admin), `wang` and `kim` (receptionists),
/// `li` (supervisor) and `zhao` (custodian).
pub fn desk_with(regime: LegalRegime, locale: Locale) -> Desk {
    let mut desk = Desk::open_in_memory().unwrap();
    desk.init(
        &InitCounter {
            name: "阳光花园物业服务中心".into(),
            locale,
            time_zone: TZ.name().into(),
            legal_regime: regime,
            admin_login: "admin".into(),
            admin_name: "管理员".into(),
        },
        t("2026-11-01 08:00"),
    )
    .unwrap();
    for (login, name, role) in [
        ("wang", "王芳", "receptionist"),
        ("kim", "김민지", "receptionist"),
        ("li", "李强", "supervisor"),
        ("zhao", "赵敏", "custodian"),
    ] {
        call(
            &mut desk,
            "admin",
            "2026-11-01 08:05",
            "staff.add",
            json!({"login": login, "name": name, "role": role}),
        );
    }
    desk
}

/// A Chinese counter under the CN regime.
pub fn desk() -> Desk {
    desk_with(LegalRegime::Cn, Locale::ZhCn)
}

/// Call an operation that must succeed.
pub fn call(desk: &mut Desk, actor: &str, at: &str, op: &str, req: Value) -> Value {
    desk.call(actor, t(at), op, req.clone())
        .unwrap_or_else(|e| panic!("{op} {req} failed: {e:?}"))
}

/// Call an operation that must fail; returns the API error (code, message, field).
pub fn call_err(
    desk: &mut Desk,
    actor: &str,
    at: &str,
    op: &str,
    req: Value,
) -> frontdesk::ApiError {
    match desk.call_api(actor, t(at), op, req.clone()) {
        Ok(v) => panic!("{op} {req} should have failed, got {v}"),
        Err(e) => e,
    }
}

/// The number of audit events: a refused request must not change it.
pub fn audit_len(desk: &Desk) -> i64 {
    desk.conn()
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap()
}
