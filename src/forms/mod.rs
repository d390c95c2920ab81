//! The counter's paper forms, built from the registers' data and rendered by `print`.
//!
//! Each form is a function `fn(&Connection, &Ctx, &Target, Locale, PageSize?) -> Document` in
//! the module of its area (`lost_found`, `mail`, `complaints`, `shift`, `monthly`); this module
//! names the forms, parses what a form is printed for (a record code, a date, a month), and
//! offers the one `print` operation the CLI and the app call. Forms never show private
//! identifying features or full identity numbers; labels come from the catalogue
//! (`print.*`), dates from `print::format`, and the PDF's dates from `ctx.now`, so the same
//! data and clock give the same bytes.
//!
//! To add a form: a variant in [`FormKind`] (with `print.form.<name>` in the catalogue), its
//! builder in the area module, one line in [`build`].

pub mod complaints;
pub mod lost_found;
pub mod mail;
pub mod monthly;
pub mod shift;

use crate::api::{op_read, Operation};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::i18n::{self, Locale};
use crate::print::{self, Document, Frame, PageSize};
use base64::Engine;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

text_enum!(
    /// Every printed form.
    FormKind {
        /// 物品信息卡: stuck on a found item (label 90 × 55 mm, or A6). Target: found item.
        ItemCard = "item_card",
        /// 拾到物品回执: for the finder; a staff finder's notes the good deed. Target: found item.
        FinderReceipt = "finder_receipt",
        /// 认领表: the claim, with two signature lines. Target: a claimed found item.
        Claim = "claim",
        /// Parcel notice slip for the recipient. Target: parcel.
        ParcelNotice = "parcel_notice",
        /// Pick-up receipt. Target: a picked-up parcel.
        ParcelReceipt = "parcel_receipt",
        /// 投诉登记 / 派工单: complaint record with its work order. Target: complaint.
        WorkOrder = "work_order",
        /// 交接班记录: the shift handover printout (A4). Target: shift.
        Handover = "handover",
        /// 班后设施、设备安全管理记录表. Target: shift.
        ChecklistSafety = "checklist_safety",
        /// 班后固定资产管理记录表. Target: shift.
        ChecklistAssets = "checklist_assets",
        /// 失物登记汇总表: the month's lost and found. Target: month.
        LostSummary = "lost_summary",
        /// Unclaimed items handed over (the list a supervisor signs). Target: month.
        UnclaimedHandover = "unclaimed_handover",
        /// 员工好人好事汇总表. Target: month.
        GoodDeeds = "good_deeds",
        /// Complaint statistics by category with a bar chart. Target: month.
        ComplaintStats = "complaint_stats",
        /// The month's bound duty log (值班记录 archive). Target: month.
        DutyLogArchive = "duty_log_archive",
    }
);

impl FormKind {
    /// The form's title in `locale` (`print.form.<name>`).
    pub fn title(self, locale: Locale) -> String {
        i18n::tr(locale, &format!("print.form.{}", self.as_str()))
    }
}

/// What a form is printed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A record, by code prefix and number (`FI-000012` → ("FI", 12)); a bare number is the
    /// form's own kind of record.
    Record(&'static str, i64),
    Date(NaiveDate),
    Month(i32, u32),
}

impl Target {
    /// Parse `s` as the form expects: a record code or id, a date `2026-11-24`, a month `2026-11`.
    pub fn parse(form: FormKind, s: &str) -> Result<Target> {
        let s = s.trim();
        let bad = |what: &str| Error::invalid("target", what.to_owned());
        match form {
            FormKind::LostSummary
            | FormKind::UnclaimedHandover
            | FormKind::GoodDeeds
            | FormKind::ComplaintStats
            | FormKind::DutyLogArchive => {
                let d = NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d")
                    .map_err(|_| bad("month"))?;
                use chrono::Datelike;
                Ok(Target::Month(d.year(), d.month()))
            }
            _ => {
                let prefix = match form {
                    FormKind::ItemCard | FormKind::FinderReceipt | FormKind::Claim => "FI",
                    FormKind::ParcelNotice | FormKind::ParcelReceipt => "PC",
                    FormKind::WorkOrder => "CP",
                    _ => "SH",
                };
                if let Ok(n) = s.parse::<i64>() {
                    return Ok(Target::Record(prefix, n));
                }
                match crate::ids::parse_code(s) {
                    Some((p, n)) if p == prefix => Ok(Target::Record(p, n)),
                    _ => Err(bad("record_code")),
                }
            }
        }
    }

    /// The record number, for forms of one record.
    pub fn record(&self) -> Result<i64> {
        match self {
            Target::Record(_, n) => Ok(*n),
            _ => Err(Error::invalid("target", "record_code")),
        }
    }

    /// The month, for monthly forms.
    pub fn month(&self) -> Result<(i32, u32)> {
        match self {
            Target::Month(y, m) => Ok((*y, *m)),
            _ => Err(Error::invalid("target", "month")),
        }
    }
}

/// A request to print.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct PrintRequest {
    pub form: FormKind,
    /// A record code or id (`FI-000012`), or a month (`2026-11`) for monthly forms.
    pub target: String,
    /// The language of the form (default: the counter's).
    #[serde(default)]
    pub locale: Option<Locale>,
    /// Item cards only: print on A6 instead of the 90 × 55 mm label.
    #[serde(default)]
    pub a6: bool,
}

/// A printed form.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct Printed {
    pub form: FormKind,
    /// A file name to save it under, e.g. `item_card-FI-000012.pdf`.
    pub file_name: String,
    pub pages: usize,
    pub bytes: usize,
    /// The PDF, base64-encoded (the transports carry JSON).
    pub pdf_base64: String,
}

/// The page frame of every form: the counter's name and the form's title at the top, the time
/// printed and "page N / M" at the bottom.
pub fn new_document(ctx: &Ctx, locale: Locale, form: FormKind, size: PageSize) -> Document {
    let title = form.title(locale);
    let local = ctx.now.with_timezone(&ctx.tz()).naive_local();
    Document::new(locale, size, &title, ctx.now).with_frame(Frame::printed_at(
        locale,
        &ctx.profile.name,
        &title,
        local,
    ))
}

/// Build a form's document (the layout model tests snapshot).
pub fn build(conn: &Connection, ctx: &Ctx, req: &PrintRequest) -> Result<Document> {
    let locale = req.locale.unwrap_or(ctx.locale());
    let target = Target::parse(req.form, &req.target)?;
    match req.form {
        FormKind::ItemCard => lost_found::item_card(conn, ctx, &target, locale, req.a6),
        FormKind::FinderReceipt => lost_found::finder_receipt(conn, ctx, &target, locale),
        FormKind::Claim => lost_found::claim_form(conn, ctx, &target, locale),
        FormKind::ParcelNotice => mail::parcel_notice(conn, ctx, &target, locale),
        FormKind::ParcelReceipt => mail::parcel_receipt(conn, ctx, &target, locale),
        FormKind::WorkOrder => complaints::work_order(conn, ctx, &target, locale),
        FormKind::Handover => shift::handover(conn, ctx, &target, locale),
        FormKind::ChecklistSafety => shift::checklist(conn, ctx, &target, locale, true),
        FormKind::ChecklistAssets => shift::checklist(conn, ctx, &target, locale, false),
        FormKind::LostSummary => monthly::lost_summary(conn, ctx, &target, locale),
        FormKind::UnclaimedHandover => monthly::unclaimed_handover(conn, ctx, &target, locale),
        FormKind::GoodDeeds => monthly::good_deeds(conn, ctx, &target, locale),
        FormKind::ComplaintStats => monthly::complaint_stats(conn, ctx, &target, locale),
        FormKind::DutyLogArchive => monthly::duty_log_archive(conn, ctx, &target, locale),
    }
}

/// Build and render a form.
pub fn print(conn: &Connection, ctx: &Ctx, req: &PrintRequest) -> Result<(Vec<u8>, usize)> {
    let doc = build(conn, ctx, req)?;
    let pages = print::layout(&doc)?.pages.len();
    Ok((print::render(&doc)?, pages))
}

fn print_op(conn: &Connection, ctx: &Ctx, req: PrintRequest) -> Result<Printed> {
    let (pdf, pages) = print(conn, ctx, &req)?;
    let safe: String = req
        .target
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    Ok(Printed {
        form: req.form,
        file_name: format!("{}-{safe}.pdf", req.form.as_str()),
        pages,
        bytes: pdf.len(),
        pdf_base64: base64::engine::general_purpose::STANDARD.encode(&pdf),
    })
}

pub fn operations() -> Vec<Operation> {
    vec![op_read(
        "print",
        "Print a form as PDF (base64): item_card, finder_receipt, claim, parcel_notice, parcel_receipt, work_order, handover, checklist_safety, checklist_assets (for a record code) or lost_summary, unclaimed_handover, good_deeds, complaint_stats, duty_log_archive (for a month).",
        print_op,
    )]
}
