//! The shift's paper: the handover printout (交接班记录 / 근무 인수인계서) and the two
//! end-of-shift checklists (班后设施、设备安全管理记录表, 班后固定资产管理记录表).
//!
//! The handover shows the shift's header, every duty-log entry in time order (urgent ones
//! shaded), what goes to the next shift — for a closed shift the open items its handover
//! recorded when it closed, for a shift still running the live ones — the found items in custody
//! at that moment with their hand-on due dates, the checklist results and two signature lines.
//! The duty-log table and the shift header are shared with the monthly duty-log archive
//! (`monthly.rs`), and so are the privacy rules (`crate::privacy`): contacts are masked, phone
//! numbers typed into free text too, and private features of found items are never read.
//!
//! Labels: `print.handover.*` and `print.checklist.*` in `assets/i18n/<lang>/print_reports.json`,
//! plus the registers' own words (`field.*`, `kind.*`, `status.*`, `open_kind.*` …).

use super::{new_document, FormKind, Target};
use crate::checklist::{self, ChecklistKind, ChecklistRun, RunsOfShift};
use crate::ctx::Ctx;
use crate::dashboard::{self, OpenItem, OpenKind};
use crate::error::{Error, Result};
use crate::i18n::{self, Locale};
use crate::ids::ShiftId;
use crate::lost_found::{retention, FoundItem};
use crate::print::{format, Align, Block, Column, Document, PageSize, Table, Text, SIZE_HEADING};
use crate::privacy::{mask_contact, mask_phones};
use crate::shift::{self, ListEntries, LogEntry, Shift, ShiftStatus};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::Connection;

// ---------------------------------------------------------------------------------------------
// Words and dates

pub(super) fn tr(l: Locale, key: &str) -> String {
    i18n::tr(l, key)
}

pub(super) fn tr_args(l: Locale, key: &str, args: &[(&str, &str)]) -> String {
    i18n::tr_args(l, key, args)
}

/// A local date and time at the counter, in the form's locale.
pub(super) fn date_time(ctx: &Ctx, l: Locale, t: DateTime<Utc>) -> String {
    format::local_date_time(l, t, ctx.tz())
}

pub(super) fn date(ctx: &Ctx, l: Locale, t: DateTime<Utc>) -> String {
    format::date(l, ctx.local_date(t))
}

const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The day of the month alone (`24日`, `24일`, `24 Nov`): marks entries after midnight.
fn day_label(l: Locale, d: NaiveDate) -> String {
    match l {
        Locale::ZhCn => format!("{}日", d.day()),
        Locale::Ko => format!("{}일", d.day()),
        Locale::En => format!("{} {}", d.day(), EN_MONTHS[(d.month0() as usize).min(11)]),
    }
}

/// Month and day with the time, for tables of one month (`11月24日 09:30`, `11월 24일 09:30`,
/// `24 Nov 09:30`): narrow enough for a table column, wrapping before the time.
pub(super) fn month_day_time(ctx: &Ctx, l: Locale, t: DateTime<Utc>) -> String {
    let local = t.with_timezone(&ctx.tz()).naive_local();
    let d = local.date();
    let day = match l {
        Locale::ZhCn => format!("{}月{}日", d.month(), d.day()),
        Locale::Ko => format!("{}월 {}일", d.month(), d.day()),
        Locale::En => day_label(l, d),
    };
    format!("{day} {}", format::time(local))
}

/// The full date over the time, for a table cell: `2026年11月24日` / `09:30`.
pub(super) fn date_over_time(ctx: &Ctx, l: Locale, t: DateTime<Utc>) -> String {
    let local = t.with_timezone(&ctx.tz()).naive_local();
    format!("{}\n{}", format::date(l, local.date()), format::time(local))
}

/// The time of `t`; with the day above it when it is not on `day` (night shifts).
fn time_on(ctx: &Ctx, l: Locale, t: DateTime<Utc>, day: NaiveDate) -> String {
    let local = t.with_timezone(&ctx.tz()).naive_local();
    if local.date() == day {
        format::time(local)
    } else {
        format!("{}\n{}", day_label(l, local.date()), format::time(local))
    }
}

/// `a、b、c` in Chinese, `a, b, c` otherwise.
pub(super) fn list(l: Locale, items: &[String]) -> String {
    items.join(if l == Locale::ZhCn { "、" } else { ", " })
}

/// `value` or "None" in the locale.
pub(super) fn or_none(l: Locale, v: Option<&str>) -> String {
    match v.map(str::trim) {
        Some(s) if !s.is_empty() => s.to_owned(),
        _ => tr(l, "print.none"),
    }
}

/// A paragraph saying there is nothing to list.
pub(super) fn none_block(l: Locale) -> Block {
    Block::Text(Text::new(tr(l, "print.none"), crate::print::SIZE_BODY).muted())
}

/// A line under the title: the shift code and date, the month …
pub(super) fn subtitle(text: impl Into<String>) -> Block {
    Block::Text(Text::new(text, SIZE_HEADING).align(Align::Center))
}

/// Small grey text: who ran a checklist, "as at …".
pub(super) fn caption(text: impl Into<String>) -> Block {
    Block::Text(Text::new(text, crate::print::SIZE_BODY).muted())
}

// ---------------------------------------------------------------------------------------------
// Shared with the duty-log archive

/// The shift header (值班记录表 header): who, weather, duty manager and leader, visitors,
/// opened and closed, operations information.
pub(super) fn shift_header(ctx: &Ctx, l: Locale, s: &Shift) -> Vec<Block> {
    let opened = format!("{} · {}", date_time(ctx, l, s.opened_at), s.opened_by_name);
    let closed = match (s.closed_at, &s.closed_by_name) {
        (Some(t), Some(by)) => format!("{} · {by}", date_time(ctx, l, t)),
        (Some(t), None) => date_time(ctx, l, t),
        (None, _) => tr(l, &format!("status.{}", s.status)),
    };
    let pairs = vec![
        (tr(l, "field.shift_id"), s.code.clone()),
        (tr(l, "print.date"), format::date(l, s.date)),
        (tr(l, "field.staff_on_duty"), list(l, &s.staff_on_duty)),
        (tr(l, "field.weather"), or_none(l, s.weather.as_deref())),
        (
            tr(l, "field.duty_manager"),
            or_none(l, s.duty_manager.as_deref()),
        ),
        (
            tr(l, "field.duty_leader"),
            or_none(l, s.duty_leader.as_deref()),
        ),
        (
            tr(l, "field.visitor_count"),
            s.visitor_count
                .map(|n| format::number(n as f64))
                .unwrap_or_else(|| tr(l, "print.none")),
        ),
        (
            tr(l, "field.status"),
            tr(l, &format!("status.{}", s.status)),
        ),
        (tr(l, "print.handover.opened"), opened),
        (tr(l, "print.handover.closed"), closed),
    ];
    let mut blocks = vec![Block::key_values(2, pairs)];
    if let Some(notes) = s
        .operations_notes
        .as_deref()
        .filter(|n| !n.trim().is_empty())
    {
        blocks.push(one_column(vec![(
            tr(l, "field.operations_notes"),
            mask_phones(notes),
        )]));
    }
    blocks
}

/// Label–value pairs in one column, the label narrow: long texts.
pub(super) fn one_column(pairs: Vec<(String, String)>) -> Block {
    let mut b = Block::key_values(1, pairs);
    if let Block::KeyValues(kv) = &mut b {
        kv.label_share = 0.2;
    }
    b
}

/// The duty-log table: time, kind (urgent marked), person/unit/contact, content, promise,
/// who was sent or told, status. Urgent entries are shaded.
pub(super) fn log_table(ctx: &Ctx, l: Locale, day: NaiveDate, entries: &[LogEntry]) -> Table {
    let mut t = Table::new(vec![
        Column::new(tr(l, "field.at"), 16.0),
        Column::new(tr(l, "field.kind"), 19.0),
        Column::new(tr(l, "field.person"), 29.0),
        Column::new(tr(l, "field.content"), 51.0),
        Column::new(tr(l, "print.handover.col_promised"), 27.0),
        Column::new(tr(l, "print.handover.col_sent_to"), 22.0),
        Column::new(tr(l, "field.status"), 16.0),
    ]);
    for e in entries {
        let mut kind = tr(l, &format!("kind.{}", e.kind));
        if e.urgent {
            kind = format!("{}\n{kind}", tr(l, "log.urgent"));
        }
        let who: Vec<String> = [e.person.clone(), e.unit.clone()]
            .into_iter()
            .flatten()
            .collect();
        let person: Vec<String> = [
            (!who.is_empty()).then(|| mask_phones(&who.join(" "))),
            e.contact.as_deref().map(mask_contact),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut promised = e.promised.as_deref().map(mask_phones).unwrap_or_default();
        if let Some(by) = e.promised_by {
            let by = time_on(ctx, l, by, day).replace('\n', " ");
            promised = if promised.is_empty() {
                by
            } else {
                format!("{promised}\n({by})")
            };
        }
        let sent: Vec<String> = [
            e.dispatched_to.clone(),
            e.addressed_to
                .as_deref()
                .map(|a| shift::addressee_label(l, a)),
        ]
        .into_iter()
        .flatten()
        .collect();
        let status = tr(l, &format!("status.{}", e.status));
        let cells = [
            time_on(ctx, l, e.at, day),
            kind,
            person.join("\n"),
            mask_phones(&e.content),
            promised,
            sent.join("\n"),
            status,
        ];
        if e.urgent {
            t.problem_row(cells);
        } else {
            t.row(cells);
        }
    }
    t
}

/// A shift's duty-log entries in the order they happened.
pub(super) fn shift_entries(conn: &Connection, ctx: &Ctx, id: ShiftId) -> Result<Vec<LogEntry>> {
    let mut entries = shift::list_entries(
        conn,
        ctx,
        ListEntries {
            shift_id: Some(id),
            ..ListEntries::default()
        },
    )?;
    entries.sort_by_key(|e| (e.at, e.id.0));
    Ok(entries)
}

/// The heading of the duty-log table with its count.
pub(super) fn log_heading(l: Locale, n: usize) -> Block {
    Block::heading(tr_args(l, "print.handover.log", &[("n", &n.to_string())]))
}

// ---------------------------------------------------------------------------------------------
// Checklists

fn run_of(conn: &Connection, shift: ShiftId, kind: ChecklistKind) -> Result<Option<ChecklistRun>> {
    Ok(checklist::runs(conn, RunsOfShift { shift_id: shift })?
        .into_iter()
        .find(|r| r.kind == kind))
}

/// "Checked by 王芳 · 24 Nov 2026 19:45 · All 10 items OK".
fn run_summary(l: Locale, run: &ChecklistRun) -> String {
    let n = run.results.len().to_string();
    if run.problems == 0 {
        tr_args(l, "print.checklist.all_ok", &[("n", &n)])
    } else {
        let officer = shift::addressee_label(l, run.kind.officer());
        tr_args(
            l,
            "print.checklist.problems",
            &[
                ("n", &n),
                ("problems", &run.problems.to_string()),
                ("officer", &officer),
            ],
        )
    }
}

/// Every item of a run with OK / problem and the note; problems shaded.
fn run_table(l: Locale, run: &ChecklistRun) -> Table {
    let mut t = Table::new(vec![
        Column::new(tr(l, "field.seq"), 10.0).right(),
        Column::new(tr(l, "field.text"), 88.0),
        Column::new(tr(l, "print.checklist.result"), 22.0),
        Column::new(tr(l, "print.note"), 60.0),
    ]);
    for (i, r) in run.results.iter().enumerate() {
        let mut note = r.note.as_deref().map(mask_phones).unwrap_or_default();
        if let Some(code) = &r.incident_code {
            let logged = tr_args(l, "print.checklist.logged", &[("code", code)]);
            note = if note.is_empty() {
                logged
            } else {
                format!("{note}\n{logged}")
            };
        }
        let result = if r.ok {
            tr(l, "print.ok")
        } else {
            tr(l, "print.problem")
        };
        let cells = [(i + 1).to_string(), r.item_text.clone(), result, note];
        if r.ok {
            t.row(cells);
        } else {
            t.problem_row(cells);
        }
    }
    t
}

/// One checklist's results inside the handover: its name, who ran it, the table.
fn run_blocks(ctx: &Ctx, l: Locale, shift: ShiftId, conn: &Connection) -> Result<Vec<Block>> {
    let mut out = Vec::new();
    for kind in ChecklistKind::ALL {
        let name = tr(l, &format!("checklist.{kind}"));
        out.push(Block::Text(
            Text::new(name, crate::print::SIZE_BODY + 0.5).strong(),
        ));
        match run_of(conn, shift, *kind)? {
            Some(run) => {
                out.push(caption(format!(
                    "{} {} · {} · {}",
                    tr(l, "print.checklist.run_by"),
                    run.run_by_name,
                    date_time(ctx, l, run.run_at),
                    run_summary(l, &run)
                )));
                out.push(Block::Table(run_table(l, &run)));
            }
            None => out.push(Block::highlight(tr(l, "print.checklist.not_run"))),
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The handover printout

/// Open items of one record merged into one line: a parcel waiting and due for a reminder,
/// a complaint open and past its promised time …
struct Carried {
    code: String,
    kinds: Vec<OpenKind>,
    summary: String,
    due: Option<DateTime<Utc>>,
    overdue: bool,
}

fn carried(items: &[OpenItem], kinds: &[OpenKind]) -> Vec<Carried> {
    let mut out: Vec<Carried> = Vec::new();
    for it in items.iter().filter(|i| kinds.contains(&i.kind)) {
        match out.iter_mut().find(|c| c.code == it.code) {
            Some(c) => {
                if !c.kinds.contains(&it.kind) {
                    c.kinds.push(it.kind);
                }
                c.due = match (c.due, it.due_at) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                c.overdue |= it.overdue;
            }
            None => out.push(Carried {
                code: it.code.clone(),
                kinds: vec![it.kind],
                summary: it.summary.clone(),
                due: it.due_at,
                overdue: it.overdue,
            }),
        }
    }
    out
}

fn kind_key(k: OpenKind) -> &'static str {
    match k {
        OpenKind::OpenLogEntry => "open_log_entry",
        OpenKind::OverduePromise => "overdue_promise",
        OpenKind::CallbackDue => "callback_due",
        OpenKind::ParcelWaiting => "parcel_waiting",
        OpenKind::ParcelReminder => "parcel_reminder",
        OpenKind::ValuableToCustodian => "valuable_to_custodian",
        OpenKind::FoundItemInCustody => "found_item_in_custody",
        OpenKind::RetentionDue => "retention_due",
        OpenKind::ComplaintOpen => "complaint_open",
        OpenKind::ComplaintOverdue => "complaint_overdue",
        OpenKind::ComplaintCallbackDue => "complaint_callback_due",
    }
}

/// A table of carried-over items: code, why, what, due (overdue ones shaded).
fn carried_table(ctx: &Ctx, l: Locale, rows: &[Carried]) -> Block {
    if rows.is_empty() {
        return none_block(l);
    }
    let mut t = Table::new(vec![
        Column::new(tr(l, "field.code"), 22.0),
        Column::new(tr(l, "field.kind"), 35.0),
        Column::new(tr(l, "field.content"), 87.0),
        Column::new(tr(l, "print.handover.col_due"), 36.0),
    ]);
    for r in rows {
        let kinds: Vec<String> = r
            .kinds
            .iter()
            .map(|k| tr(l, &format!("open_kind.{}", kind_key(*k))))
            .collect();
        let mut due = r.due.map(|d| date_over_time(ctx, l, d)).unwrap_or_default();
        if r.overdue {
            due = format!("{due}\n{}", tr(l, "today.overdue"));
        }
        let cells = [
            r.code.clone(),
            kinds.join("\n"),
            mask_phones(&r.summary),
            due,
        ];
        if r.overdue {
            t.problem_row(cells);
        } else {
            t.row(cells);
        }
    }
    Block::Table(t)
}

/// Found items in custody at `at`, with where they are and when they must be handed on.
fn custody_table(ctx: &Ctx, l: Locale, items: &[FoundItem], at: DateTime<Utc>) -> Block {
    if items.is_empty() {
        return none_block(l);
    }
    let day = ctx.local_date(at);
    let mut t = Table::new(vec![
        Column::new(tr(l, "field.code"), 22.0),
        Column::new(tr(l, "field.found_at"), 31.0),
        Column::new(tr(l, "field.category"), 25.0),
        Column::new(tr(l, "field.description"), 36.0),
        Column::new(tr(l, "field.storage_location"), 30.0),
        Column::new(tr(l, "print.handover.col_hand_on"), 36.0),
    ]);
    for f in items {
        let due = retention::retention_of(ctx, f);
        let mut code = f.code.clone();
        if f.valuable {
            code = format!("{code}\n{}", tr(l, "print.valuable"));
        }
        let step = tr(l, &format!("retention_step.{}", due.step.as_str()));
        let urgent = (due.due_date - day).num_days() <= 2;
        let mut hand_on = format!("{}\n{step}", format::date(l, due.due_date));
        if due.due_date < day {
            hand_on = format!("{hand_on}\n{}", tr(l, "today.overdue"));
        }
        let cells = [
            code,
            date_over_time(ctx, l, f.found_at),
            tr(l, &format!("item_category.{}", f.category)),
            mask_phones(&f.description),
            format!("{}\n{}", f.storage_location, f.holder_name),
            hand_on,
        ];
        if urgent || (f.valuable && f.custodian_since.is_none()) {
            t.problem_row(cells);
        } else {
            t.row(cells);
        }
    }
    Block::Table(t)
}

fn load_shift(conn: &Connection, ctx: &Ctx, t: &Target) -> Result<Shift> {
    shift::get_shift(conn, ctx, ShiftId(t.record()?))
}

/// 交接班记录: the shift handover printout (A4, as many pages as needed).
pub fn handover(conn: &Connection, ctx: &Ctx, t: &Target, l: Locale) -> Result<Document> {
    let s = load_shift(conn, ctx, t)?;
    let handover = s
        .handover_id
        .map(|h| shift::get_handover(conn, ctx, h))
        .transpose()?;
    let entries = shift_entries(conn, ctx, s.id)?;
    // What goes to the next shift: as the handover recorded it when the shift closed, or, for
    // a shift still running, as it stands now.
    let (items, as_at) = match (&handover, s.status) {
        (Some(h), ShiftStatus::Closed) => (h.items.clone(), h.closed_at),
        _ => (dashboard::open_items(conn, ctx)?, ctx.now),
    };
    let custody = retention::in_custody_at(conn, as_at)?;

    let mut doc = new_document(ctx, l, FormKind::Handover, PageSize::A4);
    doc.push(Block::title(FormKind::Handover.title(l)));
    doc.push(subtitle(format!(
        "{} · {}",
        s.code,
        format::date(l, s.date)
    )));
    for b in shift_header(ctx, l, &s) {
        doc.push(b);
    }
    let mut extra = Vec::new();
    if let Some(h) = &handover {
        let received = match (&h.acknowledged_by_name, h.acknowledged_at) {
            (Some(by), Some(at)) => format!("{by} · {}", date_time(ctx, l, at)),
            _ => match &h.to_shift_code {
                Some(code) => format!("{code} · {}", tr(l, "print.handover.not_acknowledged")),
                None => tr(l, "print.handover.not_acknowledged"),
            },
        };
        extra.push((tr(l, "print.handover.received_by"), received));
        if let Some(n) = h.notes.as_deref().filter(|n| !n.trim().is_empty()) {
            extra.push((tr(l, "field.notes"), mask_phones(n)));
        }
    }
    if !extra.is_empty() {
        doc.push(one_column(extra));
    }

    doc.push(log_heading(l, entries.len()));
    if entries.is_empty() {
        doc.push(none_block(l));
    } else {
        doc.push(Block::Table(log_table(ctx, l, s.date, &entries)));
    }

    let as_at_line = caption(tr_args(
        l,
        "print.handover.as_at",
        &[("time", &date_time(ctx, l, as_at))],
    ));
    doc.push(Block::heading(tr(l, "print.handover.carried_over")));
    doc.push(as_at_line.clone());
    doc.push(carried_table(
        ctx,
        l,
        &carried(
            &items,
            &[
                OpenKind::OverduePromise,
                OpenKind::OpenLogEntry,
                OpenKind::CallbackDue,
            ],
        ),
    ));
    doc.push(Block::heading(tr(l, "print.handover.parcels")));
    doc.push(carried_table(
        ctx,
        l,
        &carried(&items, &[OpenKind::ParcelWaiting, OpenKind::ParcelReminder]),
    ));
    doc.push(Block::heading(tr(l, "print.handover.found_items")));
    doc.push(custody_table(ctx, l, &custody, as_at));
    doc.push(Block::heading(tr(l, "print.handover.complaints")));
    doc.push(carried_table(
        ctx,
        l,
        &carried(
            &items,
            &[
                OpenKind::ComplaintOverdue,
                OpenKind::ComplaintOpen,
                OpenKind::ComplaintCallbackDue,
            ],
        ),
    ));

    doc.push(Block::heading(tr(l, "print.handover.checklists")));
    for b in run_blocks(ctx, l, s.id, conn)? {
        doc.push(b);
    }

    doc.push(Block::spacer(6.0));
    doc.push(Block::signatures([
        tr(l, "print.handover.sign_outgoing"),
        tr(l, "print.handover.sign_incoming"),
    ]));
    Ok(doc)
}

/// 班后设施、设备安全管理记录表 (`safety`) or 班后固定资产管理记录表: one shift's run.
pub fn checklist(
    conn: &Connection,
    ctx: &Ctx,
    t: &Target,
    l: Locale,
    safety: bool,
) -> Result<Document> {
    let (kind, form) = if safety {
        (ChecklistKind::FacilitySafety, FormKind::ChecklistSafety)
    } else {
        (ChecklistKind::FixedAssets, FormKind::ChecklistAssets)
    };
    let s = load_shift(conn, ctx, t)?;
    let Some(run) = run_of(conn, s.id, kind)? else {
        return Err(Error::state(
            ShiftId::ENTITY,
            format!("checklist_missing_{kind}"),
            "print_checklist",
        ));
    };
    let mut doc = new_document(ctx, l, form, PageSize::A4);
    doc.push(Block::title(form.title(l)));
    doc.push(subtitle(format!(
        "{} · {}",
        s.code,
        format::date(l, s.date)
    )));
    doc.push(Block::key_values(
        2,
        [
            (tr(l, "field.shift_id"), s.code.clone()),
            (tr(l, "print.date"), format::date(l, s.date)),
            (tr(l, "field.staff_on_duty"), list(l, &s.staff_on_duty)),
            (tr(l, "print.checklist.run_by"), run.run_by_name.clone()),
            (
                tr(l, "print.checklist.run_at"),
                date_time(ctx, l, run.run_at),
            ),
            (
                tr(l, "print.checklist.items"),
                run.results.len().to_string(),
            ),
        ],
    ));
    let summary = run_summary(l, &run);
    if run.problems > 0 {
        doc.push(Block::highlight(summary));
    } else {
        doc.push(Block::Text(
            Text::new(summary, crate::print::SIZE_BODY).strong(),
        ));
    }
    doc.push(Block::Table(run_table(l, &run)));
    doc.push(Block::spacer(8.0));
    doc.push(Block::signatures([
        tr(l, "print.checklist.sign_checker"),
        tr(l, "print.checklist.sign_supervisor"),
    ]));
    Ok(doc)
}
