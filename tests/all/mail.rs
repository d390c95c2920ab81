//! Mail and parcels: life cycles, duplicate tracking numbers, state rules, reminders, identity
//! digits, search in Chinese and Korean, open items, carrier guesses — all through the JSON ops.
use crate::common::*;
use frontdesk::i18n::{self, Locale};
use frontdesk::profile::LegalRegime;
use frontdesk::ErrorCode;
use serde_json::Value;

fn parcel(d: &mut frontdesk::Desk, at: &str, req: Value) -> Value {
    call(d, "wang", at, "parcel.receive", req)
}

fn sf_parcel(recipient: &str, unit: &str, tracking: &str) -> Value {
    json!({
        "kind": "parcel",
        "carrier": "顺丰速运",
        "tracking_no": tracking,
        "recipient_name": recipient,
        "recipient_unit": unit,
        "recipient_contact": "138 0000 1234",
        "storage_location": "A-3",
    })
}

fn id(v: &Value) -> i64 {
    v["id"].as_i64().expect("an id")
}

fn open_items_of(d: &mut frontdesk::Desk, at: &str) -> Vec<Value> {
    let items = call(d, "wang", at, "today.open_items", json!({}));
    items
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["register"] == "parcel")
        .cloned()
        .collect()
}

#[test]
fn incoming_parcel_is_received_notified_twice_and_picked_up() {
    let mut d = desk();
    let p = parcel(
        &mut d,
        "2026-11-24 09:00",
        sf_parcel("김민수", "3栋1203", "  sf 1234 5678 90123 "),
    );
    assert_eq!(p["code"], "PC-000001");
    assert_eq!(p["direction"], "in");
    assert_eq!(p["status"], "received");
    assert_eq!(
        p["tracking_no"], "sf1234567890123",
        "as typed, spaces dropped"
    );
    assert_eq!(p["received_by_name"], "王芳");
    assert_eq!(
        p["received_at"],
        ts("2026-11-24 09:00").replace("+00:00", "Z")
    );
    let pid = id(&p);

    let n = call(
        &mut d,
        "wang",
        "2026-11-24 09:05",
        "parcel.notify",
        json!({"id": pid, "channel": "phone", "note": "无人接听"}),
    );
    assert_eq!(n["status"], "notified");
    let n = call(
        &mut d,
        "kim",
        "2026-11-24 14:00",
        "parcel.notify",
        json!({"id": pid, "channel": "kakao"}),
    );
    let notes = n["notifications"].as_array().unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0]["channel"], "phone");
    assert_eq!(notes[0]["by_name"], "王芳");
    assert_eq!(notes[0]["note"], "无人接听");
    assert_eq!(notes[1]["channel"], "kakao");
    assert_eq!(notes[1]["by_name"], "김민지");

    let done = call(
        &mut d,
        "kim",
        "2026-11-25 18:30",
        "parcel.pick_up",
        json!({"id": pid, "picked_up_by": "이영희", "on_behalf_of": "김민수",
               "id_checked": true, "id_doc_type": "주민등록증", "id_last4": "123x"}),
    );
    assert_eq!(done["status"], "picked_up");
    assert_eq!(done["picked_up_by"], "이영희");
    assert_eq!(done["on_behalf_of"], "김민수");
    assert_eq!(done["id_last4"], "123X");
    assert_eq!(done["id_checked"], true);
    assert!(done["closed_at"].is_string());

    let got = call(
        &mut d,
        "wang",
        "2026-11-26 09:00",
        "parcel.get",
        json!({"id": pid}),
    );
    assert_eq!(got, done, "get shows what the last write returned");
    let history = call(
        &mut d,
        "li",
        "2026-11-26 09:00",
        "history",
        json!({"code": "PC-000001"}),
    );
    let actions: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["receive", "notify", "notify", "pick_up"]);
    // Nothing of a waiting item is left once it was picked up.
    assert!(open_items_of(&mut d, "2026-12-20 09:00").is_empty());
}

#[test]
fn a_tracking_number_is_refused_while_open_and_accepted_after_pick_up() {
    let mut d = desk();
    let first = parcel(
        &mut d,
        "2026-11-24 09:00",
        sf_parcel("王建国", "1-101", "SF1234567890123"),
    );
    let before = audit_len(&d);
    // Same number, other spacing and case: the same item scanned twice.
    let e = call_err(
        &mut d,
        "kim",
        "2026-11-24 09:30",
        "parcel.receive",
        sf_parcel("王建国", "1-101", "sf 1234567890123"),
    );
    assert_eq!(e.code, ErrorCode::Duplicate);
    assert_eq!(e.field.as_deref(), Some("tracking_no"));
    assert_eq!(e.message, "运单号已被使用：PC-000001。");
    assert_eq!(audit_len(&d), before, "a refused receipt changes nothing");

    // Another open item may not take that number by amendment either.
    let other = parcel(
        &mut d,
        "2026-11-24 10:00",
        sf_parcel("李四", "2-202", "YT1234567890123"),
    );
    let before = audit_len(&d);
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 10:05",
        "parcel.amend",
        json!({"id": id(&other), "tracking_no": "SF1234567890123", "reason": "扫错了"}),
    );
    assert_eq!(e.code, ErrorCode::Duplicate);
    assert_eq!(audit_len(&d), before);

    call(
        &mut d,
        "wang",
        "2026-11-24 12:00",
        "parcel.pick_up",
        json!({"id": id(&first), "picked_up_by": "王建国", "id_checked": false}),
    );
    // Closed now: the number may come back (a second delivery with the same waybill).
    let again = parcel(
        &mut d,
        "2026-11-28 09:00",
        sf_parcel("王建国", "1-101", "SF1234567890123"),
    );
    assert_eq!(again["code"], "PC-000003");
    // The partial unique index guards the rule below the program too: reopening the closed
    // duplicate with plain SQL is refused by the database.
    let sql = d.conn().execute(
        "UPDATE parcel SET status = 'received' WHERE id = ?1",
        [id(&first)],
    );
    assert!(sql.is_err(), "{sql:?}");
}

#[test]
fn refused_transitions_are_invalid_state_and_change_nothing() {
    let mut d = desk();
    let p = parcel(
        &mut d,
        "2026-11-24 09:00",
        sf_parcel("张三", "5-501", "JDVA01234567890"),
    );
    let pid = id(&p);
    let r = call(
        &mut d,
        "wang",
        "2026-11-24 09:10",
        "parcel.return",
        json!({"id": pid, "reason": "查无此人，退回寄件人"}),
    );
    assert_eq!(r["status"], "returned");
    assert_eq!(r["return_reason"], "查无此人，退回寄件人");

    let out = call(
        &mut d,
        "wang",
        "2026-11-24 09:20",
        "parcel.accept_outgoing",
        json!({"kind": "registered", "sender": "赵六 (8-808)", "recipient_name": "北京市税务局"}),
    );
    let oid = id(&out);
    assert_eq!(out["status"], "accepted");

    let before = audit_len(&d);
    let refused = [
        (
            "parcel.pick_up",
            json!({"id": pid, "picked_up_by": "张三", "id_checked": false}),
        ),
        ("parcel.notify", json!({"id": pid, "channel": "sms"})),
        ("parcel.return", json!({"id": pid, "reason": "再退一次"})),
        (
            "parcel.exception",
            json!({"id": pid, "kind": "damaged", "report": "外包装破损"}),
        ),
        ("parcel.dispatch", json!({"id": pid})),
        (
            "parcel.pick_up",
            json!({"id": oid, "picked_up_by": "赵六", "id_checked": false}),
        ),
        ("parcel.notify", json!({"id": oid, "channel": "phone"})),
    ];
    for (op, req) in refused {
        let e = call_err(&mut d, "wang", "2026-11-24 10:00", op, req.clone());
        assert_eq!(e.code, ErrorCode::InvalidState, "{op} {req}");
    }
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 10:00",
        "parcel.pick_up",
        json!({"id": pid, "picked_up_by": "张三", "id_checked": false}),
    );
    assert_eq!(e.message, "该信件包裹当前为“已退回”，不能领取。");
    assert_eq!(audit_len(&d), before, "refused moves change nothing");
    let still = call(
        &mut d,
        "wang",
        "2026-11-24 10:00",
        "parcel.get",
        json!({"id": pid}),
    );
    assert_eq!(still["status"], "returned");
    assert!(still["notifications"].as_array().unwrap().is_empty());

    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 10:00",
        "parcel.get",
        json!({"id": 99}),
    );
    assert_eq!(e.code, ErrorCode::NotFound);
    assert_eq!(e.message, "未找到信件包裹 PC-000099。");
}

#[test]
fn refusals_read_well_in_korean_and_english() {
    for (locale, expect) in [
        (
            Locale::Ko,
            "이 우편물 기록은 '반송됨' 상태라서 수령 처리할 수 없습니다.",
        ),
        (
            Locale::En,
            "This Mail item is returned to sender: you cannot deliver it.",
        ),
    ] {
        let mut d = desk_with(LegalRegime::Kr, locale);
        let p = parcel(
            &mut d,
            "2026-11-24 09:00",
            json!({"kind": "letter", "recipient_name": "김민수"}),
        );
        call(
            &mut d,
            "kim",
            "2026-11-24 09:10",
            "parcel.return",
            json!({"id": id(&p), "reason": "수취인 불명"}),
        );
        let e = call_err(
            &mut d,
            "kim",
            "2026-11-24 09:20",
            "parcel.pick_up",
            json!({"id": id(&p), "picked_up_by": "김민수", "id_checked": false}),
        );
        assert_eq!(e.message, expect);
    }
}

#[test]
fn outgoing_items_are_dispatched_and_exceptions_are_recorded() {
    let mut d = desk();
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 09:00",
        "parcel.accept_outgoing",
        json!({"kind": "parcel", "sender": "  ", "recipient_name": "上海某公司"}),
    );
    assert_eq!(e.field.as_deref(), Some("sender"));
    assert_eq!(e.message, "请填写寄件人。");

    let out = call(
        &mut d,
        "wang",
        "2026-11-24 09:00",
        "parcel.accept_outgoing",
        json!({"kind": "parcel", "sender": "刘洋 7-702", "recipient_name": "上海某公司",
               "recipient_unit": "上海市浦东新区XX路1号"}),
    );
    assert_eq!(out["direction"], "out");
    assert!(out["tracking_no"].is_null());
    let sent = call(
        &mut d,
        "li",
        "2026-11-24 16:00",
        "parcel.dispatch",
        json!({"id": id(&out), "carrier": "顺丰速运", "tracking_no": "SF 9876 5432 10987"}),
    );
    assert_eq!(sent["status"], "dispatched");
    assert_eq!(sent["tracking_no"], "SF9876543210987");
    assert_eq!(sent["carrier"], "顺丰速运");
    assert!(sent["dispatched_at"].is_string());

    // Damaged keeps an incoming item open; lost closes an outgoing one.
    let inc = parcel(
        &mut d,
        "2026-11-24 10:00",
        sf_parcel("陈静", "9-901", "YT1111222233334"),
    );
    let dmg = call(
        &mut d,
        "wang",
        "2026-11-24 10:05",
        "parcel.exception",
        json!({"id": id(&inc), "kind": "damaged", "report": "外箱压扁，已拍照并告知快递员"}),
    );
    assert_eq!(dmg["status"], "received");
    assert_eq!(dmg["exceptions"][0]["kind"], "damaged");
    assert_eq!(dmg["exceptions"][0]["by_name"], "王芳");

    let out2 = call(
        &mut d,
        "wang",
        "2026-11-24 11:00",
        "parcel.accept_outgoing",
        json!({"kind": "letter", "sender": "周敏", "recipient_name": "广州 李先生"}),
    );
    let lost = call(
        &mut d,
        "li",
        "2026-11-25 09:00",
        "parcel.exception",
        json!({"id": id(&out2), "kind": "lost", "report": "交接时未找到，已报客服主管"}),
    );
    assert_eq!(lost["status"], "lost");
    assert_eq!(lost["exceptions"].as_array().unwrap().len(), 1);
    assert!(lost["closed_at"].is_string());
    let history = call(
        &mut d,
        "li",
        "2026-11-25 09:00",
        "history",
        json!({"code": out2["code"]}),
    );
    assert_eq!(history[1]["action"], "exception.lost");
    assert_eq!(history[1]["before"]["status"], "accepted");
    assert_eq!(history[1]["after"]["status"], "lost");
}

#[test]
fn reminders_list_items_waiting_longer_than_the_reminder_age() {
    let mut d = desk(); // reminder age: 3 days (the default)
    let a = parcel(
        &mut d,
        "2026-11-20 09:00",
        sf_parcel("王建国", "1-101", "SF1000000000001"),
    );
    let b = parcel(
        &mut d,
        "2026-11-22 09:00",
        sf_parcel("김민수", "2-202", "SF1000000000002"),
    );
    let c = parcel(
        &mut d,
        "2026-11-23 10:00",
        json!({"kind": "newspaper_magazine", "recipient_name": "刘洋", "recipient_unit": "7-702"}),
    );
    call(
        &mut d,
        "kim",
        "2026-11-21 10:00",
        "parcel.notify",
        json!({"id": id(&a), "channel": "wechat"}),
    );

    let r = call(
        &mut d,
        "wang",
        "2026-11-24 10:00",
        "parcel.reminders",
        json!({}),
    );
    let r = r.as_array().unwrap();
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["code"], a["code"]);
    assert_eq!(r[0]["days_waiting"], 4);
    assert_eq!(r[0]["notification_count"], 1);
    assert_eq!(r[0]["last_notification"]["channel"], "wechat");

    let r = call(
        &mut d,
        "wang",
        "2026-11-25 10:00",
        "parcel.reminders",
        json!({}),
    );
    let codes: Vec<&str> = r
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [a["code"].as_str().unwrap(), b["code"].as_str().unwrap()]
    );
    assert_eq!(r[1]["days_waiting"], 3);
    assert!(r[1]["last_notification"].is_null());

    // Open items: each waiting item, and a reminder (overdue) for the two past the age.
    let items = open_items_of(&mut d, "2026-11-25 10:00");
    let waiting: Vec<&Value> = items
        .iter()
        .filter(|i| i["kind"] == "parcel_waiting")
        .collect();
    let reminders: Vec<&Value> = items
        .iter()
        .filter(|i| i["kind"] == "parcel_reminder")
        .collect();
    assert_eq!(waiting.len(), 3);
    assert_eq!(reminders.len(), 2);
    assert!(reminders.iter().all(|i| i["overdue"] == true));
    assert!(waiting.iter().all(|i| i["overdue"] == false));
    assert_eq!(reminders[0]["code"], a["code"], "overdue and oldest first");
    assert_eq!(reminders[0]["summary"], "王建国 · 1-101 · 包裹");
    assert_eq!(
        reminders[0]["due_at"],
        ts("2026-11-23 09:00").replace("+00:00", "Z")
    );
    let c_item = waiting.iter().find(|i| i["code"] == c["code"]).unwrap();
    assert_eq!(c_item["summary"], "刘洋 · 7-702 · 报刊");

    // A shorter reminder age set by the admin applies at once.
    call(
        &mut d,
        "admin",
        "2026-11-25 10:00",
        "profile.update",
        json!({"parcel_reminder_days": 1}),
    );
    let r = call(
        &mut d,
        "wang",
        "2026-11-25 10:00",
        "parcel.reminders",
        json!({}),
    );
    assert_eq!(r.as_array().unwrap().len(), 3);
    // Picked-up items drop out.
    call(
        &mut d,
        "wang",
        "2026-11-25 11:00",
        "parcel.pick_up",
        json!({"id": id(&a), "picked_up_by": "王建国", "id_checked": false}),
    );
    let r = call(
        &mut d,
        "wang",
        "2026-11-25 11:00",
        "parcel.reminders",
        json!({}),
    );
    assert_eq!(r.as_array().unwrap().len(), 2);
}

#[test]
fn only_the_last_four_id_characters_are_accepted() {
    let mut d = desk();
    let p = parcel(
        &mut d,
        "2026-11-24 09:00",
        json!({"kind": "registered", "tracking_no": "RR123456785CN", "recipient_name": "王建国"}),
    );
    let before = audit_len(&d);
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 10:00",
        "parcel.pick_up",
        json!({"id": id(&p), "picked_up_by": "王建国", "id_checked": true,
               "id_doc_type": "身份证", "id_last4": "110101199003071234"}),
    );
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert_eq!(e.field.as_deref(), Some("id_last4"));
    assert_eq!(e.message, "证件号码后四位太长（最多 4 个字符）。");
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 10:00",
        "parcel.pick_up",
        json!({"id": id(&p), "picked_up_by": "王建国", "id_checked": false, "id_last4": "1234"}),
    );
    assert_eq!(e.field.as_deref(), Some("id_last4"));
    assert_eq!(audit_len(&d), before);
    let full = "110101199003071234";
    let stored: i64 = d
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE after LIKE ?1",
            [format!("%{full}%")],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, 0, "the full number is stored nowhere");
    let ok = call(
        &mut d,
        "wang",
        "2026-11-24 10:00",
        "parcel.pick_up",
        json!({"id": id(&p), "picked_up_by": "王建国", "id_checked": true, "id_last4": "1234"}),
    );
    assert_eq!(ok["id_last4"], "1234");
}

#[test]
fn search_finds_korean_recipients_and_two_character_chinese_words() {
    let mut d = desk();
    let k = parcel(
        &mut d,
        "2026-11-24 09:00",
        sf_parcel("김민수", "101동 1203호", "SF1234567890123"),
    );
    let c = parcel(
        &mut d,
        "2026-11-24 09:10",
        json!({"kind": "parcel", "carrier": "中通快递", "tracking_no": "78312345678901",
               "recipient_name": "王建国", "recipient_unit": "3栋", "sender": "京东自营旗舰店",
               "note": "易碎物品，轻拿轻放"}),
    );
    let find = |d: &mut frontdesk::Desk, q: &str| -> Vec<String> {
        let hits = call(
            d,
            "wang",
            "2026-11-24 10:00",
            "search",
            json!({"q": q, "registers": ["parcel"]}),
        );
        hits.as_array()
            .unwrap()
            .iter()
            .map(|h| h["code"].as_str().unwrap().to_owned())
            .collect()
    };
    let kc = k["code"].as_str().unwrap();
    let cc = c["code"].as_str().unwrap();
    assert_eq!(find(&mut d, "김민수"), [kc]);
    assert_eq!(find(&mut d, "민수"), [kc]);
    assert_eq!(find(&mut d, "易碎"), [cc], "a 2-character note word");
    assert_eq!(find(&mut d, "建国"), [cc]);
    assert_eq!(find(&mut d, "中通"), [cc], "carrier");
    assert_eq!(find(&mut d, "京东"), [cc], "sender");
    assert_eq!(find(&mut d, "567890123"), [kc], "part of a tracking number");
    assert_eq!(find(&mut d, "sf1234"), [kc], "any case");
    assert_eq!(find(&mut d, "1203호"), [kc], "unit");
    assert_eq!(find(&mut d, "PC-000002"), [cc]);
    assert!(find(&mut d, "138").is_empty(), "the contact is not indexed");
    // A status change is visible to search filters at once.
    call(
        &mut d,
        "wang",
        "2026-11-24 11:00",
        "parcel.notify",
        json!({"id": id(&k), "channel": "sms"}),
    );
    let hits = call(
        &mut d,
        "wang",
        "2026-11-24 11:00",
        "search",
        json!({"q": "김민수", "status": "notified"}),
    );
    assert_eq!(hits.as_array().unwrap().len(), 1);
}

#[test]
fn bad_input_names_the_field_in_chinese() {
    let mut d = desk();
    let before = audit_len(&d);
    let cases = [
        (
            json!({"kind": "parcel", "tracking_no": "SF1"}),
            "recipient_name",
            Some("请填写收件人。"),
        ),
        (
            json!({"kind": "parcel", "recipient_name": "王建国"}),
            "tracking_no",
            Some("请填写运单号。"),
        ),
        (
            json!({"kind": "box", "recipient_name": "王建国"}),
            "kind",
            None,
        ),
        (
            json!({"kind": "parcel", "tracking_no": "SF12/34", "recipient_name": "王建国"}),
            "tracking_no",
            Some("运单号无效（letters, digits and - only）。"),
        ),
        (
            json!({"kind": "letter", "recipient_name": "王建国",
                   "received_at": ts("2026-11-25 09:00")}),
            "received_at",
            Some("接收时间超出范围（晚于当前时间）。"),
        ),
        (
            json!({"kind": "letter", "recipient_name": "王".repeat(101)}),
            "recipient_name",
            Some("收件人太长（最多 100 个字符）。"),
        ),
        (
            json!({"kind": "letter", "recipient_name": "王建国", "weight_kg": 2}),
            "weight_kg",
            None,
        ),
    ];
    for (req, field, message) in cases {
        let e = call_err(
            &mut d,
            "wang",
            "2026-11-24 09:00",
            "parcel.receive",
            req.clone(),
        );
        assert_eq!(e.code, ErrorCode::InvalidInput, "{req}");
        assert_eq!(e.field.as_deref(), Some(field), "{req}");
        if let Some(m) = message {
            assert_eq!(e.message, m);
        }
    }
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 09:00",
        "parcel.notify",
        json!({"id": 1, "channel": "fax"}),
    );
    assert_eq!(e.field.as_deref(), Some("channel"));
    assert_eq!(audit_len(&d), before);
    // A letter needs no tracking number.
    let l = parcel(
        &mut d,
        "2026-11-24 09:00",
        json!({"kind": "letter", "recipient_name": "王建国", "received_at": ts("2026-11-24 08:30")}),
    );
    assert!(l["tracking_no"].is_null());
    assert_eq!(
        l["received_at"],
        ts("2026-11-24 08:30").replace("+00:00", "Z")
    );
}

#[test]
fn amendments_need_a_reason_and_keep_the_old_values() {
    let mut d = desk();
    let p = parcel(
        &mut d,
        "2026-11-24 09:00",
        sf_parcel("王建国", "1-101", "SF1234567890123"),
    );
    let before = audit_len(&d);
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 09:30",
        "parcel.amend",
        json!({"id": id(&p), "recipient_unit": "1-102"}),
    );
    assert_eq!(e.field.as_deref(), Some("reason"));
    assert_eq!(e.message, "请填写原因。");
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 09:30",
        "parcel.amend",
        json!({"id": id(&p), "recipient_unit": "1-101", "reason": "核对"}),
    );
    assert_eq!(e.code, ErrorCode::BadRequest, "nothing changed");
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 09:30",
        "parcel.amend",
        json!({"id": id(&p), "tracking_no": "", "reason": "清空"}),
    );
    assert_eq!(
        e.field.as_deref(),
        Some("tracking_no"),
        "a parcel keeps its number"
    );
    assert_eq!(audit_len(&d), before);

    let a = call(
        &mut d,
        "wang",
        "2026-11-24 09:30",
        "parcel.amend",
        json!({"id": id(&p), "recipient_unit": "1-102", "note": "门牌写错", "reason": "住户来电更正房号"}),
    );
    assert_eq!(a["recipient_unit"], "1-102");
    assert_eq!(a["status"], "received");
    let history = call(
        &mut d,
        "li",
        "2026-11-24 10:00",
        "history",
        json!({"code": "PC-000001"}),
    );
    let last = &history[1];
    assert_eq!(last["action"], "amend");
    assert_eq!(last["reason"], "住户来电更正房号");
    assert_eq!(last["before"]["recipient_unit"], "1-101");
    assert_eq!(last["after"]["recipient_unit"], "1-102");
    // Search follows the amendment.
    let hits = call(
        &mut d,
        "wang",
        "2026-11-24 10:00",
        "search",
        json!({"q": "门牌"}),
    );
    assert_eq!(hits.as_array().unwrap().len(), 1);
}

#[test]
fn list_filters_by_status_direction_time_and_recipient() {
    let mut d = desk();
    parcel(
        &mut d,
        "2026-11-20 09:00",
        sf_parcel("王建国", "1-101", "SF1000000000001"),
    );
    let b = parcel(
        &mut d,
        "2026-11-22 09:00",
        sf_parcel("김민수", "2-202", "SF1000000000002"),
    );
    call(
        &mut d,
        "wang",
        "2026-11-22 10:00",
        "parcel.accept_outgoing",
        json!({"kind": "letter", "sender": "王建国", "recipient_name": "北京 张先生"}),
    );
    call(
        &mut d,
        "wang",
        "2026-11-22 11:00",
        "parcel.notify",
        json!({"id": id(&b), "channel": "kakao"}),
    );
    let codes = |v: Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|p| p["code"].as_str().unwrap().to_owned())
            .collect()
    };
    let at = "2026-11-24 09:00";
    let all = call(&mut d, "wang", at, "parcel.list", json!({}));
    assert_eq!(
        codes(all),
        ["PC-000003", "PC-000002", "PC-000001"],
        "newest first"
    );
    let inc = call(
        &mut d,
        "wang",
        at,
        "parcel.list",
        json!({"direction": "in"}),
    );
    assert_eq!(codes(inc), ["PC-000002", "PC-000001"]);
    let n = call(
        &mut d,
        "wang",
        at,
        "parcel.list",
        json!({"status": "notified"}),
    );
    assert_eq!(codes(n), ["PC-000002"]);
    let w = call(
        &mut d,
        "wang",
        at,
        "parcel.list",
        json!({"recipient": "建国"}),
    );
    assert_eq!(codes(w), ["PC-000001"], "recipient name, not the sender");
    let u = call(
        &mut d,
        "wang",
        at,
        "parcel.list",
        json!({"recipient": "2-20"}),
    );
    assert_eq!(codes(u), ["PC-000002"], "unit");
    let pct = call(&mut d, "wang", at, "parcel.list", json!({"recipient": "%"}));
    assert!(codes(pct).is_empty(), "wildcards are taken literally");
    let day = call(
        &mut d,
        "wang",
        at,
        "parcel.list",
        json!({"from": ts("2026-11-22 00:00"), "to": ts("2026-11-23 00:00")}),
    );
    assert_eq!(codes(day), ["PC-000003", "PC-000002"]);
    let e = call_err(
        &mut d,
        "wang",
        at,
        "parcel.list",
        json!({"from": ts("2026-11-23 00:00"), "to": ts("2026-11-22 00:00")}),
    );
    assert_eq!(e.field.as_deref(), Some("to"));
}

#[test]
fn carrier_guesses_are_labelled_and_honest() {
    let mut d = desk();
    let g = call(
        &mut d,
        "wang",
        "2026-11-24 09:00",
        "parcel.guess_carrier",
        json!({"tracking_no": "sf 1234 5678 90123"}),
    );
    assert_eq!(g["tracking_no"], "sf1234567890123");
    assert_eq!(g["carrier"], "sf_express");
    assert_eq!(g["label"], "顺丰速运");
    assert_eq!(g["confidence"], "high");
    let g = call(
        &mut d,
        "wang",
        "2026-11-24 09:00",
        "parcel.guess_carrier",
        json!({"tracking_no": "QWERTY"}),
    );
    assert!(g["carrier"].is_null());
    assert_eq!(g["confidence"], "none");
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 09:00",
        "parcel.guess_carrier",
        json!({"tracking_no": "   "}),
    );
    assert_eq!(e.field.as_deref(), Some("tracking_no"));

    let mut k = desk_with(LegalRegime::Kr, Locale::Ko);
    let g = call(
        &mut k,
        "kim",
        "2026-11-24 09:00",
        "parcel.guess_carrier",
        json!({"tracking_no": "6123 4567 8901"}),
    );
    assert!(
        g["carrier"].is_null(),
        "12 digits: three Korean carriers use them"
    );
    assert_eq!(
        g["candidate_labels"],
        json!(["CJ대한통운", "한진택배", "롯데택배"])
    );
    let g = call(
        &mut k,
        "kim",
        "2026-11-24 09:00",
        "parcel.guess_carrier",
        json!({"tracking_no": "6012345678901"}),
    );
    assert_eq!(g["label"], "우체국");
    assert_eq!(g["confidence"], "medium");
}

#[test]
fn every_mail_label_exists_in_every_language() {
    use frontdesk::mail::*;
    let mut keys: Vec<String> = Vec::new();
    keys.extend(
        ParcelStatus::ALL
            .iter()
            .map(|s| format!("status.{}", s.key())),
    );
    keys.extend(ParcelKind::ALL.iter().map(|k| format!("parcel_kind.{k}")));
    keys.extend(
        Direction::ALL
            .iter()
            .map(|k| format!("parcel_direction.{k}")),
    );
    keys.extend(
        NotifyChannel::ALL
            .iter()
            .map(|k| format!("notify_channel.{k}")),
    );
    keys.extend(
        ExceptionKind::ALL
            .iter()
            .map(|k| format!("parcel_exception.{k}")),
    );
    keys.extend(Carrier::ALL.iter().map(|k| format!("carrier.{k}")));
    for a in [
        ParcelAction::Notify,
        ParcelAction::PickUp,
        ParcelAction::Dispatch,
        ParcelAction::Return,
        ParcelAction::Lose,
        ParcelAction::Report,
    ] {
        keys.push(format!("action.{}", a.key()));
    }
    for f in [
        "kind",
        "carrier",
        "tracking_no",
        "recipient_name",
        "recipient_unit",
        "recipient_contact",
        "sender",
        "received_at",
        "storage_location",
        "note",
        "channel",
        "picked_up_by",
        "on_behalf_of",
        "id_checked",
        "id_doc_type",
        "id_last4",
        "report",
        "status",
        "direction",
        "recipient",
    ] {
        keys.push(format!("field.{f}"));
    }
    for locale in Locale::ALL {
        for k in &keys {
            assert!(
                i18n::catalogue(locale).contains_key(k),
                "{k} missing in {locale}"
            );
        }
    }
}
