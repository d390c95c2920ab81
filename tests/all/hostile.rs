//! Hostile text: markup, script, direction overrides, emoji, NUL and other control characters
//! and 10,000-character notes are stored exactly as typed, found again by search, exported as
//! they are, and printed safely (invisible characters left out, undrawable ones as □; the
//! markup printed as the letters it is). The window's side (shown as text, no script runs) is
//! `ui/e2e/today.test.mjs`.

use crate::common::pdf::*;
use crate::common::*;
use base64::Engine;
use frontdesk::export::{self, ExportRegister};
use frontdesk::i18n::Locale;
use frontdesk::Desk;
use serde_json::Value;

const MARKUP: &str = "<img src=x onerror=alert(1)><script>alert(2)</script>";
/// Script, an override that would reverse what follows, an emoji with its variation selector,
/// NUL, a bell, an escape and a tab.
fn hostile() -> String {
    format!("{MARKUP}\u{202E}钱包 wallet👛\u{FE0F}\u{0}\u{7}\u{1b}[31m\t지갑")
}

fn print(d: &mut Desk, form: &str, target: &str, locale: Locale) -> String {
    let out = call(
        d,
        "admin",
        "2026-11-24 10:00",
        "print",
        json!({"form": form, "target": target, "locale": locale}),
    );
    let pdf = base64::engine::general_purpose::STANDARD
        .decode(out["pdf_base64"].as_str().unwrap())
        .unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    pdf_text(&format!("hostile-{form}-{locale}.pdf"), &pdf)
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn hostile_text_is_stored_as_typed_searched_exported_and_printed_safely() {
    let mut d = desk();
    let text = hostile();
    let item = call(
        &mut d,
        "wang",
        "2026-11-24 09:00",
        "found_item.register",
        json!({
            "arrival": "visitor",
            "finder_name": format!("刘{}", '\u{0}'),
            "finder_contact": "13800000000",
            "found_at": ts("2026-11-24 08:50"),
            "found_place": "东门\u{202E}售票处",
            "category": "wallet",
            "description": text,
            "storage_location": "前台抽屉A",
        }),
    );
    let id = item["id"].as_i64().unwrap();
    let got = call(
        &mut d,
        "wang",
        "2026-11-24 09:01",
        "found_item.get",
        json!({"id": id}),
    );
    let got = if got["item"].is_object() {
        &got["item"]
    } else {
        &got
    };
    assert_eq!(
        got["description"],
        Value::from(text.clone()),
        "stored as typed"
    );
    assert_eq!(got["finder_name"], "刘\u{0}");
    assert_eq!(got["found_place"], "东门\u{202E}售票处");

    // Found again by its words, with the hostile text around them.
    let hits = call(
        &mut d,
        "wang",
        "2026-11-24 09:02",
        "search",
        json!({"q": "wallet"}),
    );
    assert!(
        hits.as_array()
            .unwrap()
            .iter()
            .any(|h| h["code"] == item["code"]),
        "{hits}"
    );

    // Exports carry it unchanged: CSV cells, and an XLSX that writes.
    let rows = export::rows(d.conn(), ExportRegister::FoundItem, Locale::ZhCn, TZ).unwrap();
    assert!(rows.iter().flatten().any(|c| *c == text), "{rows:?}");
    let csv = export::to_csv(&rows).unwrap();
    assert!(String::from_utf8(csv).unwrap().contains(&text));
    let xlsx = export::to_xlsx(&rows, "found_item").unwrap();
    assert_eq!(&xlsx[..2], b"PK");

    // Printed: the markup as letters, the override and control characters left out, the
    // emoji as □ — on the item card and the finder's receipt, in Chinese and Korean.
    let code = item["code"].as_str().unwrap().to_owned();
    for locale in [Locale::ZhCn, Locale::Ko] {
        let receipt = squash(&print(&mut d, "finder_receipt", &code, locale));
        assert!(receipt.contains(&squash(MARKUP)), "{locale}: {receipt}");
        assert!(
            receipt.contains("钱包wallet□[31m지갑"),
            "{locale}: {receipt}"
        );
        assert!(receipt.contains("东门售票处"), "{locale}: {receipt}");
        for c in ['\u{0}', '\u{7}', '\u{1b}', '\u{202E}', '👛', '\u{FE0F}'] {
            assert!(!receipt.contains(c), "{locale}: {c:?} printed");
        }
        let card = print(&mut d, "item_card", &code, locale);
        assert!(card.contains(&code), "{locale}: {card}");
    }
}

#[test]
fn a_ten_thousand_character_note_is_kept_whole_and_prints_on_the_handover() {
    let mut d = desk();
    call(
        &mut d,
        "wang",
        "2026-11-24 08:30",
        "shift.open",
        json!({"weather": "晴"}),
    );
    // 10,000 characters exactly (the limit), mixing scripts, emoji and control characters.
    let unit = "业主来电😀\u{0}보고<b>x</b>\n";
    let mut long: String = unit.chars().cycle().take(10_000).collect();
    long = long.trim().to_owned();
    let e = call(
        &mut d,
        "wang",
        "2026-11-24 09:00",
        "log.add",
        json!({"kind": "call", "person": "访客", "content": long}),
    );
    let got = call(
        &mut d,
        "wang",
        "2026-11-24 09:01",
        "log.get",
        json!({"id": e["id"]}),
    );
    let got = if got["entry"].is_object() {
        &got["entry"]
    } else {
        &got
    };
    assert_eq!(got["content"], Value::from(long.clone()));

    // One more character is refused, naming the field, and changes nothing.
    let before = audit_len(&d);
    let too_long: String = "长".repeat(10_001);
    let err = call_err(
        &mut d,
        "wang",
        "2026-11-24 09:02",
        "log.add",
        json!({"kind": "call", "content": too_long}),
    );
    assert_eq!(err.field.as_deref(), Some("content"));
    assert_eq!(audit_len(&d), before);

    let shift = call(
        &mut d,
        "wang",
        "2026-11-24 09:03",
        "shift.current",
        json!({}),
    );
    let code = shift["shift"]["code"].as_str().unwrap().to_owned();
    let text = squash(&print(&mut d, "handover", &code, Locale::ZhCn));
    assert!(
        text.contains("业主来电□보고<b>x</b>"),
        "{}",
        &text[..text.len().min(2000)]
    );
    assert!(!text.contains('\u{0}') && !text.contains('😀'));
}
