//! Complaints: the closed loop (record, work order, follow-up, resolution, call-back, close),
//! reopening, escalation, state rules, open items, monthly statistics, search and bad input —
//! all through the JSON operations.
use crate::common::*;
use frontdesk::i18n::{self, Locale};
use frontdesk::ErrorCode;
use serde_json::Value;

fn record(d: &mut frontdesk::Desk, at: &str, req: Value) -> Value {
    call(d, "wang", at, "complaint.record", req)
}

fn lamp(severity: &str) -> Value {
    json!({
        "weight": "complaint",
        "channel": "phone",
        "complainant_name": "张伟",
        "contact": "13900001111",
        "unit": "5栋302",
        "category": "engineering_repair",
        "content": "楼道灯坏了三天没人修，晚上很不安全",
        "severity": severity,
    })
}

fn id(v: &Value) -> i64 {
    v["id"].as_i64().expect("an id")
}

fn z(local: &str) -> String {
    ts(local).replace("+00:00", "Z")
}

fn dispatch(d: &mut frontdesk::Desk, at: &str, cid: i64, promised: &str) -> Value {
    call(
        d,
        "wang",
        at,
        "complaint.dispatch",
        json!({"id": cid, "department": "工程部", "promised_at": ts(promised)}),
    )
}

fn resolve(d: &mut frontdesk::Desk, at: &str, cid: i64) -> Value {
    call(
        d,
        "li",
        at,
        "complaint.resolve",
        json!({"id": cid, "resolution": "已更换楼道灯管"}),
    )
}

fn callback(
    d: &mut frontdesk::Desk,
    at: &str,
    cid: i64,
    satisfied: bool,
    next: Option<&str>,
) -> Value {
    let mut req = json!({"id": cid, "satisfied": satisfied});
    if let Some(n) = next {
        req["next_callback_at"] = json!(ts(n));
    }
    call(d, "wang", at, "complaint.callback", req)
}

fn complaint_items(d: &mut frontdesk::Desk, at: &str) -> Vec<Value> {
    let items = call(d, "wang", at, "today.open_items", json!({}));
    items
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["register"] == "complaint")
        .cloned()
        .collect()
}

fn kinds_of(items: &[Value], code: &Value) -> Vec<String> {
    items
        .iter()
        .filter(|i| i["code"] == *code)
        .map(|i| i["kind"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_complaint_goes_round_the_closed_loop_with_an_unsatisfied_call_back_first() {
    let mut d = desk();
    let c = record(&mut d, "2026-11-24 09:00", lamp("normal"));
    assert_eq!(c["code"], "CP-000001");
    assert_eq!(c["status"], "received");
    assert_eq!(c["escalated"], false);
    assert!(c["escalated_at"].is_null());
    assert_eq!(c["received_by_name"], "王芳");
    let cid = id(&c);

    let w = call(
        &mut d,
        "wang",
        "2026-11-24 09:10",
        "complaint.dispatch",
        json!({"id": cid, "department": "工程部", "promised_at": ts("2026-11-24 17:00"),
               "instructions": "今天内更换灯管"}),
    );
    assert_eq!(w["status"], "dispatched");
    assert_eq!(w["department"], "工程部");
    assert_eq!(w["promised_at"], z("2026-11-24 17:00"));
    assert_eq!(w["work_orders"][0]["number"], 1);
    assert_eq!(w["work_orders"][0]["instructions"], "今天内更换灯管");

    let f = call(
        &mut d,
        "kim",
        "2026-11-24 15:00",
        "complaint.follow_up",
        json!({"id": cid, "note": "工程部已领料，预计16点到场"}),
    );
    assert_eq!(f["follow_ups"][0]["by_name"], "김민지");
    let r = resolve(&mut d, "2026-11-24 16:30", cid);
    assert_eq!(r["status"], "resolved");
    assert_eq!(r["resolution"], "已更换楼道灯管");
    assert_eq!(r["resolved_at"], z("2026-11-24 16:30"));

    // Not satisfied: the next call time is required, and the complaint stays resolved.
    let before = audit_len(&d);
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 17:00",
        "complaint.callback",
        json!({"id": cid, "satisfied": false, "note": "灯还在闪"}),
    );
    assert_eq!(e.field.as_deref(), Some("next_callback_at"));
    assert_eq!(e.message, "请填写下次回访时间。");
    assert_eq!(audit_len(&d), before);
    let u = call(
        &mut d,
        "wang",
        "2026-11-24 17:00",
        "complaint.callback",
        json!({"id": cid, "satisfied": false, "note": "灯还在闪",
               "next_callback_at": ts("2026-11-25 10:00")}),
    );
    assert_eq!(u["status"], "resolved");
    assert_eq!(u["next_callback_at"], z("2026-11-25 10:00"));
    assert_eq!(u["callbacks"][0]["satisfied"], false);
    assert_eq!(u["callbacks"][0]["next_callback_at"], z("2026-11-25 10:00"));

    // The call-back is due at the promised time, and overdue after it.
    let items = complaint_items(&mut d, "2026-11-24 17:30");
    let due = items
        .iter()
        .find(|i| i["kind"] == "complaint_callback_due")
        .unwrap();
    assert_eq!(due["due_at"], z("2026-11-25 10:00"));
    assert_eq!(due["overdue"], false);
    let items = complaint_items(&mut d, "2026-11-25 10:30");
    let due = items
        .iter()
        .find(|i| i["kind"] == "complaint_callback_due")
        .unwrap();
    assert_eq!(due["overdue"], true);

    let s = callback(&mut d, "2026-11-25 10:30", cid, true, None);
    assert_eq!(s["status"], "closed");
    assert_eq!(s["closed_at"], z("2026-11-25 10:30"));
    assert!(s["next_callback_at"].is_null());
    let got = call(
        &mut d,
        "li",
        "2026-11-25 11:00",
        "complaint.get",
        json!({"id": cid}),
    );
    assert_eq!(got, s);
    assert_eq!(got["work_orders"].as_array().unwrap().len(), 1);
    assert_eq!(got["follow_ups"].as_array().unwrap().len(), 1);
    assert_eq!(got["callbacks"].as_array().unwrap().len(), 2);
    let history = call(
        &mut d,
        "li",
        "2026-11-25 11:00",
        "history",
        json!({"code": "CP-000001"}),
    );
    let actions: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "record",
            "dispatch",
            "follow_up",
            "resolve",
            "callback",
            "callback"
        ]
    );
    assert!(complaint_items(&mut d, "2026-11-26 09:00").is_empty());
}

#[test]
fn refused_moves_are_invalid_state_and_change_nothing() {
    let mut d = desk();
    let c = record(&mut d, "2026-11-24 09:00", lamp("normal"));
    let cid = id(&c);
    let before = audit_len(&d);
    let e = call_err(
        &mut d,
        "li",
        "2026-11-24 09:05",
        "complaint.resolve",
        json!({"id": cid, "resolution": "已处理"}),
    );
    assert_eq!(e.code, ErrorCode::InvalidState);
    assert_eq!(e.message, "该投诉当前为“已受理”，不能办结。");
    for (op, req) in [
        ("complaint.callback", json!({"id": cid, "satisfied": true})),
        ("complaint.reopen", json!({"id": cid, "reason": "再看看"})),
    ] {
        let e = call_err(&mut d, "wang", "2026-11-24 09:05", op, req);
        assert_eq!(e.code, ErrorCode::InvalidState, "{op}");
    }
    assert_eq!(audit_len(&d), before);

    dispatch(&mut d, "2026-11-24 09:10", cid, "2026-11-24 17:00");
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 10:00",
        "complaint.callback",
        json!({"id": cid, "satisfied": true}),
    );
    assert_eq!(e.message, "该投诉当前为“已派工”，不能回访。");
    resolve(&mut d, "2026-11-24 16:00", cid);
    callback(&mut d, "2026-11-24 16:30", cid, true, None);

    let before = audit_len(&d);
    for (op, req) in [
        (
            "complaint.follow_up",
            json!({"id": cid, "note": "再次询问"}),
        ),
        (
            "complaint.dispatch",
            json!({"id": cid, "department": "工程部", "promised_at": ts("2026-11-25 12:00")}),
        ),
        (
            "complaint.resolve",
            json!({"id": cid, "resolution": "再次处理"}),
        ),
        ("complaint.callback", json!({"id": cid, "satisfied": true})),
    ] {
        let e = call_err(&mut d, "wang", "2026-11-24 17:00", op, req.clone());
        assert_eq!(e.code, ErrorCode::InvalidState, "{op} {req}");
    }
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 17:00",
        "complaint.follow_up",
        json!({"id": cid, "note": "再次询问"}),
    );
    assert_eq!(e.message, "该投诉当前为“已结案”，不能跟进。");
    assert_eq!(audit_len(&d), before, "refused moves change nothing");
    let still = call(
        &mut d,
        "wang",
        "2026-11-24 17:00",
        "complaint.get",
        json!({"id": cid}),
    );
    assert_eq!(still["status"], "closed");
    assert_eq!(still["follow_ups"].as_array().unwrap().len(), 0);
}

#[test]
fn redispatch_keeps_every_work_order_and_reopen_starts_the_loop_again() {
    let mut d = desk();
    let c = record(&mut d, "2026-11-24 09:00", lamp("normal"));
    let cid = id(&c);
    dispatch(&mut d, "2026-11-24 09:10", cid, "2026-11-24 12:00");
    let again = call(
        &mut d,
        "wang",
        "2026-11-24 11:30",
        "complaint.dispatch",
        json!({"id": cid, "department": "外包电工班组", "promised_at": ts("2026-11-24 18:00"),
               "instructions": "工程部缺灯管，转外包"}),
    );
    assert_eq!(again["status"], "dispatched");
    assert_eq!(again["work_orders"].as_array().unwrap().len(), 2);
    assert_eq!(again["work_orders"][1]["number"], 2);
    assert_eq!(
        again["department"], "外包电工班组",
        "the last work order is in force"
    );
    assert_eq!(again["promised_at"], z("2026-11-24 18:00"));
    resolve(&mut d, "2026-11-24 17:00", cid);
    callback(&mut d, "2026-11-24 17:30", cid, true, None);

    let e = call_err(
        &mut d,
        "wang",
        "2026-11-26 09:00",
        "complaint.reopen",
        json!({"id": cid, "reason": "  "}),
    );
    assert_eq!(e.field.as_deref(), Some("reason"));
    let r = call(
        &mut d,
        "wang",
        "2026-11-26 09:00",
        "complaint.reopen",
        json!({"id": cid, "reason": "住户反映灯又坏了"}),
    );
    assert_eq!(r["status"], "received");
    assert!(r["resolution"].is_null());
    assert!(r["resolved_at"].is_null());
    assert!(r["closed_at"].is_null());
    assert_eq!(r["reopen_count"], 1);
    assert_eq!(r["reopen_reason"], "住户反映灯又坏了");
    assert_eq!(
        r["work_orders"].as_array().unwrap().len(),
        2,
        "history stays"
    );
    assert_eq!(r["callbacks"].as_array().unwrap().len(), 1);
    let history = call(
        &mut d,
        "li",
        "2026-11-26 09:00",
        "history",
        json!({"code": c["code"]}),
    );
    let last = history.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "reopen");
    assert_eq!(last["reason"], "住户反映灯又坏了");
    assert_eq!(
        last["before"]["resolution"], "已更换楼道灯管",
        "the old resolution is kept"
    );
    assert_eq!(
        kinds_of(&complaint_items(&mut d, "2026-11-26 09:30"), &c["code"]),
        ["complaint_open"]
    );
    // Round again; a resolved complaint may be reopened too.
    dispatch(&mut d, "2026-11-26 09:30", cid, "2026-11-26 17:00");
    resolve(&mut d, "2026-11-26 15:00", cid);
    let r = call(
        &mut d,
        "wang",
        "2026-11-26 16:00",
        "complaint.reopen",
        json!({"id": cid, "reason": "回访时发现另一层也不亮"}),
    );
    assert_eq!(r["reopen_count"], 2);
}

#[test]
fn important_and_major_complaints_are_escalated_and_listed_first() {
    let mut d = desk();
    let imp = record(&mut d, "2026-11-24 08:00", {
        let mut r = lamp("important");
        r["complainant_name"] = json!("刘洋");
        r
    });
    let major = record(
        &mut d,
        "2026-11-24 09:00",
        json!({"weight": "complaint", "channel": "on_site", "complainant_name": "陈静",
               "unit": "9栋901", "category": "security", "content": "电梯困人二十分钟无人到场",
               "severity": "major"}),
    );
    let normal = record(
        &mut d,
        "2026-11-24 10:00",
        json!({"weight": "grievance", "channel": "on_site", "complainant_name": "赵六",
               "category": "cleaning", "content": "大堂地面有水渍"}),
    );
    assert_eq!(normal["severity"], "normal", "normal by default");
    assert_eq!(major["escalated"], true);
    assert_eq!(major["escalated_at"], z("2026-11-24 09:00"));
    assert_eq!(imp["escalated"], true);
    assert_eq!(normal["escalated"], false);

    let list = call(
        &mut d,
        "wang",
        "2026-11-24 11:00",
        "complaint.list",
        json!({}),
    );
    let codes: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            major["code"].as_str().unwrap(),
            imp["code"].as_str().unwrap(),
            normal["code"].as_str().unwrap()
        ],
        "escalated first, then newest"
    );

    let items = complaint_items(&mut d, "2026-11-24 11:00");
    let open: Vec<&Value> = items
        .iter()
        .filter(|i| i["kind"] == "complaint_open")
        .collect();
    assert_eq!(open.len(), 3);
    assert_eq!(open[2]["code"], normal["code"], "the normal one comes last");
    let major_item = open.iter().find(|i| i["code"] == major["code"]).unwrap();
    assert_eq!(
        major_item["summary"],
        "重大 · 投诉 · 安保工作 · 陈静 · 9栋901 · 电梯困人二十分钟无人到场"
    );
    assert_eq!(major_item["due_at"], z("2026-11-24 09:00"));

    // Raising the severity by amendment escalates now; the reason is kept.
    let a = call(
        &mut d,
        "li",
        "2026-11-24 11:30",
        "complaint.amend",
        json!({"id": id(&normal), "severity": "important", "reason": "住户摔倒，升级处理"}),
    );
    assert_eq!(a["escalated"], true);
    assert_eq!(a["escalated_at"], z("2026-11-24 11:30"));
    let history = call(
        &mut d,
        "li",
        "2026-11-24 11:30",
        "history",
        json!({"code": normal["code"]}),
    );
    assert_eq!(history[1]["reason"], "住户摔倒，升级处理");
    assert_eq!(history[1]["before"]["severity"], "normal");
    let only = call(
        &mut d,
        "wang",
        "2026-11-24 11:30",
        "complaint.list",
        json!({"weight": "grievance", "category": "cleaning", "status": "received"}),
    );
    assert_eq!(only.as_array().unwrap().len(), 1);
    let none = call(
        &mut d,
        "wang",
        "2026-11-24 11:30",
        "complaint.list",
        json!({"from": ts("2026-11-25 00:00")}),
    );
    assert!(none.as_array().unwrap().is_empty());
}

#[test]
fn open_items_show_overdue_work_orders_and_same_day_call_backs() {
    let mut d = desk();
    let c = record(&mut d, "2026-11-24 09:00", lamp("normal"));
    let cid = id(&c);
    assert_eq!(
        kinds_of(&complaint_items(&mut d, "2026-11-24 09:01"), &c["code"]),
        ["complaint_open"]
    );
    dispatch(&mut d, "2026-11-24 09:10", cid, "2026-11-24 12:00");
    let items = complaint_items(&mut d, "2026-11-24 11:00");
    assert_eq!(kinds_of(&items, &c["code"]), ["complaint_open"]);
    assert_eq!(items[0]["due_at"], z("2026-11-24 12:00"));

    let items = complaint_items(&mut d, "2026-11-24 13:00");
    assert_eq!(
        kinds_of(&items, &c["code"]),
        ["complaint_overdue"],
        "one line per complaint, under its most pressing kind"
    );
    assert_eq!(items[0]["overdue"], true);
    assert_eq!(items[0]["due_at"], z("2026-11-24 12:00"));
    assert_eq!(
        items[0]["summary"],
        "投诉 · 工程维修 · 张伟 · 5栋302 · 楼道灯坏了三天没人修，晚上很不安全"
    );

    resolve(&mut d, "2026-11-24 14:00", cid);
    let items = complaint_items(&mut d, "2026-11-24 15:00");
    let due = items
        .iter()
        .find(|i| i["kind"] == "complaint_callback_due")
        .unwrap();
    assert_eq!(
        due["due_at"],
        z("2026-11-24 23:59"),
        "the last minute of the local day"
    );
    assert_eq!(due["overdue"], false);
    assert_eq!(kinds_of(&items, &c["code"]), ["complaint_callback_due"]);
    let items = complaint_items(&mut d, "2026-11-25 08:00");
    let due = items
        .iter()
        .find(|i| i["kind"] == "complaint_callback_due")
        .unwrap();
    assert_eq!(due["overdue"], true);
}

#[test]
fn monthly_statistics_count_by_local_month_category_and_weight() {
    let mut d = desk();
    let rec = |d: &mut frontdesk::Desk, at: &str, received: &str, w: &str, cat: &str, sev: &str| {
        let c = record(
            d,
            at,
            json!({"weight": w, "channel": "phone", "complainant_name": "住户",
                   "category": cat, "content": "内容", "severity": sev,
                   "received_at": ts(received)}),
        );
        id(&c)
    };
    // October 31st, 23:30 at the counter is still October (15:30 UTC).
    rec(
        &mut d,
        "2026-11-02 09:00",
        "2026-10-31 23:30",
        "grievance",
        "other",
        "normal",
    );
    // C1: complaint, security, resolved on time, satisfied at the first call.
    let c1 = rec(
        &mut d,
        "2026-11-03 08:00",
        "2026-11-03 08:00",
        "complaint",
        "security",
        "normal",
    );
    dispatch(&mut d, "2026-11-03 08:10", c1, "2026-11-03 12:00");
    resolve(&mut d, "2026-11-03 10:00", c1);
    callback(&mut d, "2026-11-03 11:00", c1, true, None);
    // C2: complaint, cleaning, resolved late, unsatisfied first, then satisfied.
    let c2 = rec(
        &mut d,
        "2026-11-05 08:00",
        "2026-11-05 08:00",
        "complaint",
        "cleaning",
        "normal",
    );
    dispatch(&mut d, "2026-11-05 08:10", c2, "2026-11-05 12:00");
    resolve(&mut d, "2026-11-06 09:00", c2);
    callback(
        &mut d,
        "2026-11-06 10:00",
        c2,
        false,
        Some("2026-11-07 10:00"),
    );
    callback(&mut d, "2026-11-07 10:00", c2, true, None);
    // C3: grievance, cleaning, late against the first work order but on time against the
    // second, which is the one in force; not called back yet.
    let c3 = rec(
        &mut d,
        "2026-11-10 08:00",
        "2026-11-10 08:00",
        "grievance",
        "cleaning",
        "normal",
    );
    dispatch(&mut d, "2026-11-10 08:10", c3, "2026-11-10 12:00");
    dispatch(&mut d, "2026-11-10 11:00", c3, "2026-11-10 18:00");
    resolve(&mut d, "2026-11-10 17:00", c3);
    // C4: grievance, staff attitude, major: escalated, still open.
    rec(
        &mut d,
        "2026-11-12 09:00",
        "2026-11-12 09:00",
        "grievance",
        "staff_attitude",
        "major",
    );
    // C5: 30 November 23:30 local: November; important.
    rec(
        &mut d,
        "2026-11-30 23:30",
        "2026-11-30 23:30",
        "complaint",
        "security",
        "important",
    );
    // December 1st, 00:10 local: December.
    rec(
        &mut d,
        "2026-12-01 00:10",
        "2026-12-01 00:10",
        "complaint",
        "landscaping",
        "normal",
    );

    let s = call(
        &mut d,
        "li",
        "2026-12-02 09:00",
        "complaint.stats",
        json!({"month": "2026-11"}),
    );
    assert_eq!(s["month"], "2026-11");
    assert_eq!(s["from"], z("2026-11-01 00:00"));
    assert_eq!(s["to"], z("2026-12-01 00:00"));
    assert_eq!(s["total"], 5);
    assert_eq!(s["complaints"], 3);
    assert_eq!(s["grievances"], 2);
    let cats = s["by_category"].as_array().unwrap();
    assert_eq!(cats.len(), 8, "every category, zeros included");
    let row = |c: &str| -> (i64, i64, i64) {
        let r = cats.iter().find(|r| r["category"] == c).unwrap();
        (
            r["grievances"].as_i64().unwrap(),
            r["complaints"].as_i64().unwrap(),
            r["total"].as_i64().unwrap(),
        )
    };
    assert_eq!(row("security"), (0, 2, 2));
    assert_eq!(row("cleaning"), (1, 1, 2));
    assert_eq!(row("staff_attitude"), (1, 0, 1));
    assert_eq!(row("landscaping"), (0, 0, 0));
    assert_eq!(row("other"), (0, 0, 0));
    assert_eq!(cats[0]["label"], "安保工作");
    assert_eq!(s["resolved"], 3);
    assert_eq!(s["resolved_on_time"], 2);
    assert_eq!(s["on_time_rate"].as_f64().unwrap(), 2.0 / 3.0);
    assert_eq!(s["called_back"], 2);
    assert_eq!(s["satisfied_first_call"], 1);
    assert_eq!(s["satisfaction_rate"], 0.5);
    assert_eq!(s["open"], 3);
    assert_eq!(s["escalated"], 2);

    let oct = call(
        &mut d,
        "li",
        "2026-12-02 09:00",
        "complaint.stats",
        json!({"month": "2026-10"}),
    );
    assert_eq!(oct["total"], 1);
    assert_eq!(oct["grievances"], 1);
    assert!(oct["on_time_rate"].is_null(), "nothing resolved: no rate");
    assert!(oct["satisfaction_rate"].is_null());
    let dec = call(
        &mut d,
        "li",
        "2026-12-02 09:00",
        "complaint.stats",
        json!({"month": "2026-12"}),
    );
    assert_eq!(dec["total"], 1);
    assert_eq!(dec["open"], 1);

    let e = call_err(
        &mut d,
        "li",
        "2026-12-02 09:00",
        "complaint.stats",
        json!({"month": "2026-13"}),
    );
    assert_eq!(e.field.as_deref(), Some("month"));
    assert_eq!(e.message, "月份无效（a month such as 2026-11）。");
}

#[test]
fn search_finds_complainants_contents_departments_and_categories() {
    let mut d = desk();
    let zh = record(&mut d, "2026-11-24 09:00", lamp("normal"));
    let ko = record(
        &mut d,
        "2026-11-24 09:30",
        json!({"weight": "grievance", "channel": "on_site", "complainant_name": "김민수",
               "contact": "010-1234-5678", "unit": "101동 1203호", "category": "security",
               "content": "지하 주차장 조명이 너무 어두워요"}),
    );
    dispatch(&mut d, "2026-11-24 10:00", id(&zh), "2026-11-24 17:00");
    resolve(&mut d, "2026-11-24 16:00", id(&zh));
    let find = |d: &mut frontdesk::Desk, q: &str| -> Vec<String> {
        let hits = call(
            d,
            "wang",
            "2026-11-24 16:30",
            "search",
            json!({"q": q, "registers": ["complaint"]}),
        );
        hits.as_array()
            .unwrap()
            .iter()
            .map(|h| h["code"].as_str().unwrap().to_owned())
            .collect()
    };
    let (zc, kc) = (zh["code"].as_str().unwrap(), ko["code"].as_str().unwrap());
    assert_eq!(find(&mut d, "김민수"), [kc]);
    assert_eq!(find(&mut d, "조명"), [kc], "a 2-character Korean word");
    assert_eq!(find(&mut d, "주차장"), [kc]);
    assert_eq!(find(&mut d, "灯坏"), [zc], "a 2-character Chinese word");
    assert_eq!(find(&mut d, "张伟"), [zc]);
    assert_eq!(find(&mut d, "工程部"), [zc], "department of the work order");
    assert_eq!(find(&mut d, "灯管"), [zc], "resolution");
    assert_eq!(find(&mut d, "工程维修"), [zc], "category label");
    assert_eq!(find(&mut d, "보안"), [kc], "category label in Korean");
    assert_eq!(find(&mut d, "engineering"), [zc], "and in English");
    assert!(
        find(&mut d, "1234-5678").is_empty(),
        "the contact is not indexed"
    );
    let resolved = call(
        &mut d,
        "wang",
        "2026-11-24 16:30",
        "search",
        json!({"q": "5栋302", "status": "resolved"}),
    );
    assert_eq!(resolved.as_array().unwrap().len(), 1);
}

#[test]
fn bad_input_names_the_field_in_chinese() {
    let mut d = desk();
    let c = record(&mut d, "2026-11-24 09:00", lamp("normal"));
    let cid = id(&c);
    let before = audit_len(&d);
    let mut no_content = lamp("normal");
    no_content["content"] = json!(" ");
    let mut no_weight = lamp("normal");
    no_weight.as_object_mut().unwrap().remove("weight");
    let mut bad_cat = lamp("normal");
    bad_cat["category"] = json!("plumbing");
    let mut bad_sev = lamp("normal");
    bad_sev["severity"] = json!("critical");
    let mut future = lamp("normal");
    future["received_at"] = json!(ts("2026-11-25 09:00"));
    let cases: [(&str, Value, &str, Option<&str>); 9] = [
        (
            "complaint.record",
            no_content,
            "content",
            Some("请填写内容。"),
        ),
        (
            "complaint.record",
            no_weight,
            "weight",
            Some("请填写性质（抱怨/投诉）。"),
        ),
        ("complaint.record", bad_cat, "category", None),
        ("complaint.record", bad_sev, "severity", None),
        (
            "complaint.record",
            future,
            "received_at",
            Some("接收时间超出范围（晚于当前时间）。"),
        ),
        (
            "complaint.dispatch",
            json!({"id": cid, "department": "", "promised_at": ts("2026-11-24 17:00")}),
            "department",
            Some("请填写责任部门。"),
        ),
        (
            "complaint.dispatch",
            json!({"id": cid, "department": "工程部", "promised_at": ts("2026-11-23 17:00")}),
            "promised_at",
            Some("承诺完成时间超出范围（早于当前时间）。"),
        ),
        (
            "complaint.follow_up",
            json!({"id": cid, "note": ""}),
            "note",
            Some("请填写备注。"),
        ),
        (
            "complaint.amend",
            json!({"id": cid, "content": "改"}),
            "reason",
            Some("请填写原因。"),
        ),
    ];
    for (op, req, field, message) in cases {
        let e = call_err(&mut d, "wang", "2026-11-24 09:30", op, req.clone());
        assert_eq!(e.code, ErrorCode::InvalidInput, "{op} {req}");
        assert_eq!(e.field.as_deref(), Some(field), "{op} {req}");
        if let Some(m) = message {
            assert_eq!(e.message, m);
        }
    }
    dispatch(&mut d, "2026-11-24 09:40", cid, "2026-11-24 17:00");
    resolve(&mut d, "2026-11-24 16:00", cid);
    let before_cb = audit_len(&d);
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 16:30",
        "complaint.callback",
        json!({"id": cid, "satisfied": true, "next_callback_at": ts("2026-11-25 10:00")}),
    );
    assert_eq!(e.field.as_deref(), Some("next_callback_at"));
    let e = call_err(
        &mut d,
        "wang",
        "2026-11-24 16:30",
        "complaint.callback",
        json!({"id": cid, "satisfied": "yes"}),
    );
    assert_eq!(e.field.as_deref(), Some("satisfied"));
    assert_eq!(audit_len(&d), before_cb);
    assert_eq!(
        before_cb,
        before + 2,
        "only the dispatch and the resolution were written"
    );
}

#[test]
fn every_complaint_label_exists_in_every_language() {
    use frontdesk::complaints::*;
    let mut keys: Vec<String> = Vec::new();
    keys.extend(
        ComplaintStatus::ALL
            .iter()
            .map(|s| format!("status.{}", s.key())),
    );
    keys.extend(
        ComplaintAction::ALL
            .iter()
            .map(|a| format!("action.{}", a.key())),
    );
    keys.extend(Weight::ALL.iter().map(|k| format!("complaint_weight.{k}")));
    keys.extend(
        Channel::ALL
            .iter()
            .map(|k| format!("complaint_channel.{k}")),
    );
    keys.extend(
        Category::ALL
            .iter()
            .map(|k| format!("complaint_category.{k}")),
    );
    keys.extend(
        Severity::ALL
            .iter()
            .map(|k| format!("complaint_severity.{k}")),
    );
    for f in [
        "weight",
        "channel",
        "complainant_name",
        "complainant",
        "contact",
        "unit",
        "category",
        "content",
        "severity",
        "received_at",
        "department",
        "promised_at",
        "instructions",
        "resolution",
        "satisfied",
        "next_callback_at",
        "note",
        "month",
        "status",
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
