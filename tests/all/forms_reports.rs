//! Printed forms: the shift handover, the end-of-shift checklists and the monthly reports, in
//! every locale, printed through the `print` operation from a demo counter and read back.

use crate::common::forms::{demo_desk, first_id, print_form, NOW};
use crate::common::pdf::{pdf_pages, pdf_text, write};
use crate::common::snapshot::assert_snapshot;
use crate::common::{call, call_err, desk, json, t, ts};
use frontdesk::forms::{self, FormKind, PrintRequest};
use frontdesk::i18n::{self, Locale};
use frontdesk::{Desk, ErrorCode};
use serde_json::Value;

const MONTH: &str = "2026-11";

/// The text without any white space: table cells and wrapped lines are compared as one run.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The first `n` characters of `s` without white space: what surely sits on a cell's first line.
fn head(s: &str, n: usize) -> String {
    squash(s).chars().take(n).collect()
}

fn tag(l: Locale) -> &'static str {
    match l {
        Locale::ZhCn => "zh",
        Locale::Ko => "ko",
        Locale::En => "en",
    }
}

/// Print `form` for `target`, read it back; returns the squashed text and the page count.
fn printed(d: &mut Desk, form: &str, target: &str, l: Locale) -> (String, u64) {
    let (pdf, pages) = print_form(d, form, target, l);
    let name = format!("reports-{form}-{}-{}.pdf", squash(target), tag(l));
    let text = squash(&pdf_text(&name, &pdf));
    assert!(
        text.contains(&format!("1/{pages}")),
        "{name}: no page number 1 / {pages}"
    );
    (text, pages)
}

fn assert_has(text: &str, needle: &str, what: &str) {
    let n = squash(needle);
    assert!(text.contains(&n), "{what}: `{n}` is not printed");
}

/// No private feature of any found item and no full contact is printed.
fn assert_private_kept(d: &mut Desk, text: &str, what: &str) {
    let ids: Vec<i64> = d
        .conn()
        .prepare("SELECT id FROM found_item ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(!ids.is_empty());
    for id in ids {
        let v = call(
            d,
            "admin",
            NOW,
            "found_item.private_features",
            json!({"id": id}),
        );
        if let Some(f) = v["private_features"].as_str() {
            assert!(
                !text.contains(&squash(f)),
                "{what}: private features `{f}` of found item {id} are printed"
            );
        }
    }
    let contacts: Vec<String> = d
        .conn()
        .prepare(
            "SELECT contact FROM log_entry WHERE contact IS NOT NULL
             UNION SELECT contact FROM lost_report UNION SELECT finder_contact FROM found_item
             WHERE finder_contact IS NOT NULL",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for c in contacts {
        assert!(
            !text.contains(&squash(&c)),
            "{what}: the full contact {c} is printed"
        );
    }
}

fn model(d: &Desk, form: FormKind, target: &str, l: Locale) -> frontdesk::print::Document {
    let ctx = d.ctx("admin", t(NOW)).unwrap();
    forms::build(
        d.conn(),
        &ctx,
        &PrintRequest {
            form,
            target: target.to_owned(),
            locale: Some(l),
            a6: false,
        },
    )
    .unwrap()
}

fn code(prefix: &str, id: i64) -> String {
    format!("{prefix}-{id:06}")
}

/// A closed shift with a handover, entries and both checklists (the demo's second shift).
fn closed_shift(d: &Desk) -> i64 {
    let first = first_id(
        d,
        "shift",
        "status = 'closed' AND id IN (SELECT from_shift_id FROM handover)",
    );
    first + 1
}

fn strings(d: &Desk, sql: &str, id: i64) -> Vec<String> {
    d.conn()
        .prepare(sql)
        .unwrap()
        .query_map([id], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// The demo desks and the locales each is printed in: zh-CN and ko from their own counters,
/// English from both.
fn desks() -> Vec<(Desk, Vec<Locale>)> {
    vec![
        (demo_desk(Locale::ZhCn), vec![Locale::ZhCn, Locale::En]),
        (demo_desk(Locale::Ko), vec![Locale::Ko, Locale::En]),
    ]
}

#[test]
fn handover_in_every_locale_shows_the_shift_its_log_and_what_is_carried_over() {
    for (mut d, locales) in desks() {
        let shift = closed_shift(&d);
        let sh = code("SH", shift);
        let contents = strings(
            &d,
            "SELECT content FROM log_entry WHERE shift_id = ?1 AND kind <> 'incident' ORDER BY at",
            shift,
        );
        assert!(contents.len() >= 5, "the demo shift has entries");
        let items = strings(
            &d,
            "SELECT r.item_text FROM checklist_result r JOIN checklist_run c ON c.id = r.run_id
             WHERE c.shift_id = ?1 ORDER BY r.run_id, r.position",
            shift,
        );
        let staff: String = d
            .conn()
            .query_row(
                "SELECT json_extract(staff_on_duty, '$[0]') FROM shift WHERE id = ?1",
                [shift],
                |r| r.get(0),
            )
            .unwrap();
        for l in locales {
            let (text, pages) = printed(&mut d, "handover", &sh, l);
            let what = format!("handover {sh} {l}");
            assert!(pages >= 1);
            assert_has(&text, &sh, &what);
            assert_has(&text, &staff, &what);
            assert_has(&text, &FormKind::Handover.title(l), &what);
            for c in contents.iter().step_by(3) {
                assert_has(&text, &head(c, 5), &what);
            }
            for i in &items {
                assert_has(&text, &head(i, 6), &what);
            }
            for key in [
                "field.weather",
                "field.duty_manager",
                "print.handover.carried_over",
                "print.handover.parcels",
                "print.handover.found_items",
                "print.handover.complaints",
                "checklist.facility_safety",
                "checklist.fixed_assets",
                "print.handover.sign_outgoing",
                "print.handover.sign_incoming",
            ] {
                assert_has(&text, &i18n::tr(l, key), &what);
            }
            assert_private_kept(&mut d, &text, &what);
        }
    }
}

#[test]
fn handover_of_the_running_shift_lists_the_live_open_items() {
    let mut d = demo_desk(Locale::ZhCn);
    let open = first_id(&d, "shift", "status = 'open'");
    let (text, _) = printed(&mut d, "handover", &code("SH", open), Locale::ZhCn);
    let today: Value = call(&mut d, "admin", NOW, "today.open_items", json!({}));
    let parcels: Vec<&str> = today
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "parcel_waiting")
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert!(!parcels.is_empty(), "the demo has parcels waiting");
    for p in parcels {
        assert_has(&text, p, "parcels waiting");
    }
    // The checklists are not run yet: said so, not an error.
    assert_has(
        &text,
        &i18n::tr(Locale::ZhCn, "print.checklist.not_run"),
        "open shift",
    );
}

#[test]
fn checklists_in_every_locale_list_every_item_with_its_result() {
    for (mut d, locales) in desks() {
        let shift = closed_shift(&d);
        let sh = code("SH", shift);
        for (form, kind) in [
            ("checklist_safety", "facility_safety"),
            ("checklist_assets", "fixed_assets"),
        ] {
            let items = strings(
                &d,
                &format!(
                    "SELECT r.item_text FROM checklist_result r JOIN checklist_run c ON c.id = r.run_id
                     WHERE c.shift_id = ?1 AND c.kind = '{kind}' ORDER BY r.position"
                ),
                shift,
            );
            assert!(items.len() >= 5);
            let checker: String = d
                .conn()
                .query_row(
                    "SELECT s.name FROM checklist_run c JOIN staff s ON s.id = c.run_by
                     WHERE c.shift_id = ?1 AND c.kind = ?2",
                    (shift, kind),
                    |r| r.get(0),
                )
                .unwrap();
            for l in locales.iter().copied() {
                let (text, pages) = printed(&mut d, form, &sh, l);
                let what = format!("{form} {sh} {l}");
                assert_eq!(pages, 1, "{what}: one page");
                assert_has(&text, &sh, &what);
                assert_has(&text, &checker, &what);
                assert_has(&text, &i18n::tr(l, &format!("print.form.{form}")), &what);
                for i in &items {
                    assert_has(&text, &head(i, 6), &what);
                }
                assert_has(&text, &i18n::tr(l, "print.ok"), &what);
                assert_has(&text, &i18n::tr(l, "print.checklist.sign_checker"), &what);
            }
        }
    }
}

#[test]
fn a_checklist_problem_is_highlighted_with_its_note() {
    let mut d = busy_desk(3);
    let shift = first_id(&d, "shift", "1 = 1");
    let doc = model(
        &d,
        FormKind::ChecklistSafety,
        &code("SH", shift),
        Locale::ZhCn,
    );
    let json = serde_json::to_value(&doc).unwrap();
    let problem_rows: Vec<&Value> = json["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["kind"] == "table")
        .flat_map(|b| b["rows"].as_array().unwrap())
        .filter(|r| r["highlight"] == true)
        .collect();
    assert_eq!(problem_rows.len(), 1);
    assert_eq!(problem_rows[0]["cells"][2], "异常");
    assert!(problem_rows[0]["cells"][3]
        .as_str()
        .unwrap()
        .contains("灭火器压力不足"));
    let (pdf, _) = print_form(&mut d, "checklist_safety", &code("SH", shift), Locale::ZhCn);
    let text = squash(&pdf_text("reports-checklist-problem.pdf", &pdf));
    assert!(text.contains("灭火器压力不足"));
    assert!(text.contains(&squash("共10项，1项异常，已报告安全管理员")));
}

#[test]
fn lost_summary_in_every_locale_lists_the_month_with_totals() {
    for (mut d, locales) in desks() {
        let found: Vec<(String, String, String)> = d
            .conn()
            .prepare("SELECT id, description, category FROM found_item ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((code("FI", r.get(0)?), r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let reports: Vec<(String, String)> = d
            .conn()
            .prepare("SELECT id, reporter_name FROM lost_report ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((code("LR", r.get(0)?), r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(!found.is_empty() && !reports.is_empty());
        for l in locales {
            let (text, _) = printed(&mut d, "lost_summary", MONTH, l);
            let what = format!("lost_summary {l}");
            assert_has(&text, &frontdesk::print::format::month(l, 2026, 11), &what);
            assert_has(&text, &FormKind::LostSummary.title(l), &what);
            for (c, desc, cat) in &found {
                assert_has(&text, c, &what);
                assert_has(&text, &head(desc, 4), &what);
                assert_has(&text, &i18n::tr(l, &format!("item_category.{cat}")), &what);
            }
            for (c, name) in &reports {
                assert_has(&text, c, &what);
                assert_has(&text, name, &what);
            }
            assert_has(&text, &i18n::tr(l, "print.total"), &what);
            assert_private_kept(&mut d, &text, &what);
        }
    }
}

#[test]
fn lost_summary_counts_match_the_registers_summary() {
    let mut d = demo_desk(Locale::ZhCn);
    let s = call(
        &mut d,
        "admin",
        NOW,
        "lost_found.summary",
        json!({"month": MONTH}),
    );
    let doc = serde_json::to_value(model(&d, FormKind::LostSummary, MONTH, Locale::ZhCn)).unwrap();
    let kv = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kind"] == "key_values")
        .unwrap();
    let pairs = kv["pairs"].as_array().unwrap();
    assert_eq!(pairs[0][0], "拾得物品");
    assert_eq!(pairs[0][1], s["found"].as_i64().unwrap().to_string());
    assert_eq!(pairs[2][1], s["reports"].as_i64().unwrap().to_string());
    assert_eq!(pairs[3][1], s["claims"].as_i64().unwrap().to_string());
}

#[test]
fn unclaimed_handover_lists_what_was_and_is_to_be_handed_on_with_signatures() {
    // A counter with one item handed to the police this month and one due by the month's end.
    let mut d = desk();
    call(&mut d, "wang", "2026-11-02 08:00", "shift.open", json!({}));
    let item = |d: &mut Desk, at: &str, desc: &str| {
        let v = call(
            d,
            "wang",
            at,
            "found_item.register",
            json!({"arrival": "visitor", "finder_name": "张伟", "finder_contact": "13812345678",
                   "found_at": ts(at), "found_place": "一号楼大堂", "category": "wallet",
                   "description": desc, "private_features": "内有银行卡三张",
                   "storage_location": "前台柜A1"}),
        );
        v["id"].as_i64().unwrap()
    };
    let a = item(&mut d, "2026-11-02 09:00", "黑色皮夹");
    let b = item(&mut d, "2026-11-20 09:00", "棕色钱包");
    call(
        &mut d,
        "li",
        "2026-11-10 10:00",
        "found_item.dispose",
        json!({"id": a, "disposition": "police", "reference": "公安回执 0451"}),
    );
    for l in [Locale::ZhCn, Locale::Ko, Locale::En] {
        let (pdf, pages) = {
            use base64::Engine;
            let out = call(
                &mut d,
                "admin",
                "2026-11-24 15:00",
                "print",
                json!({"form": "unclaimed_handover", "target": MONTH, "locale": l}),
            );
            (
                base64::engine::general_purpose::STANDARD
                    .decode(out["pdf_base64"].as_str().unwrap())
                    .unwrap(),
                out["pages"].as_u64().unwrap(),
            )
        };
        let text = squash(&pdf_text(
            &format!("reports-unclaimed-{}.pdf", tag(l)),
            &pdf,
        ));
        let what = format!("unclaimed_handover {l}");
        assert!(text.contains(&squash(&format!("1 / {pages}"))));
        assert_has(&text, &code("FI", a), &what);
        assert_has(&text, "黑色皮夹", &what);
        assert_has(&text, "公安回执0451", &what);
        assert_has(&text, &head(&i18n::tr(l, "disposition.police"), 6), &what);
        assert_has(&text, &code("FI", b), &what);
        assert_has(&text, "棕色钱包", &what);
        assert_has(&text, &i18n::tr(l, "print.monthly.sign_custodian"), &what);
        assert_has(&text, &i18n::tr(l, "print.monthly.sign_supervisor"), &what);
        assert_has(&text, &i18n::tr(l, "print.monthly.sign_receiver"), &what);
        assert!(!text.contains("银行卡三张"), "{what}: private features");
        assert!(!text.contains("13812345678"), "{what}: finder's phone");
    }
    // Not due by the end of October, not handed on in October: nothing to sign.
    let doc = serde_json::to_value(model(
        &d,
        FormKind::UnclaimedHandover,
        "2026-10",
        Locale::ZhCn,
    ))
    .unwrap();
    assert!(doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .all(|b| b["kind"] != "table"));
}

#[test]
fn monthly_reports_in_every_locale_print_the_demo_month() {
    for (mut d, locales) in desks() {
        let staff_finds: Vec<(String, String)> = d
            .conn()
            .prepare(
                "SELECT s.name, f.id FROM found_item f JOIN staff s ON s.id = f.finder_staff_id
                 WHERE f.arrival IN ('staff', 'on_site') ORDER BY f.id",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, code("FI", r.get(1)?))))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let shifts: Vec<String> = d
            .conn()
            .prepare("SELECT id FROM shift ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok(code("SH", r.get(0)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let entries: Vec<String> = d
            .conn()
            .prepare("SELECT content FROM log_entry WHERE kind <> 'incident' ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let categories: Vec<String> = d
            .conn()
            .prepare("SELECT DISTINCT category FROM complaint ORDER BY 1")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(!staff_finds.is_empty() && !categories.is_empty());
        for l in locales {
            let month = frontdesk::print::format::month(l, 2026, 11);

            let (text, _) = printed(&mut d, "good_deeds", MONTH, l);
            let what = format!("good_deeds {l}");
            assert_has(&text, &month, &what);
            for (name, fi) in &staff_finds {
                assert_has(&text, name, &what);
                assert_has(&text, fi, &what);
            }
            assert_private_kept(&mut d, &text, &what);

            let (text, _) = printed(&mut d, "complaint_stats", MONTH, l);
            let what = format!("complaint_stats {l}");
            assert_has(&text, &month, &what);
            for c in &categories {
                assert_has(
                    &text,
                    &i18n::tr(l, &format!("complaint_category.{c}")),
                    &what,
                );
            }
            assert_has(
                &text,
                &i18n::tr(l, "print.monthly.chart_by_category"),
                &what,
            );
            assert_has(&text, &i18n::tr(l, "print.monthly.on_time_rate"), &what);

            let (text, pages) = printed(&mut d, "duty_log_archive", MONTH, l);
            let what = format!("duty_log_archive {l}");
            assert!(pages >= 3, "{what}: the bound month runs over pages");
            assert_has(&text, &month, &what);
            for s in &shifts {
                assert_has(&text, s, &what);
            }
            for e in entries.iter().step_by(7) {
                assert_has(&text, &head(e, 5), &what);
            }
            assert_private_kept(&mut d, &text, &what);
        }
    }
}

#[test]
fn complaint_stats_draws_a_bar_per_category_from_the_stats() {
    let mut d = demo_desk(Locale::Ko);
    let stats = call(
        &mut d,
        "admin",
        NOW,
        "complaint.stats",
        json!({"month": MONTH}),
    );
    let doc = serde_json::to_value(model(&d, FormKind::ComplaintStats, MONTH, Locale::Ko)).unwrap();
    let chart = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kind"] == "bar_chart")
        .expect("a bar chart");
    let bars = chart["bars"].as_array().unwrap();
    let by_cat = stats["by_category"].as_array().unwrap();
    assert_eq!(bars.len(), by_cat.len());
    for (b, c) in bars.iter().zip(by_cat) {
        assert_eq!(b["value"].as_f64().unwrap(), c["total"].as_f64().unwrap());
        assert_eq!(
            b["label"],
            i18n::tr(
                Locale::Ko,
                &format!("complaint_category.{}", c["category"].as_str().unwrap())
            )
        );
    }
}

#[test]
fn layout_models_are_snapshotted_per_form_and_locale() {
    for (d, locales) in desks() {
        let shift = code("SH", closed_shift(&d));
        for l in locales {
            if l == Locale::En && d.locale() == Locale::Ko {
                continue;
            }
            for form in [
                FormKind::Handover,
                FormKind::ChecklistSafety,
                FormKind::ChecklistAssets,
                FormKind::LostSummary,
                FormKind::UnclaimedHandover,
                FormKind::GoodDeeds,
                FormKind::ComplaintStats,
                FormKind::DutyLogArchive,
            ] {
                let target = match form {
                    FormKind::Handover | FormKind::ChecklistSafety | FormKind::ChecklistAssets => {
                        shift.as_str()
                    }
                    _ => MONTH,
                };
                let doc = model(&d, form, target, l);
                assert_snapshot(&format!("forms_reports_{}_{}", form.as_str(), tag(l)), &doc);
            }
        }
    }
}

#[test]
fn a_shift_without_the_checklist_run_is_refused_as_invalid_state() {
    let mut d = demo_desk(Locale::ZhCn);
    let open = code("SH", first_id(&d, "shift", "status = 'open'"));
    for form in ["checklist_safety", "checklist_assets"] {
        let e = call_err(
            &mut d,
            "admin",
            NOW,
            "print",
            json!({"form": form, "target": open}),
        );
        assert_eq!(e.code, ErrorCode::InvalidState, "{form}");
        assert!(e.message.contains("打印检查表"), "{}", e.message);
        assert!(e.message.contains("未填写"), "{}", e.message);
    }
    let e = call_err(
        &mut d,
        "admin",
        NOW,
        "print",
        json!({"form": "handover", "target": "SH-999999"}),
    );
    assert_eq!(e.code, ErrorCode::NotFound);
}

#[test]
fn a_bad_month_is_invalid_input_naming_target() {
    let mut d = demo_desk(Locale::Ko);
    for form in [
        "lost_summary",
        "unclaimed_handover",
        "good_deeds",
        "complaint_stats",
        "duty_log_archive",
    ] {
        for bad in ["2026-13", "November", "1999-12", "SH-000001"] {
            let e = call_err(
                &mut d,
                "admin",
                NOW,
                "print",
                json!({"form": form, "target": bad}),
            );
            assert_eq!(e.code, ErrorCode::InvalidInput, "{form} {bad}");
            assert_eq!(e.field.as_deref(), Some("target"), "{form} {bad}");
        }
    }
    let e = call_err(
        &mut d,
        "admin",
        NOW,
        "print",
        json!({"form": "handover", "target": "2026-11"}),
    );
    assert_eq!(e.field.as_deref(), Some("target"));
}

// ---------------------------------------------------------------------------------------------
// A busy shift

/// A counter with one closed shift of `n` duty-log entries on 20 Nov 2026 (every fifth urgent,
/// some with a caller's phone and a promise) and both checklists run, one safety problem.
pub fn busy_desk(n: usize) -> Desk {
    let mut d = desk();
    for kind in ["facility_safety", "fixed_assets"] {
        call(
            &mut d,
            "li",
            "2026-11-19 08:00",
            "checklist.add_defaults",
            json!({"kind": kind}),
        );
    }
    call(
        &mut d,
        "wang",
        "2026-11-20 08:00",
        "shift.open",
        json!({"staff_on_duty": ["王芳", "김민지"], "weather": "晴", "duty_manager": "李强",
               "duty_leader": "赵敏", "visitor_count": 1234}),
    );
    let start = t("2026-11-20 08:01");
    for i in 0..n {
        let at = start + chrono::Duration::seconds((i as i64 * 11 * 3600) / n.max(1) as i64);
        let kind = ["call", "visit", "dispatch", "note"][i % 4];
        let mut req = json!({
            "kind": kind,
            "at": at.to_rfc3339(),
            "content": format!(
                "第{:03}条 业主来电：{}号楼{}室厨房水管漏水，已派工程部上门处理，请跟进结果。",
                i + 1,
                i % 9 + 1,
                1001 + i
            ),
            "urgent": i % 5 == 0,
        });
        if i % 4 != 3 {
            req["person"] = json!(format!("业主{}", i + 1));
            req["unit"] = json!(format!("{}-{}", i % 9 + 1, 1001 + i));
            req["contact"] = json!(format!("139{:08}", 10_000_000 + i));
            req["promised"] = json!("两小时内上门");
            req["promised_by"] = json!((at + chrono::Duration::hours(2)).to_rfc3339());
            req["dispatched_to"] = json!("工程部");
        }
        d.call("wang", at, "log.add", req).unwrap();
    }
    for kind in ["facility_safety", "fixed_assets"] {
        let items = call(
            &mut d,
            "wang",
            "2026-11-20 19:40",
            "checklist.items",
            json!({"kind": kind}),
        );
        let results: Vec<Value> = items
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .map(|(i, it)| {
                if kind == "facility_safety" && i == 6 {
                    json!({"item_id": it["id"], "ok": false, "note": "二楼灭火器压力不足"})
                } else {
                    json!({"item_id": it["id"], "ok": true})
                }
            })
            .collect();
        call(
            &mut d,
            "wang",
            "2026-11-20 19:45",
            "checklist.run",
            json!({"kind": kind, "results": results}),
        );
    }
    call(
        &mut d,
        "wang",
        "2026-11-20 19:55",
        "shift.close",
        json!({"notes": "3号楼电梯维保明早9点，注意提醒业主"}),
    );
    d
}

#[test]
fn a_busy_handover_of_300_entries_stays_small_and_repeats_its_header_on_every_page() {
    let mut d = busy_desk(300);
    let shift = code("SH", first_id(&d, "shift", "1 = 1"));
    let (pdf, pages) = print_form(&mut d, "handover", &shift, Locale::ZhCn);
    assert!(
        pdf.len() < 300 * 1024,
        "busy handover is {} bytes (limit 300 KB)",
        pdf.len()
    );
    assert!(pages >= 8, "300 entries run over pages, got {pages}");
    let path = write("reports-busy-handover.pdf", &pdf);
    let texts = pdf_pages(&path);
    assert_eq!(texts.len() as u64, pages);
    // The duty log runs until the carried-over items start; every page of it repeats the
    // table's header, and every page of the carried-over table repeats that one's.
    let log_header = squash("承诺事项/时限");
    let carried = squash("移交下一班的未完成事项");
    let mut in_log = true;
    for (i, page) in texts.iter().enumerate() {
        let p = squash(page);
        assert!(
            p.contains("阳光花园物业服务中心"),
            "page {}: counter name",
            i + 1
        );
        assert!(
            p.contains(&format!("{}/{pages}", i + 1)),
            "page {}: page number",
            i + 1
        );
        let log_part = match p.find(&carried) {
            Some(at) => {
                in_log = false;
                &p[..at]
            }
            None if in_log => &p[..],
            None => "",
        };
        if log_part.contains("条业主来电") {
            assert!(log_part.contains(&log_header), "page {}: log header", i + 1);
        } else if !in_log && p.contains("条业主来电") {
            assert!(
                p.contains(&squash("编号类型内容期限")),
                "page {}: carried-over header",
                i + 1
            );
        }
    }
    let all = squash(&texts.join("\n"));
    let log = &all[..all.find(&carried).expect("carried-over section")];
    for n in 1..=300 {
        assert_eq!(
            log.matches(&format!("第{n:03}条")).count(),
            1,
            "entry {n} printed once in the log"
        );
    }
    assert!(!all.contains("13910000000"), "contacts are masked");
    assert!(all.contains("139*****0000") || all.contains("139****0000"));
    assert!(all.contains("二楼灭火器压力不足"));
    assert!(all.contains(&squash("3号楼电梯维保明早9点")));
}
