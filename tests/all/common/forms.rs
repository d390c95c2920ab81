//! A demo counter to print forms from: three days of a small, seeded counter (fixed clock).
#![allow(dead_code)]

use super::t;
use frontdesk::demo::{self, DemoOptions, Scale};
use frontdesk::i18n::Locale;
use frontdesk::Desk;
use serde_json::{json, Value};

/// The demo clock: forms printed "now" are printed at this time.
pub const NOW: &str = "2026-11-24 15:00";

/// A Chinese (zh-CN, CN regime) or Korean (ko, KR regime) demo counter with every register
/// filled: shifts with handovers and checklists, found items (some claimed), parcels (some
/// picked up), complaints at every stage.
pub fn demo_desk(locale: Locale) -> Desk {
    let mut d = Desk::open_in_memory().unwrap();
    let opts = DemoOptions {
        locale,
        days: 3,
        scale: Scale {
            log_entries: 20,
            parcels: 20,
            found_items: 8,
            lost_reports: 6,
            complaints: 6,
        },
        seed: 11,
        mixed: false,
    };
    demo::fill(&mut d, &opts, t(NOW), |_, _| {}).unwrap();
    // However the simulated day went, one parcel is still waiting at the desk.
    let (name, tracking, actor, phone) = match locale {
        Locale::Ko => ("김민수", "610012345678", "kim", "010-2345-6789"),
        _ => ("王建华", "SF1400123456789", "chen", "13912345678"),
    };
    let current: Value = d
        .call(actor, t("2026-11-24 14:30"), "shift.current", json!({}))
        .unwrap();
    let on_duty = current["shift"]["opened_by"]
        .as_i64()
        .unwrap_or(1)
        .to_string();
    d.call(
        &on_duty,
        t("2026-11-24 14:30"),
        "parcel.receive",
        json!({"kind": "parcel", "carrier": "顺丰", "tracking_no": tracking, "recipient_name": name, "recipient_unit": "3栋1801", "recipient_contact": phone, "storage_location": "B"}),
    )
    .unwrap();
    d
}

/// The first record (by id) of `table` matching `where_sql`, e.g. `first_id(&d, "parcel", "status = 'picked_up'")`.
pub fn first_id(d: &Desk, table: &str, where_sql: &str) -> i64 {
    d.conn()
        .query_row(
            &format!("SELECT id FROM {table} WHERE {where_sql} ORDER BY id LIMIT 1"),
            [],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("no {table} where {where_sql}: {e}"))
}

/// Print a form through the `print` operation (the same path as the app and CLI); returns the
/// PDF bytes and the page count.
pub fn print_form(d: &mut Desk, form: &str, target: &str, locale: Locale) -> (Vec<u8>, u64) {
    use base64::Engine;
    let admin = "admin";
    let out: Value = d
        .call(
            admin,
            t(NOW),
            "print",
            json!({"form": form, "target": target, "locale": locale}),
        )
        .unwrap_or_else(|e| panic!("print {form} {target} {locale}: {e:?}"));
    let pdf = base64::engine::general_purpose::STANDARD
        .decode(out["pdf_base64"].as_str().unwrap())
        .unwrap();
    (pdf, out["pages"].as_u64().unwrap())
}
