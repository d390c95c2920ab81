//! The monthly reports, each for one local calendar month (`2026-11`): the lost-and-found
//! summary (失物登记汇总表), the list of unclaimed items handed on that a supervisor signs,
//! the staff good-deeds summary (员工好人好事汇总表), the complaint statistics by category with
//! a bar chart, and the month's bound duty log (值班记录 archive, 001 §2.2.7).
//!
//! The figures come from the registers' own monthly operations (`lost_found.summary`,
//! `lost_found.good_deeds`, `complaint.stats`) so paper and screen agree; the lists from
//! their list functions. Contacts are masked (`crate::privacy`) and private features never
//! read. Labels: `print.monthly.*` in `assets/i18n/<lang>/print_reports.json`.

use super::shift::{
    caption, date, date_over_time, list, log_heading, log_table, month_day_time, none_block,
    one_column, shift_entries, shift_header, subtitle, tr, tr_args,
};
use super::{new_document, FormKind, Target};
use crate::complaints::{self, StatsRequest};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::lost_found::{
    self, retention, FoundItem, FoundStatus, ListFoundItems, ListLostReports, MonthRequest,
};
use crate::print::{
    format, Bar, BarChart, Block, Column, Document, Orientation, PageSize, Pane, Table,
};
use crate::privacy::{mask_contact, mask_phones};
use crate::shift::{self, ListShifts};
use chrono::{DateTime, Months, NaiveDate, Utc};
use rusqlite::Connection;

/// A local calendar month and its bounds.
struct Month {
    year: i32,
    month: u32,
    first: NaiveDate,
    /// The first day of the next month.
    next: NaiveDate,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
}

impl Month {
    fn of(ctx: &Ctx, t: &Target) -> Result<Month> {
        let (year, month) = t.month()?;
        let bad = || Error::invalid("target", "month");
        if !(2000..=9999).contains(&year) {
            return Err(bad());
        }
        let first = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(bad)?;
        let next = first.checked_add_months(Months::new(1)).ok_or_else(bad)?;
        Ok(Month {
            year,
            month,
            first,
            next,
            from: shift::local_day_start(ctx, first),
            to: shift::local_day_start(ctx, next),
        })
    }

    /// `2026-11`, as the registers' monthly operations take it.
    fn key(&self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    fn label(&self, l: Locale) -> String {
        format::month(l, self.year, self.month)
    }
}

/// A monthly form's first lines: its title and the month.
fn start(ctx: &Ctx, l: Locale, form: FormKind, m: &Month) -> Document {
    let mut doc = new_document(ctx, l, form, PageSize::A4);
    doc.push(Block::title(form.title(l)));
    doc.push(subtitle(m.label(l)));
    doc
}

fn found_status(l: Locale, s: FoundStatus) -> String {
    tr(l, &format!("status.{s}"))
}

fn category(l: Locale, c: lost_found::Category) -> String {
    tr(l, &format!("item_category.{c}"))
}

/// Where an item went, for a closed one: the date it left custody and the reference
/// (a police receipt number …); for one in custody: when it must be handed on.
fn disposition(ctx: &Ctx, l: Locale, f: &FoundItem) -> String {
    match f.closed_at {
        Some(at) => {
            let mut s = date(ctx, l, at);
            if let Some(r) = f.disposal_reference.as_deref() {
                s = format!("{s}\n{}", mask_phones(r));
            }
            s
        }
        None => {
            let due = retention::retention_of(ctx, f);
            format!(
                "{}\n{}",
                tr(l, &format!("retention_step.{}", due.step.as_str())),
                format::date(l, due.due_date)
            )
        }
    }
}

/// The month's figures, two to a row, with room for long labels.
fn figures<const N: usize>(pairs: [(String, String); N]) -> Block {
    let mut b = Block::key_values(2, pairs);
    if let Block::KeyValues(kv) = &mut b {
        kv.label_share = 0.6;
    }
    b
}

/// A one-column count table (`key | n`) with a total row.
fn count_table(l: Locale, title: String, rows: Vec<(String, i64)>) -> Table {
    let total: i64 = rows.iter().map(|(_, n)| n).sum();
    let mut t = Table::new(vec![
        Column::new(title, 3.0),
        Column::new(tr(l, "print.monthly.col_count"), 1.2).right(),
    ]);
    for (k, n) in rows {
        t.row([k, n.to_string()]);
    }
    t.row([tr(l, "print.total"), total.to_string()]);
    t
}

// ---------------------------------------------------------------------------------------------
// 失物登记汇总表

/// 失物登记汇总表: the month's found items and lost-item reports, with totals.
pub fn lost_summary(conn: &Connection, ctx: &Ctx, t: &Target, l: Locale) -> Result<Document> {
    let m = Month::of(ctx, t)?;
    let s = lost_found::summary(conn, ctx, MonthRequest { month: m.key() })?;
    let mut found = lost_found::list_found(
        conn,
        ctx,
        ListFoundItems {
            from: Some(m.from),
            to: Some(m.to),
            ..ListFoundItems::default()
        },
    )?;
    found.reverse();
    let mut reports = lost_found::list_reports(
        conn,
        ctx,
        ListLostReports {
            from: Some(m.from),
            to: Some(m.to),
            ..ListLostReports::default()
        },
    )?;
    reports.reverse();

    let mut doc = start(ctx, l, FormKind::LostSummary, &m);
    let handed_on: i64 = s.disposed_by_status.iter().map(|c| c.count).sum();
    doc.push(figures([
        (tr(l, "print.monthly.found"), s.found.to_string()),
        (
            tr(l, "print.monthly.found_valuable"),
            s.found_valuable.to_string(),
        ),
        (tr(l, "print.monthly.reports"), s.reports.to_string()),
        (tr(l, "print.monthly.claims"), s.claims.to_string()),
        (tr(l, "print.monthly.hand_overs"), s.hand_overs.to_string()),
        (tr(l, "print.monthly.handed_on"), handed_on.to_string()),
    ]));

    // By category: found (from the summary) beside reported lost.
    doc.push(Block::heading(tr(l, "print.monthly.by_category")));
    let mut by_cat = Table::new(vec![
        Column::new(tr(l, "field.category"), 3.0),
        Column::new(tr(l, "print.monthly.col_found"), 1.5).right(),
        Column::new(tr(l, "print.monthly.col_reported"), 1.5).right(),
    ]);
    let (mut total_found, mut total_reported) = (0, 0);
    for c in &s.found_by_category {
        let reported = reports
            .iter()
            .filter(|r| r.category.as_str() == c.key)
            .count() as i64;
        if c.count == 0 && reported == 0 {
            continue;
        }
        total_found += c.count;
        total_reported += reported;
        by_cat.row([
            tr(l, &format!("item_category.{}", c.key)),
            c.count.to_string(),
            reported.to_string(),
        ]);
    }
    by_cat.row([
        tr(l, "print.total"),
        total_found.to_string(),
        total_reported.to_string(),
    ]);
    doc.push(Block::Table(by_cat));

    // By status now: found items and reports side by side.
    doc.push(Block::heading(tr(l, "print.monthly.by_status")));
    let found_rows = s
        .found_by_status
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| (tr(l, &format!("status.{}", c.key)), c.count))
        .collect();
    let report_rows = s
        .reports_by_status
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| (tr(l, &format!("status.{}", c.key)), c.count))
        .collect();
    doc.push(Block::panes(vec![
        Pane {
            width: 1.0,
            blocks: vec![Block::Table(count_table(
                l,
                tr(l, "print.monthly.found"),
                found_rows,
            ))],
        },
        Pane {
            width: 1.0,
            blocks: vec![Block::Table(count_table(
                l,
                tr(l, "print.monthly.reports"),
                report_rows,
            ))],
        },
    ]));

    doc.push(Block::heading(tr_args(
        l,
        "print.monthly.found_list",
        &[("n", &found.len().to_string())],
    )));
    if found.is_empty() {
        doc.push(none_block(l));
    } else {
        let mut table = Table::new(vec![
            Column::new(tr(l, "field.code"), 20.0),
            Column::new(tr(l, "field.found_at"), 22.0),
            Column::new(tr(l, "field.found_place"), 22.0),
            Column::new(tr(l, "field.category"), 26.0),
            Column::new(tr(l, "field.description"), 32.0),
            Column::new(tr(l, "field.status"), 20.0),
            Column::new(tr(l, "print.monthly.col_disposition"), 38.0),
        ]);
        for f in &found {
            let mut code = f.code.clone();
            if f.valuable {
                code = format!("{code}\n{}", tr(l, "print.valuable"));
            }
            table.row([
                code,
                month_day_time(ctx, l, f.found_at),
                mask_phones(&f.found_place),
                category(l, f.category),
                mask_phones(&f.description),
                found_status(l, f.status),
                disposition(ctx, l, f),
            ]);
        }
        doc.push(Block::Table(table));
    }

    doc.push(Block::heading(tr_args(
        l,
        "print.monthly.report_list",
        &[("n", &reports.len().to_string())],
    )));
    if reports.is_empty() {
        doc.push(none_block(l));
    } else {
        let mut table = Table::new(vec![
            Column::new(tr(l, "field.code"), 20.0),
            Column::new(tr(l, "field.lost_at"), 22.0),
            Column::new(tr(l, "field.reporter_name"), 28.0),
            Column::new(tr(l, "field.lost_place"), 24.0),
            Column::new(tr(l, "field.category"), 26.0),
            Column::new(tr(l, "field.description"), 38.0),
            Column::new(tr(l, "field.status"), 22.0),
        ]);
        for r in &reports {
            let mut status = tr(l, &format!("status.{}", r.status));
            if let Some(code) = &r.found_item_code {
                status = format!("{status}\n{code}");
            }
            table.row([
                r.code.clone(),
                month_day_time(ctx, l, r.lost_at),
                format!("{}\n{}", r.reporter_name, mask_contact(&r.contact)),
                mask_phones(&r.lost_place),
                category(l, r.category),
                mask_phones(&r.description),
                status,
            ]);
        }
        doc.push(Block::Table(table));
    }
    Ok(doc)
}

// ---------------------------------------------------------------------------------------------
// Unclaimed items handed on

fn handed_to(l: Locale, s: FoundStatus) -> String {
    let key = match s {
        FoundStatus::HandedToPolice => "disposition.police",
        FoundStatus::HandedToFinance => "disposition.finance",
        FoundStatus::ReturnedToFinder => "disposition.returned_to_finder",
        FoundStatus::Disposed => "disposition.disposed",
        other => return found_status(l, other),
    };
    tr(l, key)
}

/// The month's hand-over list: items handed to the police / public security / finance (or
/// otherwise disposed of) in the month, and those still in custody whose hand-on falls due by
/// the month's end — with the lines the custodian, the supervisor and the receiver sign.
pub fn unclaimed_handover(conn: &Connection, ctx: &Ctx, t: &Target, l: Locale) -> Result<Document> {
    let m = Month::of(ctx, t)?;
    let handed = lost_found::handed_on_between(conn, m.from, m.to)?;
    let due: Vec<_> = retention::retention_list(conn, ctx, retention::RetentionRequest::default())?
        .into_iter()
        .filter(|r| r.due_date < m.next)
        .collect();

    let mut doc = start(ctx, l, FormKind::UnclaimedHandover, &m);
    doc.push(Block::heading(tr_args(
        l,
        "print.monthly.handed_this_month",
        &[("n", &handed.len().to_string())],
    )));
    if handed.is_empty() {
        doc.push(none_block(l));
    } else {
        let mut table = Table::new(vec![
            Column::new(tr(l, "field.code"), 22.0),
            Column::new(tr(l, "field.found_at"), 31.0),
            Column::new(tr(l, "field.category"), 25.0),
            Column::new(tr(l, "field.description"), 35.0),
            Column::new(tr(l, "field.disposition"), 32.0),
            Column::new(tr(l, "print.monthly.col_handed"), 35.0),
        ]);
        for f in &handed {
            let mut code = f.code.clone();
            if f.valuable {
                code = format!("{code}\n{}", tr(l, "print.valuable"));
            }
            table.row([
                code,
                date_over_time(ctx, l, f.found_at),
                category(l, f.category),
                mask_phones(&f.description),
                handed_to(l, f.status),
                disposition(ctx, l, f),
            ]);
        }
        doc.push(Block::Table(table));
    }

    doc.push(Block::heading(tr_args(
        l,
        "print.monthly.due_by_month_end",
        &[("n", &due.len().to_string())],
    )));
    if due.is_empty() {
        doc.push(none_block(l));
    } else {
        let mut table = Table::new(vec![
            Column::new(tr(l, "field.code"), 22.0),
            Column::new(tr(l, "field.found_at"), 31.0),
            Column::new(tr(l, "field.category"), 25.0),
            Column::new(tr(l, "field.description"), 32.0),
            Column::new(tr(l, "field.storage_location"), 34.0),
            Column::new(tr(l, "print.handover.col_hand_on"), 36.0),
        ]);
        for r in &due {
            let mut code = r.code.clone();
            if r.valuable {
                code = format!("{code}\n{}", tr(l, "print.valuable"));
            }
            let mut hand_on = format!(
                "{}\n{}",
                tr(l, &format!("retention_step.{}", r.step.as_str())),
                format::date(l, r.due_date)
            );
            if r.overdue {
                hand_on = format!("{hand_on}\n{}", tr(l, "today.overdue"));
            }
            let cells = [
                code,
                date_over_time(ctx, l, r.found_at),
                category(l, r.category),
                mask_phones(&r.description),
                format!("{}\n{}", r.storage_location, r.holder_name),
                hand_on,
            ];
            if r.overdue {
                table.problem_row(cells);
            } else {
                table.row(cells);
            }
        }
        doc.push(Block::Table(table));
    }

    doc.push(Block::paragraph(tr(l, "print.monthly.unclaimed_statement")));
    doc.push(Block::spacer(6.0));
    doc.push(Block::signatures([
        tr(l, "print.monthly.sign_custodian"),
        tr(l, "print.monthly.sign_supervisor"),
        tr(l, "print.monthly.sign_receiver"),
        tr(l, "print.date"),
    ]));
    Ok(doc)
}

// ---------------------------------------------------------------------------------------------
// 员工好人好事汇总表

/// 员工好人好事汇总表: per staff member, the items they found in the month.
pub fn good_deeds(conn: &Connection, ctx: &Ctx, t: &Target, l: Locale) -> Result<Document> {
    let m = Month::of(ctx, t)?;
    let deeds = lost_found::good_deeds(conn, ctx, MonthRequest { month: m.key() })?;
    let items: usize = deeds.iter().map(|d| d.count).sum();

    let mut doc = start(ctx, l, FormKind::GoodDeeds, &m);
    doc.push(Block::paragraph(tr_args(
        l,
        "print.monthly.good_deeds_total",
        &[
            ("staff", &deeds.len().to_string()),
            ("items", &items.to_string()),
        ],
    )));
    if deeds.is_empty() {
        doc.push(none_block(l));
        return Ok(doc);
    }
    doc.push(Block::Table(count_table(
        l,
        tr(l, "field.actor"),
        deeds
            .iter()
            .map(|d| {
                (
                    format!("{} ({})", d.staff_name, d.staff_code),
                    d.count as i64,
                )
            })
            .collect(),
    )));
    doc.push(Block::heading(tr(l, "print.monthly.good_deeds_list")));
    let mut table = Table::new(vec![
        Column::new(tr(l, "field.actor"), 19.0),
        Column::new(tr(l, "field.code"), 21.0),
        Column::new(tr(l, "field.found_at"), 22.0),
        Column::new(tr(l, "field.found_place"), 24.0),
        Column::new(tr(l, "field.category"), 25.0),
        Column::new(tr(l, "field.description"), 47.0),
        Column::new(tr(l, "field.status"), 22.0),
    ]);
    for d in &deeds {
        for it in &d.items {
            table.row([
                d.staff_name.clone(),
                it.code.clone(),
                month_day_time(ctx, l, it.found_at),
                mask_phones(&it.found_place),
                category(l, it.category),
                mask_phones(&it.description),
                found_status(l, it.status),
            ]);
        }
    }
    doc.push(Block::Table(table));
    Ok(doc)
}

// ---------------------------------------------------------------------------------------------
// Complaint statistics

fn rate(l: Locale, r: Option<f64>, n: i64, d: i64) -> String {
    match r {
        Some(r) => tr_args(
            l,
            "print.monthly.rate",
            &[
                ("rate", &format!("{}%", format::number(r * 100.0))),
                ("n", &n.to_string()),
                ("d", &d.to_string()),
            ],
        ),
        None => "—".to_owned(),
    }
}

/// Complaint statistics by category and weight, the on-time and satisfaction rates, and a bar
/// chart of the categories (002 §4.1.3.2, §3.3).
pub fn complaint_stats(conn: &Connection, ctx: &Ctx, t: &Target, l: Locale) -> Result<Document> {
    let m = Month::of(ctx, t)?;
    let s = complaints::stats(conn, ctx, StatsRequest { month: m.key() })?;
    let mut doc = start(ctx, l, FormKind::ComplaintStats, &m);
    doc.push(figures([
        (tr(l, "print.monthly.received"), s.total.to_string()),
        (tr(l, "print.monthly.resolved"), s.resolved.to_string()),
        (
            tr(l, "complaint_weight.grievance"),
            s.grievances.to_string(),
        ),
        (
            tr(l, "print.monthly.on_time_rate"),
            rate(l, s.on_time_rate, s.resolved_on_time, s.resolved),
        ),
        (
            tr(l, "complaint_weight.complaint"),
            s.complaints.to_string(),
        ),
        (
            tr(l, "print.monthly.satisfaction_rate"),
            rate(
                l,
                s.satisfaction_rate,
                s.satisfied_first_call,
                s.called_back,
            ),
        ),
        (tr(l, "print.monthly.escalated"), s.escalated.to_string()),
        (tr(l, "print.monthly.not_closed"), s.open.to_string()),
    ]));

    doc.push(Block::heading(tr(l, "print.monthly.by_category")));
    let mut table = Table::new(vec![
        Column::new(tr(l, "field.category"), 3.0),
        Column::new(tr(l, "complaint_weight.grievance"), 1.4).right(),
        Column::new(tr(l, "complaint_weight.complaint"), 1.4).right(),
        Column::new(tr(l, "print.total"), 1.4).right(),
    ]);
    let mut bars = Vec::new();
    for c in &s.by_category {
        let label = tr(l, &format!("complaint_category.{}", c.category));
        table.row([
            label.clone(),
            c.grievances.to_string(),
            c.complaints.to_string(),
            c.total.to_string(),
        ]);
        bars.push(Bar {
            label,
            value: c.total as f64,
        });
    }
    table.row([
        tr(l, "print.total"),
        s.grievances.to_string(),
        s.complaints.to_string(),
        s.total.to_string(),
    ]);
    doc.push(Block::Table(table));
    doc.push(Block::spacer(4.0));
    doc.push(Block::BarChart(BarChart {
        title: Some(tr(l, "print.monthly.chart_by_category")),
        orientation: Orientation::Horizontal,
        bars,
        height_mm: 60.0,
    }));
    Ok(doc)
}

// ---------------------------------------------------------------------------------------------
// The month's bound duty log

/// The month's duty log (值班记录 archive): every shift opened in the month, in order, with its
/// header, its entries and its handover notes; a line for the supervisor who reviews it.
pub fn duty_log_archive(conn: &Connection, ctx: &Ctx, t: &Target, l: Locale) -> Result<Document> {
    let m = Month::of(ctx, t)?;
    let mut shifts = shift::list_shifts(
        conn,
        ctx,
        ListShifts {
            from: Some(m.first),
            to: m.next.pred_opt(),
        },
    )?;
    shifts.reverse();
    let mut per_shift = Vec::with_capacity(shifts.len());
    for s in shifts {
        let entries = shift_entries(conn, ctx, s.id)?;
        per_shift.push((s, entries));
    }
    let total: usize = per_shift.iter().map(|(_, e)| e.len()).sum();

    let mut doc = start(ctx, l, FormKind::DutyLogArchive, &m);
    doc.push(Block::paragraph(tr_args(
        l,
        "print.monthly.archive_total",
        &[
            ("shifts", &per_shift.len().to_string()),
            ("entries", &total.to_string()),
        ],
    )));
    if per_shift.is_empty() {
        doc.push(none_block(l));
    }
    for (s, entries) in &per_shift {
        doc.push(Block::Rule);
        let staff = list(l, &s.staff_on_duty);
        doc.push(Block::heading(format!(
            "{} · {} · {staff}",
            s.code,
            format::date(l, s.date)
        )));
        for b in shift_header(ctx, l, s) {
            doc.push(b);
        }
        if let Some(h) = s
            .handover_id
            .map(|h| shift::get_handover(conn, ctx, h))
            .transpose()?
        {
            if let Some(n) = h.notes.as_deref().filter(|n| !n.trim().is_empty()) {
                doc.push(one_column(vec![(tr(l, "field.notes"), mask_phones(n))]));
            }
        }
        doc.push(log_heading(l, entries.len()));
        if entries.is_empty() {
            doc.push(none_block(l));
        } else {
            doc.push(Block::Table(log_table(ctx, l, s.date, entries)));
        }
    }
    doc.push(Block::spacer(6.0));
    doc.push(caption(tr(l, "print.monthly.archive_review")));
    doc.push(Block::signatures([
        tr(l, "print.monthly.sign_reviewer"),
        tr(l, "print.date"),
    ]));
    Ok(doc)
}
