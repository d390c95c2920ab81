//! Printed forms of single records: item-information card, finder's receipt, claim form,
//! parcel notice and pick-up receipt, complaint work order. Each is printed through the `print`
//! operation from the Chinese and the Korean demo counters, in zh-CN / ko and in en, read back
//! with `pdftotext` (content there; private features, full phone numbers and contacts absent),
//! the item card's QR decoded with `zbarimg`; one Document per form and locale is
//! snapshot-tested and every laid-out mark is checked to stay on its page.

use crate::common::forms::*;
use crate::common::pdf::*;
use crate::common::snapshot::assert_snapshot;
use crate::common::t;
use frontdesk::forms::{self, FormKind, PrintRequest};
use frontdesk::i18n::{self, Locale};
use frontdesk::print::{self, format, Document, Mark};
use frontdesk::{Desk, ErrorCode};
use serde_json::{json, Value};

/// A demo counter and the languages its forms are printed in (its own and English).
fn counters() -> Vec<(Locale, Desk, [Locale; 2])> {
    [Locale::ZhCn, Locale::Ko]
        .into_iter()
        .map(|l| (l, demo_desk(l), [l, Locale::En]))
        .collect()
}

fn op(d: &mut Desk, name: &str, req: Value) -> Value {
    d.call("admin", t(NOW), name, req.clone())
        .unwrap_or_else(|e| panic!("{name} {req}: {e:?}"))
}

fn print_err(d: &mut Desk, form: &str, target: &str) -> frontdesk::ApiError {
    match d.call_api(
        "admin",
        t(NOW),
        "print",
        json!({"form": form, "target": target}),
    ) {
        Ok(_) => panic!("print {form} {target} should have failed"),
        Err(e) => e,
    }
}

/// The text with every blank removed: what pdftotext wraps or spaces apart still compares.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn assert_has(text: &str, what: &str, ctx: &str) {
    assert!(
        squash(text).contains(&squash(what)),
        "{ctx}: `{what}` missing from\n{text}"
    );
}

fn assert_lacks(text: &str, what: &str, ctx: &str) {
    let w = squash(what);
    if w.is_empty() {
        return;
    }
    assert!(
        !squash(text).contains(&w),
        "{ctx}: `{what}` must not be printed:\n{text}"
    );
}

fn tr(l: Locale, key: &str) -> String {
    i18n::tr(l, key)
}

/// A local date and time as the counter prints it.
fn when(d: &Desk, l: Locale, at: &Value) -> String {
    let ctx = d.ctx("admin", t(NOW)).unwrap();
    let at = at.as_str().unwrap().parse().unwrap();
    format::local_date_time(l, at, ctx.tz())
}

/// Build the form's Document (the layout model), check its laid-out marks stay on the page
/// (and on one page when `one_page`), and return it.
fn document(
    d: &Desk,
    form: FormKind,
    target: &str,
    l: Locale,
    a6: bool,
    one_page: bool,
) -> Document {
    let ctx = d.ctx("admin", t(NOW)).unwrap();
    let req = PrintRequest {
        form,
        target: target.into(),
        locale: Some(l),
        a6,
    };
    let doc = forms::build(d.conn(), &ctx, &req).unwrap();
    assert!(doc.missing_glyphs().unwrap().is_empty());
    let paged = print::layout(&doc).unwrap();
    if one_page {
        assert_eq!(paged.pages.len(), 1, "{form:?} {target} {l}: one sheet");
    }
    for page in &paged.pages {
        for m in &page.marks {
            let (x0, y0, x1, y1) = match m {
                Mark::Text { x, y, .. } => (*x, *y, *x, *y),
                Mark::Line { x1, y1, x2, y2, .. } => (*x1, *y1, *x2, *y2),
                Mark::Fill { x, y, w, h, .. } | Mark::Image { x, y, w, h, .. } => {
                    (*x, *y, x + w, y + h)
                }
            };
            assert!(
                x0 >= -0.01 && y0 >= -0.01 && x1 <= paged.width + 0.01 && y1 <= paged.height + 0.01,
                "{form:?} {target} {l}: {m:?} leaves the page"
            );
        }
    }
    doc
}

fn snapshot(name: &str, doc: &Document) {
    assert_snapshot(&format!("forms_records-{name}"), doc);
}

fn private_features(d: &mut Desk, id: i64) -> String {
    let p = op(d, "found_item.private_features", json!({ "id": id }));
    p["private_features"].as_str().unwrap_or("").to_owned()
}

fn ids(d: &Desk, table: &str, where_sql: &str) -> Vec<i64> {
    let mut st = d
        .conn()
        .prepare(&format!(
            "SELECT id FROM {table} WHERE {where_sql} ORDER BY id"
        ))
        .unwrap();
    let v: Vec<i64> = st
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    v
}

// ---------------------------------------------------------------------------------------------
// Lost and found

/// What may never appear on any lost-and-found form of item `id`.
fn secrets_of_item(d: &mut Desk, id: i64) -> Vec<String> {
    let item = op(d, "found_item.get", json!({ "id": id }));
    let mut s = vec![private_features(d, id)];
    s.extend(item["finder_contact"].as_str().map(str::to_owned));
    s
}

#[test]
fn item_card_in_every_locale() {
    for (home, mut d, locales) in counters() {
        // A valuable item and an ordinary one.
        let valuable = first_id(&d, "found_item", "valuable = 1");
        let plain = first_id(&d, "found_item", "valuable = 0");
        for id in [valuable, plain] {
            let item = op(&mut d, "found_item.get", json!({ "id": id }));
            let code = item["code"].as_str().unwrap().to_owned();
            let secrets = secrets_of_item(&mut d, id);
            assert!(!secrets[0].is_empty(), "the demo item has private features");
            for l in locales {
                for a6 in [false, true] {
                    let name = format!(
                        "item_card-{home}-{code}-{l}-{}",
                        if a6 { "a6" } else { "label" }
                    );
                    let (pdf, pages) = print_form_a6(&mut d, &code, l, a6);
                    assert!(pdf.len() < 50_000, "{name}: {} bytes", pdf.len());
                    let text = pdf_text(&format!("{name}.pdf"), &pdf);
                    assert_eq!(pages, 1, "{name}");
                    assert_has(&text, &code, &name);
                    assert_has(&text, &FormKind::ItemCard.title(l), &name);
                    assert_has(&text, &when(&d, l, &item["found_at"]), &name);
                    assert_has(&text, item["found_place"].as_str().unwrap(), &name);
                    assert_has(&text, item["description"].as_str().unwrap(), &name);
                    assert_has(&text, item["storage_location"].as_str().unwrap(), &name);
                    let cat = tr(
                        l,
                        &format!("item_category.{}", item["category"].as_str().unwrap()),
                    );
                    assert_has(&text, &cat, &name);
                    let mark = tr(l, "print.item_card.valuable_mark");
                    if id == valuable {
                        assert_has(&text, &mark, &name);
                    } else {
                        assert_lacks(&text, &mark, &name);
                    }
                    for s in &secrets {
                        assert_lacks(&text, s, &name);
                    }
                    assert_eq!(qr_payloads(&name, &pdf), vec![code.clone()], "{name}");
                    let doc = document(&d, FormKind::ItemCard, &code, l, a6, true);
                    if id == valuable && (l == home || l == Locale::En) {
                        let size = if a6 { "a6" } else { "label" };
                        let tag = if l == Locale::En {
                            format!("en-from-{home}")
                        } else {
                            l.to_string()
                        };
                        snapshot(&format!("item_card-{size}-{tag}"), &doc);
                    }
                }
            }
        }
        // The code scanned from the card finds the item in search.
        let code = op(&mut d, "found_item.get", json!({ "id": valuable }))["code"]
            .as_str()
            .unwrap()
            .to_owned();
        let found = op(&mut d, "search", json!({ "q": code }));
        assert!(found.to_string().contains(&code), "search {code}: {found}");
    }
}

#[test]
fn item_card_fits_a_long_description_on_the_label() {
    let mut d = demo_desk(Locale::ZhCn);
    let id = first_id(&d, "found_item", "status = 'in_custody'");
    let long = "黑色双肩背包，内有笔记本电脑一台、充电器、雨伞一把、水杯、若干文件和一本英文小说，"
        .repeat(8);
    op(
        &mut d,
        "found_item.amend",
        json!({"id": id, "description": long, "found_place": "三号楼地下停车场B2层电梯厅旁边的休息区长椅上", "reason": "补充描述"}),
    );
    let code = format!("FI-{id:06}");
    for l in Locale::ALL {
        for a6 in [false, true] {
            let doc = document(&d, FormKind::ItemCard, &code, l, a6, true);
            let (pdf, pages) = print_form_a6(&mut d, &code, l, a6);
            assert_eq!(pages, 1);
            let text = pdf_text(&format!("item_card-long-{l}-{a6}.pdf"), &pdf);
            assert_has(&text, &code, "long");
            assert_has(&text, "黑色双肩背包", "long");
            assert_lacks(&text, &long, "long: shortened");
            assert!(!doc.blocks.is_empty());
        }
    }
}

fn print_form_a6(d: &mut Desk, code: &str, l: Locale, a6: bool) -> (Vec<u8>, u64) {
    use base64::Engine;
    let out = op(
        d,
        "print",
        json!({"form": "item_card", "target": code, "locale": l, "a6": a6}),
    );
    let pdf = base64::engine::general_purpose::STANDARD
        .decode(out["pdf_base64"].as_str().unwrap())
        .unwrap();
    (pdf, out["pages"].as_u64().unwrap())
}

#[test]
fn finder_receipt_in_every_locale() {
    for (home, mut d, locales) in counters() {
        let visitor = first_id(&d, "found_item", "arrival = 'visitor'");
        let staff = first_id(&d, "found_item", "arrival IN ('staff', 'on_site')");
        for id in [visitor, staff] {
            let item = op(&mut d, "found_item.get", json!({ "id": id }));
            let code = item["code"].as_str().unwrap().to_owned();
            let secrets = secrets_of_item(&mut d, id);
            let finder = item["finder_name"].as_str().unwrap().to_owned();
            for l in locales {
                let name = format!("finder_receipt-{home}-{code}-{l}");
                let (pdf, pages) = print_form(&mut d, "finder_receipt", &code, l);
                let text = pdf_text(&format!("{name}.pdf"), &pdf);
                assert_eq!(pages, 1, "{name}: one A6 sheet");
                assert_has(&text, &FormKind::FinderReceipt.title(l), &name);
                assert_has(&text, &code, &name);
                assert_has(&text, &finder, &name);
                assert_has(&text, item["found_place"].as_str().unwrap(), &name);
                assert_has(&text, item["description"].as_str().unwrap(), &name);
                assert_has(&text, item["registered_by_name"].as_str().unwrap(), &name);
                assert_has(&text, &when(&d, l, &item["found_at"]), &name);
                assert_has(&text, &tr(l, "print.records.sign_finder"), &name);
                // A staff member's receipt is the proof of a good deed; a visitor's thanks them.
                let good_deed =
                    i18n::tr_args(l, "print.finder_receipt.good_deed", &[("name", &finder)]);
                if id == staff {
                    assert_has(&text, &good_deed, &name);
                } else {
                    assert_has(&text, &tr(l, "print.finder_receipt.thanks"), &name);
                    assert_lacks(&text, &good_deed, &name);
                }
                for s in &secrets {
                    assert_lacks(&text, s, &name);
                }
                let doc = document(&d, FormKind::FinderReceipt, &code, l, false, true);
                if l == home || id == staff {
                    let tag = if l == Locale::En {
                        format!("en-from-{home}")
                    } else {
                        l.to_string()
                    };
                    let who = if id == staff { "staff" } else { "visitor" };
                    snapshot(&format!("finder_receipt-{who}-{tag}"), &doc);
                }
            }
        }
    }
    // Korean receipts name the good deed 선행, Chinese ones 好人好事.
    assert!(tr(Locale::Ko, "print.finder_receipt.good_deed").contains("선행"));
    assert!(tr(Locale::ZhCn, "print.finder_receipt.good_deed").contains("好人好事"));
}

/// A claimed item of the demo counter, claimed here with known contact and ID when the demo
/// has none (so the masking is checked against numbers we chose).
fn claimed_item(d: &mut Desk, home: Locale) -> (i64, String, String) {
    let id = first_id(d, "found_item", "status = 'in_custody'");
    let (phone, masked) = match home {
        Locale::Ko => ("010-2345-6789", "010-****-6789"),
        _ => ("13812345678", "138****5678"),
    };
    op(
        d,
        "found_item.claim",
        json!({
            "id": id, "claimant_name": "刘洋 Liu", "contact": phone, "id_doc_type": "passport",
            "id_last4": "123X", "verification": "说出钱包内有一张借书证 / 내부 특징 설명",
        }),
    );
    (id, phone.to_owned(), masked.to_owned())
}

#[test]
fn claim_form_in_every_locale() {
    for (home, mut d, locales) in counters() {
        let (ours, phone, masked) = claimed_item(&mut d, home);
        let mut items = vec![ours];
        // And the claims the demo made itself.
        items.extend(
            ids(
                &d,
                "found_item",
                &format!("status = 'claimed' AND id <> {ours}"),
            )
            .into_iter()
            .take(1),
        );
        for id in items {
            let detail = op(&mut d, "found_item.get", json!({ "id": id }));
            let claim = detail["claim"].clone();
            let code = detail["code"].as_str().unwrap().to_owned();
            let secrets = secrets_of_item(&mut d, id);
            let contact = claim["contact"].as_str().unwrap().to_owned();
            for l in locales {
                let name = format!("claim-{home}-{code}-{l}");
                let (pdf, _) = print_form(&mut d, "claim", &code, l);
                let text = pdf_text(&format!("{name}.pdf"), &pdf);
                assert_has(&text, &FormKind::Claim.title(l), &name);
                assert_has(&text, &code, &name);
                assert_has(&text, claim["code"].as_str().unwrap(), &name);
                assert_has(&text, claim["claimant_name"].as_str().unwrap(), &name);
                assert_has(&text, claim["handled_by_name"].as_str().unwrap(), &name);
                assert_has(&text, &when(&d, l, &claim["claimed_at"]), &name);
                assert_has(
                    &text,
                    &format!("******{}", claim["id_last4"].as_str().unwrap()),
                    &name,
                );
                let doc_type = tr(
                    l,
                    &format!("id_doc_type.{}", claim["id_doc_type"].as_str().unwrap()),
                );
                assert_has(&text, &doc_type, &name);
                assert_has(&text, &tr(l, "print.records.sign_claimant"), &name);
                assert_has(&text, &tr(l, "print.records.sign_staff"), &name);
                assert_lacks(&text, &contact, &name);
                assert_lacks(&text, &contact.replace('-', ""), &name);
                for s in &secrets {
                    assert_lacks(&text, s, &name);
                }
                if id == ours {
                    assert_has(&text, &masked, &name);
                    assert_lacks(&text, &phone, &name);
                    assert_has(&text, "******123X", &name);
                    let doc = document(&d, FormKind::Claim, &code, l, false, true);
                    let tag = if l == Locale::En {
                        format!("en-from-{home}")
                    } else {
                        l.to_string()
                    };
                    snapshot(&format!("claim-{tag}"), &doc);
                }
            }
        }
    }
}

#[test]
fn an_unclaimed_item_has_no_claim_form() {
    let mut d = demo_desk(Locale::ZhCn);
    let id = first_id(&d, "found_item", "status = 'in_custody'");
    let e = print_err(&mut d, "claim", &format!("FI-{id:06}"));
    assert_eq!(e.code, ErrorCode::InvalidState, "{e:?}");
    assert!(
        e.message.contains("保管中") && e.message.contains("打印认领表"),
        "{}",
        e.message
    );
}

// ---------------------------------------------------------------------------------------------
// Mail

#[test]
fn parcel_notice_in_every_locale() {
    for (home, mut d, locales) in counters() {
        let id = first_id(
            &d,
            "parcel",
            "direction = 'in' AND status IN ('received', 'notified') AND tracking_no IS NOT NULL",
        );
        let p = op(&mut d, "parcel.get", json!({ "id": id }));
        let code = p["code"].as_str().unwrap().to_owned();
        let counter = op(&mut d, "profile.get", json!({}))["name"]
            .as_str()
            .unwrap()
            .to_owned();
        for l in locales {
            let name = format!("parcel_notice-{home}-{code}-{l}");
            let (pdf, pages) = print_form(&mut d, "parcel_notice", &code, l);
            let text = pdf_text(&format!("{name}.pdf"), &pdf);
            assert_eq!(pages, 1, "{name}");
            assert_has(&text, &FormKind::ParcelNotice.title(l), &name);
            assert_has(&text, &code, &name);
            for f in [
                "recipient_name",
                "recipient_unit",
                "tracking_no",
                "carrier",
                "storage_location",
            ] {
                assert_has(&text, p[f].as_str().unwrap(), &format!("{name} {f}"));
            }
            assert_has(
                &text,
                &tr(l, &format!("parcel_kind.{}", p["kind"].as_str().unwrap())),
                &name,
            );
            assert_has(&text, &when(&d, l, &p["received_at"]), &name);
            let collect = i18n::tr_args(l, "print.parcel_notice.collect", &[("counter", &counter)]);
            assert_has(&text, &collect, &name);
            assert_lacks(&text, p["recipient_contact"].as_str().unwrap(), &name);
            let doc = document(&d, FormKind::ParcelNotice, &code, l, false, true);
            let tag = if l == Locale::En {
                format!("en-from-{home}")
            } else {
                l.to_string()
            };
            snapshot(&format!("parcel_notice-{tag}"), &doc);
        }
        // Picked up already: no notice.
        let gone = first_id(&d, "parcel", "status = 'picked_up'");
        let e = print_err(&mut d, "parcel_notice", &gone.to_string());
        assert_eq!(e.code, ErrorCode::InvalidState, "{e:?}");
    }
}

#[test]
fn parcel_receipt_in_every_locale() {
    for (home, mut d, locales) in counters() {
        // One picked up by someone else for the recipient, with the ID checked.
        let id = first_id(
            &d,
            "parcel",
            "direction = 'in' AND status IN ('received', 'notified') AND tracking_no IS NOT NULL",
        );
        op(
            &mut d,
            "parcel.pick_up",
            json!({"id": id, "picked_up_by": "周杰 Zhou", "on_behalf_of": "本人家属", "id_checked": true,
                   "id_doc_type": "居民身份证", "id_last4": "0421"}),
        );
        let demo_pick = first_id(
            &d,
            "parcel",
            &format!("status = 'picked_up' AND id <> {id}"),
        );
        for pid in [id, demo_pick] {
            let p = op(&mut d, "parcel.get", json!({ "id": pid }));
            let code = p["code"].as_str().unwrap().to_owned();
            for l in locales {
                let name = format!("parcel_receipt-{home}-{code}-{l}");
                let (pdf, pages) = print_form(&mut d, "parcel_receipt", &code, l);
                let text = pdf_text(&format!("{name}.pdf"), &pdf);
                assert_eq!(pages, 1, "{name}");
                assert_has(&text, &FormKind::ParcelReceipt.title(l), &name);
                assert_has(&text, &code, &name);
                assert_has(&text, p["recipient_name"].as_str().unwrap(), &name);
                assert_has(&text, p["picked_up_by"].as_str().unwrap(), &name);
                assert_has(&text, &when(&d, l, &p["picked_up_at"]), &name);
                assert_has(
                    &text,
                    &format!("******{}", p["id_last4"].as_str().unwrap()),
                    &name,
                );
                assert_has(&text, &tr(l, "print.records.sign_collector"), &name);
                assert_lacks(&text, p["recipient_contact"].as_str().unwrap_or(""), &name);
                if pid == id {
                    assert_has(&text, "本人家属", &name);
                    assert_has(&text, "******0421", &name);
                    let admin = d.ctx("admin", t(NOW)).unwrap().actor.name;
                    assert_has(&text, &admin, &name);
                    let doc = document(&d, FormKind::ParcelReceipt, &code, l, false, true);
                    let tag = if l == Locale::En {
                        format!("en-from-{home}")
                    } else {
                        l.to_string()
                    };
                    snapshot(&format!("parcel_receipt-{tag}"), &doc);
                }
            }
        }
        // Still waiting: no pick-up receipt.
        let waiting = first_id(&d, "parcel", "status IN ('received', 'notified')");
        let e = print_err(&mut d, "parcel_receipt", &format!("PC-{waiting:06}"));
        assert_eq!(e.code, ErrorCode::InvalidState, "{e:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Complaints

#[test]
fn work_order_in_every_locale() {
    for (home, mut d, locales) in counters() {
        // A complaint dispatched with instructions and followed up, an escalated one not yet
        // dispatched, and whatever the demo's first complaint went through.
        let record = |d: &mut Desk, severity: &str, contact: &str| {
            op(
                d,
                "complaint.record",
                json!({"weight": "complaint", "channel": "phone", "complainant_name": "陈静 Chen",
                       "contact": contact, "unit": "5-1203", "category": "security",
                       "content": "夜间地下车库有陌生人徘徊 / 야간 주차장", "severity": severity}),
            )["id"]
                .as_i64()
                .unwrap()
        };
        let id = record(&mut d, "normal", "010-5555-1234");
        op(
            &mut d,
            "complaint.dispatch",
            json!({"id": id, "department": "工程部 시설팀", "promised_at": (t(NOW) + chrono::Duration::hours(20)).to_rfc3339(),
                   "instructions": "请携带梯子和灯管 / 사다리 지참"}),
        );
        op(
            &mut d,
            "complaint.follow_up",
            json!({"id": id, "note": "已电话告知业主 / 민원인에게 안내함"}),
        );
        let fresh = record(&mut d, "major", "13987654321");
        let demo = first_id(&d, "complaint", "1");
        for cid in [id, fresh, demo] {
            let c = op(&mut d, "complaint.get", json!({ "id": cid }));
            let code = c["code"].as_str().unwrap().to_owned();
            let contact = c["contact"].as_str().unwrap().to_owned();
            for l in locales {
                let name = format!("work_order-{home}-{code}-{l}");
                let (pdf, _) = print_form(&mut d, "work_order", &code, l);
                let text = pdf_text(&format!("{name}.pdf"), &pdf);
                assert_has(&text, &FormKind::WorkOrder.title(l), &name);
                assert_has(&text, &code, &name);
                assert_has(&text, c["complainant_name"].as_str().unwrap(), &name);
                assert_has(&text, c["unit"].as_str().unwrap(), &name);
                assert_has(&text, &when(&d, l, &c["received_at"]), &name);
                let cat = tr(
                    l,
                    &format!("complaint_category.{}", c["category"].as_str().unwrap()),
                );
                assert_has(&text, &cat, &name);
                for k in ["sign_dispatcher", "sign_assignee", "sign_completion"] {
                    assert_has(&text, &tr(l, &format!("print.records.{k}")), &name);
                }
                assert_lacks(&text, &contact, &name);
                assert_lacks(&text, &contact.replace('-', ""), &name);
                let escalated = i18n::tr_args(
                    l,
                    "print.work_order.escalated",
                    &[(
                        "severity",
                        &tr(
                            l,
                            &format!("complaint_severity.{}", c["severity"].as_str().unwrap()),
                        ),
                    )],
                );
                if c["escalated"].as_bool().unwrap() {
                    assert_has(&text, &escalated, &name);
                } else {
                    assert_lacks(&text, &escalated, &name);
                }
                if cid == id {
                    assert_has(&text, "工程部", &name);
                    assert_has(&text, &when(&d, l, &c["promised_at"]), &name);
                    assert_has(&text, "请携带梯子和灯管", &name);
                    assert_has(&text, "已电话告知业主", &name);
                    assert_has(&text, "010-****-1234", &name);
                } else if cid == fresh {
                    assert_has(&text, "139****4321", &name);
                    assert_has(&text, &tr(l, "print.work_order.not_dispatched"), &name);
                    let doc = document(&d, FormKind::WorkOrder, &code, l, false, true);
                    let tag = if l == Locale::En {
                        format!("en-from-{home}")
                    } else {
                        l.to_string()
                    };
                    snapshot(&format!("work_order-new-{tag}"), &doc);
                }
            }
        }
        let code = format!("CP-{id:06}");
        let doc = document(&d, FormKind::WorkOrder, &code, home, false, true);
        snapshot(&format!("work_order-dispatched-{home}"), &doc);
    }
}

// ---------------------------------------------------------------------------------------------
// Targets

#[test]
fn a_bad_target_names_target() {
    let mut d = demo_desk(Locale::ZhCn);
    for (form, target) in [
        ("item_card", "PC-000001"),
        ("claim", "banana"),
        ("finder_receipt", ""),
        ("parcel_notice", "FI-000001"),
        ("parcel_receipt", "2026-11"),
        ("work_order", "PC-1"),
    ] {
        let e = print_err(&mut d, form, target);
        assert_eq!(e.code, ErrorCode::InvalidInput, "{form} {target}: {e:?}");
        assert_eq!(e.field.as_deref(), Some("target"), "{form} {target}");
        assert!(e.message.contains("打印对象"), "{}", e.message);
    }
    for (form, target) in [("item_card", "FI-999999"), ("work_order", "CP-999999")] {
        let e = print_err(&mut d, form, target);
        assert_eq!(e.code, ErrorCode::NotFound, "{form} {target}: {e:?}");
    }
}

#[test]
fn the_same_record_and_clock_print_the_same_bytes() {
    let mut d = demo_desk(Locale::Ko);
    let id = first_id(&d, "found_item", "valuable = 1");
    let code = format!("FI-{id:06}");
    let a = print_form(&mut d, "item_card", &code, Locale::Ko);
    let b = print_form(&mut d, "item_card", &code, Locale::Ko);
    assert_eq!(a, b);
}

#[test]
fn slips_stay_on_one_sheet_with_long_texts() {
    let mut d = demo_desk(Locale::ZhCn);
    let place = "三号楼地下停车场B2层电梯厅旁边的休息区长椅上，靠近消防通道入口处".repeat(3);
    let description = "灰色拉杆行李箱，贴有航空公司托运标签，箱体有划痕，".repeat(12);
    let item = op(
        &mut d,
        "found_item.register",
        json!({"arrival": "on_site", "finder_staff": "admin", "team_leader": "赵领班", "witness": "钱见证",
               "found_at": (t(NOW) - chrono::Duration::hours(2)).to_rfc3339(), "found_place": place,
               "category": "bag", "description": description, "private_features": "密码锁密码为 0731",
               "storage_location": "服务台后方储物间二号货架最上层"}),
    );
    let code = item["code"].as_str().unwrap().to_owned();
    let unit =
        "阳光花园商业中心写字楼 A 座 18 层 1801-1806 室 阳光科技有限公司 行政部前台".repeat(2);
    let parcel = op(
        &mut d,
        "parcel.receive",
        json!({"kind": "registered", "carrier": "中国邮政 EMS", "tracking_no": "EA123456789CN",
               "recipient_name": "欧阳娜娜", "recipient_unit": unit, "recipient_contact": "13700001111",
               "storage_location": "服务台后方储物间二号货架"}),
    );
    let pc = parcel["code"].as_str().unwrap().to_owned();
    for l in Locale::ALL {
        for (form, target) in [
            ("item_card", code.as_str()),
            ("finder_receipt", code.as_str()),
            ("parcel_notice", pc.as_str()),
        ] {
            let name = format!("long-{form}-{l}");
            let (pdf, pages) = print_form(&mut d, form, target, l);
            let text = pdf_text(&format!("{name}.pdf"), &pdf);
            assert_eq!(pages, 1, "{name}: one sheet");
            assert_has(&text, target, &name);
            assert_lacks(&text, "0731", &name);
            assert_lacks(&text, "13700001111", &name);
            if form == "finder_receipt" {
                assert_has(&text, "赵领班", &name);
                assert_has(&text, "钱见证", &name);
                assert_has(&text, "灰色拉杆行李箱", &name);
            }
        }
    }
    op(
        &mut d,
        "parcel.pick_up",
        json!({"id": parcel["id"], "picked_up_by": "欧阳娜娜", "id_checked": true, "id_doc_type": "护照",
               "id_last4": "K9Z1", "note": "箱子外包装有轻微破损，已当面查验内件完好，收件人确认无异议。".repeat(6)}),
    );
    for l in Locale::ALL {
        let name = format!("long-parcel_receipt-{l}");
        let (pdf, pages) = print_form(&mut d, "parcel_receipt", &pc, l);
        let text = pdf_text(&format!("{name}.pdf"), &pdf);
        assert_eq!(pages, 1, "{name}: one sheet");
        assert_has(&text, "******K9Z1", &name);
    }
}
