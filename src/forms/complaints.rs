//! The complaint form (002 §4.1.3, 003 第五篇): 投诉登记 / 派工单 / 민원 접수·작업 지시서 (A4).
//! The complaint as received (contact masked, an escalated one flagged), every work order with
//! its department, promised time and instructions, the follow-ups, the resolution and
//! call-backs, and signature lines for the dispatch (派工人 / 接单人) and the completion.

use super::lost_found::{grid, section, tr, when, A4_BODY};
use super::{new_document, FormKind, Target};
use crate::complaints::{get_detail, Complaint, ComplaintDetail};
use crate::ctx::Ctx;
use crate::error::Result;
use crate::i18n::{self, Locale};
use crate::ids::ComplaintId;
use crate::print::{Align, Block, Column, Document, PageSize, Table, Text};
use crate::privacy::mask_contact;
use rusqlite::Connection;

/// Table text on this form: a step above the engine's default, like its grids.
const TABLE_SIZE: f32 = 11.0;

fn label(locale: Locale, family: &str, value: &str) -> String {
    tr(locale, &format!("{family}.{value}"))
}

fn registration(ctx: &Ctx, locale: Locale, c: &Complaint) -> Block {
    let dash = || tr(locale, "print.none");
    grid(
        2,
        [
            (tr(locale, "field.code"), c.code.clone()),
            (
                tr(locale, "print.work_order.weight"),
                label(locale, "complaint_weight", c.weight.as_str()),
            ),
            (
                tr(locale, "field.complainant_name"),
                c.complainant_name.clone(),
            ),
            (
                tr(locale, "field.contact"),
                c.contact.as_deref().map(mask_contact).unwrap_or_else(dash),
            ),
            (
                tr(locale, "field.unit"),
                c.unit.clone().unwrap_or_else(dash),
            ),
            (
                tr(locale, "print.work_order.channel"),
                label(locale, "complaint_channel", c.channel.as_str()),
            ),
            (
                tr(locale, "field.category"),
                label(locale, "complaint_category", c.category.as_str()),
            ),
            (
                tr(locale, "field.severity"),
                label(locale, "complaint_severity", c.severity.as_str()),
            ),
            (
                tr(locale, "print.work_order.received_at"),
                when(ctx, locale, c.received_at),
            ),
            (
                tr(locale, "print.work_order.received_by"),
                c.received_by_name.clone(),
            ),
            (
                tr(locale, "field.status"),
                tr(locale, &format!("status.{}", c.status.key())),
            ),
        ],
    )
}

/// Each work order as its own small grid: department and promised time first, read at a glance.
fn work_orders(ctx: &Ctx, locale: Locale, d: &ComplaintDetail, doc: &mut Document) {
    if d.work_orders.is_empty() {
        // Not dispatched yet: the note, and blank lines to write the work order by hand.
        doc.push(Block::Text(
            Text::new(tr(locale, "print.work_order.not_dispatched"), A4_BODY).muted(),
        ));
        doc.push(grid(
            2,
            [
                (tr(locale, "field.department"), ""),
                (tr(locale, "field.promised_at"), ""),
                (tr(locale, "print.work_order.dispatched_at"), ""),
                (tr(locale, "print.work_order.dispatched_by"), ""),
            ],
        ));
        // Room for a few handwritten lines.
        doc.push(grid(1, [(tr(locale, "field.instructions"), "\n\n")]));
        return;
    }
    for w in &d.work_orders {
        if d.work_orders.len() > 1 {
            doc.push(Block::Text(
                Text::new(
                    i18n::tr_args(
                        locale,
                        "print.work_order.number",
                        &[("n", &w.number.to_string())],
                    ),
                    A4_BODY,
                )
                .strong(),
            ));
        }
        doc.push(grid(
            2,
            [
                (tr(locale, "field.department"), w.department.clone()),
                (
                    tr(locale, "field.promised_at"),
                    when(ctx, locale, w.promised_at),
                ),
                (
                    tr(locale, "print.work_order.dispatched_at"),
                    when(ctx, locale, w.dispatched_at),
                ),
                (
                    tr(locale, "print.work_order.dispatched_by"),
                    w.by_name.clone(),
                ),
            ],
        ));
        if let Some(i) = w.instructions.as_deref().filter(|i| !i.trim().is_empty()) {
            doc.push(grid(1, [(tr(locale, "field.instructions"), i.to_owned())]));
        }
    }
}

/// 投诉登记及派工单 / 민원 접수 및 작업 지시서 (A4).
pub fn work_order(
    conn: &Connection,
    ctx: &Ctx,
    target: &Target,
    locale: Locale,
) -> Result<Document> {
    let d = get_detail(conn, ComplaintId(target.record()?))?;
    let c = &d.complaint;
    let mut doc = new_document(ctx, locale, FormKind::WorkOrder, PageSize::A4);
    doc.push(Block::title(FormKind::WorkOrder.title(locale)));
    doc.push(Block::Text(
        Text::new(
            format!(
                "{} · {} · {}",
                c.code,
                label(locale, "complaint_weight", c.weight.as_str()),
                label(locale, "complaint_category", c.category.as_str())
            ),
            14.0,
        )
        .strong()
        .align(Align::Center)
        .shrink_to(11.0),
    ));
    if c.escalated {
        let mut flag = i18n::tr_args(
            locale,
            "print.work_order.escalated",
            &[(
                "severity",
                &label(locale, "complaint_severity", c.severity.as_str()),
            )],
        );
        if let Some(at) = c.escalated_at {
            flag = format!("{flag} · {}", when(ctx, locale, at));
        }
        doc.push(Block::Highlight(Text::new(flag, 13.0).strong()));
    }

    doc.push(section(tr(locale, "print.work_order.section_complaint")));
    doc.push(registration(ctx, locale, c));
    doc.push(grid(1, [(tr(locale, "field.content"), c.content.clone())]));

    doc.push(section(tr(locale, "print.work_order.section_orders")));
    work_orders(ctx, locale, &d, &mut doc);

    if !d.follow_ups.is_empty() {
        doc.push(section(tr(locale, "print.work_order.section_follow_ups")));
        let mut t = Table::new(vec![
            Column::new(tr(locale, "field.at"), 1.9),
            Column::new(tr(locale, "field.note"), 4.1),
            Column::new(tr(locale, "field.actor"), 1.0),
        ]);
        t.size = TABLE_SIZE;
        for f in &d.follow_ups {
            t.row([when(ctx, locale, f.at), f.note.clone(), f.by_name.clone()]);
        }
        doc.push(Block::Table(t));
    }

    if c.resolution.is_some() || !d.callbacks.is_empty() {
        doc.push(section(tr(locale, "print.work_order.section_result")));
        if let Some(r) = &c.resolution {
            let mut pairs = vec![(tr(locale, "field.resolution"), r.clone())];
            if let Some(at) = c.resolved_at {
                pairs.push((
                    tr(locale, "print.work_order.resolved_at"),
                    when(ctx, locale, at),
                ));
            }
            doc.push(grid(1, pairs));
        }
        if !d.callbacks.is_empty() {
            let mut t = Table::new(vec![
                Column::new(tr(locale, "field.at"), 1.9),
                Column::new(tr(locale, "field.satisfied"), 0.9),
                Column::new(tr(locale, "field.note"), 2.2),
                Column::new(tr(locale, "field.next_callback_at"), 1.9),
                Column::new(tr(locale, "field.actor"), 1.0),
            ]);
            t.size = TABLE_SIZE;
            for b in &d.callbacks {
                t.row([
                    when(ctx, locale, b.at),
                    tr(
                        locale,
                        if b.satisfied {
                            "print.records.yes"
                        } else {
                            "print.records.no"
                        },
                    ),
                    b.note.clone().unwrap_or_default(),
                    b.next_callback_at
                        .map(|t| when(ctx, locale, t))
                        .unwrap_or_default(),
                    b.by_name.clone(),
                ]);
            }
            doc.push(Block::Table(t));
        }
    }

    doc.push(Block::spacer(4.0));
    doc.push(section(tr(locale, "print.work_order.section_sign")));
    doc.push(Block::signatures([
        tr(locale, "print.records.sign_dispatcher"),
        tr(locale, "print.records.sign_assignee"),
        tr(locale, "print.records.sign_completion"),
        tr(locale, "print.date"),
    ]));
    Ok(doc)
}
