//! Printed forms: the rendering foundation every form uses.
//!
//! A form module builds a [`Document`] (plain data: page size, frame, [`Block`]s), and
//! [`render`] turns it into PDF bytes: [`layout`] wraps text and breaks pages into a
//! positioned model ([`Paged`]), [`pdf`] draws that with printpdf and the one embedded font
//! (subset per document). Labels come from the translation catalogue (`print.*` keys,
//! `assets/i18n/<lang>/print.json`), dates from [`format`].
//!
//! ```no_run
//! use frontdesk::print::{self, Block, Column, Document, Frame, PageSize, Table};
//! # fn f(now: chrono::DateTime<chrono::Utc>, local: chrono::NaiveDateTime) -> frontdesk::Result<()> {
//! let locale = frontdesk::i18n::Locale::ZhCn;
//! let mut doc = Document::new(locale, PageSize::A4, "交接班记录", now)
//!     .with_frame(Frame::printed_at(locale, "阳光花园物业服务中心", "交接班记录", local));
//! doc.push(Block::title("交接班记录"));
//! doc.push(Block::key_values(2, [("日期", "2026年11月24日"), ("天气", "晴")]));
//! let mut log = Table::new(vec![Column::new("时间", 1.0), Column::new("内容", 4.0)]);
//! log.row(["09:30", "业主来电报修，已派工"]);
//! doc.push(Block::Table(log));
//! doc.push(Block::signatures(["交班人", "接班人"]));
//! let pdf: Vec<u8> = print::render(&doc)?;
//! # Ok(()) }
//! ```
//!
//! Records hold text as it was typed, so a form may meet characters the face cannot draw: an
//! emoji, a rare ideograph, a NUL or a direction override pasted from elsewhere. [`layout`]
//! prints such text through [`font::printable`] — invisible characters left out, an undrawable
//! one as a white square (□) — so a form always prints and never hides a `.notdef`;
//! [`Document::missing_glyphs`] tells which characters a document would substitute.

pub mod font;
pub mod format;
pub mod layout;
pub mod pdf;
pub mod picture;
pub mod qr;
pub mod wrap;

pub use layout::{
    layout, Align, Bar, BarChart, Block, Column, Document, Frame, Ink, KeyValues, Margins, Mark,
    Orientation, Page, PageSize, Paged, Pane, Qr, Row, Signatures, Table, Text, SIZE_BODY,
    SIZE_HEADING, SIZE_SMALL, SIZE_TABLE, SIZE_TITLE,
};
pub use picture::{Picture, PictureFormat};

use crate::error::Result;

/// Render `doc` to PDF bytes (see [`pdf::render`]).
pub fn render(doc: &Document) -> Result<Vec<u8>> {
    pdf::render(doc)
}
