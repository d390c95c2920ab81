//! lost_found register: life cycle tests through the JSON operations.
use crate::common::*;
use frontdesk::i18n::Locale;
use frontdesk::profile::LegalRegime;
use frontdesk::{Desk, ErrorCode};
use serde_json::Value;

/// A found item handed in by a visitor.
fn visitor_find(category: &str, description: &str, place: &str, found: &str) -> Value {
    json!({
        "arrival": "visitor",
        "finder_name": "刘先生",
        "finder_contact": "13800000000",
        "found_at": ts(found),
        "found_place": place,
        "category": category,
        "description": description,
        "storage_location": "前台抽屉A",
    })
}

fn register(d: &mut Desk, actor: &str, at: &str, req: Value) -> Value {
    call(d, actor, at, "found_item.register", req)
}

fn codes(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v["code"].as_str().unwrap().to_owned())
        .collect()
}

fn search_codes(d: &mut Desk, q: &str) -> Vec<String> {
    codes(&call(
        d,
        "wang",
        "2026-11-30 12:00",
        "search",
        json!({ "q": q }),
    ))
}

fn open_of(d: &mut Desk, at: &str, kind: &str) -> Vec<Value> {
    call(d, "wang", at, "today.open_items", json!({}))
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == kind)
        .cloned()
        .collect()
}

#[test]
fn each_arrival_way_is_registered_with_its_people() {
    let mut d = desk();
    let v = register(
        &mut d,
        "wang",
        "2026-11-02 10:05",
        visitor_find("wallet", "黑色钱包", "东门售票处", "2026-11-02 09:40"),
    );
    assert_eq!(v["code"], "FI-000001");
    assert_eq!(v["arrival"], "visitor");
    assert_eq!(v["finder_name"], "刘先生");
    assert_eq!(v["status"], "in_custody");
    assert_eq!(
        v["valuable"], false,
        "a wallet is not a valuable by default"
    );
    assert_eq!(v["holder_name"], "王芳");
    assert_eq!(v["registered_by_name"], "王芳");

    let s = register(
        &mut d,
        "wang",
        "2026-11-02 11:00",
        json!({
            "arrival": "staff", "finder_staff": "kim", "found_at": ts("2026-11-02 10:30"),
            "found_place": "游客中心卫生间", "category": "phone", "description": "白色华为手机",
            "storage_location": "保险柜",
        }),
    );
    assert_eq!(s["code"], "FI-000002");
    assert_eq!(s["finder_name"], "김민지");
    assert_eq!(s["finder_staff_id"], 3);
    assert_eq!(s["valuable"], true, "phones are valuables by default");

    let o = register(
        &mut d,
        "wang",
        "2026-11-02 17:00",
        json!({
            "arrival": "on_site", "finder_staff": "ST-000005", "team_leader": "陈班长",
            "witness": "周师傅", "found_at": ts("2026-11-02 15:00"), "found_place": "观景台",
            "category": "cash", "description": "现金200元", "valuable": false,
            "storage_location": "保险柜",
        }),
    );
    assert_eq!(o["arrival"], "on_site");
    assert_eq!(o["finder_name"], "赵敏");
    assert_eq!(o["team_leader"], "陈班长");
    assert_eq!(o["witness"], "周师傅");
    assert_eq!(o["valuable"], false, "an explicit valuable flag wins");

    let before = audit_len(&d);
    let mut no_contact = visitor_find("umbrella", "伞", "东门", "2026-11-02 09:00");
    no_contact.as_object_mut().unwrap().remove("finder_contact");
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-02 18:00",
        "found_item.register",
        no_contact,
    );
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert_eq!(e.field.as_deref(), Some("finder_contact"));
    assert_eq!(e.message, "请填写拾得人联系方式。");
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-02 18:00",
        "found_item.register",
        json!({
            "arrival": "on_site", "finder_staff": "zhao", "team_leader": "陈班长",
            "found_at": ts("2026-11-02 15:00"), "found_place": "观景台", "category": "toy",
            "description": "玩具熊", "storage_location": "前台",
        }),
    );
    assert_eq!(
        e.field.as_deref(),
        Some("witness"),
        "all three names are required"
    );
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-02 18:00",
        "found_item.register",
        json!({
            "arrival": "staff", "finder_staff": "nobody", "found_at": ts("2026-11-02 15:00"),
            "found_place": "观景台", "category": "toy", "description": "玩具熊",
            "storage_location": "前台",
        }),
    );
    assert_eq!(e.field.as_deref(), Some("finder_staff"));
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-02 18:00",
        "found_item.register",
        visitor_find("toy", "玩具熊", "观景台", "2026-11-03 18:00"),
    );
    assert_eq!(e.field.as_deref(), Some("found_at"), "not in the future");
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-02 18:00",
        "found_item.register",
        visitor_find("car", "汽车", "停车场", "2026-11-02 15:00"),
    );
    assert_eq!(e.field.as_deref(), Some("category"));
    assert_eq!(
        audit_len(&d),
        before,
        "refused registrations change nothing"
    );

    let all = call(
        &mut d,
        "wang",
        "2026-11-02 18:00",
        "found_item.list",
        json!({}),
    );
    assert_eq!(codes(&all), vec!["FI-000003", "FI-000002", "FI-000001"]);
    let phones = call(
        &mut d,
        "wang",
        "2026-11-02 18:00",
        "found_item.list",
        json!({"category": "phone"}),
    );
    assert_eq!(codes(&phones), vec!["FI-000002"]);
    let window = call(
        &mut d,
        "wang",
        "2026-11-02 18:00",
        "found_item.list",
        json!({"from": ts("2026-11-02 10:00"), "to": ts("2026-11-02 12:00")}),
    );
    assert_eq!(codes(&window), vec!["FI-000002"]);
}

#[test]
fn private_features_are_only_returned_by_the_audited_read() {
    let mut d = desk();
    let mut req = visitor_find("wallet", "钱包 棕色", "东门", "2026-11-02 09:40");
    req["private_features"] = json!("内有身份证，姓张");
    req["valuable"] = json!(true);
    let reg = register(&mut d, "wang", "2026-11-02 10:00", req);
    let secret = "身份证";
    assert!(!reg.to_string().contains(secret));
    assert_eq!(reg["has_private_features"], true);

    let got = call(
        &mut d,
        "wang",
        "2026-11-02 10:01",
        "found_item.get",
        json!({"id": 1}),
    );
    assert!(got.get("private_features").is_none());
    assert!(!got.to_string().contains(secret));
    let list = call(
        &mut d,
        "wang",
        "2026-11-02 10:01",
        "found_item.list",
        json!({}),
    );
    assert!(!list.to_string().contains(secret));
    assert_eq!(search_codes(&mut d, "棕色"), vec!["FI-000001"]);
    assert!(search_codes(&mut d, secret).is_empty(), "not in the index");
    assert!(search_codes(&mut d, "姓张").is_empty());
    let open = call(
        &mut d,
        "wang",
        "2026-11-02 10:02",
        "today.open_items",
        json!({}),
    );
    assert!(open.to_string().contains("FI-000001"));
    assert!(!open.to_string().contains(secret));
    let history = call(
        &mut d,
        "wang",
        "2026-11-02 10:02",
        "history",
        json!({"code": "FI-000001"}),
    );
    assert!(
        !history.to_string().contains(secret),
        "nor in the audit log"
    );

    let before = audit_len(&d);
    let p = call(
        &mut d,
        "li",
        "2026-11-02 10:03",
        "found_item.private_features",
        json!({"id": 1}),
    );
    assert_eq!(p["private_features"], "内有身份证，姓张");
    assert_eq!(p["code"], "FI-000001");
    assert_eq!(audit_len(&d), before + 1);
    let history = call(
        &mut d,
        "wang",
        "2026-11-02 10:04",
        "history",
        json!({"code": "FI-000001"}),
    );
    let last = history.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "view_private");
    assert_eq!(last["actor"], "li");

    // Amending the private features keeps them out of the log and replaces them.
    call(
        &mut d,
        "wang",
        "2026-11-02 10:05",
        "found_item.amend",
        json!({"id": 1, "private_features": "内有银行卡", "reason": "核对后补充"}),
    );
    let history = call(
        &mut d,
        "wang",
        "2026-11-02 10:06",
        "history",
        json!({"code": "FI-000001"}),
    );
    assert!(!history.to_string().contains("银行卡"));
    let p = call(
        &mut d,
        "wang",
        "2026-11-02 10:07",
        "found_item.private_features",
        json!({"id": 1}),
    );
    assert_eq!(p["private_features"], "内有银行卡");
}

#[test]
fn a_chinese_report_ranks_the_black_wallet_first() {
    let mut d = desk();
    for (cat, desc, place, at) in [
        ("wallet", "棕色钱包 帆布", "东门", "2026-11-02 09:00"),
        ("umbrella", "黑色雨伞", "东门", "2026-11-02 09:30"),
        ("wallet", "钱包 黑色 皮质", "东门检票口", "2026-11-02 10:00"),
        ("bag", "黑色双肩包", "西门", "2026-11-02 11:00"),
        ("wallet", "红色钱包", "停车场", "2026-11-02 12:00"),
    ] {
        register(
            &mut d,
            "wang",
            "2026-11-02 13:00",
            visitor_find(cat, desc, place, at),
        );
    }
    let r = call(
        &mut d,
        "wang",
        "2026-11-02 14:00",
        "lost_report.file",
        json!({
            "reporter_name": "张女士", "contact": "13900000000", "lost_at": ts("2026-11-02 09:30"),
            "lost_from": ts("2026-11-02 09:00"), "lost_to": ts("2026-11-02 10:00"),
            "lost_place": "东门", "category": "wallet", "description": "黑色钱包",
        }),
    );
    assert_eq!(r["code"], "LR-000001");
    assert_eq!(r["status"], "open");
    let c = r["candidates"].as_array().unwrap();
    assert_eq!(c[0]["code"], "FI-000003", "{c:?}");
    assert_eq!(
        c[0]["reasons"],
        json!(["category", "time", "place", "description"])
    );
    let scores: Vec<u64> = c.iter().map(|x| x["score"].as_u64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "ranked: {scores:?}"
    );
    assert!(scores[0] <= 100 && scores[0] > scores[1]);

    // The other direction: the matches of the found item list the report.
    let m = call(
        &mut d,
        "wang",
        "2026-11-02 14:05",
        "lost_found.matches",
        json!({"found_item_id": 3}),
    );
    assert_eq!(codes(&m)[0], "LR-000001");
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-02 14:05",
        "lost_found.matches",
        json!({}),
    );
    assert_eq!(e.field.as_deref(), Some("found_item_id"));

    // A found item recorded after the report comes back with the report as a candidate.
    let late = register(
        &mut d,
        "wang",
        "2026-11-03 09:00",
        visitor_find(
            "wallet",
            "黑色钱包 内有少量现金",
            "东门",
            "2026-11-03 08:30",
        ),
    );
    assert_eq!(codes(&late["candidates"]), vec!["LR-000001"]);
}

#[test]
fn a_korean_report_ranks_the_black_wallet_first() {
    let mut d = desk_with(LegalRegime::Kr, Locale::Ko);
    for (cat, desc, place, at) in [
        ("wallet", "빨간색 카드 지갑", "주차장", "2026-11-02 09:00"),
        ("umbrella", "검은색 우산", "정문", "2026-11-02 09:30"),
        (
            "wallet",
            "검은색 가죽 지갑",
            "정문 매표소",
            "2026-11-02 10:00",
        ),
        ("phone", "검은색 휴대전화", "정문", "2026-11-02 10:30"),
    ] {
        let mut req = visitor_find(cat, desc, place, at);
        req["finder_name"] = json!("이영희");
        register(&mut d, "kim", "2026-11-02 13:00", req);
    }
    let r = call(
        &mut d,
        "kim",
        "2026-11-02 14:00",
        "lost_report.file",
        json!({
            "reporter_name": "박지성", "contact": "010-1234-5678", "lost_at": ts("2026-11-02 09:30"),
            "lost_place": "정문", "category": "wallet", "description": "검은색 지갑",
        }),
    );
    let c = r["candidates"].as_array().unwrap();
    assert_eq!(c[0]["code"], "FI-000003", "{c:?}");
    assert!(c[0]["reasons"]
        .as_array()
        .unwrap()
        .contains(&json!("description")));
    let m = call(
        &mut d,
        "kim",
        "2026-11-02 14:01",
        "lost_found.matches",
        json!({"lost_report_id": 1}),
    );
    assert_eq!(m, r["candidates"]);
    // Korean words are searchable in both registers.
    let hits = call(
        &mut d,
        "kim",
        "2026-11-02 14:02",
        "search",
        json!({"q": "지갑"}),
    );
    let mut found = codes(&hits);
    found.sort();
    assert_eq!(found, vec!["FI-000001", "FI-000003", "LR-000001"]);
    assert_eq!(search_codes(&mut d, "가죽"), vec!["FI-000003"]);
}

fn file_wallet_report(d: &mut Desk) -> Value {
    call(
        d,
        "wang",
        "2026-11-02 11:00",
        "lost_report.file",
        json!({
            "reporter_name": "张女士", "contact": "13900000000", "lost_at": ts("2026-11-02 09:00"),
            "lost_place": "东门", "category": "wallet", "description": "黑色钱包",
        }),
    )
}

fn claim_req(id: i64, last4: &str) -> Value {
    json!({
        "id": id, "claimant_name": "张女士", "contact": "13900000000",
        "id_doc_type": "resident_id", "id_last4": last4,
        "verification": "说出钱包内有身份证，姓名相符", "lost_report_id": 1,
    })
}

#[test]
fn a_claim_keeps_only_the_last_four_id_characters_and_closes_the_report() {
    let mut d = desk();
    register(
        &mut d,
        "wang",
        "2026-11-02 10:00",
        visitor_find("wallet", "黑色钱包", "东门", "2026-11-02 09:40"),
    );
    file_wallet_report(&mut d);

    let before = audit_len(&d);
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-02 15:00",
        "found_item.claim",
        claim_req(1, "110101199003071234"),
    );
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert_eq!(e.field.as_deref(), Some("id_last4"));
    assert!(e.message.contains("证件号码后四位"), "{}", e.message);
    let mut no_verification = claim_req(1, "123X");
    no_verification["verification"] = json!(" ");
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-02 15:00",
        "found_item.claim",
        no_verification,
    );
    assert_eq!(e.field.as_deref(), Some("verification"));
    assert_eq!(audit_len(&d), before);

    let c = call(
        &mut d,
        "wang",
        "2026-11-02 15:00",
        "found_item.claim",
        claim_req(1, "123x"),
    );
    assert_eq!(c["code"], "CL-000001");
    assert_eq!(c["id_last4"], "123X");
    assert_eq!(c["found_item_code"], "FI-000001");
    assert_eq!(c["lost_report_code"], "LR-000001");
    assert_eq!(c["handled_by_name"], "王芳");
    assert_eq!(c["claimed_at"], json!(t("2026-11-02 15:00")));
    let item = call(
        &mut d,
        "wang",
        "2026-11-02 15:01",
        "found_item.get",
        json!({"id": 1}),
    );
    assert_eq!(item["status"], "claimed");
    assert_eq!(item["claim"]["code"], "CL-000001");
    let report = call(
        &mut d,
        "wang",
        "2026-11-02 15:01",
        "lost_report.get",
        json!({"id": 1}),
    );
    assert_eq!(report["status"], "returned");
    assert_eq!(report["found_item_code"], "FI-000001");
    let got = call(
        &mut d,
        "wang",
        "2026-11-02 15:01",
        "claim.get",
        json!({"id": 1}),
    );
    assert_eq!(got, c);

    // The index follows the status.
    let claimed = call(
        &mut d,
        "wang",
        "2026-11-02 15:02",
        "search",
        json!({"q": "钱包", "status": "claimed"}),
    );
    assert_eq!(codes(&claimed), vec!["FI-000001"]);

    // A claimed item cannot be claimed again; nothing changes.
    let before = audit_len(&d);
    let e = call_err(
        &mut d,
        "li",
        "2026-11-02 16:00",
        "found_item.claim",
        json!({
            "id": 1, "claimant_name": "李四", "contact": "13700000000",
            "id_doc_type": "passport", "id_last4": "9876", "verification": "描述相符",
        }),
    );
    assert_eq!(e.code, ErrorCode::InvalidState);
    assert_eq!(e.message, "该拾得物品当前为“已认领”，不能认领。");
    assert_eq!(audit_len(&d), before);
    let item = call(
        &mut d,
        "wang",
        "2026-11-02 16:01",
        "found_item.get",
        json!({"id": 1}),
    );
    assert_eq!(item["claim"]["claimant_name"], "张女士");
    // Nor handed over or disposed.
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-02 16:02",
        "found_item.hand_over",
        json!({"id": 1, "to_staff": "zhao", "storage_location": "保险柜"}),
    );
    assert_eq!(e.code, ErrorCode::InvalidState);
    let e = call_err(
        &mut d,
        "li",
        "2026-11-02 16:02",
        "found_item.dispose",
        json!({"id": 1, "disposition": "finance"}),
    );
    assert_eq!(e.code, ErrorCode::InvalidState);
    assert_eq!(audit_len(&d), before);
}

#[test]
fn lost_reports_are_withdrawn_amended_and_never_linked_twice() {
    let mut d = desk();
    file_wallet_report(&mut d);
    register(
        &mut d,
        "wang",
        "2026-11-02 12:00",
        visitor_find("wallet", "黑色钱包", "东门", "2026-11-02 11:40"),
    );
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-02 12:00",
        "lost_report.file",
        json!({
            "reporter_name": "王五", "contact": "1", "lost_at": ts("2026-11-02 09:00"),
            "lost_from": ts("2026-11-02 10:00"), "lost_place": "东门", "category": "keys",
            "description": "钥匙",
        }),
    );
    assert_eq!(e.field.as_deref(), Some("lost_from"));

    let a = call(
        &mut d,
        "wang",
        "2026-11-02 12:10",
        "lost_report.amend",
        json!({"id": 1, "lost_place": "东门售票处", "reason": "失主补充"}),
    );
    assert_eq!(a["lost_place"], "东门售票处");
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-02 12:10",
        "lost_report.amend",
        json!({"id": 1, "lost_place": "西门"}),
    );
    assert_eq!(e.field.as_deref(), Some("reason"));

    let w = call(
        &mut d,
        "wang",
        "2026-11-02 12:20",
        "lost_report.withdraw",
        json!({"id": 1, "reason": "失主已自行找到"}),
    );
    assert_eq!(w["status"], "withdrawn");
    let open = call(
        &mut d,
        "wang",
        "2026-11-02 12:21",
        "lost_report.list",
        json!({"status": "open"}),
    );
    assert!(open.as_array().unwrap().is_empty());
    let m = call(
        &mut d,
        "wang",
        "2026-11-02 12:21",
        "lost_found.matches",
        json!({"found_item_id": 1}),
    );
    assert!(m.as_array().unwrap().is_empty(), "only open reports match");

    let before = audit_len(&d);
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-02 12:30",
        "lost_report.withdraw",
        json!({"id": 1, "reason": "again"}),
    );
    assert_eq!(e.code, ErrorCode::InvalidState);
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-02 12:30",
        "found_item.claim",
        claim_req(1, "1234"),
    );
    assert_eq!(e.code, ErrorCode::InvalidState);
    assert_eq!(e.message, "该失物登记当前为“已撤销”，不能关联认领。");
    assert_eq!(audit_len(&d), before);
    let item = call(
        &mut d,
        "wang",
        "2026-11-02 12:31",
        "found_item.get",
        json!({"id": 1}),
    );
    assert_eq!(
        item["status"], "in_custody",
        "the refused claim left no trace"
    );
}

#[test]
fn custody_hand_overs_and_the_valuable_open_item() {
    let mut d = desk();
    let mut req = visitor_find("phone", "黑色苹果手机", "东门", "2026-11-02 09:40");
    req["storage_location"] = json!("前台抽屉");
    register(&mut d, "wang", "2026-11-02 10:00", req);
    register(
        &mut d,
        "wang",
        "2026-11-02 10:05",
        visitor_find("umbrella", "蓝色雨伞", "东门", "2026-11-02 09:45"),
    );

    let v = open_of(&mut d, "2026-11-02 11:00", "valuable_to_custodian");
    assert_eq!(v.len(), 1, "only the valuable: {v:?}");
    assert_eq!(v[0]["code"], "FI-000001");
    assert_eq!(v[0]["overdue"], false);
    assert_eq!(
        v[0]["due_at"],
        json!(t("2026-11-02 23:59")),
        "the last minute of the found day"
    );
    let summary = v[0]["summary"].as_str().unwrap();
    assert!(summary.contains("失物招领负责人"), "{summary}");
    assert!(
        !summary.contains("FI-000001"),
        "the code is shown beside it: {summary}"
    );
    // A screen switched to Korean or English asks for its own words.
    for (locale, words) in [
        ("ko", "유실물 관리 책임자"),
        ("en", "lost-property custodian"),
    ] {
        let items = call(
            &mut d,
            "wang",
            "2026-11-02 11:00",
            "today.open_items",
            json!({ "locale": locale }),
        );
        let it = items
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["kind"] == "valuable_to_custodian")
            .unwrap();
        assert!(it["summary"].as_str().unwrap().contains(words), "{it}");
    }
    let v = open_of(&mut d, "2026-11-03 08:00", "valuable_to_custodian");
    assert_eq!(v[0]["overdue"], true, "not passed on the found day");
    assert_eq!(
        open_of(&mut d, "2026-11-03 08:00", "found_item_in_custody").len(),
        1
    );

    let e = call_err(
        &mut d,
        "wang",
        "2026-11-03 08:10",
        "found_item.hand_over",
        json!({"id": 1, "to_staff": "nobody", "storage_location": "保险柜"}),
    );
    assert_eq!(e.field.as_deref(), Some("to_staff"));

    // To another receptionist: recorded, but the valuable is still not with the custodian.
    call(
        &mut d,
        "wang",
        "2026-11-03 08:15",
        "found_item.hand_over",
        json!({"id": 1, "to_staff": "kim", "storage_location": "前台抽屉B"}),
    );
    assert_eq!(
        open_of(&mut d, "2026-11-03 08:20", "valuable_to_custodian").len(),
        1
    );
    let g = call(
        &mut d,
        "kim",
        "2026-11-03 09:00",
        "found_item.hand_over",
        json!({"id": 1, "to_staff": "zhao", "storage_location": "保险柜2号", "note": "贵重物品移交"}),
    );
    assert_eq!(g["holder_name"], "赵敏");
    assert_eq!(g["storage_location"], "保险柜2号");
    assert_eq!(g["custodian_since"], json!(t("2026-11-03 09:00")));
    let h = g["hand_overs"].as_array().unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(h[0]["from_staff_name"], "王芳");
    assert_eq!(h[0]["to_staff_name"], "김민지");
    assert_eq!(h[1]["from_staff_name"], "김민지");
    assert_eq!(h[1]["to_staff_name"], "赵敏");
    assert_eq!(h[1]["to_role"], "custodian");
    assert_eq!(h[1]["note"], "贵重物品移交");
    assert!(open_of(&mut d, "2026-11-03 09:10", "valuable_to_custodian").is_empty());
    let kept = open_of(&mut d, "2026-11-03 09:10", "found_item_in_custody");
    assert_eq!(kept.len(), 1, "valuables in custody go into the handover");
    assert!(kept[0]["summary"].as_str().unwrap().contains("保险柜2号"));
    assert_eq!(search_codes(&mut d, "保险柜2号"), vec!["FI-000001"]);
    let history = call(
        &mut d,
        "wang",
        "2026-11-03 09:11",
        "history",
        json!({"code": "FI-000001"}),
    );
    let actions: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, vec!["register", "hand_over", "hand_over"]);
}

fn retention(d: &mut Desk, at: &str, req: Value) -> Vec<Value> {
    call(d, "wang", at, "lost_found.retention", req)
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn retention_in_china_public_security_then_the_state_a_year_after_notice() {
    let mut d = desk();
    register(
        &mut d,
        "wang",
        "2026-11-02 10:00",
        visitor_find("bag", "黑色双肩包", "西门", "2026-11-02 09:00"),
    );
    let r = retention(&mut d, "2026-11-05 09:00", json!({}));
    assert_eq!(r[0]["step"], "public_security");
    assert_eq!(r[0]["due_date"], "2026-11-09");
    assert_eq!(r[0]["state_date"], "2027-11-02");
    assert_eq!(r[0]["overdue"], false);
    assert!(open_of(&mut d, "2026-11-05 09:00", "retention_due").is_empty());
    let due = open_of(&mut d, "2026-11-07 09:00", "retention_due");
    assert_eq!(due.len(), 1, "due within two days");
    assert!(due[0]["summary"].as_str().unwrap().contains("公安"));
    // When it is due is the item's due time (the last minute of the due day), shown beside the
    // summary; the summary does not say it again.
    assert_eq!(
        due[0]["due_at"],
        ts("2026-11-09 23:59").replace("+00:00", "Z")
    );
    assert!(
        !due[0]["summary"].as_str().unwrap().contains("11月9日"),
        "{}",
        due[0]["summary"]
    );

    let e = call_err(
        &mut d,
        "wang",
        "2026-11-06 09:00",
        "found_item.notice",
        json!({"id": 1, "notice_at": ts("2026-11-01 09:00")}),
    );
    assert_eq!(e.field.as_deref(), Some("notice_at"));
    let n = call(
        &mut d,
        "wang",
        "2026-11-06 09:00",
        "found_item.notice",
        json!({"id": 1, "notice_at": ts("2026-11-06 08:30")}),
    );
    assert_eq!(n["retention"]["step"], "state");
    assert_eq!(n["retention"]["due_date"], "2027-11-06");
    assert!(open_of(&mut d, "2026-11-08 09:00", "retention_due").is_empty());
    let r = retention(&mut d, "2027-11-07 09:00", json!({"within_days": 0}));
    assert_eq!(r[0]["overdue"], true);
    assert_eq!(r[0]["days_left"], -1);
}

#[test]
fn retention_in_korea_police_within_seven_local_days_overdue_first() {
    let mut d = desk_with(LegalRegime::Kr, Locale::Ko);
    // Just after local midnight: the local date is 3 November although UTC is still the 2nd.
    register(
        &mut d,
        "kim",
        "2026-11-03 01:00",
        visitor_find("keys", "열쇠 꾸러미", "정문", "2026-11-03 00:30"),
    );
    register(
        &mut d,
        "kim",
        "2026-11-10 10:00",
        visitor_find("glasses", "검은 안경", "정문", "2026-11-10 09:00"),
    );
    let r = retention(&mut d, "2026-11-11 09:00", json!({}));
    assert_eq!(codes(&json!(r)), vec!["FI-000001", "FI-000002"]);
    assert_eq!(r[0]["step"], "police");
    assert_eq!(r[0]["found_date"], "2026-11-03");
    assert_eq!(r[0]["due_date"], "2026-11-10");
    assert_eq!(r[0]["overdue"], true);
    assert_eq!(r[1]["due_date"], "2026-11-17");
    assert_eq!(r[1]["overdue"], false);
    let soon = retention(&mut d, "2026-11-11 09:00", json!({"within_days": 2}));
    assert_eq!(codes(&json!(soon)), vec!["FI-000001"]);
    let due = open_of(&mut d, "2026-11-11 09:00", "retention_due");
    assert_eq!(due.len(), 1);
    assert_eq!(due[0]["overdue"], true);
    assert!(due[0]["summary"].as_str().unwrap().contains("경찰 인계"));
    let e = call_err(
        &mut d,
        "kim",
        "2026-11-11 09:00",
        "lost_found.retention",
        json!({"within_days": -1}),
    );
    assert_eq!(e.field.as_deref(), Some("within_days"));
}

#[test]
fn retention_elsewhere_finance_on_the_first_of_the_month_after_holding() {
    let mut d = desk_with(LegalRegime::Other, Locale::En);
    register(
        &mut d,
        "wang",
        "2026-11-02 10:00",
        visitor_find("clothing", "grey scarf", "lobby", "2026-11-02 09:00"),
    );
    register(
        &mut d,
        "wang",
        "2026-11-02 10:00",
        visitor_find("umbrella", "blue umbrella", "lobby", "2026-10-01 09:00"),
    );
    let r = retention(&mut d, "2026-11-02 11:00", json!({}));
    // 2 Nov + 30 days = 2 Dec → 1 Jan; 1 Oct + 30 days = 31 Oct → 1 Nov (overdue).
    assert_eq!(codes(&json!(r)), vec!["FI-000002", "FI-000001"]);
    assert_eq!(r[0]["due_date"], "2026-11-01");
    assert_eq!(r[0]["overdue"], true);
    assert_eq!(r[1]["step"], "finance");
    assert_eq!(r[1]["due_date"], "2027-01-01");
}

#[test]
fn disposal_is_for_supervisors_and_only_from_custody() {
    let mut d = desk();
    register(
        &mut d,
        "wang",
        "2026-11-02 10:00",
        visitor_find("bag", "黑色双肩包", "西门", "2026-11-02 09:00"),
    );
    let before = audit_len(&d);
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-09 10:00",
        "found_item.dispose",
        json!({"id": 1, "disposition": "police", "reference": "公(2026)123号"}),
    );
    assert_eq!(e.code, ErrorCode::Forbidden);
    assert_eq!(e.message, "只有客服主管才能处置拾得物品。");
    // Nothing changed; the refusal itself is in the trail.
    assert_eq!(audit_len(&d), before + 1);
    let e = call_err(
        &mut d,
        "li",
        "2026-11-09 10:00",
        "found_item.dispose",
        json!({"id": 1, "disposition": "burn"}),
    );
    assert_eq!(e.field.as_deref(), Some("disposition"));

    let x = call(
        &mut d,
        "li",
        "2026-11-09 10:00",
        "found_item.dispose",
        json!({"id": 1, "disposition": "police", "reference": "公(2026)123号", "note": "派出所民警接收"}),
    );
    assert_eq!(x["status"], "handed_to_police");
    assert_eq!(x["disposal_reference"], "公(2026)123号");
    assert_eq!(x["closed_by"], 4);
    assert!(retention(&mut d, "2026-11-09 10:01", json!({})).is_empty());
    let before = audit_len(&d);
    let e = call_err(
        &mut d,
        "li",
        "2026-11-09 10:02",
        "found_item.dispose",
        json!({"id": 1, "disposition": "finance"}),
    );
    assert_eq!(e.code, ErrorCode::InvalidState);
    assert_eq!(audit_len(&d), before);
    let hit = call(
        &mut d,
        "wang",
        "2026-11-09 10:03",
        "search",
        json!({"q": "双肩包"}),
    );
    assert_eq!(hit[0]["status"], "handed_to_police");
}

#[test]
fn good_deeds_and_the_monthly_summary() {
    let mut d = desk();
    let staff_find = |finder: &str, at: &str, desc: &str| {
        json!({
            "arrival": "staff", "finder_staff": finder, "found_at": ts(at),
            "found_place": "园区", "category": "other", "description": desc,
            "storage_location": "前台",
        })
    };
    register(
        &mut d,
        "wang",
        "2026-11-03 10:00",
        staff_find("wang", "2026-11-03 09:00", "水杯"),
    );
    register(
        &mut d,
        "wang",
        "2026-11-20 10:00",
        json!({
            "arrival": "on_site", "finder_staff": "kim", "team_leader": "陈班长",
            "witness": "周师傅", "found_at": ts("2026-11-20 09:00"), "found_place": "观景台",
            "category": "phone", "description": "手机", "storage_location": "保险柜",
        }),
    );
    register(
        &mut d,
        "wang",
        "2026-11-21 10:00",
        staff_find("wang", "2026-11-21 09:00", "帽子"),
    );
    register(
        &mut d,
        "wang",
        "2026-12-01 00:30",
        staff_find("wang", "2026-12-01 00:10", "围巾"),
    );
    register(
        &mut d,
        "wang",
        "2026-11-22 10:00",
        visitor_find("umbrella", "伞", "东门", "2026-11-22 09:00"),
    );
    call(
        &mut d,
        "wang",
        "2026-11-22 11:00",
        "lost_report.file",
        json!({
            "reporter_name": "张女士", "contact": "13900000000", "lost_at": ts("2026-11-22 08:00"),
            "lost_place": "东门", "category": "umbrella", "description": "雨伞",
        }),
    );
    call(
        &mut d,
        "wang",
        "2026-11-22 12:00",
        "found_item.claim",
        json!({
            "id": 5, "claimant_name": "张女士", "contact": "13900000000",
            "id_doc_type": "resident_id", "id_last4": "0012", "verification": "描述相符",
            "lost_report_id": 1,
        }),
    );
    call(
        &mut d,
        "wang",
        "2026-11-20 11:00",
        "found_item.hand_over",
        json!({"id": 2, "to_staff": "zhao", "storage_location": "保险柜"}),
    );

    let g = call(
        &mut d,
        "li",
        "2026-12-01 09:00",
        "lost_found.good_deeds",
        json!({"month": "2026-11"}),
    );
    let rows = g.as_array().unwrap();
    assert_eq!(rows.len(), 2, "{g}");
    let by_name = |name: &str| rows.iter().find(|r| r["staff_name"] == name).unwrap();
    assert_eq!(by_name("王芳")["count"], 2);
    assert_eq!(
        codes(&by_name("王芳")["items"]),
        vec!["FI-000001", "FI-000003"]
    );
    assert_eq!(by_name("김민지")["count"], 1);
    assert_eq!(by_name("김민지")["items"][0]["arrival"], "on_site");
    let dec = call(
        &mut d,
        "li",
        "2026-12-01 09:00",
        "lost_found.good_deeds",
        json!({"month": "2026-12"}),
    );
    assert_eq!(codes(&dec[0]["items"]), vec!["FI-000004"], "local month");
    let e = call_err(
        &mut d,
        "li",
        "2026-12-01 09:00",
        "lost_found.good_deeds",
        json!({"month": "2026-13"}),
    );
    assert_eq!(e.field.as_deref(), Some("month"));
    assert!(e.message.contains("月份"));

    let s = call(
        &mut d,
        "li",
        "2026-12-01 09:00",
        "lost_found.summary",
        json!({"month": "2026-11"}),
    );
    assert_eq!(s["found"], 4);
    assert_eq!(s["found_valuable"], 1);
    let count = |list: &Value, key: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|c| c["key"] == key)
            .unwrap()["count"]
            .clone()
    };
    assert_eq!(count(&s["found_by_category"], "other"), 2);
    assert_eq!(count(&s["found_by_category"], "phone"), 1);
    assert_eq!(count(&s["found_by_arrival"], "staff"), 2);
    assert_eq!(count(&s["found_by_status"], "claimed"), 1);
    assert_eq!(count(&s["found_by_status"], "in_custody"), 3);
    assert_eq!(s["reports"], 1);
    assert_eq!(count(&s["reports_by_status"], "returned"), 1);
    assert_eq!(s["claims"], 1);
    assert_eq!(s["hand_overs"], 1);
}

#[test]
fn amendments_need_a_reason_and_keep_the_index_current() {
    let mut d = desk();
    register(
        &mut d,
        "wang",
        "2026-11-02 10:00",
        visitor_find("wallet", "黑色钱包", "东门", "2026-11-02 09:40"),
    );
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-02 10:10",
        "found_item.amend",
        json!({"id": 1, "description": "棕色钱包"}),
    );
    assert_eq!(e.field.as_deref(), Some("reason"));
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-02 10:10",
        "found_item.amend",
        json!({"id": 1, "team_leader": "陈班长", "reason": "补充"}),
    );
    assert_eq!(
        e.field.as_deref(),
        Some("team_leader"),
        "visitor finds have none"
    );
    let a = call(
        &mut d,
        "wang",
        "2026-11-02 10:10",
        "found_item.amend",
        json!({"id": 1, "description": "棕色钱包", "category": "bag", "reason": "登记错误"}),
    );
    assert_eq!(a["description"], "棕色钱包");
    assert_eq!(a["category"], "bag");
    assert_eq!(search_codes(&mut d, "棕色"), vec!["FI-000001"]);
    assert!(search_codes(&mut d, "黑色").is_empty());
    assert_eq!(
        search_codes(&mut d, "bag"),
        vec!["FI-000001"],
        "category labels"
    );
    assert_eq!(search_codes(&mut d, "가방"), vec!["FI-000001"]);
    let history = call(
        &mut d,
        "wang",
        "2026-11-02 10:11",
        "history",
        json!({"code": "FI-000001"}),
    );
    let last = history.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "amend");
    assert_eq!(last["reason"], "登记错误");
    assert_eq!(last["before"]["description"], "黑色钱包");
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-02 10:12",
        "found_item.get",
        json!({"id": 99}),
    );
    assert_eq!(e.code, ErrorCode::NotFound);
    let deleted = d
        .conn()
        .execute("DELETE FROM found_item WHERE id = 1", [])
        .unwrap_err();
    assert!(deleted.to_string().contains("never deleted"));
}
