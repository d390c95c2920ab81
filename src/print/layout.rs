//! The two models of a printed form.
//!
//! * [`Document`] — what a form module builds: page size, margins, an optional page frame
//!   (counter name, form title, page numbers) and a list of [`Block`]s (title, key–value grid,
//!   paragraph, table, signature lines, QR code, bar chart, highlight, panes side by side…).
//!   Plain data (`Debug`, `Serialize`), so a form's content can be snapshot-tested without a PDF.
//! * [`Paged`] — what [`layout`] makes of it: pages of positioned [`Mark`]s (text runs on a
//!   baseline, rules, filled rectangles), in millimetres from the page's top-left corner. The
//!   PDF layer only draws these; every decision about wrapping, page breaks, repeated table
//!   headers and page numbers is taken here.
//!
//! Invariants of [`layout`]: no mark leaves its page's content box (text is wrapped, shrunk or
//! cut with `…`); a table's header row starts every page its rows are on; every framed page
//! carries the counter's name and `N / M`.

use super::font::{self, Face, ASCENT, MM_PER_PT};
use super::picture::Picture;
use super::wrap::{fit_line, natural_width, wrap};
use super::{format, qr};
use crate::error::Result;
use crate::i18n::{self, Locale};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------------------------
// Sizes (points). A receptionist reads the paper at arm's length: body text is never below
// 10 pt on A4/A6 and 8.5 pt on a label card.

/// Form title.
pub const SIZE_TITLE: f32 = 18.0;
/// Section heading.
pub const SIZE_HEADING: f32 = 13.0;
/// Body text, key–value grids and tables.
pub const SIZE_BODY: f32 = 10.5;
/// Table cells.
pub const SIZE_TABLE: f32 = 10.0;
/// Page header/footer and captions.
pub const SIZE_SMALL: f32 = 8.5;

/// Line height as a multiple of the font size.
const LEADING: f32 = 1.4;

// ---------------------------------------------------------------------------------------------
// The document model

/// A printed form, as a form module builds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The PDF's title (metadata).
    pub title: String,
    pub locale: Locale,
    pub page: PageSize,
    pub margins: Margins,
    /// Counter name, form title and page numbers on every page; `None` for label cards.
    pub frame: Option<Frame>,
    /// The PDF's creation and modification date: taken from the data (e.g. `ctx.now`), never
    /// from the clock, so the same data gives the same bytes.
    pub created: DateTime<Utc>,
    pub blocks: Vec<Block>,
}

/// The paper.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageSize {
    /// 210 × 297 mm portrait: registers, handover printouts, reports.
    A4,
    /// 105 × 148 mm portrait: the item card's large option, receipts.
    A6,
    /// 90 × 55 mm landscape label: the item-information card stuck on a found item.
    Label90x55,
}

impl PageSize {
    /// Width and height in mm.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            PageSize::A4 => (210.0, 297.0),
            PageSize::A6 => (105.0, 148.0),
            PageSize::Label90x55 => (90.0, 55.0),
        }
    }

    /// The margins a form on this paper gets unless it sets its own.
    pub fn default_margins(self) -> Margins {
        match self {
            PageSize::A4 => Margins::uniform(18.0).sides(15.0),
            PageSize::A6 => Margins::uniform(12.0).sides(8.0),
            PageSize::Label90x55 => Margins::uniform(3.5),
        }
    }
}

/// Margins in mm. The frame's header and footer sit inside the top and bottom margins.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Margins {
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
    pub left: f32,
}

impl Margins {
    pub fn uniform(mm: f32) -> Margins {
        Margins {
            top: mm,
            right: mm,
            bottom: mm,
            left: mm,
        }
    }
    /// The same margins with `mm` on the left and right.
    pub fn sides(self, mm: f32) -> Margins {
        Margins {
            left: mm,
            right: mm,
            ..self
        }
    }
}

/// What every page of a multi-page form shows around its content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    /// The counter's name (top left).
    pub counter: String,
    /// The form's name (top right).
    pub title: String,
    /// Bottom left, e.g. "打印时间 2026年11月24日 09:30" (see [`Frame::printed_at`]).
    pub footer: String,
}

impl Frame {
    /// A frame whose footer says when the form was printed, in the locale's words.
    pub fn printed_at(
        locale: Locale,
        counter: &str,
        title: &str,
        at: chrono::NaiveDateTime,
    ) -> Frame {
        Frame {
            counter: counter.to_owned(),
            title: title.to_owned(),
            footer: i18n::tr_args(
                locale,
                "print.printed_at",
                &[("time", &format::date_time(locale, at))],
            ),
        }
    }
}

/// Horizontal alignment inside a box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// One piece of a form, laid out top to bottom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Block {
    /// Text in one style: titles, headings, paragraphs, the big item number.
    Text(Text),
    /// Label–value pairs in a grid of one or more columns.
    KeyValues(KeyValues),
    /// Rows under a header; rows break across pages and the header is repeated.
    Table(Table),
    /// Signature lines, two per row: "接班人签名 ______".
    Signatures(Signatures),
    Qr(Qr),
    BarChart(BarChart),
    /// A shaded box with a bar on the left: a problem the reader must not miss.
    Highlight(Text),
    /// Blocks side by side (e.g. the item card's details next to its QR). Kept on one page.
    Panes {
        panes: Vec<Pane>,
    },
    /// A horizontal rule across the content width.
    Rule,
    /// Vertical space in mm (dropped at the top of a page).
    Spacer {
        mm: f32,
    },
}

/// Text in one style.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Text {
    pub text: String,
    /// Size in points.
    pub size: f32,
    /// Drawn heavier (the face has one weight; strong text is filled and stroked).
    pub strong: bool,
    pub align: Align,
    /// When set, a line too wide is first shrunk down to this size (then wrapped): for the
    /// large item number and titles that should stay on one line.
    pub shrink_to: Option<f32>,
    /// Grey instead of black (captions, hints).
    pub muted: bool,
}

impl Text {
    pub fn new(text: impl Into<String>, size: f32) -> Text {
        Text {
            text: text.into(),
            size,
            strong: false,
            align: Align::Left,
            shrink_to: None,
            muted: false,
        }
    }
    pub fn strong(mut self) -> Text {
        self.strong = true;
        self
    }
    pub fn align(mut self, align: Align) -> Text {
        self.align = align;
        self
    }
    pub fn shrink_to(mut self, min_size: f32) -> Text {
        self.shrink_to = Some(min_size);
        self
    }
    pub fn muted(mut self) -> Text {
        self.muted = true;
        self
    }
}

impl Block {
    /// The form's title: large, strong, centred, shrunk to stay on one line where it can.
    pub fn title(text: impl Into<String>) -> Block {
        Block::Text(
            Text::new(text, SIZE_TITLE)
                .strong()
                .align(Align::Center)
                .shrink_to(13.0),
        )
    }
    /// Blocks side by side.
    pub fn panes(panes: Vec<Pane>) -> Block {
        Block::Panes { panes }
    }
    /// Vertical space, mm.
    pub fn spacer(mm: f32) -> Block {
        Block::Spacer { mm }
    }
    /// A section heading, kept with what follows.
    pub fn heading(text: impl Into<String>) -> Block {
        Block::Text(Text::new(text, SIZE_HEADING).strong())
    }
    /// Body text, wrapped.
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::Text(Text::new(text, SIZE_BODY))
    }
    /// A highlighted problem.
    pub fn highlight(text: impl Into<String>) -> Block {
        Block::Highlight(Text::new(text, SIZE_BODY))
    }
    /// Label–value pairs in `columns` columns at body size.
    pub fn key_values<L: Into<String>, V: Into<String>>(
        columns: u8,
        pairs: impl IntoIterator<Item = (L, V)>,
    ) -> Block {
        Block::KeyValues(KeyValues {
            pairs: pairs
                .into_iter()
                .map(|(l, v)| (l.into(), v.into()))
                .collect(),
            columns,
            size: SIZE_BODY,
            label_share: 0.38,
        })
    }
    /// Signature lines with these labels, two per row.
    pub fn signatures<L: Into<String>>(labels: impl IntoIterator<Item = L>) -> Block {
        Block::Signatures(Signatures {
            labels: labels.into_iter().map(Into::into).collect(),
            per_row: 2,
            signed: Vec::new(),
        })
    }
    /// A QR code of `payload`, `size_mm` square (quiet zone included), centred.
    pub fn qr(payload: impl Into<String>, size_mm: f32) -> Block {
        Block::Qr(Qr {
            payload: payload.into(),
            size_mm,
            align: Align::Center,
            caption: None,
        })
    }
}

/// Label–value pairs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyValues {
    pub pairs: Vec<(String, String)>,
    /// Pairs per row (1–3).
    pub columns: u8,
    pub size: f32,
    /// The label's share of a pair's width (0.2–0.6).
    pub label_share: f32,
}

/// A table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub size: f32,
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
            size: SIZE_TABLE,
        }
    }
    /// Add a row of cells (missing cells are empty, extra cells are ignored).
    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) -> &mut Table {
        self.rows.push(Row {
            cells: cells.into_iter().map(Into::into).collect(),
            highlight: false,
        });
        self
    }
    /// Add a row marked as a problem (shaded, with a bar on the left).
    pub fn problem_row<S: Into<String>>(
        &mut self,
        cells: impl IntoIterator<Item = S>,
    ) -> &mut Table {
        self.row(cells);
        if let Some(r) = self.rows.last_mut() {
            r.highlight = true;
        }
        self
    }
}

/// A table column: its header and its share of the width.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub title: String,
    /// Relative width: the columns share the content width in proportion.
    pub width: f32,
    pub align: Align,
}

impl Column {
    pub fn new(title: impl Into<String>, width: f32) -> Column {
        Column {
            title: title.into(),
            width,
            align: Align::Left,
        }
    }
    pub fn right(mut self) -> Column {
        self.align = Align::Right;
        self
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub cells: Vec<String>,
    /// A problem row (a checklist item not OK, an overdue item): shaded.
    pub highlight: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signatures {
    pub labels: Vec<String>,
    pub per_row: u8,
    /// A signature already given for the label at the same index, printed on its line (a
    /// signature captured on screen); a label without one keeps its empty line to sign by hand.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signed: Vec<Option<Picture>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Qr {
    /// What a scanner reads (e.g. the item code `FI-000123`).
    pub payload: String,
    /// The square's side including the quiet zone, in mm.
    pub size_mm: f32,
    pub align: Align,
    /// Small text under the code.
    pub caption: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BarChart {
    pub title: Option<String>,
    pub orientation: Orientation,
    pub bars: Vec<Bar>,
    /// Height of a vertical chart in mm (horizontal charts grow with their bars).
    pub height_mm: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    /// One bar per row, label on the left: many categories or long labels.
    Horizontal,
    /// Columns standing on a baseline, labels underneath.
    Vertical,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    pub label: String,
    /// Negative values are drawn as zero.
    pub value: f64,
}

/// A column of blocks beside others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pane {
    /// Relative width, as for table columns.
    pub width: f32,
    pub blocks: Vec<Block>,
}

impl Document {
    /// An empty form on `page` with that paper's default margins and no frame.
    pub fn new(
        locale: Locale,
        page: PageSize,
        title: impl Into<String>,
        created: DateTime<Utc>,
    ) -> Document {
        Document {
            title: title.into(),
            locale,
            page,
            margins: page.default_margins(),
            frame: None,
            created,
            blocks: Vec::new(),
        }
    }

    pub fn with_frame(mut self, frame: Frame) -> Document {
        self.frame = Some(frame);
        self
    }

    pub fn push(&mut self, block: Block) -> &mut Document {
        self.blocks.push(block);
        self
    }

    /// Every string the document prints.
    pub fn texts(&self) -> Vec<&str> {
        let mut out = vec![self.title.as_str()];
        if let Some(f) = &self.frame {
            out.extend([f.counter.as_str(), f.title.as_str(), f.footer.as_str()]);
        }
        fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a str>) {
            for b in blocks {
                match b {
                    Block::Text(t) | Block::Highlight(t) => out.push(&t.text),
                    Block::KeyValues(kv) => {
                        for (l, v) in &kv.pairs {
                            out.extend([l.as_str(), v.as_str()]);
                        }
                    }
                    Block::Table(t) => {
                        out.extend(t.columns.iter().map(|c| c.title.as_str()));
                        for r in &t.rows {
                            out.extend(r.cells.iter().map(String::as_str));
                        }
                    }
                    Block::Signatures(s) => out.extend(s.labels.iter().map(String::as_str)),
                    Block::Qr(q) => out.extend(q.caption.as_deref()),
                    Block::BarChart(c) => {
                        out.extend(c.title.as_deref());
                        out.extend(c.bars.iter().map(|b| b.label.as_str()));
                    }
                    Block::Panes { panes } => {
                        for p in panes {
                            walk(&p.blocks, out);
                        }
                    }
                    Block::Rule | Block::Spacer { .. } => {}
                }
            }
        }
        walk(&self.blocks, &mut out);
        out
    }

    /// Every string the document prints, to change in place (the mutable twin of
    /// [`Document::texts`]).
    fn for_each_text_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        f(&mut self.title);
        if let Some(fr) = &mut self.frame {
            for s in [&mut fr.counter, &mut fr.title, &mut fr.footer] {
                f(s);
            }
        }
        fn walk(blocks: &mut [Block], f: &mut dyn FnMut(&mut String)) {
            for b in blocks {
                match b {
                    Block::Text(t) | Block::Highlight(t) => f(&mut t.text),
                    Block::KeyValues(kv) => {
                        for (l, v) in &mut kv.pairs {
                            f(l);
                            f(v);
                        }
                    }
                    Block::Table(t) => {
                        t.columns.iter_mut().for_each(|c| f(&mut c.title));
                        for r in &mut t.rows {
                            r.cells.iter_mut().for_each(&mut *f);
                        }
                    }
                    Block::Signatures(s) => s.labels.iter_mut().for_each(&mut *f),
                    Block::Qr(q) => q.caption.iter_mut().for_each(&mut *f),
                    Block::BarChart(c) => {
                        c.title.iter_mut().for_each(&mut *f);
                        c.bars.iter_mut().for_each(|b| f(&mut b.label));
                    }
                    Block::Panes { panes } => {
                        for p in panes {
                            walk(&mut p.blocks, f);
                        }
                    }
                    Block::Rule | Block::Spacer { .. } => {}
                }
            }
        }
        walk(&mut self.blocks, f);
    }

    /// The document as the face can print it: every string through [`font::printable`]
    /// (invisible characters left out, undrawable ones as a white square). Borrowed when
    /// every character already prints.
    pub fn printable(&self) -> Result<std::borrow::Cow<'_, Document>> {
        let face = font::face()?;
        let clean = self.texts().iter().all(|t| {
            t.chars()
                .all(|c| face.has_glyph(c) && !font::is_invisible(c))
        });
        if clean {
            return Ok(std::borrow::Cow::Borrowed(self));
        }
        let mut doc = self.clone();
        let mut failed = None;
        doc.for_each_text_mut(&mut |s| match font::printable(s) {
            Ok(std::borrow::Cow::Owned(p)) => *s = p,
            Ok(std::borrow::Cow::Borrowed(_)) => {}
            Err(e) => failed = Some(e),
        });
        match failed {
            Some(e) => Err(e),
            None => Ok(std::borrow::Cow::Owned(doc)),
        }
    }

    /// The picture whose [`Picture::key`] is `key`, if the document has it.
    pub fn picture(&self, key: &str) -> Option<&Picture> {
        fn walk<'a>(blocks: &'a [Block], key: &str) -> Option<&'a Picture> {
            blocks.iter().find_map(|b| match b {
                Block::Signatures(s) => s.signed.iter().flatten().find(|p| p.key() == key),
                Block::Panes { panes } => panes.iter().find_map(|p| walk(&p.blocks, key)),
                _ => None,
            })
        }
        walk(&self.blocks, key)
    }

    /// The characters this document uses that the font cannot draw (empty when printable).
    pub fn missing_glyphs(&self) -> Result<Vec<char>> {
        let face = font::face()?;
        let mut missing = Vec::new();
        for t in self.texts() {
            for c in t.chars() {
                if !face.has_glyph(c) && !missing.contains(&c) {
                    missing.push(c);
                }
            }
        }
        Ok(missing)
    }
}

// ---------------------------------------------------------------------------------------------
// The positioned model

/// A laid-out document: pages of marks, in mm from each page's top-left corner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paged {
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Page>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Page {
    pub marks: Vec<Mark>,
}

/// Something the renderer draws.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Mark {
    /// A run of text starting at `x` on the baseline `y`.
    Text {
        x: f32,
        y: f32,
        size: f32,
        strong: bool,
        ink: Ink,
        text: String,
    },
    /// A straight line `width` points thick.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        ink: Ink,
    },
    /// A filled rectangle, top-left at (`x`, `y`).
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        ink: Ink,
    },
    /// A picture of the document (see [`Document::picture`]) scaled into the box with
    /// top-left (`x`, `y`).
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        /// The picture's key: the SHA-256 of its bytes, hex.
        picture: String,
    },
}

/// The few colours a form uses; all stay legible on a black-and-white printer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ink {
    Black,
    /// Labels, captions, header and footer.
    Muted,
    /// Table and grid lines.
    Rule,
    /// Table header background.
    HeaderFill,
    /// Background of a problem.
    ProblemFill,
    /// The bar beside a problem.
    ProblemMark,
    /// Chart bars.
    Bar,
}

// ---------------------------------------------------------------------------------------------
// Layout

/// An unbreakable horizontal slice of the content, marks relative to its top-left corner.
#[derive(Debug, Clone, Default)]
struct Piece {
    h: f32,
    marks: Vec<Mark>,
    /// Do not end a page after this piece (headings, table headers).
    keep_with_next: bool,
    /// Vertical space: dropped at the top of a page.
    spacer: bool,
    /// A table row: the table's header (index into `Flow::headers`) starts each new page.
    header: Option<usize>,
}

impl Piece {
    fn spacer(h: f32) -> Piece {
        Piece {
            h,
            spacer: true,
            ..Piece::default()
        }
    }
}

struct Flow {
    pieces: Vec<Piece>,
    headers: Vec<Piece>,
}

const EPS: f32 = 0.01;
/// Space between blocks, mm.
const GAP: f32 = 2.5;

fn line_height(size: f32) -> f32 {
    size * LEADING * MM_PER_PT
}

/// Baseline of a line of `size` within a line box starting at `top`.
fn baseline(top: f32, size: f32) -> f32 {
    let em = size * MM_PER_PT;
    top + (line_height(size) - em) / 2.0 + ASCENT * em
}

fn text_mark(x: f32, y: f32, size: f32, strong: bool, ink: Ink, text: String) -> Mark {
    Mark::Text {
        x,
        y,
        size,
        strong,
        ink,
        text,
    }
}

fn aligned_x(face: &Face, line: &str, size: f32, left: f32, width: f32, align: Align) -> f32 {
    match align {
        Align::Left => left,
        Align::Center => left + ((width - face.width_mm(line, size)) / 2.0).max(0.0),
        Align::Right => left + (width - face.width_mm(line, size)).max(0.0),
    }
}

/// Lines of `text` in a box `width` wide (shrunk first when the text asks for it).
fn text_lines(face: &Face, t: &Text, width: f32) -> (Vec<String>, f32) {
    let mut size = t.size;
    if let Some(min) = t.shrink_to {
        let natural = natural_width(face, &t.text, size);
        if natural > width {
            size = (size * width / natural).max(min.min(size));
        }
    }
    (wrap(face, &t.text, size, width), size)
}

/// Cut `lines` to at most `max` lines, marking the cut with `…`.
fn cap_lines(
    face: &Face,
    mut lines: Vec<String>,
    max: usize,
    size: f32,
    width: f32,
) -> Vec<String> {
    if lines.len() <= max {
        return lines;
    }
    lines.truncate(max.max(1));
    if let Some(last) = lines.last_mut() {
        let (cut, _) = fit_line(face, &format!("{last}…"), size, size, width);
        *last = if cut.ends_with('…') {
            cut
        } else {
            format!("{cut}…")
        };
    }
    lines
}

struct Ctx<'a> {
    face: &'a Face,
    /// Height available on one page, mm.
    page_h: f32,
}

fn block_pieces(cx: &Ctx, block: &Block, width: f32, flow: &mut Flow) -> Result<()> {
    let face = cx.face;
    match block {
        Block::Text(t) => {
            let (lines, size) = text_lines(face, t, width);
            let lh = line_height(size);
            let ink = if t.muted { Ink::Muted } else { Ink::Black };
            // Headings and titles (strong text) stay with what follows.
            let n = lines.len();
            for (i, line) in lines.into_iter().enumerate() {
                let x = aligned_x(face, &line, size, 0.0, width, t.align);
                flow.pieces.push(Piece {
                    h: lh,
                    marks: vec![text_mark(x, baseline(0.0, size), size, t.strong, ink, line)],
                    keep_with_next: t.strong || (i == 0 && n > 1),
                    ..Piece::default()
                });
            }
        }
        Block::Highlight(t) => {
            let bar = 1.6;
            let pad = 2.0;
            let inner = (width - bar - 2.0 * pad).max(10.0);
            let (lines, size) = text_lines(face, t, inner);
            let lh = line_height(size);
            let n = lines.len();
            for (i, line) in lines.into_iter().enumerate() {
                let top = if i == 0 { pad * 0.75 } else { 0.0 };
                let bottom = if i + 1 == n { pad * 0.75 } else { 0.0 };
                let h = top + lh + bottom;
                let x = aligned_x(face, &line, size, bar + pad, inner, t.align);
                flow.pieces.push(Piece {
                    h,
                    marks: vec![
                        Mark::Fill {
                            x: 0.0,
                            y: 0.0,
                            w: width,
                            h,
                            ink: Ink::ProblemFill,
                        },
                        Mark::Fill {
                            x: 0.0,
                            y: 0.0,
                            w: bar,
                            h,
                            ink: Ink::ProblemMark,
                        },
                        text_mark(x, baseline(top, size), size, t.strong, Ink::Black, line),
                    ],
                    ..Piece::default()
                });
            }
        }
        Block::KeyValues(kv) => key_values(cx, kv, width, flow),
        Block::Table(t) => table(cx, t, width, flow),
        Block::Signatures(s) => signatures(cx, s, width, flow),
        Block::Qr(q) => flow.pieces.push(qr_piece(face, q, width)?),
        Block::BarChart(c) => bar_chart(cx, c, width, flow)?,
        Block::Panes { panes } => panes_pieces(cx, panes, width, flow)?,
        Block::Rule => flow.pieces.push(Piece {
            h: 1.0,
            marks: vec![Mark::Line {
                x1: 0.0,
                y1: 0.5,
                x2: width,
                y2: 0.5,
                width: 0.6,
                ink: Ink::Black,
            }],
            ..Piece::default()
        }),
        Block::Spacer { mm } => flow.pieces.push(Piece::spacer(mm.max(0.0))),
    }
    Ok(())
}

fn key_values(cx: &Ctx, kv: &KeyValues, width: f32, flow: &mut Flow) {
    let face = cx.face;
    let cols = usize::from(kv.columns.clamp(1, 3));
    let gap = 4.0;
    let cell_w = (width - gap * (cols as f32 - 1.0)) / cols as f32;
    let label_w = cell_w * kv.label_share.clamp(0.2, 0.6);
    let value_w = cell_w - label_w - 1.5;
    let size = kv.size;
    let lh = line_height(size);
    let pad = 0.9;
    let max_lines = (((cx.page_h - 2.0 * pad) / lh).floor() as usize).max(1);
    for row in kv.pairs.chunks(cols) {
        let mut marks = Vec::new();
        let mut h: f32 = lh;
        for (i, (label, value)) in row.iter().enumerate() {
            let x0 = i as f32 * (cell_w + gap);
            let labels = cap_lines(
                face,
                wrap(face, label, size, label_w),
                max_lines,
                size,
                label_w,
            );
            let values = cap_lines(
                face,
                wrap(face, value, size, value_w),
                max_lines,
                size,
                value_w,
            );
            h = h.max(labels.len().max(values.len()) as f32 * lh);
            for (j, l) in labels.into_iter().enumerate() {
                let y = baseline(pad + j as f32 * lh, size);
                marks.push(text_mark(x0, y, size, false, Ink::Muted, l));
            }
            for (j, v) in values.into_iter().enumerate() {
                let y = baseline(pad + j as f32 * lh, size);
                marks.push(text_mark(x0 + label_w + 1.5, y, size, false, Ink::Black, v));
            }
        }
        let h = h + 2.0 * pad;
        for i in 0..row.len() {
            let x0 = i as f32 * (cell_w + gap);
            marks.push(Mark::Line {
                x1: x0,
                y1: h,
                x2: x0 + cell_w,
                y2: h,
                width: 0.4,
                ink: Ink::Rule,
            });
        }
        flow.pieces.push(Piece {
            h,
            marks,
            ..Piece::default()
        });
    }
}

fn table(cx: &Ctx, t: &Table, width: f32, flow: &mut Flow) {
    let face = cx.face;
    if t.columns.is_empty() {
        return;
    }
    let total: f32 = t.columns.iter().map(|c| c.width.max(0.1)).sum();
    let widths: Vec<f32> = t
        .columns
        .iter()
        .map(|c| width * c.width.max(0.1) / total)
        .collect();
    let lefts: Vec<f32> = widths
        .iter()
        .scan(0.0, |x, w| {
            let l = *x;
            *x += w;
            Some(l)
        })
        .collect();
    let (px, py) = (1.4, 1.0);
    let size = t.size;
    let lh = line_height(size);

    // One row: cells wrapped in their columns, vertical rules between them.
    let row_piece = |cells: &[String], strong: bool, fill: Option<Ink>, max_lines: usize| {
        let mut marks = Vec::new();
        let mut wrapped = Vec::with_capacity(widths.len());
        let mut lines_max = 1;
        for (i, w) in widths.iter().enumerate() {
            let inner = (w - 2.0 * px).max(1.0);
            let text = cells.get(i).map(String::as_str).unwrap_or("");
            let lines = cap_lines(face, wrap(face, text, size, inner), max_lines, size, inner);
            lines_max = lines_max.max(lines.len());
            wrapped.push(lines);
        }
        let h = lines_max as f32 * lh + 2.0 * py;
        if let Some(ink) = fill {
            marks.push(Mark::Fill {
                x: 0.0,
                y: 0.0,
                w: width,
                h,
                ink,
            });
        }
        if fill == Some(Ink::ProblemFill) {
            marks.push(Mark::Fill {
                x: 0.0,
                y: 0.0,
                w: 1.2,
                h,
                ink: Ink::ProblemMark,
            });
        }
        for (i, lines) in wrapped.into_iter().enumerate() {
            let inner = (widths[i] - 2.0 * px).max(1.0);
            for (j, line) in lines.into_iter().enumerate() {
                let x = aligned_x(face, &line, size, lefts[i] + px, inner, t.columns[i].align);
                let y = baseline(py + j as f32 * lh, size);
                marks.push(text_mark(x, y, size, strong, Ink::Black, line));
            }
        }
        for x in lefts.iter().skip(1) {
            marks.push(Mark::Line {
                x1: *x,
                y1: 0.0,
                x2: *x,
                y2: h,
                width: 0.3,
                ink: Ink::Rule,
            });
        }
        marks.push(Mark::Line {
            x1: 0.0,
            y1: h,
            x2: width,
            y2: h,
            width: if strong { 0.8 } else { 0.3 },
            ink: if strong { Ink::Black } else { Ink::Rule },
        });
        (h, marks)
    };

    let titles: Vec<String> = t.columns.iter().map(|c| c.title.clone()).collect();
    let (hh, mut hmarks) = row_piece(&titles, true, Some(Ink::HeaderFill), 3);
    hmarks.push(Mark::Line {
        x1: 0.0,
        y1: 0.0,
        x2: width,
        y2: 0.0,
        width: 0.8,
        ink: Ink::Black,
    });
    let header = Piece {
        h: hh,
        marks: hmarks,
        keep_with_next: true,
        ..Piece::default()
    };
    let idx = flow.headers.len();
    flow.headers.push(header.clone());
    flow.pieces.push(header);
    // A row taller than a page (minus the header) is cut: nothing may overflow.
    let max_lines = (((cx.page_h - hh - 2.0 * py) / lh).floor() as usize).max(1);
    for r in &t.rows {
        let fill = r.highlight.then_some(Ink::ProblemFill);
        let (h, marks) = row_piece(&r.cells, false, fill, max_lines);
        flow.pieces.push(Piece {
            h,
            marks,
            header: Some(idx),
            ..Piece::default()
        });
    }
}

fn signatures(cx: &Ctx, s: &Signatures, width: f32, flow: &mut Flow) {
    let face = cx.face;
    let per_row = usize::from(s.per_row.clamp(1, 3));
    let gap = 8.0;
    let slot = (width - gap * (per_row as f32 - 1.0)) / per_row as f32;
    let size = SIZE_BODY;
    // Room to sign above the line.
    let h = 14.0;
    let mut done = 0;
    for row in s.labels.chunks(per_row) {
        let mut marks = Vec::new();
        for (i, label) in row.iter().enumerate() {
            let x0 = i as f32 * (slot + gap);
            let (label, lsize) = fit_line(face, label, size, 8.0, slot * 0.55);
            let lw = face.width_mm(&label, lsize);
            let base = h - 2.0;
            marks.push(text_mark(x0, base, lsize, false, Ink::Black, label));
            let line_x = x0 + lw + 1.5;
            marks.push(Mark::Line {
                x1: line_x,
                y1: base + 0.6,
                x2: x0 + slot,
                y2: base + 0.6,
                width: 0.6,
                ink: Ink::Black,
            });
            if let Some(Some(p)) = s.signed.get(done + i) {
                // On the line, as if signed there: the box above it, proportions kept, centred.
                let (bw, bh) = (x0 + slot - line_x - 1.0, base - 0.5);
                let (pw, ph) = (p.width_px.max(1) as f32, p.height_px.max(1) as f32);
                let scale = (bw / pw).min(bh / ph);
                let (w, ih) = (pw * scale, ph * scale);
                marks.push(Mark::Image {
                    x: line_x + 0.5 + (bw - w) / 2.0,
                    y: base + 0.2 - ih,
                    w,
                    h: ih,
                    picture: p.key(),
                });
            }
        }
        done += row.len();
        flow.pieces.push(Piece {
            h,
            marks,
            ..Piece::default()
        });
    }
}

fn qr_piece(face: &Face, q: &Qr, width: f32) -> Result<Piece> {
    let side = q.size_mm.min(width).max(5.0);
    let x0 = match q.align {
        Align::Left => 0.0,
        Align::Center => (width - side) / 2.0,
        Align::Right => width - side,
    };
    let mut marks: Vec<Mark> = qr::modules(&q.payload, side)?
        .into_iter()
        .map(|(x, y, w, h)| Mark::Fill {
            x: x0 + x,
            y,
            w,
            h,
            ink: Ink::Black,
        })
        .collect();
    let mut h = side;
    if let Some(caption) = &q.caption {
        let (line, size) = fit_line(face, caption, SIZE_SMALL, 6.0, width);
        let x = aligned_x(face, &line, size, 0.0, width, q.align);
        marks.push(text_mark(
            x,
            baseline(h, size),
            size,
            false,
            Ink::Black,
            line,
        ));
        h += line_height(size);
    }
    Ok(Piece {
        h,
        marks,
        ..Piece::default()
    })
}

fn bar_chart(cx: &Ctx, c: &BarChart, width: f32, flow: &mut Flow) -> Result<()> {
    let face = cx.face;
    if let Some(title) = &c.title {
        block_pieces(cx, &Block::heading(title.clone()), width, flow)?;
    }
    let max = c.bars.iter().map(|b| b.value).fold(0.0f64, f64::max);
    let scale = |v: f64| -> f32 {
        if max > 0.0 {
            (v.max(0.0) / max) as f32
        } else {
            0.0
        }
    };
    let size = SIZE_BODY;
    let lh = line_height(size);
    match c.orientation {
        Orientation::Horizontal => {
            let label_w = width * 0.3;
            let value_w = face.width_mm(&format::number(max), size) + 3.0;
            let bar_x = label_w + 2.0;
            let bar_area = (width - bar_x - value_w).max(10.0);
            let n = c.bars.len();
            for (i, b) in c.bars.iter().enumerate() {
                let labels = cap_lines(face, wrap(face, &b.label, size, label_w), 3, size, label_w);
                let pad = 1.2;
                let h = (labels.len() as f32 * lh).max(lh) + 2.0 * pad;
                let mut marks = Vec::new();
                for (j, l) in labels.into_iter().enumerate() {
                    let x = aligned_x(face, &l, size, 0.0, label_w, Align::Right);
                    marks.push(text_mark(
                        x,
                        baseline(pad + j as f32 * lh, size),
                        size,
                        false,
                        Ink::Black,
                        l,
                    ));
                }
                let bw = bar_area * scale(b.value);
                let bar_h = lh * 0.72;
                let bar_y = pad + (lh - bar_h) / 2.0;
                if bw > 0.0 {
                    marks.push(Mark::Fill {
                        x: bar_x,
                        y: bar_y,
                        w: bw,
                        h: bar_h,
                        ink: Ink::Bar,
                    });
                }
                let value = format::number(b.value);
                marks.push(text_mark(
                    bar_x + bw + 1.5,
                    baseline(pad, size),
                    size,
                    false,
                    Ink::Black,
                    value,
                ));
                marks.push(Mark::Line {
                    x1: bar_x,
                    y1: 0.0,
                    x2: bar_x,
                    y2: h,
                    width: 0.6,
                    ink: Ink::Black,
                });
                flow.pieces.push(Piece {
                    h,
                    marks,
                    keep_with_next: i + 1 < n && i < 2,
                    ..Piece::default()
                });
            }
        }
        Orientation::Vertical => {
            let n = c.bars.len().max(1);
            let label_size = SIZE_SMALL.max(9.0);
            let llh = line_height(label_size);
            let label_h = 2.0 * llh + 1.0;
            let h = c.height_mm.clamp(30.0, cx.page_h);
            let value_h = lh;
            let plot_top = value_h;
            let plot_bottom = h - label_h;
            let plot_h = (plot_bottom - plot_top).max(5.0);
            let slot = width / n as f32;
            let bar_w = (slot * 0.6).min(25.0);
            let mut marks = Vec::new();
            for (i, b) in c.bars.iter().enumerate() {
                let cx0 = slot * i as f32;
                let bh = plot_h * scale(b.value);
                let bx = cx0 + (slot - bar_w) / 2.0;
                if bh > 0.0 {
                    marks.push(Mark::Fill {
                        x: bx,
                        y: plot_bottom - bh,
                        w: bar_w,
                        h: bh,
                        ink: Ink::Bar,
                    });
                }
                let value = format::number(b.value);
                let (value, vsize) = fit_line(face, &value, size, 6.0, slot - 1.0);
                let vx = aligned_x(face, &value, vsize, cx0, slot, Align::Center);
                let vy = plot_bottom - bh - 1.2;
                marks.push(text_mark(vx, vy, vsize, false, Ink::Black, value));
                let inner = slot - 1.0;
                let labels = cap_lines(
                    face,
                    wrap(face, &b.label, label_size, inner),
                    2,
                    label_size,
                    inner,
                );
                for (j, l) in labels.into_iter().enumerate() {
                    let x = aligned_x(face, &l, label_size, cx0 + 0.5, inner, Align::Center);
                    let y = baseline(plot_bottom + 1.0 + j as f32 * llh, label_size);
                    marks.push(text_mark(x, y, label_size, false, Ink::Black, l));
                }
            }
            marks.push(Mark::Line {
                x1: 0.0,
                y1: plot_bottom,
                x2: width,
                y2: plot_bottom,
                width: 0.6,
                ink: Ink::Black,
            });
            flow.pieces.push(Piece {
                h,
                marks,
                ..Piece::default()
            });
        }
    }
    Ok(())
}

fn panes_pieces(cx: &Ctx, panes: &[Pane], width: f32, flow: &mut Flow) -> Result<()> {
    let gap = 3.0;
    let total: f32 = panes.iter().map(|p| p.width.max(0.1)).sum();
    let avail = width - gap * (panes.len().saturating_sub(1)) as f32;
    let mut columns = Vec::new();
    let mut x = 0.0;
    for p in panes {
        let w = avail * p.width.max(0.1) / total;
        let mut sub = Flow {
            pieces: Vec::new(),
            headers: Vec::new(),
        };
        blocks_pieces(cx, &p.blocks, w, &mut sub)?;
        columns.push((x, sub));
        x += w + gap;
    }
    let height = |f: &Flow| f.pieces.iter().map(|p| p.h).sum::<f32>();
    let h = columns.iter().map(|(_, f)| height(f)).fold(0.0, f32::max);
    if h > cx.page_h {
        // Too tall to keep together: one pane after the other, breaking like any flow.
        for (_, sub) in columns {
            let base = flow.headers.len();
            flow.headers.extend(sub.headers);
            flow.pieces.extend(sub.pieces.into_iter().map(|mut p| {
                p.header = p.header.map(|i| i + base);
                p
            }));
        }
        return Ok(());
    }
    let mut marks = Vec::new();
    for (x0, sub) in columns {
        let mut y0 = 0.0;
        for p in sub.pieces {
            marks.extend(p.marks.into_iter().map(|m| offset(m, x0, y0)));
            y0 += p.h;
        }
    }
    flow.pieces.push(Piece {
        h,
        marks,
        ..Piece::default()
    });
    Ok(())
}

fn blocks_pieces(cx: &Ctx, blocks: &[Block], width: f32, flow: &mut Flow) -> Result<()> {
    for (i, b) in blocks.iter().enumerate() {
        if i > 0
            && !matches!(b, Block::Spacer { .. })
            && !matches!(blocks[i - 1], Block::Spacer { .. })
        {
            let gap = if matches!(b, Block::Text(t) if t.strong && t.size >= SIZE_HEADING) {
                GAP * 1.6
            } else {
                GAP
            };
            flow.pieces.push(Piece::spacer(gap));
        }
        block_pieces(cx, b, width, flow)?;
    }
    Ok(())
}

fn offset(m: Mark, dx: f32, dy: f32) -> Mark {
    match m {
        Mark::Text {
            x,
            y,
            size,
            strong,
            ink,
            text,
        } => Mark::Text {
            x: x + dx,
            y: y + dy,
            size,
            strong,
            ink,
            text,
        },
        Mark::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            ink,
        } => Mark::Line {
            x1: x1 + dx,
            y1: y1 + dy,
            x2: x2 + dx,
            y2: y2 + dy,
            width,
            ink,
        },
        Mark::Fill { x, y, w, h, ink } => Mark::Fill {
            x: x + dx,
            y: y + dy,
            w,
            h,
            ink,
        },
        Mark::Image {
            x,
            y,
            w,
            h,
            picture,
        } => Mark::Image {
            x: x + dx,
            y: y + dy,
            w,
            h,
            picture,
        },
    }
}

/// Lay `doc` out on pages, its text as the face can print it ([`Document::printable`]).
pub fn layout(doc: &Document) -> Result<Paged> {
    let face = font::face()?;
    let doc = doc.printable()?;
    let doc = doc.as_ref();
    let (pw, ph) = doc.page.size_mm();
    let m = doc.margins;
    let content_w = (pw - m.left - m.right).max(10.0);
    let top = m.top;
    let bottom = (ph - m.bottom).max(top + 10.0);
    let cx = Ctx {
        face,
        page_h: bottom - top,
    };
    let mut flow = Flow {
        pieces: Vec::new(),
        headers: Vec::new(),
    };
    blocks_pieces(&cx, &doc.blocks, content_w, &mut flow)?;

    // Paginate.
    let mut pages: Vec<Page> = vec![Page::default()];
    let mut y = top;
    let mut at_top = true;
    let place = |page: &mut Page, p: &Piece, y: f32| {
        page.marks
            .extend(p.marks.iter().cloned().map(|mk| offset(mk, m.left, y)));
    };
    for (i, p) in flow.pieces.iter().enumerate() {
        if p.spacer {
            if !at_top {
                y = (y + p.h).min(bottom);
            }
            continue;
        }
        // The piece and everything chained to it by keep-with-next, within one page.
        let mut need = p.h;
        let mut keep = p.keep_with_next;
        let mut j = i;
        while keep && j + 1 < flow.pieces.len() {
            j += 1;
            let q = &flow.pieces[j];
            need += q.h;
            if !q.spacer {
                keep = q.keep_with_next;
            }
        }
        let need = need.min(bottom - top);
        if y + need > bottom + EPS && !at_top {
            pages.push(Page::default());
            y = top;
            at_top = true;
        }
        let Some(page) = pages.last_mut() else {
            continue;
        };
        if at_top {
            if let Some(h) = p.header.and_then(|h| flow.headers.get(h)) {
                place(page, h, y);
                y += h.h;
            }
        }
        place(page, p, y);
        y += p.h;
        at_top = false;
    }

    // Frame: header and footer on every page, now that the page count is known.
    if let Some(frame) = &doc.frame {
        let n = pages.len();
        let half = content_w / 2.0 - 2.0;
        let head_base = top - 4.5;
        let foot_base = bottom + 7.0;
        for (i, page) in pages.iter_mut().enumerate() {
            let (counter, s1) = fit_line(face, &frame.counter, SIZE_SMALL + 0.5, 7.0, half);
            let (title, s2) = fit_line(face, &frame.title, SIZE_SMALL + 0.5, 7.0, half);
            let tx = m.left + content_w - face.width_mm(&title, s2);
            let number = i18n::tr_args(
                doc.locale,
                "print.page_of",
                &[("page", &(i + 1).to_string()), ("pages", &n.to_string())],
            );
            let (number, s3) = fit_line(face, &number, SIZE_SMALL + 0.5, 7.0, content_w * 0.25);
            let nx = m.left + content_w - face.width_mm(&number, s3);
            let (footer, s4) = fit_line(face, &frame.footer, SIZE_SMALL, 7.0, content_w * 0.7);
            page.marks.extend([
                text_mark(m.left, head_base, s1, true, Ink::Black, counter),
                text_mark(tx, head_base, s2, false, Ink::Muted, title),
                Mark::Line {
                    x1: m.left,
                    y1: top - 2.5,
                    x2: m.left + content_w,
                    y2: top - 2.5,
                    width: 0.5,
                    ink: Ink::Muted,
                },
                Mark::Line {
                    x1: m.left,
                    y1: bottom + 2.5,
                    x2: m.left + content_w,
                    y2: bottom + 2.5,
                    width: 0.5,
                    ink: Ink::Muted,
                },
                text_mark(m.left, foot_base, s4, false, Ink::Muted, footer),
                text_mark(nx, foot_base, s3, false, Ink::Black, number),
            ]);
        }
    }

    Ok(Paged {
        width: pw,
        height: ph,
        pages,
    })
}
