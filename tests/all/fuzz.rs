//! Property test: random JSON to every operation never panics, and a refused request changes
//! nothing; afterwards the database passes its integrity check and the audit chain verifies.
use crate::common::*;
use frontdesk::api;
use frontdesk::i18n::{self, Locale};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Map, Value};

/// Every request field name the catalogue knows (`field.<name>`): random requests use them as
/// keys, so they get past "unknown field" and reach validation and the state rules.
fn field_names() -> Vec<String> {
    let mut names: Vec<String> = i18n::catalogue(Locale::En)
        .keys()
        .filter_map(|k| k.strip_prefix("field.").map(str::to_owned))
        .collect();
    names.extend(
        [
            "id", "q", "kind", "status", "month", "results", "item_id", "ok", "note",
        ]
        .map(String::from),
    );
    names.sort();
    names.dedup();
    names
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..5).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null)),
        "[a-z_]{0,12}".prop_map(Value::String),
        "\\PC{0,30}".prop_map(Value::String),
        prop_oneof![
            Just("黑色钱包"),
            Just("검은색 지갑"),
            Just(""),
            Just("  "),
            Just("a\u{0}b"),
            Just("2026-11-24T09:00:00+08:00"),
            Just("2099-01-01T00:00:00Z"),
            Just("1999-01-01T00:00:00Z"),
            Just("not a time"),
            Just("2026-11"),
            Just("2026-13"),
            Just("FI-000001"),
            Just("wang"),
            Just("call"),
            Just("parcel"),
            Just("in"),
            Just("security"),
            Just("complaint"),
            Just("major"),
            Just("police"),
            Just("staff"),
            Just("facility_safety"),
            Just("<script>alert(1)</script>"),
        ]
        .prop_map(|s| Value::String(s.to_owned())),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn request(names: Vec<String>) -> impl Strategy<Value = Value> {
    prop::collection::vec((prop::sample::select(names), value()), 0..8).prop_map(|pairs| {
        let mut m = Map::new();
        for (k, v) in pairs {
            m.insert(k, v);
        }
        Value::Object(m)
    })
}

fn fingerprint(d: &frontdesk::Desk) -> (i64, String) {
    let n = audit_len(d);
    let last: String = d
        .conn()
        .query_row("SELECT coalesce(max(hash), '') FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)", [], |r| r.get(0))
        .unwrap();
    (n, last)
}

#[test]
fn random_requests_to_every_operation_never_panic_nor_change_anything_when_refused() {
    let d = std::cell::RefCell::new(desk());
    let names = field_names();
    let cases: u32 = std::env::var("FRONTDESK_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(48);
    let mut runner = TestRunner::new(Config {
        cases,
        ..Config::default()
    });
    let calls = std::cell::Cell::new(0u64);
    for op in api::registry() {
        for actor in ["wang", "admin"] {
            runner
                .run(&request(names.clone()), |req| {
                    let mut d = d.borrow_mut();
                    let before = fingerprint(&d);
                    let out = d.call_api(actor, t("2026-11-24 10:00"), op.name, req.clone());
                    calls.set(calls.get() + 1);
                    if let Err(e) = &out {
                        prop_assert!(!e.message.is_empty());
                        // A forbidden request changes nothing but is itself recorded (one
                        // `operation` / `refused` event naming the operation); a wrong current
                        // PIN counts against the throttle (one `pin_check_failed` event).
                        let trail = match e.code {
                            frontdesk::ErrorCode::Forbidden => Some(("operation", "refused")),
                            frontdesk::ErrorCode::WrongPin => Some(("staff", "pin_check_failed")),
                            _ => None,
                        };
                        let before = if let Some(expected) = trail {
                            let (entity, action, reason): (String, String, String) = d
                                .conn()
                                .query_row(
                                    "SELECT entity, action, reason FROM audit_log ORDER BY seq DESC LIMIT 1",
                                    [],
                                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                                )
                                .unwrap();
                            prop_assert_eq!((entity.as_str(), action.as_str()), expected);
                            prop_assert_eq!(reason.as_str(), op.name);
                            prop_assert_eq!(fingerprint(&d).0, before.0 + 1);
                            fingerprint(&d)
                        } else {
                            before.clone()
                        };
                        prop_assert_eq!(
                            fingerprint(&d),
                            before.clone(),
                            "{} {} refused ({:?}) but changed the database",
                            op.name,
                            req,
                            e.code
                        );
                    }
                    if !op.writes {
                        prop_assert_eq!(
                            fingerprint(&d),
                            before,
                            "read operation {} wrote",
                            op.name
                        );
                    }
                    Ok(())
                })
                .unwrap_or_else(|e| panic!("{}: {e}", op.name));
        }
    }
    assert!(calls.get() > 0);
    let d = d.into_inner();
    let ok: String = d
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    assert!(frontdesk::audit::verify(d.conn()).unwrap().ok());
}

#[test]
fn non_object_and_garbage_requests_are_refused_with_bad_request() {
    let mut d = desk();
    for op in api::registry() {
        for bad in [json!([1, 2]), json!("x"), json!(3)] {
            let e = d
                .call_api("admin", t("2026-11-24 10:00"), op.name, bad)
                .unwrap_err();
            assert_eq!(e.code, frontdesk::ErrorCode::BadRequest, "{}", op.name);
        }
    }
    let e = d
        .call_api("admin", t("2026-11-24 10:00"), "no.such.op", json!({}))
        .unwrap_err();
    assert_eq!(e.code, frontdesk::ErrorCode::UnknownOperation);
    let e = d
        .call_api("nobody", t("2026-11-24 10:00"), "profile.get", json!({}))
        .unwrap_err();
    assert_eq!(e.code, frontdesk::ErrorCode::NotFound);
}
