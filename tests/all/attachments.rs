//! Photos and signatures kept with records: add, list, get, withdraw through the JSON ops; the
//! file checked by its first bytes and its size; signatures only on a parcel or a claim, the
//! newest one the record's; refused requests change nothing; backups keep the files; the
//! pick-up receipt and the claim form print the signature in its box.
use crate::common::forms::{demo_desk, first_id, print_form, NOW};
use crate::common::pdf::{out_dir, pdf_text, run, tool, write};
use crate::common::*;
use base64::Engine;
use frontdesk::i18n::Locale;
use frontdesk::{backup, Desk, ErrorCode};
use serde_json::Value;

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn unb64(v: &Value) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode(v.as_str().unwrap())
        .unwrap()
}

/// A signature as a signature pad gives it: a transparent PNG with a dark-blue stroke.
fn signature_png(w: u32, h: u32) -> Vec<u8> {
    let mut px = vec![0u8; (w * h * 4) as usize];
    let mut dot = |x: i64, y: i64| {
        for dy in -2..=2 {
            for dx in -2..=2 {
                let (x, y) = (x + dx, y + dy);
                if x >= 0 && y >= 0 && (x as u32) < w && (y as u32) < h {
                    let i = ((y as u32 * w + x as u32) * 4) as usize;
                    px[i..i + 4].copy_from_slice(&[20, 30, 120, 255]);
                }
            }
        }
    };
    for x in (w / 10)..(w * 9 / 10) {
        let t = x as f64 / w as f64 * 6.0 * std::f64::consts::PI;
        let y = h as f64 / 2.0 + t.sin() * h as f64 * 0.3;
        dot(x as i64, y as i64);
    }
    // A full-height stroke at the start, so the picture's edges are easy to find.
    for y in (h / 10)..(h * 9 / 10) {
        dot((w / 10) as i64, y as i64);
    }
    encode_png(w, h, png::ColorType::Rgba, &px)
}

fn encode_png(w: u32, h: u32, colour: png::ColorType, px: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(colour);
        enc.set_depth(png::BitDepth::Eight);
        let mut wr = enc.write_header().unwrap();
        wr.write_image_data(px).unwrap();
    }
    out
}

/// A grey PNG photo of `w` × `h`.
fn photo_png(w: u32, h: u32) -> Vec<u8> {
    let px: Vec<u8> = (0..w * h).map(|i| (i % 251) as u8).collect();
    encode_png(w, h, png::ColorType::Grayscale, &px)
}

/// The first bytes of a JPEG (APP0, then a 4000 × 3000 colour frame header), padded to `len`.
fn jpeg_head(len: usize) -> Vec<u8> {
    let mut b = vec![
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x0B, 0xB8,
        0x0F, 0xA0, 0x03,
    ];
    b.resize(len.max(b.len()), 0);
    b
}

/// A lossless WebP header of 300 × 120, padded.
fn webp_head() -> Vec<u8> {
    let mut b = b"RIFF\0\0\0\0WEBPVP8L\0\0\0\0\x2f".to_vec();
    b.extend((299u32 | (119 << 14)).to_le_bytes());
    b.resize(64, 0);
    b
}

fn add(d: &mut Desk, actor: &str, req: Value) -> Value {
    call(d, actor, NOW, "attachment.add", req)
}

fn photo_req(entity: &str, id: i64, bytes: &[u8], mime: &str) -> Value {
    json!({"entity": entity, "entity_id": id, "kind": "photo", "mime": mime,
           "data_base64": b64(bytes)})
}

fn signature_req(entity: &str, id: i64, bytes: &[u8]) -> Value {
    json!({"entity": entity, "entity_id": id, "kind": "signature", "mime": "image/png",
           "data_base64": b64(bytes)})
}

struct Records {
    found: i64,
    parcel: i64,
    claim: i64,
    report: i64,
    complaint: i64,
}

fn records(d: &Desk) -> Records {
    Records {
        found: first_id(d, "found_item", "1"),
        parcel: first_id(d, "parcel", "status = 'picked_up'"),
        claim: first_id(d, "claim", "1"),
        report: first_id(d, "lost_report", "1"),
        complaint: first_id(d, "complaint", "1"),
    }
}

#[test]
fn photos_and_signatures_are_added_listed_got_and_withdrawn() {
    let mut d = demo_desk(Locale::ZhCn);
    let r = records(&d);
    let before = audit_len(&d);

    // A photo on each kind of record.
    let photo = photo_png(40, 30);
    for (entity, id) in [
        ("found_item", r.found),
        ("parcel", r.parcel),
        ("claim", r.claim),
        ("lost_report", r.report),
        ("complaint", r.complaint),
    ] {
        let a = add(&mut d, "wang", photo_req(entity, id, &photo, "image/png"));
        assert_eq!(a["entity"], entity);
        assert_eq!(a["entity_id"], id);
        assert_eq!(a["kind"], "photo");
        assert_eq!(
            (a["width"].as_i64(), a["height"].as_i64()),
            (Some(40), Some(30))
        );
        assert_eq!(a["byte_size"], photo.len());
        assert_eq!(a["current"], true);
        assert_eq!(a["added_by_name"], "王芳");
        assert!(a.get("data_base64").is_none(), "metadata only: {a}");
    }
    assert_eq!(audit_len(&d), before + 5);

    // JPEG and WebP photos: their type and size are read from their headers.
    let jpeg = add(
        &mut d,
        "wang",
        json!({"entity": "found_item", "entity_id": r.found, "kind": "photo",
               "mime": "image/jpeg", "data_base64": b64(&jpeg_head(2000)), "caption": "正面"}),
    );
    assert_eq!(
        (jpeg["width"].as_i64(), jpeg["height"].as_i64()),
        (Some(4000), Some(3000))
    );
    assert_eq!(jpeg["caption"], "正面");
    let webp = add(
        &mut d,
        "wang",
        photo_req("found_item", r.found, &webp_head(), "image/webp"),
    );
    assert_eq!(
        (webp["width"].as_i64(), webp["height"].as_i64()),
        (Some(300), Some(120))
    );

    let list = call(
        &mut d,
        "li",
        NOW,
        "attachment.list",
        json!({"entity": "found_item", "entity_id": r.found}),
    );
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!(list[0]["mime"], "image/png");
    assert_eq!(list[1]["mime"], "image/jpeg");
    assert_eq!(list[2]["mime"], "image/webp");
    assert_eq!(list[0]["record_code"], format!("FI-{:06}", r.found));

    // Get gives the very bytes back, with the metadata.
    let got = call(
        &mut d,
        "li",
        NOW,
        "attachment.get",
        json!({"id": jpeg["id"]}),
    );
    assert_eq!(unb64(&got["data_base64"]), jpeg_head(2000));
    assert_eq!(got["attachment"], jpeg);

    // A signature at the pick-up, then a second one: both kept, the newest is the signature.
    let first = add(
        &mut d,
        "chen",
        signature_req("parcel", r.parcel, &signature_png(300, 100)),
    );
    assert_eq!(first["current"], true);
    assert_eq!(first["supersedes"], Value::Null);
    let second = add(
        &mut d,
        "chen",
        signature_req("parcel", r.parcel, &signature_png(320, 100)),
    );
    assert_eq!(second["supersedes"], first["id"]);
    let sigs: Vec<Value> = call(
        &mut d,
        "chen",
        NOW,
        "attachment.list",
        json!({"entity": "parcel", "entity_id": r.parcel}),
    )
    .as_array()
    .unwrap()
    .iter()
    .filter(|a| a["kind"] == "signature")
    .cloned()
    .collect();
    assert_eq!(sigs.len(), 2);
    assert_eq!(
        (sigs[0]["current"].clone(), sigs[1]["current"].clone()),
        (json!(false), json!(true))
    );

    // Withdrawn with a reason: kept, marked, and the earlier signature is the signature again.
    let n = audit_len(&d);
    let w = call(
        &mut d,
        "chen",
        NOW,
        "attachment.withdraw",
        json!({"id": second["id"], "reason": "签错人了"}),
    );
    assert_eq!(w["withdraw_reason"], "签错人了");
    assert_eq!(w["current"], false);
    assert!(w["withdrawn_at"].is_string());
    assert_eq!(audit_len(&d), n + 1);
    let again = call(
        &mut d,
        "chen",
        NOW,
        "attachment.get",
        json!({"id": first["id"]}),
    );
    assert_eq!(again["attachment"]["current"], true);
    let e = call_err(
        &mut d,
        "chen",
        NOW,
        "attachment.withdraw",
        json!({"id": second["id"], "reason": "again"}),
    );
    assert_eq!(e.code, ErrorCode::InvalidState);
    let count: i64 = d
        .conn()
        .query_row("SELECT count(*) FROM attachment", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 9, "nothing is deleted");

    // The record's history shows the attachment with its size and hash, never its bytes.
    let h = call(
        &mut d,
        "li",
        NOW,
        "history",
        json!({"code": format!("PC-{:06}", r.parcel)}),
    );
    let events: Vec<&Value> = h
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "attach" || e["action"] == "withdraw_attachment")
        .collect();
    assert_eq!(events.len(), 4, "photo, two signatures, one withdrawal");
    let sig = &events[1]["after"];
    assert_eq!(sig["kind"], "signature");
    assert_eq!(sig["sha256"].as_str().unwrap().len(), 64);
    assert!(sig["byte_size"].as_i64().unwrap() > 0);
    assert_eq!(events[3]["reason"], "签错人了");
    let log: String = d
        .conn()
        .query_row(
            "SELECT group_concat(coalesce(after, '') || coalesce(before, ''), '') FROM audit_log",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!log.contains(&b64(&photo)), "no file in the audit log");
    assert!(!log.contains("data_base64"));

    // The attachment table refuses deletion and changes to a file.
    assert!(d.conn().execute("DELETE FROM attachment", []).is_err());
    assert!(d
        .conn()
        .execute("UPDATE attachment SET caption = 'x' WHERE id = 1", [])
        .is_err());
    let v = call(&mut d, "admin", NOW, "audit.verify", json!({}));
    assert_eq!(v["broken"], Value::Null);
}

#[test]
fn withdrawing_someone_elses_attachment_needs_a_supervisor() {
    let mut d = demo_desk(Locale::ZhCn);
    let r = records(&d);
    let a = add(
        &mut d,
        "wang",
        photo_req("complaint", r.complaint, &photo_png(8, 8), "image/png"),
    );
    let n = audit_len(&d);
    let e = call_err(
        &mut d,
        "chen",
        NOW,
        "attachment.withdraw",
        json!({"id": a["id"], "reason": "拍错了"}),
    );
    assert_eq!(e.code, ErrorCode::Forbidden);
    assert!(e.message.contains("撤销照片或签名"), "{}", e.message);
    let e = call_err(
        &mut d,
        "wang",
        NOW,
        "attachment.withdraw",
        json!({"id": a["id"], "reason": " "}),
    );
    assert_eq!(
        (e.code, e.field.as_deref()),
        (ErrorCode::InvalidInput, Some("reason"))
    );
    // Nothing changed; the forbidden attempt itself is in the trail (one event).
    assert_eq!(audit_len(&d), n + 1);
    call(
        &mut d,
        "li",
        NOW,
        "attachment.withdraw",
        json!({"id": a["id"], "reason": "拍错了"}),
    );
    // The refusal and the supervisor's withdrawal.
    assert_eq!(audit_len(&d), n + 2);
}

#[test]
fn refused_attachments_name_the_field_and_change_nothing() {
    let mut d = demo_desk(Locale::ZhCn);
    let r = records(&d);
    let n = audit_len(&d);
    let png = photo_png(10, 10);
    let cases: Vec<(Value, ErrorCode, &str)> = vec![
        // The bytes are a PNG, the request says JPEG.
        (
            photo_req("parcel", r.parcel, &png, "image/jpeg"),
            ErrorCode::InvalidInput,
            "data_base64",
        ),
        // Not an image at all.
        (
            photo_req("parcel", r.parcel, b"GIF89a not allowed", "image/png"),
            ErrorCode::InvalidInput,
            "data_base64",
        ),
        (
            photo_req("parcel", r.parcel, b"%PDF-1.7", "image/png"),
            ErrorCode::InvalidInput,
            "data_base64",
        ),
        // Not base64, empty, an unknown type.
        (
            json!({"entity": "parcel", "entity_id": r.parcel, "kind": "photo", "mime": "image/png", "data_base64": "***"}),
            ErrorCode::InvalidInput,
            "data_base64",
        ),
        (
            json!({"entity": "parcel", "entity_id": r.parcel, "kind": "photo", "mime": "image/png", "data_base64": ""}),
            ErrorCode::InvalidInput,
            "data_base64",
        ),
        (
            json!({"entity": "parcel", "entity_id": r.parcel, "kind": "photo", "mime": "image/gif", "data_base64": b64(&png)}),
            ErrorCode::InvalidInput,
            "mime",
        ),
        (
            json!({"entity": "shift", "entity_id": 1, "kind": "photo", "mime": "image/png", "data_base64": b64(&png)}),
            ErrorCode::InvalidInput,
            "entity",
        ),
        // Too large: 8 MB for a photo, 512 KB for a signature.
        (
            photo_req(
                "found_item",
                r.found,
                &jpeg_head(8 * 1024 * 1024 + 1),
                "image/jpeg",
            ),
            ErrorCode::InvalidInput,
            "data_base64",
        ),
        (
            signature_req("parcel", r.parcel, &{
                let mut big = signature_png(200, 80);
                big.resize(512 * 1024 + 1, 0);
                big
            }),
            ErrorCode::InvalidInput,
            "data_base64",
        ),
        // A signature only on a parcel or a claim, PNG or JPEG, and printable.
        (
            signature_req("found_item", r.found, &signature_png(200, 80)),
            ErrorCode::InvalidInput,
            "kind",
        ),
        (
            signature_req("complaint", r.complaint, &signature_png(200, 80)),
            ErrorCode::InvalidInput,
            "kind",
        ),
        (
            json!({"entity": "claim", "entity_id": r.claim, "kind": "signature", "mime": "image/webp", "data_base64": b64(&webp_head())}),
            ErrorCode::InvalidInput,
            "mime",
        ),
        (
            signature_req("claim", r.claim, &png[..40]),
            ErrorCode::InvalidInput,
            "data_base64",
        ),
        // The record must exist.
        (
            photo_req("parcel", 999_999, &png, "image/png"),
            ErrorCode::NotFound,
            "",
        ),
        (
            signature_req("claim", 999_999, &signature_png(200, 80)),
            ErrorCode::NotFound,
            "",
        ),
        (
            json!({"entity": "parcel", "entity_id": r.parcel, "kind": "photo", "mime": "image/png", "data_base64": b64(&png), "caption": "长".repeat(201)}),
            ErrorCode::InvalidInput,
            "caption",
        ),
    ];
    for (req, code, field) in cases {
        let e = call_err(&mut d, "wang", NOW, "attachment.add", req.clone());
        assert_eq!(e.code, code, "{req}: {e:?}");
        if !field.is_empty() {
            assert_eq!(e.field.as_deref(), Some(field), "{req}: {e:?}");
        }
        assert_eq!(audit_len(&d), n, "{req} changed the audit log");
    }
    let count: i64 = d
        .conn()
        .query_row("SELECT count(*) FROM attachment", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 0);
    for (op, req) in [
        ("attachment.get", json!({"id": 1})),
        ("attachment.withdraw", json!({"id": 1, "reason": "x"})),
        (
            "attachment.list",
            json!({"entity": "claim", "entity_id": 999_999}),
        ),
    ] {
        let e = call_err(&mut d, "wang", NOW, op, req);
        assert_eq!(e.code, ErrorCode::NotFound, "{op}");
    }
}

#[test]
fn size_and_type_errors_are_translated_and_name_the_field() {
    for (locale, label, words) in [
        (
            Locale::ZhCn,
            "图片文件",
            ["8 MB", "不符", "只能保存在包裹领取或认领"],
        ),
        (
            Locale::Ko,
            "이미지 파일",
            ["8MB", "다름", "우편물 수령이나 반환(수령)"],
        ),
        (
            Locale::En,
            "Image file",
            ["8 MB", "not of the image type", "parcel pick-up or a claim"],
        ),
    ] {
        let mut d = desk_with(frontdesk::profile::LegalRegime::Cn, locale);
        let p = call(
            &mut d,
            "wang",
            "2026-11-02 09:00",
            "parcel.receive",
            json!({"kind": "letter", "recipient_name": "王建华"}),
        );
        let pid = p["id"].as_i64().unwrap();
        let big = photo_req("parcel", pid, &jpeg_head(9 * 1024 * 1024), "image/jpeg");
        let e = call_err(&mut d, "wang", "2026-11-02 09:05", "attachment.add", big);
        assert_eq!(e.field.as_deref(), Some("data_base64"));
        assert!(
            e.message.contains(label) && e.message.contains(words[0]),
            "{locale}: {}",
            e.message
        );
        let wrong = photo_req("parcel", pid, &photo_png(4, 4), "image/jpeg");
        let e = call_err(&mut d, "wang", "2026-11-02 09:05", "attachment.add", wrong);
        assert!(
            e.message.contains(label) && e.message.contains(words[1]),
            "{locale}: {}",
            e.message
        );
        // The kind is checked before the record is looked for.
        let sig = signature_req("lost_report", 1, &signature_png(100, 40));
        let e = call_err(&mut d, "wang", "2026-11-02 09:07", "attachment.add", sig);
        assert_eq!(e.field.as_deref(), Some("kind"));
        assert!(e.message.contains(words[2]), "{locale}: {}", e.message);
    }
}

#[test]
fn a_backup_and_restore_keep_attachments_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.sqlite3");
    let mut d = Desk::open(&path).unwrap();
    d.init(
        &frontdesk::profile::InitCounter {
            name: "阳光花园物业服务中心".into(),
            locale: Locale::ZhCn,
            time_zone: TZ.name().into(),
            legal_regime: frontdesk::profile::LegalRegime::Cn,
            admin_login: "admin".into(),
            admin_name: "管理员".into(),
        },
        t("2026-11-01 08:00"),
    )
    .unwrap();
    let p = call(
        &mut d,
        "admin",
        "2026-11-02 09:00",
        "parcel.receive",
        json!({"kind": "letter", "recipient_name": "王建华"}),
    );
    let pid = p["id"].as_i64().unwrap();
    let sig = signature_png(400, 150);
    let photo = photo_png(300, 200);
    let s = call(
        &mut d,
        "admin",
        "2026-11-02 09:01",
        "attachment.add",
        signature_req("parcel", pid, &sig),
    );
    let ph = call(
        &mut d,
        "admin",
        "2026-11-02 09:02",
        "attachment.add",
        photo_req("parcel", pid, &photo, "image/png"),
    );

    let bak = dir.path().join("backups/with-files.sqlite3");
    let check = backup::backup_to(d.db(), &bak).unwrap();
    assert!(check.ok());
    // After the backup the signature is withdrawn; the restore brings back the backup's state.
    call(
        &mut d,
        "admin",
        "2026-11-02 10:00",
        "attachment.withdraw",
        json!({"id": s["id"], "reason": "测试"}),
    );
    drop(d);
    backup::restore(&path, &bak, "20261102T100500Z").unwrap();
    let mut d = Desk::open(&path).unwrap();
    for (a, bytes) in [(&s, &sig), (&ph, &photo)] {
        let got = call(
            &mut d,
            "admin",
            "2026-11-02 10:10",
            "attachment.get",
            json!({"id": a["id"]}),
        );
        assert_eq!(
            &unb64(&got["data_base64"]),
            bytes,
            "byte-identical after restore"
        );
        assert_eq!(got["attachment"]["sha256"], a["sha256"]);
        assert_eq!(got["attachment"]["withdrawn_at"], Value::Null);
    }
}

// ---------------------------------------------------------------------------------------------
// Printed

/// The image XObjects of a PDF (pdfimages -list): (width, height) of each.
fn pdf_images(name: &str, pdf: &[u8]) -> Vec<(u32, u32)> {
    let path = write(name, pdf);
    let mut cmd = tool("pdfimages", "poppler-utils");
    cmd.arg("-list").arg(&path);
    run(cmd)
        .lines()
        .skip(2)
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            // page num type width height …; the soft mask of a transparent PNG is its own row.
            (f.get(2) == Some(&"image")).then(|| (f[3].parse().unwrap(), f[4].parse().unwrap()))
        })
        .collect()
}

/// The page as a grey picture (pdftoppm, 100 dpi): width, height and the dark pixels' box.
fn dark_box(name: &str, pdf: &[u8], region: (u32, u32, u32, u32)) -> Option<(u32, u32, u32, u32)> {
    let path = write(name, pdf);
    let base = out_dir().join(format!("{}-page", name.trim_end_matches(".pdf")));
    let mut cmd = tool("pdftoppm", "poppler-utils");
    cmd.args(["-r", "100", "-gray", "-singlefile"])
        .args(["-x", &region.0.to_string(), "-y", &region.1.to_string()])
        .args(["-W", &region.2.to_string(), "-H", &region.3.to_string()])
        .arg(&path)
        .arg(&base);
    run(cmd);
    let pgm = std::fs::read(base.with_extension("pgm")).unwrap();
    // Binary PGM: "P5\n<w> <h>\n255\n" then the pixels.
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while pgm[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !pgm[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..i]).into_owned());
    }
    let (w, h): (u32, u32) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let px = &pgm[i + 1..];
    let mut found: Option<(u32, u32, u32, u32)> = None;
    for y in 0..h {
        for x in 0..w {
            if px[(y * w + x) as usize] < 160 {
                found = Some(match found {
                    None => (x, y, x, y),
                    Some((a, b, c, e)) => (a.min(x), b.min(y), c.max(x), e.max(y)),
                });
            }
        }
    }
    found
}

#[test]
fn the_pick_up_receipt_prints_the_signature_in_its_box() {
    let mut d = demo_desk(Locale::ZhCn);
    let r = records(&d);
    let code = format!("PC-{:06}", r.parcel);
    let (plain, _) = print_form(&mut d, "parcel_receipt", &code, Locale::ZhCn);
    assert!(
        pdf_images("receipt-unsigned.pdf", &plain).is_empty(),
        "no signature, no image"
    );

    add(
        &mut d,
        "chen",
        signature_req("parcel", r.parcel, &signature_png(600, 200)),
    );
    let (signed, pages) = print_form(&mut d, "parcel_receipt", &code, Locale::ZhCn);
    assert_eq!(pages, 1);
    assert_eq!(pdf_images("receipt-signed.pdf", &signed), vec![(600, 200)]);
    let text = pdf_text("receipt-signed.pdf", &signed);
    assert!(text.contains("领取人签名"), "{text}");
    assert!(text.contains(&code), "{text}");
    // Deterministic: the same data and clock give the same bytes.
    let (again, _) = print_form(&mut d, "parcel_receipt", &code, Locale::ZhCn);
    assert_eq!(again, signed);
    assert_ne!(signed, plain);

    // The signature sits on the signature line, right of its label: find the line and the
    // ink above it in the signed page but not in the unsigned one.
    let ctx = d.ctx("admin", t(NOW)).unwrap();
    let req = frontdesk::forms::PrintRequest {
        form: frontdesk::forms::FormKind::ParcelReceipt,
        target: code.clone(),
        locale: Some(Locale::ZhCn),
        a6: false,
    };
    let doc = frontdesk::forms::build(d.conn(), &ctx, &req).unwrap();
    let paged = frontdesk::print::layout(&doc).unwrap();
    let marks = &paged.pages[0].marks;
    let (ix, iy, iw, ih) = marks
        .iter()
        .find_map(|m| match m {
            frontdesk::print::Mark::Image { x, y, w, h, .. } => Some((*x, *y, *w, *h)),
            _ => None,
        })
        .expect("an image mark");
    let (lx1, ly, lx2) = marks
        .iter()
        .find_map(|m| match m {
            frontdesk::print::Mark::Line { x1, y1, x2, .. }
                if *x1 <= ix
                    && x2 >= &(ix + iw)
                    && *y1 >= iy + ih - 0.01
                    && *y1 - (iy + ih) < 1.0 =>
            {
                Some((*x1, *y1, *x2))
            }
            _ => None,
        })
        .expect("the image stands on its signature line");
    assert!(
        ix >= lx1 && ix + iw <= lx2 && iy >= ly - 14.0,
        "{ix} {iy} {iw} {ih} / {lx1} {ly} {lx2}"
    );
    assert!((iw / ih - 3.0).abs() < 0.01, "proportions kept");

    // And on paper: the ink of the signature is inside that box (100 dpi: mm × 100 / 25.4).
    let to_px = |mm: f32| (mm * 100.0 / 25.4).round() as u32;
    let region = (to_px(lx1), to_px(ly - 14.0), to_px(lx2 - lx1), to_px(14.0));
    let ink =
        dark_box("receipt-signed-box.pdf", &signed, region).expect("the signature is printed");
    let (w, h) = (region.2, region.3);
    assert!(ink.2 - ink.0 > w / 3, "a wide stroke: {ink:?} in {w}x{h}");
    assert!(ink.3 - ink.1 > h / 3, "a tall stroke: {ink:?} in {w}x{h}");
    // The page rendered for a person to look at.
    let mut cmd = tool("pdftoppm", "poppler-utils");
    cmd.args(["-r", "110", "-png", "-singlefile"])
        .arg(write("receipt-signed-look.pdf", &signed))
        .arg(out_dir().join("receipt-signed-look"));
    run(cmd);
}

#[test]
fn the_claim_form_prints_the_claimants_signature_and_a_jpeg_signature_prints_too() {
    let mut d = demo_desk(Locale::Ko);
    let item = first_id(&d, "found_item", "status = 'claimed'");
    let claim = first_id(&d, "claim", &format!("found_item_id = {item}"));
    let code = format!("FI-{item:06}");
    let (plain, _) = print_form(&mut d, "claim", &code, Locale::Ko);
    assert!(pdf_images("claim-unsigned.pdf", &plain).is_empty());

    // A JPEG signature (made here from a rendered PNG one), embedded as it is.
    let mut png_signed =
        frontdesk::print::Document::new(Locale::Ko, frontdesk::print::PageSize::A6, "s", t(NOW));
    png_signed.push(frontdesk::print::Block::Signatures(
        frontdesk::print::Signatures {
            labels: vec!["서명".into()],
            per_row: 1,
            signed: vec![Some(
                frontdesk::print::Picture::from_bytes(signature_png(300, 100)).unwrap(),
            )],
        },
    ));
    let pdf = frontdesk::print::render(&png_signed).unwrap();
    let src = write("jpeg-source.pdf", &pdf);
    let base = out_dir().join("jpeg-signature");
    let mut cmd = tool("pdftoppm", "poppler-utils");
    cmd.args([
        "-r",
        "150",
        "-jpeg",
        "-singlefile",
        "-x",
        "0",
        "-y",
        "0",
        "-W",
        "600",
        "-H",
        "200",
    ])
    .arg(&src)
    .arg(&base);
    run(cmd);
    let jpeg = std::fs::read(base.with_extension("jpg")).unwrap();
    let a = call(
        &mut d,
        "kim",
        NOW,
        "attachment.add",
        json!({"entity": "claim", "entity_id": claim, "kind": "signature", "mime": "image/jpeg",
               "data_base64": b64(&jpeg)}),
    );
    assert_eq!(
        (a["width"].as_i64(), a["height"].as_i64()),
        (Some(600), Some(200))
    );
    let (signed, pages) = print_form(&mut d, "claim", &code, Locale::Ko);
    assert_eq!(pages, 1);
    assert_eq!(pdf_images("claim-signed.pdf", &signed), vec![(600, 200)]);
    let text = pdf_text("claim-signed.pdf", &signed);
    assert!(text.contains(&code), "{text}");
    // The JPEG's bytes are in the PDF as they are (DCTDecode), not re-encoded.
    assert!(signed.windows(jpeg.len()).any(|w| w == jpeg.as_slice()));
    let (again, _) = print_form(&mut d, "claim", &code, Locale::Ko);
    assert_eq!(again, signed);
}
