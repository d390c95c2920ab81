//! Forms of lost and found (001 §2.2.5): the item-information card stuck on a found item
//! (物品信息卡, a 90 × 55 mm label or A6), the finder's receipt (拾到物品回执; a staff
//! finder's notes the good deed) and the claim form (认领表: the item above, the claim below,
//! two signature lines).
//!
//! Also home of what every record form shares: [`when`] (an instant as the counter's local
//! date and time in the form's words) and [`fit_one_page`] (a slip or label that must stay one
//! sheet is rebuilt denser until it does). Contacts and identity numbers are masked by
//! `crate::privacy`; private identifying features are never read here.

use super::{new_document, FormKind, Target};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::i18n::{self, Locale};
use crate::ids::FoundItemId;
use crate::lost_found::{self as register, Arrival, FoundItem, FoundStatus};
use crate::print::{
    self, format, Align, Block, Document, KeyValues, Margins, PageSize, Pane, Signatures, Text,
    SIZE_SMALL,
};
use crate::privacy::{mask_contact, mask_id};
use chrono::{DateTime, Utc};
use rusqlite::Connection;

// ---------------------------------------------------------------------------------------------
// Shared by the record forms

/// `key` in the form's language.
pub(crate) fn tr(locale: Locale, key: &str) -> String {
    i18n::tr(locale, key)
}

/// An instant as the counter's local date and time, in the form's words.
pub(crate) fn when(ctx: &Ctx, locale: Locale, t: DateTime<Utc>) -> String {
    format::local_date_time(locale, t, ctx.tz())
}

/// `text` on one line (newlines become spaces), cut to `max` characters with `…`.
pub(crate) fn clip(text: &str, max: usize) -> String {
    let one = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= max {
        return one;
    }
    let mut out: String = one.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// How tightly a one-sheet form is set: the type size of its details and how many characters
/// of a long free text (a description, a place) it keeps.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Density {
    pub size: f32,
    pub text_chars: usize,
}

impl Density {
    const fn new(size: f32, text_chars: usize) -> Density {
        Density { size, text_chars }
    }

    /// Roomy enough for one signature line to a row, with the full label beside it.
    pub fn roomy(self) -> bool {
        self.size >= 11.0
    }
}

/// The first of `build(density)` over `densities` that lays out on one page (or the last one):
/// a label or a slip is one sheet, so a long description is shortened rather than spilling.
pub(crate) fn fit_one_page(
    densities: &[Density],
    build: impl Fn(Density) -> Result<Document>,
) -> Result<Document> {
    let mut last = None;
    for d in densities {
        let doc = build(*d)?;
        if print::layout(&doc)?.pages.len() <= 1 {
            return Ok(doc);
        }
        last = Some(doc);
    }
    match last {
        Some(doc) => Ok(doc),
        None => Err(Error::invalid("form", "no layout")),
    }
}

/// Body size of the A4 forms: a step above the engine's default, read at arm's length.
pub(crate) const A4_BODY: f32 = 12.0;

/// Label–value pairs on an A4 form in `columns` (1 or 2) columns; the labels of a one-column
/// grid line up with those of a two-column grid above or below it.
pub(crate) fn grid<L: Into<String>, V: Into<String>>(
    columns: u8,
    pairs: impl IntoIterator<Item = (L, V)>,
) -> Block {
    Block::KeyValues(KeyValues {
        pairs: pairs
            .into_iter()
            .map(|(l, v)| (l.into(), v.into()))
            .collect(),
        columns,
        size: A4_BODY,
        // Two columns: 41 % of a half (88 mm of 180); one column: 20 % of the whole — both 36 mm.
        label_share: if columns >= 2 { 0.41 } else { 0.2 },
    })
}

/// A section heading on an A4 form.
pub(crate) fn section(text: String) -> Block {
    Block::Text(Text::new(text, 14.0).strong())
}

/// Label–value pairs in one column at `size`.
pub(crate) fn details(size: f32, label_share: f32, pairs: Vec<(String, String)>) -> Block {
    Block::KeyValues(KeyValues {
        pairs,
        columns: 1,
        size,
        label_share,
    })
}

/// Signature lines, `per_row` to a row.
pub(crate) fn signature_lines(labels: Vec<String>, per_row: u8) -> Block {
    signed_lines(labels, per_row, Vec::new())
}

/// [`signature_lines`] with a signature already given for some of them (captured on screen and
/// kept with the record, see `attachments`), printed on its line.
pub(crate) fn signed_lines(
    labels: Vec<String>,
    per_row: u8,
    signed: Vec<Option<print::Picture>>,
) -> Block {
    // Without any signature the block is the plain lines, as before there were any.
    let signed = if signed.iter().all(Option::is_none) {
        Vec::new()
    } else {
        signed
    };
    Block::Signatures(Signatures {
        labels,
        per_row,
        signed,
    })
}

/// The title of an A6 slip: a little smaller than an A4 form's, still the largest line.
pub(crate) fn slip_title(text: String) -> Block {
    Block::Text(
        Text::new(text, 16.0)
            .strong()
            .align(Align::Center)
            .shrink_to(12.0),
    )
}

/// The record's code (and what it is) under a slip's title, large enough to read out.
pub(crate) fn code_line(text: String) -> Block {
    Block::Text(
        Text::new(text, 14.0)
            .strong()
            .align(Align::Center)
            .shrink_to(11.0),
    )
}

/// The densities A6 slips try, from roomy to tight (body text stays at 10 pt or more).
pub(crate) const SLIP_DENSITIES: [Density; 5] = [
    Density::new(12.0, 400),
    Density::new(11.0, 200),
    Density::new(10.5, 120),
    Density::new(10.0, 60),
    Density::new(10.0, 24),
];

// ---------------------------------------------------------------------------------------------

fn found_item(conn: &Connection, target: &Target) -> Result<FoundItem> {
    register::get_found(conn, FoundItemId(target.record()?))
}

fn category(locale: Locale, f: &FoundItem) -> String {
    tr(locale, &format!("item_category.{}", f.category.as_str()))
}

/// Who found the item: the visitor's name, or the staff member's with "(staff)".
fn finder(locale: Locale, f: &FoundItem) -> String {
    match f.arrival {
        Arrival::Visitor => f.finder_name.clone(),
        Arrival::Staff | Arrival::OnSite => i18n::tr_args(
            locale,
            "print.records.staff_name",
            &[("name", &f.finder_name)],
        ),
    }
}

/// 物品信息卡: label 90 × 55 mm (or A6): the code in large type, when and where found,
/// category, public description, storage, the valuable mark and a QR of the code.
pub fn item_card(
    conn: &Connection,
    ctx: &Ctx,
    target: &Target,
    locale: Locale,
    a6: bool,
) -> Result<Document> {
    let f = found_item(conn, target)?;
    if a6 {
        let densities = [
            Density::new(13.0, 300),
            Density::new(12.0, 160),
            Density::new(11.0, 90),
            Density::new(11.0, 40),
            Density::new(11.0, 16),
        ];
        fit_one_page(&densities, |d| card_a6(ctx, locale, &f, d))
    } else {
        // Label type never goes below 8.5 pt; what does not fit is shortened.
        let densities = [
            Density::new(9.0, 60),
            Density::new(8.5, 44),
            Density::new(8.5, 28),
            Density::new(8.5, 18),
            Density::new(8.5, 10),
        ];
        fit_one_page(&densities, |d| card_label(ctx, locale, &f, d))
    }
}

fn valuable_mark(locale: Locale, size: f32) -> Block {
    Block::Highlight(
        Text::new(tr(locale, "print.item_card.valuable_mark"), size)
            .strong()
            .align(Align::Center)
            .shrink_to(8.0),
    )
}

/// The label: code, found time, place and storage beside the QR (and the valuable mark under
/// it), then category and description across the whole width.
fn card_label(ctx: &Ctx, locale: Locale, f: &FoundItem, d: Density) -> Result<Document> {
    let title = FormKind::ItemCard.title(locale);
    let mut doc = Document::new(locale, PageSize::Label90x55, &title, ctx.now);
    doc.margins = Margins::uniform(3.0);
    let code_size = if d.size >= 9.0 { 20.0 } else { 18.0 };
    let left = vec![
        Block::Text(Text::new(&title, SIZE_SMALL).muted().shrink_to(7.0)),
        Block::spacer(0.2),
        Block::Text(Text::new(&f.code, code_size).strong().shrink_to(14.0)),
        Block::spacer(0.6),
        details(
            d.size,
            0.3,
            vec![
                (
                    tr(locale, "print.item_card.found_at"),
                    when(ctx, locale, f.found_at),
                ),
                (
                    tr(locale, "print.item_card.found_place"),
                    clip(&f.found_place, (d.text_chars / 2).max(8)),
                ),
                (
                    tr(locale, "print.item_card.storage"),
                    clip(&f.storage_location, (d.text_chars / 2).max(8)),
                ),
            ],
        ),
    ];
    let mut right = vec![Block::qr(&f.code, 22.0)];
    if f.valuable {
        right.push(Block::spacer(1.2));
        right.push(valuable_mark(locale, 10.5));
    }
    doc.push(Block::panes(vec![
        Pane {
            width: 2.6,
            blocks: left,
        },
        Pane {
            width: 1.0,
            blocks: right,
        },
    ]));
    doc.push(Block::spacer(0.4));
    // The labels line up with those beside the QR: 30 % of the left pane (58.5 of 84 mm).
    doc.push(details(
        d.size,
        0.209,
        vec![
            (tr(locale, "field.category"), category(locale, f)),
            (
                tr(locale, "print.item_card.description"),
                clip(&f.description, d.text_chars),
            ),
        ],
    ));
    Ok(doc)
}

fn card_a6(ctx: &Ctx, locale: Locale, f: &FoundItem, d: Density) -> Result<Document> {
    let mut doc = new_document(ctx, locale, FormKind::ItemCard, PageSize::A6);
    doc.push(slip_title(FormKind::ItemCard.title(locale)));
    let mut left = vec![
        Block::Text(
            Text::new(tr(locale, "field.code"), SIZE_SMALL + 1.5)
                .muted()
                .shrink_to(7.0),
        ),
        Block::spacer(0.3),
        Block::Text(Text::new(&f.code, 28.0).strong().shrink_to(16.0)),
    ];
    if f.valuable {
        left.push(Block::spacer(2.0));
        left.push(valuable_mark(locale, 15.0));
    }
    doc.push(Block::panes(vec![
        Pane {
            width: 1.45,
            blocks: left,
        },
        Pane {
            width: 1.0,
            blocks: vec![Block::qr(&f.code, 34.0)],
        },
    ]));
    doc.push(Block::Rule);
    doc.push(details(
        d.size,
        0.3,
        vec![
            (
                tr(locale, "print.item_card.found_at"),
                when(ctx, locale, f.found_at),
            ),
            (
                tr(locale, "print.item_card.found_place"),
                clip(&f.found_place, d.text_chars),
            ),
            (tr(locale, "field.category"), category(locale, f)),
            (
                tr(locale, "print.item_card.description"),
                clip(&f.description, d.text_chars),
            ),
            (
                tr(locale, "print.item_card.storage"),
                clip(&f.storage_location, d.text_chars),
            ),
        ],
    ));
    Ok(doc)
}

/// 拾到物品回执 / 습득물 접수증 (A6): for whoever handed the item in; a staff member's receipt
/// says it is the proof of their good deed (好人好事).
pub fn finder_receipt(
    conn: &Connection,
    ctx: &Ctx,
    target: &Target,
    locale: Locale,
) -> Result<Document> {
    let f = found_item(conn, target)?;
    fit_one_page(&SLIP_DENSITIES, |d| {
        let mut doc = new_document(ctx, locale, FormKind::FinderReceipt, PageSize::A6);
        doc.push(slip_title(FormKind::FinderReceipt.title(locale)));
        doc.push(code_line(f.code.clone()));
        let mut pairs = vec![
            (tr(locale, "field.found_at"), when(ctx, locale, f.found_at)),
            (
                tr(locale, "field.found_place"),
                clip(&f.found_place, d.text_chars),
            ),
            (tr(locale, "field.category"), category(locale, &f)),
            (
                tr(locale, "field.description"),
                clip(&f.description, d.text_chars),
            ),
            (tr(locale, "print.records.finder"), finder(locale, &f)),
        ];
        if f.arrival == Arrival::OnSite {
            pairs.extend(
                [
                    ("field.team_leader", &f.team_leader),
                    ("field.witness", &f.witness),
                ]
                .into_iter()
                .filter_map(|(k, v)| v.as_ref().map(|v| (tr(locale, k), v.clone()))),
            );
        }
        pairs.push((
            tr(locale, "print.records.received_by"),
            f.registered_by_name.clone(),
        ));
        pairs.push((
            tr(locale, "field.received_at"),
            when(ctx, locale, f.created_at),
        ));
        doc.push(details(d.size, 0.34, pairs));
        let note = match f.arrival {
            Arrival::Visitor => tr(locale, "print.finder_receipt.thanks"),
            Arrival::Staff | Arrival::OnSite => i18n::tr_args(
                locale,
                "print.finder_receipt.good_deed",
                &[("name", &f.finder_name)],
            ),
        };
        doc.push(Block::Highlight(Text::new(note, d.size)));
        doc.push(Block::spacer(if d.roomy() { 4.0 } else { 1.0 }));
        doc.push(signature_lines(
            vec![
                tr(locale, "print.records.sign_finder"),
                tr(locale, "print.records.sign_receiver"),
            ],
            if d.roomy() { 1 } else { 2 },
        ));
        Ok(doc)
    })
}

/// 认领表 / 반환(수령) 확인서 (A4): the item above, the claim below (claimant, masked contact
/// and identity number, how ownership was verified, staff, time), two signature lines (the
/// claimant's signature captured on screen printed on its line). Only for a claimed item.
pub fn claim_form(
    conn: &Connection,
    ctx: &Ctx,
    target: &Target,
    locale: Locale,
) -> Result<Document> {
    let f = found_item(conn, target)?;
    let claim = match register::claim_of_item(conn, f.id)? {
        Some(c) if f.status == FoundStatus::Claimed => c,
        _ => {
            return Err(Error::state(
                FoundItemId::ENTITY,
                f.status.as_str(),
                "print_claim",
            ))
        }
    };
    let mut doc = new_document(ctx, locale, FormKind::Claim, PageSize::A4);
    doc.push(Block::title(FormKind::Claim.title(locale)));
    doc.push(Block::Text(
        Text::new(format!("{} · {}", f.code, claim.code), 14.0)
            .strong()
            .align(Align::Center),
    ));

    doc.push(section(tr(locale, "print.claim.section_item")));
    let yes_no = |b: bool| {
        tr(
            locale,
            if b {
                "print.records.yes"
            } else {
                "print.records.no"
            },
        )
    };
    doc.push(grid(
        2,
        [
            (tr(locale, "field.code"), f.code.clone()),
            (tr(locale, "field.category"), category(locale, &f)),
            (tr(locale, "field.found_at"), when(ctx, locale, f.found_at)),
            (tr(locale, "field.found_place"), f.found_place.clone()),
            (
                tr(locale, "field.arrival"),
                tr(locale, &format!("arrival.{}", f.arrival.as_str())),
            ),
            (tr(locale, "print.records.finder"), finder(locale, &f)),
            (tr(locale, "field.valuable"), yes_no(f.valuable)),
            (
                tr(locale, "print.records.received_by"),
                f.registered_by_name.clone(),
            ),
        ],
    ));
    doc.push(grid(
        1,
        [(tr(locale, "field.description"), f.description.clone())],
    ));

    doc.push(Block::spacer(6.0));
    doc.push(section(tr(locale, "print.claim.section_claim")));
    let mut pairs = vec![
        (
            tr(locale, "field.claimant_name"),
            claim.claimant_name.clone(),
        ),
        (tr(locale, "field.contact"), mask_contact(&claim.contact)),
        (
            tr(locale, "field.id_doc_type"),
            tr(
                locale,
                &format!("id_doc_type.{}", claim.id_doc_type.as_str()),
            ),
        ),
        (
            tr(locale, "print.records.id_number"),
            mask_id(&claim.id_last4),
        ),
        (
            tr(locale, "print.claim.claimed_at"),
            when(ctx, locale, claim.claimed_at),
        ),
        (
            tr(locale, "print.records.handled_by"),
            claim.handled_by_name.clone(),
        ),
    ];
    if let Some(r) = &claim.lost_report_code {
        pairs.push((tr(locale, "field.lost_report_id"), r.clone()));
    }
    doc.push(grid(2, pairs));
    doc.push(grid(
        1,
        [(tr(locale, "field.verification"), claim.verification.clone())],
    ));
    doc.push(Block::spacer(5.0));
    doc.push(Block::Text(Text::new(
        tr(locale, "print.claim.declaration"),
        A4_BODY,
    )));
    doc.push(Block::spacer(3.0));
    // The claimant's signature captured on screen, if any, on the claimant's line.
    let signed = crate::attachments::signature_picture(
        conn,
        crate::attachments::AttachEntity::Claim,
        claim.id.0,
    )?;
    doc.push(signed_lines(
        vec![
            tr(locale, "print.records.sign_claimant"),
            tr(locale, "print.records.sign_staff"),
        ],
        2,
        vec![signed, None],
    ));
    doc.push(Block::signatures([
        tr(locale, "print.date"),
        tr(locale, "print.date"),
    ]));
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_cuts_long_text_on_one_line() {
        assert_eq!(clip("黑色\n钱包", 10), "黑色 钱包");
        assert_eq!(clip("abcdefghij", 5), "abcd…");
        assert_eq!(clip("abc", 3), "abc");
    }
}
