//! Core: profile, staff, errors, audit trail, search plumbing.
use crate::common::*;
use frontdesk::ErrorCode;
use serde_json::json;

#[test]
fn staff_are_added_by_an_admin_only_and_errors_name_the_field() {
    let mut d = desk();
    let before = audit_len(&d);
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-02 09:00",
        "staff.add",
        json!({"login": "x", "name": "X", "role": "admin"}),
    );
    assert_eq!(e.code, ErrorCode::Forbidden);
    assert!(e.message.contains("管理员"), "translated: {}", e.message);
    let e = call_err(
        &mut d,
        "admin",
        "2026-11-02 09:00",
        "staff.add",
        json!({"login": "x", "name": "  ", "role": "admin"}),
    );
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert_eq!(e.field.as_deref(), Some("name"));
    assert_eq!(e.message, "请填写名称。");
    let e = call_err(
        &mut d,
        "admin",
        "2026-11-02 09:00",
        "staff.add",
        json!({"login": "x", "role": "admin"}),
    );
    assert_eq!(e.field.as_deref(), Some("name"));
    let e = call_err(
        &mut d,
        "admin",
        "2026-11-02 09:00",
        "staff.add",
        json!({"login": "x", "name": "X", "role": "boss"}),
    );
    assert_eq!(e.field.as_deref(), Some("role"));
    // Refused requests change nothing; only the forbidden one is recorded, as a refusal.
    assert_eq!(audit_len(&d), before + 1, "refused requests change nothing");
    let s = call(
        &mut d,
        "admin",
        "2026-11-02 09:00",
        "staff.add",
        json!({"login": "park", "name": "박서준", "role": "receptionist"}),
    );
    assert_eq!(s["code"], "ST-000006");
    let me = call(&mut d, "park", "2026-11-02 09:01", "staff.me", json!({}));
    assert_eq!(me["name"], "박서준");
}

#[test]
fn search_finds_short_chinese_and_korean_words_and_codes() {
    use frontdesk::search::{index, search, Register, SearchDoc, SearchQuery};
    let d = desk();
    let docs = [
        (1, "黑色钱包，内有身份证", "open"),
        (2, "검은색 지갑과 우산", "open"),
        (3, "蓝色雨伞", "returned"),
        (4, "Parcel SF1234567890 for Room 1203", "open"),
    ];
    for (id, text, status) in docs {
        index(
            d.conn(),
            &SearchDoc {
                register: Register::FoundItem,
                record_id: id,
                code: format!("FI-{id:06}"),
                title: text.into(),
                texts: vec![],
                status,
                at: t("2026-11-02 10:00"),
            },
        )
        .unwrap();
    }
    let find = |q: &str| -> Vec<i64> {
        let mut ids: Vec<i64> = search(
            d.conn(),
            &SearchQuery {
                q: q.into(),
                ..Default::default()
            },
        )
        .unwrap()
        .into_iter()
        .map(|h| h.record_id)
        .collect();
        ids.sort();
        ids
    };
    assert_eq!(find("钱包"), vec![1]);
    assert_eq!(find("黑色钱包"), vec![1]);
    assert_eq!(find("钱"), vec![1]);
    assert_eq!(find("伞"), vec![3]);
    assert_eq!(find("지갑"), vec![2]);
    assert_eq!(find("우산"), vec![2]);
    assert_eq!(find("검은색 지갑"), vec![2]);
    assert_eq!(find("567890"), vec![4]);
    assert_eq!(find("sf123"), vec![4], "case-insensitive");
    assert_eq!(find("FI-000003"), vec![3]);
    assert_eq!(find("frontdesk:FI-000002"), vec![2]);
    assert_eq!(find("钱包 雨伞"), Vec::<i64>::new(), "all words must match");
    let only_open = search(
        d.conn(),
        &SearchQuery {
            q: "色".into(),
            status: Some("open".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        only_open.iter().map(|h| h.record_id).collect::<Vec<_>>(),
        vec![1]
    );
    assert_eq!(find("色"), vec![1, 3]);
}
