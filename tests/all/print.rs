//! The printing foundation: sample documents in zh-CN, ko and en read back with `pdftotext`,
//! the QR decoded with `zbarimg`, byte-identical renders, sizes, characters the font lacks, nothing
//! outside its box. The external tools come from Debian's poppler-utils and zbar-tools; a
//! missing tool fails the test (CI installs them), it never skips.

use crate::common::pdf::*;
use chrono::{DateTime, NaiveDateTime, Utc};
use frontdesk::i18n::{self, Locale};
use frontdesk::print::{
    self, font, layout, Bar, BarChart, Block, Column, Document, Frame, Mark, Orientation, PageSize,
    Pane, Qr, Table, Text, SIZE_SMALL,
};

const COUNTER: &str = "阳光花园物业服务中心";

fn created() -> DateTime<Utc> {
    "2026-11-24T01:30:00Z".parse().unwrap()
}

fn local() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-11-24 09:30", "%Y-%m-%d %H:%M").unwrap()
}

/// Where the sample PDFs are written (kept for looking at: `pdftoppm -r 80 -png`).
fn has_hangul(s: &str) -> bool {
    s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

struct Words {
    title: &'static str,
    paragraph: &'static str,
    problem: &'static str,
    columns: [&'static str; 4],
    chart: &'static str,
    bars: [&'static str; 5],
    signatures: [&'static str; 2],
    kv: [(&'static str, &'static str); 4],
}

fn words(locale: Locale) -> Words {
    match locale {
        Locale::ZhCn => Words {
            title: "交接班记录",
            paragraph: "本班次共接待来访业主和游客四十余人次，处理报修、咨询、投诉等事项。\
                        其中三号楼电梯困人事件已于十点十五分派工程部处理完毕，业主对处理结果表示满意；\
                        二号门岗反映的路灯损坏问题已登记派工单，工程部承诺明日下午五点前修复，请下一班跟进并回访。\
                        拾得物品两件（黑色雨伞一把、钱包一个），钱包为贵重物品，已交失物招领负责人保管。",
            problem: "班后检查：一楼大堂消防通道被杂物堵塞，已通知安全管理员。",
            columns: ["时间", "值班员", "内容", "状态"],
            chart: "本月投诉分类统计",
            bars: ["安全", "清洁", "绿化", "工程维修", "服务态度"],
            signatures: ["交班人签名", "接班人签名"],
            kv: [
                ("日期", "2026年11月24日"),
                ("天气", "晴"),
                ("值班经理", "李强"),
                ("值班员", "王芳、김민지"),
            ],
        },
        Locale::Ko => Words {
            title: "근무 인수인계서",
            paragraph: "이번 근무 중 방문객과 입주민 마흔여 명을 응대하였으며 수리 요청, 문의, 민원을 처리하였습니다. \
                        3동 엘리베이터 갇힘 사고는 10시 15분에 시설팀이 처리를 완료하였고 입주민은 결과에 만족하였습니다. \
                        2번 출입구 가로등 고장은 작업 지시서를 발행하였으며 시설팀이 내일 오후 5시까지 수리하기로 약속하였으니 다음 근무자가 확인하고 해피콜을 해 주십시오. \
                        습득물 두 점(검은색 우산 한 개, 지갑 한 개)을 접수하였고, 지갑은 귀중품이므로 분실물 담당자에게 인계하였습니다.",
            problem: "퇴근 전 점검: 1층 로비 비상구 통로가 물건으로 막혀 있어 안전 관리자에게 알렸습니다.",
            columns: ["시각", "근무자", "내용", "상태"],
            chart: "이번 달 유형별 민원",
            bars: ["보안", "청소", "조경", "시설 수리", "직원 태도"],
            signatures: ["인계자 서명", "인수자 서명"],
            kv: [
                ("날짜", "2026년 11월 24일"),
                ("날씨", "맑음"),
                ("근무 책임자", "李强"),
                ("근무자", "王芳, 김민지"),
            ],
        },
        Locale::En => Words {
            title: "Shift handover",
            paragraph: "During this shift the desk received more than forty residents and visitors and handled repair \
                        requests, enquiries and complaints. The lift entrapment in building 3 was resolved by engineering \
                        at 10:15 and the resident was satisfied. The broken street lamp reported at gate 2 has a work order; \
                        engineering promised to repair it by 17:00 tomorrow, so the next shift must follow up and call back. \
                        Two found items (a black umbrella and a wallet) were registered; the wallet is a valuable and was \
                        handed to the lost-property custodian. Internationalisation-and-accessibility-requirements-reviewed.",
            problem: "End-of-shift check: the fire exit in the ground-floor lobby is blocked; the safety officer was told.",
            columns: ["Time", "Staff", "Entry", "Status"],
            chart: "Complaints this month by category",
            bars: ["Security", "Cleaning", "Landscaping", "Engineering repair", "Staff attitude"],
            signatures: ["Outgoing receptionist", "Incoming receptionist"],
            kv: [
                ("Date", "24 Nov 2026"),
                ("Weather", "Sunny"),
                ("Duty manager", "Li Qiang 李强"),
                ("Staff", "Wang Fang 王芳, Kim Minji 김민지"),
            ],
        },
    }
}

/// Log-entry texts: Chinese, with Korean names and a few long entries that wrap.
fn entry(i: usize) -> (String, String, String, String) {
    let time = format!("{:02}:{:02}", 8 + (i / 40) % 12, (i * 7) % 60);
    let staff = ["王芳", "김민지", "赵敏", "李强"][i % 4].to_owned();
    let text = match i % 5 {
        0 => format!(
            "业主来电报修：{}号楼{}室厨房水管漏水，已派工程部处理，承诺两小时内上门。",
            i % 9 + 1,
            100 + i
        ),
        1 => "访客登记，引导至物业办公室".to_owned(),
        2 => format!("收到快递包裹 PC-{:06}，已通知收件人 김서연 领取", i),
        3 => "巡查大堂，地面湿滑，已放置警示牌并通知保洁".to_owned(),
        _ => format!("回访：第{i}号投诉处理结果满意"),
    };
    let status = ["已完成", "跟进中", "待回访"][i % 3].to_owned();
    (time, staff, text, status)
}

fn sample(locale: Locale, rows: usize) -> Document {
    let w = words(locale);
    let mut doc = Document::new(locale, PageSize::A4, w.title, created())
        .with_frame(Frame::printed_at(locale, COUNTER, w.title, local()));
    doc.push(Block::title(w.title));
    doc.push(Block::key_values(2, w.kv));
    doc.push(Block::heading(i18n::tr(locale, "print.note")));
    doc.push(Block::paragraph(w.paragraph));
    doc.push(Block::highlight(w.problem));
    doc.push(Block::BarChart(BarChart {
        title: Some(w.chart.into()),
        orientation: Orientation::Horizontal,
        bars: w
            .bars
            .iter()
            .zip([3.0, 12.0, 1.0, 7.0, 0.0])
            .map(|(l, v)| Bar {
                label: (*l).into(),
                value: v,
            })
            .collect(),
        height_mm: 60.0,
    }));
    doc.push(Block::BarChart(BarChart {
        title: None,
        orientation: Orientation::Vertical,
        bars: w
            .bars
            .iter()
            .zip([3.0, 12.0, 1.0, 7.0, 0.0])
            .map(|(l, v)| Bar {
                label: (*l).into(),
                value: v,
            })
            .collect(),
        height_mm: 55.0,
    }));
    doc.push(Block::panes(vec![
        Pane {
            width: 3.0,
            blocks: vec![Block::paragraph(w.problem)],
        },
        Pane {
            width: 1.0,
            blocks: vec![Block::Qr(Qr {
                payload: "SH-000042".into(),
                size_mm: 28.0,
                align: frontdesk::print::Align::Center,
                caption: Some("SH-000042".into()),
            })],
        },
    ]));
    let mut table = Table::new(
        w.columns
            .iter()
            .zip([1.2, 1.4, 6.0, 1.4])
            .map(|(t, wd)| Column::new(*t, wd))
            .collect(),
    );
    for i in 0..rows {
        let (time, staff, text, status) = entry(i);
        if i % 50 == 7 {
            table.problem_row([time, staff, text, status]);
        } else {
            table.row([time, staff, text, status]);
        }
    }
    doc.push(Block::heading(w.title));
    doc.push(Block::Table(table));
    doc.push(Block::signatures(w.signatures));
    doc
}

/// The item-information card: 90 × 55 mm, details beside a QR of the item's code.
fn label(locale: Locale) -> Document {
    let (title, labels, place, cat) = match locale {
        Locale::ZhCn => (
            "物品信息卡",
            ["拾得时间", "地点", "类别"],
            "三号楼大堂",
            "雨伞（黑色，长柄）",
        ),
        Locale::Ko => (
            "물품 정보 카드",
            ["습득 일시", "장소", "종류"],
            "3동 로비",
            "우산(검은색, 장우산)",
        ),
        Locale::En => (
            "Item-information card",
            ["Found", "Place", "Category"],
            "Building 3 lobby",
            "Umbrella (black, long)",
        ),
    };
    let mut doc = Document::new(locale, PageSize::Label90x55, title, created());
    doc.push(Block::panes(vec![
        Pane {
            width: 1.6,
            blocks: vec![
                Block::Text(Text::new(title, SIZE_SMALL).muted()),
                Block::Text(Text::new("FI-000123", 20.0).strong().shrink_to(12.0)),
                Block::KeyValues(frontdesk::print::KeyValues {
                    pairs: vec![
                        (labels[0].into(), print::format::date_time(locale, local())),
                        (labels[1].into(), place.into()),
                        (labels[2].into(), cat.into()),
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

#[test]
fn sample_documents_read_back_in_every_language() {
    for locale in Locale::ALL {
        let doc = sample(locale, 300);
        let pdf = print::render(&doc).unwrap();
        let path = write(&format!("sample-{locale}.pdf"), &pdf);
        assert!(
            pdf.len() < 300 * 1024,
            "{locale}: a 300-row printout is {} bytes",
            pdf.len()
        );
        let pages = pdf_pages(&path);
        let n = pages.len();
        assert!(n >= 5, "{locale}: 300 rows on only {n} pages");
        let w = words(locale);
        for (i, page) in pages.iter().enumerate() {
            assert!(
                page.contains(COUNTER),
                "{locale} page {}: no counter name",
                i + 1
            );
            assert!(
                page.contains(&format!("{} / {n}", i + 1)),
                "{locale} page {}: no page number {} / {n}:\n{page}",
                i + 1,
                i + 1
            );
        }
        // The table header starts every page the table is on (all but the first pages,
        // which hold the title block).
        let first_row = pages.iter().position(|p| p.contains("08:00")).unwrap();
        for (i, page) in pages.iter().enumerate().skip(first_row) {
            for col in w.columns {
                assert!(
                    page.contains(col),
                    "{locale} page {}: no header {col}",
                    i + 1
                );
            }
        }
        let all = pages.concat();
        assert!(has_han(&all), "{locale}: no Chinese text");
        assert!(has_hangul(&all), "{locale}: no Korean text");
        // Every row made it, including the last one.
        let (_, _, last, _) = entry(299);
        let squashed: String = all.split_whitespace().collect();
        let last: String = last.split_whitespace().collect();
        assert!(squashed.contains(&last), "{locale}: last row missing");
        assert!(squashed.contains("PC-000297"), "{locale}: codes broken");
        match locale {
            Locale::ZhCn => assert!(all.contains("交接班记录") && all.contains("打印时间")),
            Locale::Ko => assert!(all.contains("인수인계") && all.contains("인쇄 일시")),
            Locale::En => assert!(all.contains("Shift handover") && all.contains("Printed")),
        }
    }
}

#[test]
fn the_item_card_qr_decodes_to_the_item_code() {
    for locale in Locale::ALL {
        let pdf = print::render(&label(locale)).unwrap();
        assert!(
            pdf.len() < 50 * 1024,
            "{locale}: card is {} bytes",
            pdf.len()
        );
        let path = write(&format!("label-{locale}.pdf"), &pdf);
        let png = out_dir().join(format!("label-{locale}-300dpi"));
        let mut cmd = tool("pdftoppm", "poppler-utils");
        cmd.args(["-r", "300", "-png", "-singlefile"])
            .arg(&path)
            .arg(&png);
        run(cmd);
        let mut cmd = tool("zbarimg", "zbar-tools");
        cmd.args(["--raw", "-q"]).arg(png.with_extension("png"));
        assert_eq!(run(cmd).trim(), "FI-000123", "{locale}");
        let text = pdf_pages(&path).concat();
        assert!(text.contains("FI-000123"), "{locale}: {text}");
    }
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let doc = sample(Locale::ZhCn, 60);
    let a = print::render(&doc).unwrap();
    let b = print::render(&doc.clone()).unwrap();
    assert!(a == b, "two renders of one document differ");
    let card = label(Locale::Ko);
    assert!(print::render(&card).unwrap() == print::render(&card).unwrap());
    // The dates come from the data: another time gives another file, with that date in it.
    let mut later = doc.clone();
    later.created = "2026-12-01T00:00:00Z".parse().unwrap();
    let c = print::render(&later).unwrap();
    assert!(a != c);
    let find = |hay: &[u8], needle: &str| hay.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(find(&a, "D:20261124013000"), "creation date from the data");
    assert!(find(&c, "D:20261201000000"));
}

#[test]
fn text_the_font_cannot_draw_prints_as_a_box_and_invisible_characters_are_left_out() {
    let mut doc = label(Locale::ZhCn);
    // U+20000 (CJK extension B, used in some names) is not in the SC face; U+E000 is private
    // use; then an emoji, a NUL, a bell, a right-to-left override and its pop.
    doc.push(Block::paragraph(
        "拾得人：张\u{20000}，备注\u{E000}👛\u{0}A\u{7}B \u{202E}cba\u{202C}",
    ));
    let missing = doc.missing_glyphs().unwrap();
    for c in ['\u{20000}', '\u{E000}', '👛', '\u{0}', '\u{7}'] {
        assert!(missing.contains(&c), "{c:?} not in {missing:?}");
    }
    let pdf = print::render(&doc).unwrap();
    let text = pdf_text("missing-glyphs.pdf", &pdf);
    assert!(text.contains("拾得人：张□，备注□□AB cba"), "{text}");
    // Laid out the same way it is rendered: every mark's text is drawable.
    let face = font::face().unwrap();
    for page in layout(&doc).unwrap().pages {
        for mark in page.marks {
            if let Mark::Text { text, .. } = mark {
                assert!(text.chars().all(|c| face.has_glyph(c)), "{text:?}");
            }
        }
    }
    assert_eq!(
        font::missing_glyphs("물품 정보 FI-1 ，").unwrap(),
        Vec::<char>::new()
    );
}

#[test]
fn nothing_leaves_the_content_box_and_no_line_starts_with_closing_punctuation() {
    let face = font::face().unwrap();
    for locale in Locale::ALL {
        let mut a6 = label(locale);
        a6.page = PageSize::A6;
        a6.margins = PageSize::A6.default_margins();
        for doc in [sample(locale, 120), label(locale), a6] {
            let paged = layout(&doc).unwrap();
            let (pw, ph) = doc.page.size_mm();
            let m = doc.margins;
            for (p, page) in paged.pages.iter().enumerate() {
                for mark in &page.marks {
                    match mark {
                        Mark::Text {
                            x, y, size, text, ..
                        } => {
                            let right = x + face.width_mm(text, *size);
                            assert!(
                                *x >= m.left - 0.01 && right <= pw - m.right + 0.01,
                                "{locale} p{p}: {text:?} spans {x}..{right} of {pw}"
                            );
                            assert!(*y > 0.0 && *y < ph, "{locale} p{p}: {text:?} at y {y}");
                            assert!(*size >= 6.0, "{locale}: {text:?} at {size} pt");
                            let first = text.chars().next().unwrap_or(' ');
                            assert!(
                                !"，。、；：？！）」』".contains(first),
                                "{locale}: line {text:?}"
                            );
                        }
                        Mark::Fill { x, y, w, h, .. } | Mark::Image { x, y, w, h, .. } => {
                            assert!(*x >= m.left - 0.01 && x + w <= pw - m.right + 0.01);
                            assert!(*y >= m.top - 0.01 && y + h <= ph - m.bottom + 0.01);
                        }
                        Mark::Line { x1, x2, .. } => {
                            assert!(
                                x1.min(*x2) >= m.left - 0.01 && x1.max(*x2) <= pw - m.right + 0.01
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn table_rows_break_across_pages_under_a_repeated_header() {
    let doc = sample(Locale::ZhCn, 300);
    let paged = layout(&doc).unwrap();
    assert!(paged.pages.len() >= 5);
    let top = doc.margins.top;
    for page in paged.pages.iter().skip(2) {
        // The first content line of a continuation page is the header row, in strong type.
        let first = page
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text {
                    y, text, strong, ..
                } if *y > top => Some((*y, text.as_str(), *strong)),
                _ => None,
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .unwrap();
        assert_eq!((first.1, first.2), ("时间", true), "{first:?}");
    }
}

#[test]
fn the_layout_model_is_data() {
    let doc = label(Locale::En);
    let json = serde_json::to_value(&doc).unwrap();
    assert_eq!(json["page"], "label90x55");
    assert_eq!(json["blocks"][0]["kind"], "panes");
    let back: Document = serde_json::from_value(json).unwrap();
    assert_eq!(back, doc);
    let paged = layout(&doc).unwrap();
    assert_eq!(paged.pages.len(), 1);
    assert_eq!((paged.width, paged.height), (90.0, 55.0));
    let texts: Vec<&str> = paged.pages[0]
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(texts[..2], ["Item-information card", "FI-000123"]);
}

#[test]
fn the_shipped_font_matches_its_recorded_checksum() {
    use sha2::{Digest, Sha256};
    let sums = include_str!("../../assets/fonts/SHA256SUMS");
    let (sum, name) = sums.trim().split_once("  ").unwrap();
    assert_eq!(name, "NotoSansCJKsc-Regular.otf");
    assert_eq!(hex::encode(Sha256::digest(font::FONT_BYTES)), sum);
    assert!(font::FONT_LICENCE.contains("SIL OPEN FONT LICENSE Version 1.1"));
}
