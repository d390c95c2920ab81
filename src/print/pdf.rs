//! Draws a laid-out document ([`Paged`]) with printpdf: text runs, rules, filled rectangles
//! and pictures (image XObjects, see [`super::picture`]), the one font subset to the glyphs
//! used.
//!
//! Deterministic: fonts and pages get fixed resource names, the creation and modification
//! dates come from [`Document::created`], and the trailer `/ID` (which printpdf fills with a
//! process-global counter) is replaced by a hash of the document model. The same document
//! gives the same bytes in any process.

use super::font;
use super::layout::{layout, Document, Ink, Mark, Paged};
use super::picture::{decode_png, Picture, PictureFormat};
use crate::error::{Error, Result};
use printpdf::{
    Color, DictItem, ExternalStream, ExternalXObject, FontId, Greyscale, Line, LinePoint, Op,
    PaintMode, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, RawImage,
    RawImageData, RawImageFormat, Rect, Rgb, TextItem, TextMatrix, TextRenderingMode, XObject,
    XObjectId, XObjectTransform,
};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

const PT_PER_MM: f32 = 72.0 / 25.4;

fn pt(mm: f32) -> Pt {
    Pt(mm * PT_PER_MM)
}

fn color(ink: Ink) -> Color {
    let grey = |g: f32| {
        Color::Greyscale(Greyscale {
            percent: g,
            icc_profile: None,
        })
    };
    let rgb = |r: f32, g: f32, b: f32| {
        Color::Rgb(Rgb {
            r,
            g,
            b,
            icc_profile: None,
        })
    };
    match ink {
        Ink::Black => grey(0.0),
        Ink::Muted => grey(0.3),
        Ink::Rule => grey(0.55),
        Ink::HeaderFill => grey(0.88),
        // Light enough to read black text on, dark enough to show on a mono printer.
        Ink::ProblemFill => rgb(1.0, 0.88, 0.74),
        Ink::ProblemMark => rgb(0.78, 0.22, 0.05),
        Ink::Bar => rgb(0.22, 0.42, 0.66),
    }
}

/// Render `doc` to PDF bytes. Text the font cannot draw prints as [`font::printable`] makes
/// it (laid out that way by [`layout`]); the title in the file's metadata likewise.
pub fn render(doc: &Document) -> Result<Vec<u8>> {
    let paged = layout(doc)?;
    render_paged(doc, &paged)
}

/// Render an already laid-out document (the marks of `paged`; metadata from `doc`).
pub fn render_paged(doc: &Document, paged: &Paged) -> Result<Vec<u8>> {
    let face = font::face()?;
    let font_id = FontId("FRDESK".into());
    let mut pdf = PdfDocument::new(&font::printable(&doc.title)?);
    let created = printpdf::OffsetDateTime::from_unix_timestamp(doc.created.timestamp())
        .map_err(|e| Error::invalid("created", e))?;
    let info = &mut pdf.metadata.info;
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;
    info.creator = "Front desk".into();
    info.producer = "Front desk (printpdf)".into();
    pdf.resources
        .fonts
        .map
        .insert(font_id.clone(), PdfFont::new(face.parsed.clone()));

    // Pictures get fixed names in the order they are first drawn.
    let mut images: BTreeMap<String, XObjectId> = BTreeMap::new();
    for page in &paged.pages {
        for mark in &page.marks {
            if let Mark::Image { picture, .. } = mark {
                if images.contains_key(picture) {
                    continue;
                }
                let p = doc
                    .picture(picture)
                    .ok_or_else(|| Error::invalid("picture", "missing"))?;
                let id = XObjectId(format!("IMG{}", images.len()));
                pdf.resources
                    .xobjects
                    .map
                    .insert(id.clone(), picture_xobject(p)?);
                images.insert(picture.clone(), id);
            }
        }
    }

    let font = PdfFontHandle::External(font_id);
    let pages = paged
        .pages
        .iter()
        .map(|page| {
            PdfPage::new(
                printpdf::Mm(paged.width),
                printpdf::Mm(paged.height),
                page_ops(&page.marks, paged.height, &font, &images),
            )
        })
        .collect();
    pdf.with_pages(pages);

    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);
    let id = document_id(doc)?;
    lo.trailer.set(
        "ID",
        lopdf::Object::Array(vec![
            lopdf::Object::String(id.clone(), lopdf::StringFormat::Hexadecimal),
            lopdf::Object::String(id, lopdf::StringFormat::Hexadecimal),
        ]),
    );
    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| Error::Storage(format!("cannot write the PDF: {e}")))?;
    Ok(out)
}

/// The image XObject of a picture: a JPEG as it is (`DCTDecode`), a PNG's pixels
/// Flate-compressed with its transparency as a soft mask.
fn picture_xobject(p: &Picture) -> Result<XObject> {
    match p.format {
        PictureFormat::Jpeg => {
            let frame = super::picture::jpeg_frame(&p.bytes)
                .ok_or_else(|| Error::invalid("picture", "png_or_jpeg"))?;
            let space = if frame.components == 1 {
                "DeviceGray"
            } else {
                "DeviceRGB"
            };
            let name = |n: &str| DictItem::Name(n.as_bytes().to_vec());
            let dict = BTreeMap::from([
                ("Type".to_owned(), name("XObject")),
                ("Subtype".to_owned(), name("Image")),
                ("Width".to_owned(), DictItem::Int(i64::from(frame.width))),
                ("Height".to_owned(), DictItem::Int(i64::from(frame.height))),
                ("ColorSpace".to_owned(), name(space)),
                ("BitsPerComponent".to_owned(), DictItem::Int(8)),
                ("Filter".to_owned(), name("DCTDecode")),
            ]);
            Ok(XObject::External(ExternalXObject {
                stream: ExternalStream {
                    dict,
                    content: p.bytes.clone(),
                    compress: false,
                },
                width: None,
                height: None,
                dpi: None,
            }))
        }
        PictureFormat::Png => {
            let px = decode_png(&p.bytes)?;
            let data_format = match px.channels {
                1 => RawImageFormat::R8,
                2 => RawImageFormat::RG8,
                3 => RawImageFormat::RGB8,
                _ => RawImageFormat::RGBA8,
            };
            Ok(XObject::Image(RawImage {
                pixels: RawImageData::U8(px.data),
                width: px.width as usize,
                height: px.height as usize,
                data_format,
                tag: Vec::new(),
            }))
        }
    }
}

/// The document's `/ID`: the first 16 bytes of the SHA-256 of its model.
fn document_id(doc: &Document) -> Result<Vec<u8>> {
    let json = serde_json::to_vec(doc).map_err(|e| Error::Storage(e.to_string()))?;
    Ok(Sha256::digest(&json)[..16].to_vec())
}

/// The drawing operations of one page. Consecutive text marks share one text section, and
/// font size, colour and weight are only set when they change.
fn page_ops(
    marks: &[Mark],
    page_h: f32,
    font: &PdfFontHandle,
    images: &BTreeMap<String, XObjectId>,
) -> Vec<Op> {
    let mut ops = Vec::with_capacity(marks.len() * 3);
    let mut in_text = false;
    let mut cur_size: Option<f32> = None;
    let mut cur_fill: Option<Ink> = None;
    let mut cur_strong = false;
    let mut cur_stroke: Option<(Ink, f32)> = None;
    for mark in marks {
        match mark {
            Mark::Text {
                x,
                y,
                size,
                strong,
                ink,
                text,
            } => {
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                }
                if cur_size != Some(*size) {
                    ops.push(Op::SetFont {
                        font: font.clone(),
                        size: Pt(*size),
                    });
                    cur_size = Some(*size);
                }
                if cur_fill != Some(*ink) {
                    ops.push(Op::SetFillColor { col: color(*ink) });
                    cur_fill = Some(*ink);
                }
                if *strong {
                    // One weight only: strong text is filled and outlined with a thin stroke.
                    let stroke = (*ink, size * 0.04);
                    if cur_stroke != Some(stroke) {
                        ops.push(Op::SetOutlineColor { col: color(*ink) });
                        ops.push(Op::SetOutlineThickness { pt: Pt(stroke.1) });
                        cur_stroke = Some(stroke);
                    }
                }
                if cur_strong != *strong {
                    ops.push(Op::SetTextRenderingMode {
                        mode: if *strong {
                            TextRenderingMode::FillStroke
                        } else {
                            TextRenderingMode::Fill
                        },
                    });
                    cur_strong = *strong;
                }
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(pt(*x), pt(page_h - y)),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
            }
            Mark::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                ink,
            } => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                if cur_stroke != Some((*ink, *width)) {
                    ops.push(Op::SetOutlineColor { col: color(*ink) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    cur_stroke = Some((*ink, *width));
                }
                let point = |x: f32, y: f32| LinePoint {
                    p: Point {
                        x: pt(x),
                        y: pt(page_h - y),
                    },
                    bezier: false,
                };
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(*x1, *y1), point(*x2, *y2)],
                        is_closed: false,
                    },
                });
            }
            Mark::Fill { x, y, w, h, ink } => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                if cur_fill != Some(*ink) {
                    ops.push(Op::SetFillColor { col: color(*ink) });
                    cur_fill = Some(*ink);
                }
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: pt(*x),
                        y: pt(page_h - y - h),
                        width: pt(*w),
                        height: pt(*h),
                        mode: Some(PaintMode::Fill),
                        winding_order: None,
                    },
                });
            }
            Mark::Image {
                x,
                y,
                w,
                h,
                picture,
            } => {
                let Some(id) = images.get(picture) else {
                    continue;
                };
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                // An image XObject is a unit square: scale it to the box, then move it there.
                ops.push(Op::UseXobject {
                    id: id.clone(),
                    transform: XObjectTransform {
                        translate_x: Some(pt(*x)),
                        translate_y: Some(pt(page_h - y - h)),
                        scale_x: Some(pt(*w).0),
                        scale_y: Some(pt(*h).0),
                        no_auto_scale: true,
                        ..XObjectTransform::default()
                    },
                });
            }
        }
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    ops
}
