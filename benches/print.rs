//! Printing speed (release): the item-information card and a busy shift's 300-entry A4
//! printout. Targets: card < 20 ms, 300 entries < 300 ms. Run: `cargo bench --bench print`.
//! Besides the engine's synthetic samples, the real handover form of a busy shift: a counter
//! with one shift of 300 duty-log entries (most still open, so they are carried over too),
//! both checklists run and the shift closed, printed through `forms::print` (read the
//! registers, build, lay out, render).

use chrono::{DateTime, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use frontdesk::forms::{self, FormKind, PrintRequest};
use frontdesk::i18n::Locale;
use frontdesk::print::{
    self, Block, Column, Document, Frame, KeyValues, PageSize, Pane, Table, Text, SIZE_SMALL,
};
use frontdesk::Desk;
use serde_json::json;
use std::hint::black_box;
use std::time::Instant;

fn created() -> DateTime<Utc> {
    "2026-11-24T01:30:00Z".parse().unwrap()
}

fn card() -> Document {
    let mut doc = Document::new(Locale::ZhCn, PageSize::Label90x55, "物品信息卡", created());
    doc.push(Block::panes(vec![
        Pane {
            width: 1.6,
            blocks: vec![
                Block::Text(Text::new("物品信息卡", SIZE_SMALL).muted()),
                Block::Text(Text::new("FI-000123", 20.0).strong().shrink_to(12.0)),
                Block::KeyValues(KeyValues {
                    pairs: vec![
                        ("拾得时间".into(), "2026年11月24日 09:30".into()),
                        ("地点".into(), "三号楼大堂".into()),
                        ("类别".into(), "雨伞（黑色，长柄）".into()),
                    ],
                    columns: 1,
                    size: 8.5,
                    label_share: 0.3,
                }),
            ],
        },
        Pane {
            width: 1.0,
            blocks: vec![Block::qr("FI-000123", 30.0)],
        },
    ]));
    doc
}

fn handover(rows: usize) -> Document {
    let local = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
        .and_then(|d| d.and_hms_opt(9, 30, 0))
        .unwrap();
    let mut doc = Document::new(Locale::ZhCn, PageSize::A4, "交接班记录", created()).with_frame(
        Frame::printed_at(Locale::ZhCn, "阳光花园物业服务中心", "交接班记录", local),
    );
    doc.push(Block::title("交接班记录"));
    doc.push(Block::key_values(
        2,
        [("日期", "2026年11月24日"), ("天气", "晴")],
    ));
    let mut t = Table::new(vec![
        Column::new("时间", 1.2),
        Column::new("值班员", 1.4),
        Column::new("内容", 6.0),
        Column::new("状态", 1.4),
    ]);
    for i in 0..rows {
        let text = match i % 4 {
            0 => format!(
                "业主来电报修：{}号楼{}室厨房水管漏水，已派工程部处理，承诺两小时内上门。",
                i % 9 + 1,
                100 + i
            ),
            1 => "访客登记，引导至物业办公室".to_owned(),
            2 => format!("收到快递包裹 PC-{i:06}，已通知收件人 김서연 领取"),
            _ => format!("回访：第{i}号投诉处理结果满意"),
        };
        t.row([
            format!("{:02}:{:02}", 8 + i / 40, i % 60),
            "王芳".into(),
            text,
            "已完成".into(),
        ]);
    }
    doc.push(Block::Table(t));
    doc.push(Block::signatures(["交班人签名", "接班人签名"]));
    doc
}

/// A counter whose one closed shift has 300 duty-log entries; returns it and the shift code.
fn busy_counter() -> (Desk, String) {
    use frontdesk::profile::{InitCounter, LegalRegime};
    let tz = chrono_tz::Asia::Shanghai;
    let at = |h: u32, m: u32| {
        use chrono::TimeZone;
        tz.with_ymd_and_hms(2026, 11, 20, h, m, 0)
            .unwrap()
            .with_timezone(&Utc)
    };
    let mut d = Desk::open_in_memory().unwrap();
    d.init(
        &InitCounter {
            name: "阳光花园物业服务中心".into(),
            locale: Locale::ZhCn,
            time_zone: tz.name().into(),
            legal_regime: LegalRegime::Cn,
            admin_login: "admin".into(),
            admin_name: "管理员".into(),
        },
        at(7, 0),
    )
    .unwrap();
    let mut call =
        |who: &str, t, op: &str, req: serde_json::Value| d.call(who, t, op, req).unwrap();
    call(
        "admin",
        at(7, 1),
        "staff.add",
        json!({"login": "wang", "name": "王芳", "role": "receptionist"}),
    );
    call(
        "admin",
        at(7, 1),
        "staff.add",
        json!({"login": "li", "name": "李强", "role": "supervisor"}),
    );
    for kind in ["facility_safety", "fixed_assets"] {
        call(
            "li",
            at(7, 2),
            "checklist.add_defaults",
            json!({"kind": kind}),
        );
    }
    call(
        "wang",
        at(8, 0),
        "shift.open",
        json!({"weather": "晴", "duty_manager": "李强", "visitor_count": 1234}),
    );
    for i in 0..300i64 {
        let t = at(8, 1) + chrono::Duration::seconds(i * 130);
        let mut req = json!({
            "kind": if i % 4 == 3 { "note" } else { "call" },
            "at": t.to_rfc3339(),
            "content": format!("业主来电：{}号楼{}室厨房水管漏水，已派工程部上门处理，请跟进结果。", i % 9 + 1, 1001 + i),
            "urgent": i % 5 == 0,
        });
        if i % 4 != 3 {
            req["person"] = json!(format!("业主{}", i + 1));
            req["contact"] = json!(format!("139{:08}", 10_000_000 + i));
            req["promised"] = json!("两小时内上门");
            req["dispatched_to"] = json!("工程部");
        }
        call("wang", t, "log.add", req);
    }
    for kind in ["facility_safety", "fixed_assets"] {
        let items = call("wang", at(19, 40), "checklist.items", json!({"kind": kind}));
        let results: Vec<_> = items
            .as_array()
            .unwrap()
            .iter()
            .map(|it| json!({"item_id": it["id"], "ok": true}))
            .collect();
        call(
            "wang",
            at(19, 45),
            "checklist.run",
            json!({"kind": kind, "results": results}),
        );
    }
    let h = call("wang", at(19, 55), "shift.close", json!({}));
    let code = h["from_shift_code"].as_str().unwrap().to_owned();
    (d, code)
}

fn bench(c: &mut Criterion) {
    let card = card();
    let busy = handover(300);
    // First use in a process parses the font: measured once, outside criterion's loop.
    let t0 = Instant::now();
    let card_pdf = print::render(&card).unwrap();
    eprintln!("first render (font load included): {:?}", t0.elapsed());
    let busy_pdf = print::render(&busy).unwrap();
    eprintln!(
        "sizes: item card {} bytes, 300-entry handover {} bytes",
        card_pdf.len(),
        busy_pdf.len()
    );
    c.bench_function("item card 90x55 with QR", |b| {
        b.iter(|| print::render(black_box(&card)).unwrap())
    });
    c.bench_function("handover A4, 300 entries", |b| {
        b.iter(|| print::render(black_box(&busy)).unwrap())
    });
    c.bench_function("handover A4, 300 entries: layout only", |b| {
        b.iter(|| print::layout(black_box(&busy)).unwrap())
    });

    let (desk, shift) = busy_counter();
    let now: DateTime<Utc> = "2026-11-24T07:00:00Z".parse().unwrap();
    let ctx = desk.ctx("admin", now).unwrap();
    let req = PrintRequest {
        form: FormKind::Handover,
        target: shift,
        locale: Some(Locale::ZhCn),
        a6: false,
    };
    let (pdf, pages) = forms::print(desk.conn(), &ctx, &req).unwrap();
    eprintln!(
        "handover form of a busy shift (300 entries): {} bytes, {pages} pages",
        pdf.len()
    );
    c.bench_function(
        "handover form, busy shift (300 entries): read, build, render",
        |b| b.iter(|| forms::print(desk.conn(), &ctx, black_box(&req)).unwrap()),
    );
    c.bench_function("handover form, busy shift: read and build only", |b| {
        b.iter(|| forms::build(desk.conn(), &ctx, black_box(&req)).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
