//! Forms of mail and parcels (000 ch.5 §2.0): the notice slip left for the recipient of an
//! incoming item (包裹领取通知单 / 택배 도착 안내) and the pick-up receipt signed when it is
//! handed over (包裹领取回执 / 택배 수령증). Both A6; neither prints the recipient's contact,
//! and the identity document checked at pick-up shows only its last four characters.

use super::lost_found::{
    clip, code_line, details, fit_one_page, signed_lines, slip_title, tr, when,
};
use super::lost_found::{Density, SLIP_DENSITIES};
use super::{new_document, FormKind, Target};
use crate::attachments::{self, AttachEntity};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::i18n::{self, Locale};
use crate::ids::ParcelId;
use crate::mail::{get_parcel, Direction, Parcel, ParcelStatus};
use crate::print::{Align, Block, Document, PageSize, Text};
use crate::privacy::mask_id;
use crate::profile;
use rusqlite::Connection;

fn parcel(conn: &Connection, target: &Target) -> Result<Parcel> {
    get_parcel(conn, ParcelId(target.record()?))
}

fn kind(locale: Locale, p: &Parcel) -> String {
    tr(locale, &format!("parcel_kind.{}", p.kind.as_str()))
}

fn none(locale: Locale, v: &Option<String>) -> String {
    match v.as_deref().map(str::trim) {
        Some(s) if !s.is_empty() => s.to_owned(),
        _ => tr(locale, "print.none"),
    }
}

/// Carrier and tracking number, shared by the notice and the receipt.
fn carrier_pairs(locale: Locale, p: &Parcel) -> Vec<(String, String)> {
    vec![
        (tr(locale, "field.carrier"), none(locale, &p.carrier)),
        (
            tr(locale, "field.tracking_no"),
            none(locale, &p.tracking_no),
        ),
    ]
}

/// Notice slip (A6) for the recipient of an incoming item still at the counter: who it is for,
/// what, from which carrier, when it came, where it waits, and where to collect it.
pub fn parcel_notice(
    conn: &Connection,
    ctx: &Ctx,
    target: &Target,
    locale: Locale,
) -> Result<Document> {
    let p = parcel(conn, target)?;
    let waiting = matches!(p.status, ParcelStatus::Received | ParcelStatus::Notified);
    if p.direction != Direction::In || !waiting {
        return Err(Error::state(
            ParcelId::ENTITY,
            p.status.key(),
            "print_parcel_notice",
        ));
    }
    fit_one_page(&SLIP_DENSITIES, |d: Density| {
        let mut doc = new_document(ctx, locale, FormKind::ParcelNotice, PageSize::A6);
        doc.push(slip_title(FormKind::ParcelNotice.title(locale)));
        doc.push(Block::Text(
            Text::new(&p.recipient_name, 20.0)
                .strong()
                .align(Align::Center)
                .shrink_to(13.0),
        ));
        if let Some(unit) = p.recipient_unit.as_deref().filter(|u| !u.trim().is_empty()) {
            doc.push(Block::spacer(0.5));
            doc.push(Block::Text(
                Text::new(clip(unit, d.text_chars), 14.0)
                    .align(Align::Center)
                    .shrink_to(11.0),
            ));
        }
        let mut pairs = vec![
            (tr(locale, "field.code"), p.code.clone()),
            (tr(locale, "field.kind"), kind(locale, &p)),
        ];
        pairs.extend(carrier_pairs(locale, &p));
        pairs.push((
            tr(locale, "field.received_at"),
            when(ctx, locale, p.received_at),
        ));
        pairs.push((
            tr(locale, "field.storage_location"),
            none(locale, &p.storage_location),
        ));
        doc.push(details(d.size.max(11.0), 0.42, pairs));
        doc.push(Block::spacer(3.0));
        doc.push(Block::Highlight(
            Text::new(
                i18n::tr_args(
                    locale,
                    "print.parcel_notice.collect",
                    &[("counter", &ctx.profile.name)],
                ),
                12.0,
            )
            .strong(),
        ));
        Ok(doc)
    })
}

/// Pick-up receipt (A6) of an item handed over: who collected it and for whom, the identity
/// document checked (masked), the staff member, the time, the collector's signature (the one
/// captured on screen when there is one).
pub fn parcel_receipt(
    conn: &Connection,
    ctx: &Ctx,
    target: &Target,
    locale: Locale,
) -> Result<Document> {
    let p = parcel(conn, target)?;
    if p.status != ParcelStatus::PickedUp {
        return Err(Error::state(
            ParcelId::ENTITY,
            p.status.key(),
            "print_parcel_receipt",
        ));
    }
    let staff = match p.closed_by {
        Some(id) => profile::get_staff(conn, id)?.name,
        None => String::new(),
    };
    let recipient = match p.recipient_unit.as_deref().filter(|u| !u.trim().is_empty()) {
        Some(u) => format!("{} · {u}", p.recipient_name),
        None => p.recipient_name.clone(),
    };
    let id_checked = if p.id_checked == Some(true) {
        let mut parts = vec![tr(locale, "print.records.yes")];
        parts.extend(p.id_doc_type.clone());
        parts.extend(p.id_last4.as_deref().map(mask_id));
        parts.join(" · ")
    } else {
        tr(locale, "print.records.no")
    };
    // Signed on screen at the pick-up: printed on the line; else the line is signed by hand.
    let signature = attachments::signature_picture(conn, AttachEntity::Parcel, p.id.0)?;
    fit_one_page(&SLIP_DENSITIES, |d: Density| {
        let mut doc = new_document(ctx, locale, FormKind::ParcelReceipt, PageSize::A6);
        doc.push(slip_title(FormKind::ParcelReceipt.title(locale)));
        doc.push(code_line(format!("{} · {}", p.code, kind(locale, &p))));
        let mut pairs = carrier_pairs(locale, &p);
        pairs.push((
            tr(locale, "field.recipient_name"),
            clip(&recipient, d.text_chars),
        ));
        if let Some(at) = p.picked_up_at {
            pairs.push((
                tr(locale, "print.parcel_receipt.picked_up_at"),
                when(ctx, locale, at),
            ));
        }
        pairs.push((
            tr(locale, "field.picked_up_by"),
            none(locale, &p.picked_up_by),
        ));
        if let Some(b) = p.on_behalf_of.as_deref().filter(|b| !b.trim().is_empty()) {
            pairs.push((
                tr(locale, "print.parcel_receipt.on_behalf_of"),
                b.to_owned(),
            ));
        }
        pairs.push((
            tr(locale, "print.parcel_receipt.id_checked"),
            id_checked.clone(),
        ));
        pairs.push((tr(locale, "print.records.handled_by"), staff.clone()));
        if let Some(n) = p.pickup_note.as_deref().filter(|n| !n.trim().is_empty()) {
            pairs.push((tr(locale, "field.note"), clip(n, d.text_chars)));
        }
        doc.push(details(d.size, 0.4, pairs));
        doc.push(Block::Text(Text::new(
            tr(locale, "print.parcel_receipt.statement"),
            d.size,
        )));
        doc.push(signed_lines(
            vec![tr(locale, "print.records.sign_collector")],
            1,
            vec![signature.clone()],
        ));
        Ok(doc)
    })
}
