//! Shifts, the duty log, the handover and the end-of-shift checklists, through the JSON
//! operations (the path the UI and the CLI take).
use crate::common::*;
use frontdesk::i18n::Locale;
use frontdesk::profile::LegalRegime;
use frontdesk::{Desk, ErrorCode};
use serde_json::{json, Value};

/// Add an entry as `wang` at local time `at`; returns it.
fn log(d: &mut Desk, at: &str, req: Value) -> Value {
    call(d, "wang", at, "log.add", req)
}

fn codes(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x["code"].as_str().unwrap().to_owned())
        .collect()
}

/// The items of one checklist kind as `[{item_id, ok: true}]`, with `bad` (item text → note)
/// answered as problems.
fn answers(d: &mut Desk, kind: &str, bad: &[(&str, &str)]) -> Value {
    let items = call(
        d,
        "wang",
        "2026-11-24 17:00",
        "checklist.items",
        json!({ "kind": kind }),
    );
    Value::Array(
        items
            .as_array()
            .unwrap()
            .iter()
            .map(|it| match bad.iter().find(|(t, _)| it["text"] == *t) {
                Some((_, note)) => json!({"item_id": it["id"], "ok": false, "note": note}),
                None => json!({"item_id": it["id"], "ok": true}),
            })
            .collect(),
    )
}

fn search_codes(d: &mut Desk, q: &str) -> Vec<String> {
    codes(&call(
        d,
        "wang",
        "2026-11-25 09:00",
        "search",
        json!({"q": q, "registers": ["log_entry"]}),
    ))
}

fn history_actions(d: &mut Desk, code: &str) -> Vec<(String, Option<String>)> {
    call(
        d,
        "li",
        "2026-11-25 09:00",
        "history",
        json!({ "code": code }),
    )
    .as_array()
    .unwrap()
    .iter()
    .map(|e| {
        (
            e["action"].as_str().unwrap().to_owned(),
            e["reason"].as_str().map(str::to_owned),
        )
    })
    .collect()
}

#[test]
fn a_shift_from_opening_through_checklists_and_handover_to_the_next_shift() {
    let mut d = desk();

    // No shift yet: nothing can be logged.
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 08:20",
        "log.add",
        json!({"kind": "note", "content": "x"}),
    );
    assert_eq!(e.code, ErrorCode::NoOpenShift);

    let s1 = call(
        &mut d,
        "wang",
        "2026-11-24 08:30",
        "shift.open",
        json!({
            "staff_on_duty": ["王芳", "李强"],
            "weather": "晴",
            "duty_manager": "张经理",
            "duty_leader": "刘总",
            "operations_notes": "今日下午三点停水检修",
            "visitor_count": 0
        }),
    );
    assert_eq!(s1["code"], "SH-000001");
    assert_eq!(s1["status"], "open");
    assert_eq!(s1["date"], "2026-11-24");
    assert_eq!(s1["staff_on_duty"], json!(["王芳", "李强"]));

    // Only one shift may be not closed.
    let before = audit_len(&d);
    let e = call_err(&mut d, "kim", "2026-11-24 08:31", "shift.open", json!({}));
    assert_eq!(e.code, ErrorCode::InvalidState);
    assert_eq!(e.message, "该班次当前为“进行中”，不能再开新班。");
    assert_eq!(audit_len(&d), before);

    // Templates: supervisors only; defaults in the counter's language, added once.
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 08:35",
        "checklist.add_defaults",
        json!({"kind": "facility_safety"}),
    );
    assert_eq!(e.code, ErrorCode::Forbidden);
    assert_eq!(e.message, "只有客服主管才能修改检查表。");
    let fac = call(
        &mut d,
        "li",
        "2026-11-24 08:35",
        "checklist.add_defaults",
        json!({"kind": "facility_safety"}),
    );
    assert_eq!(fac.as_array().unwrap().len(), 10);
    assert!(fac
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["text"] == "空调已关闭"));
    let again = call(
        &mut d,
        "li",
        "2026-11-24 08:36",
        "checklist.add_defaults",
        json!({"kind": "facility_safety"}),
    );
    assert_eq!(
        again.as_array().unwrap().len(),
        10,
        "defaults are added once"
    );
    let assets = call(
        &mut d,
        "li",
        "2026-11-24 08:36",
        "checklist.add_defaults",
        json!({"kind": "fixed_assets"}),
    );
    assert!(assets
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["text"] == "对讲机（数量齐全、已充电）"));
    let extra = call(
        &mut d,
        "li",
        "2026-11-24 08:37",
        "checklist.add_item",
        json!({"kind": "fixed_assets", "text": "移动电源（借用）"}),
    );
    assert_eq!(extra["position"], 11);
    let current = call(
        &mut d,
        "wang",
        "2026-11-24 08:38",
        "shift.current",
        json!({}),
    );
    assert_eq!(
        current["checklists_missing"],
        json!(["facility_safety", "fixed_assets"])
    );
    assert!(current["pending_handover"].is_null());

    // Entries of every kind.
    let briefing = log(
        &mut d,
        "2026-11-24 08:45",
        json!({"kind": "briefing", "at": ts("2026-11-24 08:40"),
               "content": "班前会：强调三声内接听电话，全员签到"}),
    );
    assert_eq!(briefing["status"], "closed");
    assert_eq!(briefing["needs_follow_up"], false);
    assert_eq!(briefing["at"], ts_z("2026-11-24 08:40"));
    let call_entry = log(
        &mut d,
        "2026-11-24 09:00",
        json!({"kind": "call", "person": "张先生", "contact": "13800000000",
               "unit": "3栋1203室", "content": "空调不制冷，要求维修",
               "promised": "中午12点前派维修工上门", "promised_by": ts("2026-11-24 12:00"),
               "dispatched_to": "工程部陈师傅"}),
    );
    assert_eq!(call_entry["status"], "open");
    assert_eq!(call_entry["needs_follow_up"], true);
    assert_eq!(
        call_entry["at"],
        ts_z("2026-11-24 09:00"),
        "at defaults to now"
    );
    let visit = log(
        &mut d,
        "2026-11-24 09:30",
        json!({"kind": "visit", "person": "李女士", "unit": "8栋502",
               "content": "咨询停车卡办理"}),
    );
    let dispatch = log(
        &mut d,
        "2026-11-24 10:00",
        json!({"kind": "dispatch", "urgent": true, "unit": "5号楼",
               "content": "5号楼电梯困人，已通知电梯维保", "dispatched_to": "电梯维保"}),
    );
    let leak = log(
        &mut d,
        "2026-11-24 10:30",
        json!({"kind": "incident", "content": "地下车库B2层漏水",
               "addressed_to": "safety_officer", "dispatched_to": "工程部"}),
    );
    let note = log(
        &mut d,
        "2026-11-24 10:40",
        json!({"kind": "note", "content": "明日停电通知已张贴于各楼大堂"}),
    );
    assert_eq!(note["status"], "closed");
    let ko_note = log(
        &mut d,
        "2026-11-24 10:45",
        json!({"kind": "note", "content": "엘리베이터 점검 안내문 게시"}),
    );

    // Urgent events are listed first.
    let list = call(
        &mut d,
        "wang",
        "2026-11-24 10:50",
        "log.list",
        json!({"shift_id": s1["id"]}),
    );
    assert_eq!(list.as_array().unwrap().len(), 7);
    assert_eq!(list[0]["code"], dispatch["code"]);
    assert_eq!(list[1]["code"], briefing["code"], "then by time");
    let open_calls = call(
        &mut d,
        "wang",
        "2026-11-24 10:50",
        "log.list",
        json!({"from": "2026-11-24", "to": "2026-11-24", "status": "open", "kind": "call"}),
    );
    assert_eq!(
        codes(&open_calls),
        vec![call_entry["code"].as_str().unwrap()]
    );

    // Follow-ups until done; call-backs satisfied and not.
    let f = call(
        &mut d,
        "wang",
        "2026-11-24 10:20",
        "log.follow_up",
        json!({"id": dispatch["id"], "note": "维保人员已到场", "done": false}),
    );
    assert_eq!(f["status"], "open");
    let f = call(
        &mut d,
        "wang",
        "2026-11-24 10:35",
        "log.follow_up",
        json!({"id": dispatch["id"], "note": "被困人员已解救，电梯恢复运行", "done": true}),
    );
    assert_eq!(f["status"], "done");
    assert_eq!(f["follow_ups"].as_array().unwrap().len(), 2);
    let before = audit_len(&d);
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 11:00",
        "log.callback",
        json!({"id": visit["id"], "satisfied": true, "note": "x"}),
    );
    assert_eq!(
        e.code,
        ErrorCode::InvalidState,
        "only done entries are called back"
    );
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 11:00",
        "log.follow_up",
        json!({"id": briefing["id"], "note": "x", "done": true}),
    );
    assert_eq!(e.code, ErrorCode::InvalidState);
    assert_eq!(e.message, "该值班记录当前为“已关闭”，不能跟进。");
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 11:00",
        "log.callback",
        json!({"id": dispatch["id"], "satisfied": false, "note": "不满意"}),
    );
    assert_eq!(e.field.as_deref(), Some("next_callback_at"));
    assert_eq!(e.message, "请填写下次回访时间。");
    assert_eq!(audit_len(&d), before, "refused requests change nothing");
    let cb = call(
        &mut d,
        "wang",
        "2026-11-24 11:00",
        "log.callback",
        json!({"id": dispatch["id"], "satisfied": true, "note": "业主对处理速度满意，无收费"}),
    );
    assert_eq!(cb["status"], "closed");
    let got = call(
        &mut d,
        "wang",
        "2026-11-24 11:01",
        "log.get",
        json!({"id": dispatch["id"]}),
    );
    assert_eq!(got["follow_ups"].as_array().unwrap().len(), 2);
    assert_eq!(got["callbacks"][0]["satisfied"], true);
    assert_eq!(got["callbacks"][0]["by_name"], "王芳");
    let hist = history_actions(&mut d, dispatch["code"].as_str().unwrap());
    assert_eq!(
        hist.iter().map(|(a, _)| a.as_str()).collect::<Vec<_>>(),
        vec!["create", "follow_up", "follow_up", "callback"]
    );
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 11:02",
        "log.follow_up",
        json!({"id": dispatch["id"], "note": "x"}),
    );
    assert_eq!(
        e.code,
        ErrorCode::InvalidState,
        "closed entries take no follow-up"
    );

    call(
        &mut d,
        "wang",
        "2026-11-24 14:00",
        "log.follow_up",
        json!({"id": leak["id"], "note": "已维修水管", "done": true}),
    );
    let cb = call(
        &mut d,
        "wang",
        "2026-11-24 15:00",
        "log.callback",
        json!({"id": leak["id"], "satisfied": false, "note": "仍有少量渗水",
               "next_callback_at": ts("2026-11-25 10:00")}),
    );
    assert_eq!(cb["status"], "done");
    assert_eq!(cb["next_callback_at"], ts_z("2026-11-25 10:00"));

    // The dashboard: open entries, call-backs due, and a promise that slipped.
    let items = call(
        &mut d,
        "wang",
        "2026-11-24 11:30",
        "today.open_items",
        json!({}),
    );
    let kind_of = |items: &Value, code: &Value| -> (String, bool) {
        let it = items
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["code"] == *code)
            .unwrap_or_else(|| panic!("{code} not in {items}"));
        (
            it["kind"].as_str().unwrap().to_owned(),
            it["overdue"].as_bool().unwrap(),
        )
    };
    assert_eq!(
        kind_of(&items, &call_entry["code"]),
        ("open_log_entry".into(), false)
    );
    assert_eq!(
        kind_of(&items, &visit["code"]),
        ("open_log_entry".into(), false)
    );
    assert_eq!(
        kind_of(&items, &leak["code"]),
        ("callback_due".into(), false)
    );
    assert_eq!(
        items.as_array().unwrap().len(),
        3,
        "closed entries are not open"
    );
    let items = call(
        &mut d,
        "wang",
        "2026-11-24 12:30",
        "today.open_items",
        json!({}),
    );
    assert_eq!(
        kind_of(&items, &call_entry["code"]),
        ("overdue_promise".into(), true)
    );
    assert_eq!(items[0]["code"], call_entry["code"], "overdue first");
    assert!(items[0]["summary"]
        .as_str()
        .unwrap()
        .starts_with("来电 · 张先生 · 3栋1203室 · 空调不制冷"));

    // Amendments keep history.
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 12:40",
        "log.amend",
        json!({"id": call_entry["id"], "unit": "3栋1204室", "reason": " "}),
    );
    assert_eq!(e.field.as_deref(), Some("reason"));
    assert_eq!(e.message, "请填写原因。");
    let amended = call(
        &mut d,
        "wang",
        "2026-11-24 12:40",
        "log.amend",
        json!({"id": call_entry["id"], "unit": "3栋1204室", "reason": "房号记错"}),
    );
    assert_eq!(amended["unit"], "3栋1204室");
    let hist = history_actions(&mut d, call_entry["code"].as_str().unwrap());
    assert_eq!(
        hist,
        vec![
            ("create".to_owned(), None),
            ("amend".to_owned(), Some("房号记错".to_owned()))
        ]
    );

    // Bad input names the field, in Chinese.
    let before = audit_len(&d);
    for (req, field, message) in [
        (
            json!({"kind": "call", "content": "   "}),
            "content",
            "请填写内容。",
        ),
        (
            json!({"kind": "call", "content": "x", "promised_by": ts("2026-11-22 09:00")}),
            "promised_by",
            "承诺完成时间超出范围（早于当前时间）。",
        ),
        (
            json!({"kind": "call", "content": "x", "at": ts("2026-11-25 09:00")}),
            "at",
            "时间超出范围（晚于当前时间）。",
        ),
        (
            json!({"kind": "call", "content": "x", "person": "张".repeat(101)}),
            "person",
            "来电/来访人太长（最多 100 个字符）。",
        ),
    ] {
        let e = call_err(&mut d, "wang", "2026-11-24 12:45", "log.add", req);
        assert_eq!(e.code, ErrorCode::InvalidInput);
        assert_eq!(e.field.as_deref(), Some(field));
        assert_eq!(e.message, message);
    }
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 12:45",
        "log.add",
        json!({"kind": "phone", "content": "x"}),
    );
    assert_eq!(e.field.as_deref(), Some("kind"));
    assert!(e.message.starts_with("类型无效"), "{}", e.message);
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 12:45",
        "shift.update",
        json!({"visitor_count": -3}),
    );
    assert_eq!(e.field.as_deref(), Some("visitor_count"));
    assert!(e.message.starts_with("游客/来访人数超出范围"));
    assert_eq!(audit_len(&d), before);
    let upd = call(
        &mut d,
        "wang",
        "2026-11-24 16:00",
        "shift.update",
        json!({"visitor_count": 326, "weather": "多云转小雨"}),
    );
    assert_eq!(upd["visitor_count"], 326);
    assert_eq!(upd["duty_manager"], "张经理", "absent fields stay");

    // Closing needs both checklists.
    let before = audit_len(&d);
    let e = call_err(&mut d, "wang", "2026-11-24 17:30", "shift.close", json!({}));
    assert_eq!(e.code, ErrorCode::InvalidState);
    assert_eq!(
        e.message,
        "该班次当前为“未填写班后设施、设备安全管理记录表”，不能交班。"
    );
    // A run answers every active item exactly once; a problem needs a note.
    let mut partial = answers(&mut d, "facility_safety", &[]);
    let first = partial.as_array_mut().unwrap().remove(0);
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 17:35",
        "checklist.run",
        json!({"kind": "facility_safety", "results": partial.clone()}),
    );
    assert_eq!(e.field.as_deref(), Some("results"));
    assert!(
        e.message.starts_with("检查结果无效（未填写：CI-000001"),
        "{}",
        e.message
    );
    partial.as_array_mut().unwrap().push(first.clone());
    partial.as_array_mut().unwrap().push(first);
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 17:35",
        "checklist.run",
        json!({"kind": "facility_safety", "results": partial}),
    );
    assert_eq!(e.field.as_deref(), Some("results"));
    assert!(e.message.contains("填写了两次"), "{}", e.message);
    let mut no_note = answers(&mut d, "facility_safety", &[]);
    no_note[1]["ok"] = json!(false);
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 17:35",
        "checklist.run",
        json!({"kind": "facility_safety", "results": no_note}),
    );
    assert_eq!(e.field.as_deref(), Some("results[1].note"));
    assert_eq!(e.message, "请填写备注。");
    assert_eq!(audit_len(&d), before);

    let fac_answers = answers(
        &mut d,
        "facility_safety",
        &[("空调已关闭", "三楼会议室空调遥控失灵，无法关闭")],
    );
    let run = call(
        &mut d,
        "wang",
        "2026-11-24 17:40",
        "checklist.run",
        json!({"kind": "facility_safety", "results": fac_answers.clone()}),
    );
    assert_eq!(run["problems"], 1);
    assert_eq!(run["results"].as_array().unwrap().len(), 10);
    let problem = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ok"] == false)
        .unwrap()
        .clone();
    assert_eq!(problem["item_text"], "空调已关闭");
    let incident = call(
        &mut d,
        "wang",
        "2026-11-24 17:41",
        "log.get",
        json!({"id": problem["incident_id"]}),
    );
    assert_eq!(incident["kind"], "incident");
    assert_eq!(incident["addressed_to"], "safety_officer");
    assert_eq!(incident["status"], "open");
    assert_eq!(
        incident["content"],
        "班后设施、设备安全管理记录表：空调已关闭 — 三楼会议室空调遥控失灵，无法关闭"
    );
    let before = audit_len(&d);
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 17:42",
        "checklist.run",
        json!({"kind": "facility_safety", "results": fac_answers}),
    );
    assert_eq!(
        e.code,
        ErrorCode::InvalidState,
        "one run per shift per kind"
    );
    assert_eq!(
        e.message,
        "该班后检查记录当前为“本班已填写”，不能重复填写。"
    );
    let e = call_err(&mut d, "wang", "2026-11-24 17:43", "shift.close", json!({}));
    assert_eq!(
        e.message,
        "该班次当前为“未填写班后固定资产管理记录表”，不能交班。"
    );
    assert_eq!(audit_len(&d), before);
    let asset_answers = answers(
        &mut d,
        "fixed_assets",
        &[("对讲机（数量齐全、已充电）", "少一台对讲机，已询问中班同事")],
    );
    let arun = call(
        &mut d,
        "wang",
        "2026-11-24 17:45",
        "checklist.run",
        json!({"kind": "fixed_assets", "results": asset_answers}),
    );
    assert_eq!(arun["results"].as_array().unwrap().len(), 11);
    let asset_incident = arun["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ok"] == false)
        .unwrap()["incident_code"]
        .clone();
    let runs = call(
        &mut d,
        "wang",
        "2026-11-24 17:46",
        "checklist.runs",
        json!({"shift_id": s1["id"]}),
    );
    assert_eq!(runs.as_array().unwrap().len(), 2);

    // A run keeps the item text as it read then.
    let ac_item = problem["item_id"].clone();
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 17:47",
        "checklist.update_item",
        json!({"id": ac_item, "text": "空调、新风已关闭", "reason": "合并新风"}),
    );
    assert_eq!(e.code, ErrorCode::Forbidden);
    call(
        &mut d,
        "li",
        "2026-11-24 17:47",
        "checklist.update_item",
        json!({"id": ac_item, "text": "空调、新风已关闭", "reason": "合并新风"}),
    );
    let again = call(
        &mut d,
        "wang",
        "2026-11-24 17:48",
        "checklist.get_run",
        json!({"id": run["id"]}),
    );
    assert_eq!(again["results"], run["results"]);

    // Close: the handover carries every open item over.
    let handover = call(
        &mut d,
        "wang",
        "2026-11-24 18:00",
        "shift.close",
        json!({"notes": "3栋1203空调维修未完成，请跟进"}),
    );
    assert_eq!(handover["code"], "HO-000001");
    assert_eq!(handover["from_shift_code"], "SH-000001");
    assert_eq!(handover["closed_by_name"], "王芳");
    assert!(handover["to_shift_id"].is_null());
    let items = &handover["items"];
    assert_eq!(
        kind_of(items, &call_entry["code"]),
        ("overdue_promise".into(), true)
    );
    assert_eq!(
        kind_of(items, &visit["code"]),
        ("open_log_entry".into(), false)
    );
    assert_eq!(
        kind_of(items, &leak["code"]),
        ("callback_due".into(), false)
    );
    assert_eq!(
        kind_of(items, &incident["code"]),
        ("open_log_entry".into(), false)
    );
    assert_eq!(
        kind_of(items, &asset_incident),
        ("open_log_entry".into(), false)
    );
    assert_eq!(items.as_array().unwrap().len(), 5);
    let s1_now = call(
        &mut d,
        "wang",
        "2026-11-24 18:01",
        "shift.get",
        json!({"id": s1["id"]}),
    );
    assert_eq!(s1_now["status"], "closed");
    assert_eq!(s1_now["handover_id"], handover["id"]);
    assert!(call(
        &mut d,
        "wang",
        "2026-11-24 18:01",
        "shift.current",
        json!({})
    )
    .is_null());
    let e = call_err(&mut d, "wang", "2026-11-24 18:01", "shift.close", json!({}));
    assert_eq!(e.code, ErrorCode::NoOpenShift);
    let before = audit_len(&d);
    let e = call_err(
        &mut d,
        "kim",
        "2026-11-24 18:02",
        "handover.acknowledge",
        json!({"handover_id": handover["id"]}),
    );
    assert_eq!(e.code, ErrorCode::InvalidState, "no next shift yet");
    assert_eq!(audit_len(&d), before);

    // The next shift waits for the handover to be acknowledged.
    let s2 = call(&mut d, "kim", "2026-11-24 18:05", "shift.open", json!({}));
    assert_eq!(s2["status"], "awaiting_ack");
    assert_eq!(s2["staff_on_duty"], json!(["김민지"]));
    let cur = call(
        &mut d,
        "kim",
        "2026-11-24 18:06",
        "shift.current",
        json!({}),
    );
    assert_eq!(cur["shift"]["code"], "SH-000002");
    assert_eq!(cur["pending_handover"]["code"], "HO-000001");
    assert_eq!(cur["pending_handover"]["to_shift_code"], "SH-000002");
    assert_eq!(
        cur["pending_handover"]["items"].as_array().unwrap().len(),
        5
    );
    let before = audit_len(&d);
    for (op, req) in [
        ("log.add", json!({"kind": "call", "content": "咨询"})),
        (
            "log.follow_up",
            json!({"id": visit["id"], "note": "已回复", "done": true}),
        ),
        ("shift.update", json!({"weather": "雨"})),
        ("shift.close", json!({})),
    ] {
        let e = call_err(&mut d, "kim", "2026-11-24 18:10", op, req);
        assert_eq!(e.code, ErrorCode::HandoverPending, "{op}");
    }
    assert_eq!(audit_len(&d), before);
    let acked = call(
        &mut d,
        "kim",
        "2026-11-24 18:15",
        "handover.acknowledge",
        json!({"handover_id": handover["id"]}),
    );
    assert_eq!(acked["acknowledged_by_name"], "김민지");
    assert_eq!(acked["acknowledged_at"], ts_z("2026-11-24 18:15"));
    let e = call_err(
        &mut d,
        "kim",
        "2026-11-24 18:16",
        "handover.acknowledge",
        json!({"handover_id": handover["id"]}),
    );
    assert_eq!(e.code, ErrorCode::InvalidState);
    let s2_now = call(
        &mut d,
        "kim",
        "2026-11-24 18:16",
        "shift.get",
        json!({"id": s2["id"]}),
    );
    assert_eq!(s2_now["status"], "open");
    let cur = call(
        &mut d,
        "kim",
        "2026-11-24 18:16",
        "shift.current",
        json!({}),
    );
    assert!(cur["pending_handover"].is_null());
    let k = call(
        &mut d,
        "kim",
        "2026-11-24 18:20",
        "log.add",
        json!({"kind": "call", "person": "박서준", "unit": "101동 1502호",
               "content": "주차 등록 문의"}),
    );
    assert_eq!(k["shift_code"], "SH-000002");
    // The earlier shift's items are followed up in this one.
    let f = call(
        &mut d,
        "kim",
        "2026-11-24 18:30",
        "log.follow_up",
        json!({"id": visit["id"], "note": "已电话告知办理流程", "done": true}),
    );
    assert_eq!(f["follow_ups"][0]["shift_id"], s2["id"]);
    assert_eq!(f["shift_code"], "SH-000001");

    // Shift header: updates while open, amendments of a closed one by a supervisor.
    let e = call_err(
        &mut d,
        "kim",
        "2026-11-24 18:40",
        "shift.update",
        json!({"id": s1["id"], "weather": "雨"}),
    );
    assert_eq!(e.code, ErrorCode::InvalidState);
    let e = call_err(
        &mut d,
        "kim",
        "2026-11-24 18:40",
        "shift.amend",
        json!({"id": s1["id"], "visitor_count": 330, "reason": "补记"}),
    );
    assert_eq!(e.code, ErrorCode::Forbidden);
    let e = call_err(
        &mut d,
        "li",
        "2026-11-24 18:40",
        "shift.amend",
        json!({"id": s2["id"], "visitor_count": 330, "reason": "补记"}),
    );
    assert_eq!(
        e.code,
        ErrorCode::InvalidState,
        "an open shift is updated, not amended"
    );
    let e = call_err(
        &mut d,
        "li",
        "2026-11-24 18:40",
        "shift.amend",
        json!({"id": s1["id"], "visitor_count": 330}),
    );
    assert_eq!(e.field.as_deref(), Some("reason"));
    let am = call(
        &mut d,
        "li",
        "2026-11-24 18:41",
        "shift.amend",
        json!({"id": s1["id"], "visitor_count": 330, "reason": "闭园后补报人数"}),
    );
    assert_eq!(am["visitor_count"], 330);
    assert_eq!(am["status"], "closed");
    let hist = history_actions(&mut d, "SH-000001");
    assert_eq!(
        hist.iter().map(|(a, _)| a.as_str()).collect::<Vec<_>>(),
        vec!["open", "update", "close", "amend"]
    );
    assert_eq!(hist[3].1.as_deref(), Some("闭园后补报人数"));
    // Entries of a closed shift: supervisor only.
    let e = call_err(
        &mut d,
        "kim",
        "2026-11-24 18:45",
        "log.amend",
        json!({"id": note["id"], "content": "x", "reason": "y"}),
    );
    assert_eq!(e.code, ErrorCode::Forbidden);
    call(
        &mut d,
        "li",
        "2026-11-24 18:45",
        "log.amend",
        json!({"id": note["id"], "urgent": true, "reason": "停电影响全小区"}),
    );

    // Search finds entries by a two-character Chinese word and a Korean word.
    assert_eq!(
        search_codes(&mut d, "停电"),
        vec![note["code"].as_str().unwrap()]
    );
    assert_eq!(
        search_codes(&mut d, "점검"),
        vec![ko_note["code"].as_str().unwrap()]
    );
    assert_eq!(
        search_codes(&mut d, "주차"),
        vec![k["code"].as_str().unwrap()]
    );
    assert_eq!(
        search_codes(&mut d, "渗水"),
        vec![leak["code"].as_str().unwrap()],
        "call-back notes are searchable"
    );
    let shifts = call(
        &mut d,
        "wang",
        "2026-11-25 09:00",
        "search",
        json!({"q": "张经理", "registers": ["shift"]}),
    );
    assert_eq!(codes(&shifts), vec!["SH-000001"]);

    // Lists and the latest handover.
    let listed = call(
        &mut d,
        "wang",
        "2026-11-25 09:00",
        "shift.list",
        json!({"from": "2026-11-24", "to": "2026-11-24"}),
    );
    assert_eq!(codes(&listed), vec!["SH-000002", "SH-000001"]);
    let none = call(
        &mut d,
        "wang",
        "2026-11-25 09:00",
        "shift.list",
        json!({"from": "2026-11-25"}),
    );
    assert!(none.as_array().unwrap().is_empty());
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-25 09:00",
        "shift.list",
        json!({"from": "2026-11-25", "to": "2026-11-24"}),
    );
    assert_eq!(e.field.as_deref(), Some("to"));
    let latest = call(
        &mut d,
        "wang",
        "2026-11-25 09:00",
        "handover.latest",
        json!({}),
    );
    assert_eq!(latest["code"], "HO-000001");
    assert_eq!(latest["acknowledged_by_name"], "김민지");
    let got = call(
        &mut d,
        "wang",
        "2026-11-25 09:00",
        "handover.get",
        json!({"id": handover["id"]}),
    );
    assert_eq!(got["items"], handover["items"]);

    let v = call(
        &mut d,
        "admin",
        "2026-11-25 09:00",
        "audit.verify",
        json!({}),
    );
    assert!(v["broken"].is_null());
}

/// RFC 3339 as the core writes it back (UTC, `Z`).
fn ts_z(local: &str) -> String {
    t(local).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[test]
fn a_done_entry_is_due_for_its_call_back_by_the_end_of_the_day() {
    let mut d = desk();
    call(&mut d, "wang", "2026-11-24 08:30", "shift.open", json!({}));
    let e = log(
        &mut d,
        "2026-11-24 15:00",
        json!({"kind": "call", "person": "赵先生", "content": "楼道灯不亮"}),
    );
    call(
        &mut d,
        "wang",
        "2026-11-24 16:00",
        "log.follow_up",
        json!({"id": e["id"], "note": "已更换灯泡", "done": true}),
    );
    let items = call(
        &mut d,
        "wang",
        "2026-11-24 16:05",
        "today.open_items",
        json!({}),
    );
    assert_eq!(items[0]["kind"], "callback_due");
    assert_eq!(items[0]["due_at"], ts_z_secs("2026-11-24 23:59", 59));
    assert_eq!(items[0]["overdue"], false);
    let items = call(
        &mut d,
        "wang",
        "2026-11-25 00:30",
        "today.open_items",
        json!({}),
    );
    assert_eq!(items[0]["overdue"], true);
    // A follow-up saying it is not done after all opens it again.
    let f = call(
        &mut d,
        "wang",
        "2026-11-25 00:40",
        "log.follow_up",
        json!({"id": e["id"], "note": "业主反映灯又不亮了", "done": false}),
    );
    assert_eq!(f["status"], "open");
    assert!(f["done_at"].is_null());
    // A satisfied call-back refuses a next call-back time.
    call(
        &mut d,
        "wang",
        "2026-11-25 01:00",
        "log.follow_up",
        json!({"id": e["id"], "note": "更换镇流器", "done": true}),
    );
    let err = call_err(
        &mut d,
        "wang",
        "2026-11-25 01:10",
        "log.callback",
        json!({"id": e["id"], "satisfied": true, "note": "满意",
               "next_callback_at": ts("2026-11-25 10:00")}),
    );
    assert_eq!(err.field.as_deref(), Some("next_callback_at"));
    // A counter with no checklist items closes without runs.
    let h = call(&mut d, "wang", "2026-11-25 01:20", "shift.close", json!({}));
    assert_eq!(h["items"][0]["kind"], "callback_due");
    // Nothing is ever deleted.
    for table in [
        "shift",
        "log_entry",
        "handover",
        "handover_item",
        "log_follow_up",
    ] {
        let r = d.conn().execute(&format!("DELETE FROM {table}"), []);
        assert!(r.is_err(), "{table} refused DELETE");
    }
}

fn ts_z_secs(local: &str, secs: i64) -> String {
    (t(local) + chrono::Duration::seconds(secs)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[test]
fn a_korean_counter_gets_korean_defaults_and_messages() {
    let mut d = desk_with(LegalRegime::Kr, Locale::Ko);
    call(&mut d, "kim", "2026-11-24 08:30", "shift.open", json!({}));
    let items = call(
        &mut d,
        "admin",
        "2026-11-24 08:31",
        "checklist.add_defaults",
        json!({"kind": "fixed_assets"}),
    );
    assert!(items
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["text"] == "구급상자"));
    let e = call_err(
        &mut d,
        "kim",
        "2026-11-24 08:32",
        "log.add",
        json!({"kind": "visit", "content": ""}),
    );
    assert_eq!(e.message, "내용 항목을 입력하세요.");
    let e = call_err(&mut d, "kim", "2026-11-24 17:00", "shift.close", json!({}));
    assert_eq!(
        e.message,
        "이 근무 기록은 '고정 자산 점검표 미작성' 상태라서 마감할 수 없습니다."
    );
    let results = answers(&mut d, "fixed_assets", &[("구급상자", "구급상자 없음")]);
    let run = call(
        &mut d,
        "kim",
        "2026-11-24 17:10",
        "checklist.run",
        json!({"kind": "fixed_assets", "results": results}),
    );
    let incident = call(
        &mut d,
        "kim",
        "2026-11-24 17:11",
        "log.get",
        json!({"id": run["results"][6]["incident_id"]}),
    );
    assert_eq!(incident["addressed_to"], "asset_officer");
    assert_eq!(
        search_codes(&mut d, "구급상자"),
        vec![incident["code"].as_str().unwrap()]
    );
    let h = call(&mut d, "kim", "2026-11-24 17:20", "shift.close", json!({}));
    assert!(h["items"][0]["summary"]
        .as_str()
        .unwrap()
        .starts_with("사고·이상 · "));
}

#[test]
fn an_entry_with_nobody_to_call_back_closes_when_done() {
    let mut d = desk();
    call(&mut d, "wang", "2026-11-24 08:00", "shift.open", json!({}));
    let e = call(
        &mut d,
        "wang",
        "2026-11-24 08:10",
        "log.add",
        json!({"kind": "incident", "content": "大堂灯管闪烁", "addressed_to": "safety_officer"}),
    );
    let f = call(
        &mut d,
        "wang",
        "2026-11-24 09:00",
        "log.follow_up",
        json!({"id": e["id"], "note": "已更换灯管", "done": true}),
    );
    assert_eq!(f["status"], "closed");
    let items = call(
        &mut d,
        "wang",
        "2026-11-24 09:05",
        "today.open_items",
        json!({}),
    );
    assert!(
        items
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["record_id"] != e["id"]),
        "no call-back due: {items}"
    );
    let c = call(
        &mut d,
        "wang",
        "2026-11-24 08:20",
        "log.add",
        json!({"kind": "call", "person": "张先生", "content": "楼道灯不亮"}),
    );
    let f = call(
        &mut d,
        "wang",
        "2026-11-24 09:10",
        "log.follow_up",
        json!({"id": c["id"], "note": "已修好", "done": true}),
    );
    assert_eq!(f["status"], "done", "a caller is owed a call-back");
}
