//! Property test: random JSON to every operation never panics, and a refused request changes
//! nothing; afterwards the database passes its integrity check and the audit chain verifies.
use crate::common::*;
use frontdesk::api;
use frontdesk::i18n::{self, Locale};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
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

/// Cases per operation and actor: `FRONTDESK_FUZZ_CASES`, else `PROPTEST_CASES`, else the CI
/// default. Longer runs by hand: `FRONTDESK_FUZZ_CASES=2000 cargo test --test all fuzz`.
pub fn fuzz_cases(default: u32) -> u32 {
    ["FRONTDESK_FUZZ_CASES", "PROPTEST_CASES"]
        .iter()
        .find_map(|v| std::env::var(v).ok().and_then(|s| s.parse().ok()))
        .unwrap_or(default)
}

/// A runner of its own for each target, seeded from its name and `FRONTDESK_FUZZ_SEED`, so
/// every target gets its full count of cases (one shared runner stops counting after the
/// first) and different requests, and a failure can be replayed.
pub fn runner_for(target: &str, cases: u32) -> TestRunner {
    use sha2::Digest;
    let base = std::env::var("FRONTDESK_FUZZ_SEED").unwrap_or_else(|_| "20261124".into());
    let seed: [u8; 32] = sha2::Sha256::digest(format!("{base}/{target}")).into();
    TestRunner::new_with_rng(
        Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::from_seed(RngAlgorithm::ChaCha, &seed),
    )
}

#[test]
fn random_requests_to_every_operation_never_panic_nor_change_anything_when_refused() {
    let d = std::cell::RefCell::new(desk());
    let names = field_names();
    let cases = fuzz_cases(500);
    let calls = std::cell::Cell::new(0u64);
    let refused = std::cell::Cell::new(0u64);
    for op in api::registry() {
        for actor in ["wang", "admin"] {
            runner_for(&format!("{}/{actor}", op.name), cases)
                .run(&request(names.clone()), |req| {
                    let mut d = d.borrow_mut();
                    let before = fingerprint(&d);
                    let out = d.call_api(actor, t("2026-11-24 10:00"), op.name, req.clone());
                    calls.set(calls.get() + 1);
                    if let Err(e) = &out {
                        refused.set(refused.get() + 1);
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
    let refused = refused.get();
    println!(
        "fuzz: {} random requests to {} operations ({cases} per operation and actor), {refused} refused, 0 panics",
        calls.get(),
        api::registry().len()
    );
    assert_eq!(
        calls.get(),
        api::registry().len() as u64 * 2 * u64::from(cases),
        "every operation got its cases"
    );
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

/// A candidate backup file for the restore path.
#[derive(Debug, Clone)]
enum Candidate {
    /// Bytes from nowhere.
    Random(Vec<u8>),
    /// A good backup with bytes changed at a few places.
    Flipped(Vec<(usize, u8)>),
    /// A good backup cut short.
    Truncated(usize),
    /// A good backup with one whole page overwritten.
    Page(usize, u8),
}

fn candidate() -> impl Strategy<Value = Candidate> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..9000).prop_map(Candidate::Random),
        prop::collection::vec((any::<usize>(), any::<u8>()), 1..12).prop_map(Candidate::Flipped),
        any::<usize>().prop_map(Candidate::Truncated),
        (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Candidate::Page(p, b)),
    ]
}

fn build(good: &[u8], c: &Candidate) -> Vec<u8> {
    match c {
        Candidate::Random(b) => b.clone(),
        Candidate::Flipped(flips) => {
            let mut b = good.to_vec();
            for (at, x) in flips {
                let i = at % b.len();
                b[i] ^= x | 1;
            }
            b
        }
        Candidate::Truncated(at) => good[..at % good.len()].to_vec(),
        Candidate::Page(p, x) => {
            let mut b = good.to_vec();
            let pages = b.len() / 4096;
            let start = (p % pages) * 4096;
            for (i, byte) in b[start..start + 4096].iter_mut().enumerate() {
                *byte = (i as u8).wrapping_mul(31) ^ x;
            }
            b
        }
    }
}

/// The live database as bytes on disk (file and WAL): a refused restore must not change them.
fn file_state(path: &std::path::Path) -> Vec<u8> {
    let mut b = std::fs::read(path).unwrap();
    if let Ok(w) = std::fs::read(path.with_extension("sqlite3-wal")) {
        b.extend(w);
    }
    b
}

#[test]
fn random_and_mutated_backups_fed_to_check_and_restore_never_panic_nor_harm_the_live_file() {
    use frontdesk::backup;
    use std::cell::Cell;
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live.sqlite3");
    let good_path = dir.path().join("good.sqlite3");
    {
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
            "2026-11-24 08:40",
            "parcel.receive",
            json!({"kind": "letter", "recipient_name": "김민지", "recipient_unit": "2-301"}),
        );
        backup::backup_to(d.db(), &good_path).unwrap();
        backup::backup_to(d.db(), &live).unwrap();
    }
    let good = std::fs::read(&good_path).unwrap();
    let cases = fuzz_cases(500) / 2;
    let (refused, accepted, opened) = (Cell::new(0u32), Cell::new(0u32), Cell::new(0u32));
    let bump = |c: &Cell<u32>| c.set(c.get() + 1);
    let seq = Cell::new(0u32);
    runner_for("restore", cases)
        .run(&candidate(), |c| {
            let n = seq.get();
            seq.set(n + 1);
            let file = dir.path().join(format!("candidate-{n}.sqlite3"));
            std::fs::write(&file, build(&good, &c)).unwrap();
            let before = file_state(&live);
            let check = backup::check_file(&file);
            match backup::restore(&live, &file, &format!("case{n}")) {
                Err(e) => {
                    bump(&refused);
                    prop_assert!(!e.to_api(Locale::En).message.is_empty());
                    prop_assert!(
                        !matches!(&check, Ok(c) if c.ok()),
                        "a file that verified was refused: {e}"
                    );
                    prop_assert!(
                        file_state(&live) == before,
                        "a refused restore changed the live file"
                    );
                }
                Ok(r) => {
                    // Only a file that verifies is restored, and the result is sound.
                    bump(&accepted);
                    prop_assert!(r.from.ok());
                    let d = frontdesk::Desk::open(&live).unwrap();
                    prop_assert!(d.health().ok);
                    drop(d);
                    backup::restore(&live, &good_path, &format!("reset{n}")).unwrap();
                }
            }
            // The same bytes as a live database the app opens at start-up: an error or a
            // health report, never a panic.
            let as_live = dir.path().join(format!("as-live-{n}.sqlite3"));
            std::fs::rename(&file, &as_live).unwrap();
            if let Ok(d) = frontdesk::Desk::open(&as_live) {
                bump(&opened);
                let _ = d.health();
            }
            let _ = backup::health(&as_live, dir.path());
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", as_live.display()));
            }
            Ok(())
        })
        .unwrap();
    let (refused, accepted, opened) = (refused.get(), accepted.get(), opened.get());
    println!(
        "restore fuzz: {cases} candidate files, {refused} refused, {accepted} verified and restored, \
         {opened} opened as a live database, 0 panics"
    );
    assert_eq!(refused + accepted, cases);
    assert!(refused > cases / 2, "most damaged files are refused");
    let d = frontdesk::Desk::open(&live).unwrap();
    assert!(d.health().ok);
}
