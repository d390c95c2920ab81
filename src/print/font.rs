//! The one face every printed form uses: Noto Sans CJK SC (Simplified Chinese, Hangul, Latin),
//! compiled into the binary from `assets/fonts/` (regenerated and checked by
//! `scripts/fetch-font.sh`). It is parsed once per process; layout measures text with its
//! advance widths, and [`missing_glyphs`] reports characters it cannot draw. A record may hold
//! any text a visitor or a scanner typed (emoji, control characters, direction overrides), so
//! [`printable`] decides once how such text reaches paper: invisible characters are left out and
//! a visible one the face lacks prints as [`SUBSTITUTE`] — never a hidden `.notdef`, never a
//! refused form.

use crate::error::{Error, Result};
use printpdf::ParsedFont;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

/// The font file (OpenType/CFF, 1000 units per em).
pub const FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-Regular.otf");

/// Its licence, to be shipped with the product.
pub const FONT_LICENCE: &str = include_str!("../../assets/fonts/OFL.txt");

/// Typographic ascender and descender of the face, in ems (OS/2 sTypoAscender/Descender).
pub const ASCENT: f32 = 0.88;
pub const DESCENT: f32 = 0.12;

/// `bmp` slot not looked up yet.
const UNKNOWN: u32 = u32::MAX;
/// `bmp` slot of a character the face has no glyph for.
const NO_GLYPH: u32 = u32::MAX - 1;

/// The parsed face with a width cache for the Basic Multilingual Plane.
pub struct Face {
    pub(crate) parsed: ParsedFont,
    units_per_em: f32,
    /// Advance in ems (as `f32` bits) of U+0000..U+FFFF, filled on first use of each
    /// character: a cmap + hmtx lookup per character is the hot path of layout.
    bmp: Vec<AtomicU32>,
}

impl Face {
    fn load() -> Result<Face> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(FONT_BYTES, 0, &mut warnings).ok_or_else(|| {
            Error::Storage(format!("the built-in font cannot be read: {warnings:?}"))
        })?;
        let units_per_em = match parsed.pdf_font_metrics.units_per_em {
            0 => 1000.0,
            u => f32::from(u),
        };
        let bmp = (0..=0xFFFF).map(|_| AtomicU32::new(UNKNOWN)).collect();
        Ok(Face {
            parsed,
            units_per_em,
            bmp,
        })
    }

    /// The advance of `c` in ems, or `None` when the face has no glyph for it.
    pub fn advance(&self, c: char) -> Option<f32> {
        let cp = c as u32;
        let Some(slot) = self.bmp.get(cp as usize) else {
            return self.lookup(cp);
        };
        match slot.load(Ordering::Relaxed) {
            UNKNOWN => {
                let found = self.lookup(cp);
                slot.store(found.map_or(NO_GLYPH, f32::to_bits), Ordering::Relaxed);
                found
            }
            NO_GLYPH => None,
            bits => Some(f32::from_bits(bits)),
        }
    }

    fn lookup(&self, cp: u32) -> Option<f32> {
        let gid = self.parsed.lookup_glyph_index(cp).filter(|g| *g != 0)?;
        Some(f32::from(self.parsed.get_horizontal_advance(gid)) / self.units_per_em)
    }

    /// Whether the face can draw `c`. Line breaks and tabs are layout, not glyphs.
    pub fn has_glyph(&self, c: char) -> bool {
        matches!(c, '\n' | '\r' | '\t') || self.advance(c).is_some()
    }

    /// The width of `text` at `size_pt`, in millimetres. A character without a glyph counts
    /// as one em (it is refused before rendering anyway).
    pub fn width_mm(&self, text: &str, size_pt: f32) -> f32 {
        let ems: f32 = text.chars().map(|c| self.advance(c).unwrap_or(1.0)).sum();
        ems * size_pt * MM_PER_PT
    }
}

/// Millimetres per PostScript point.
pub const MM_PER_PT: f32 = 25.4 / 72.0;

/// The face, parsed on first use.
pub fn face() -> Result<&'static Face> {
    static FACE: OnceLock<std::result::Result<Face, String>> = OnceLock::new();
    FACE.get_or_init(|| Face::load().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| Error::Storage(e.clone()))
}

/// The distinct characters of `text` the font cannot draw, in order of first appearance.
pub fn missing_glyphs(text: &str) -> Result<Vec<char>> {
    let face = face()?;
    let mut missing = Vec::new();
    for c in text.chars() {
        if !face.has_glyph(c) && !missing.contains(&c) {
            missing.push(c);
        }
    }
    Ok(missing)
}

/// What prints in place of a visible character the face cannot draw (an emoji, a rare
/// ideograph outside the SC face, a private-use character): a white square, which the face
/// has, so the reader sees that something stood there.
pub const SUBSTITUTE: char = '\u{25A1}';

/// Characters that draw nothing: controls (but the line breaks and tabs layout handles),
/// direction marks, embeddings, overrides and isolates, zero-width spaces and joiners, word
/// joiners, the byte-order mark, variation selectors and tags. Printed forms have no
/// bidirectional layout, so an override has nothing to act on and is left out.
pub fn is_invisible(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}')
}

/// `text` as it can be printed with the face: invisible characters ([`is_invisible`]) left out,
/// every other character without a glyph replaced by [`SUBSTITUTE`]. Borrowed when nothing
/// changes (the common case: layout calls this for every string).
pub fn printable(text: &str) -> Result<std::borrow::Cow<'_, str>> {
    let face = face()?;
    if text.chars().all(|c| face.has_glyph(c) && !is_invisible(c)) {
        return Ok(std::borrow::Cow::Borrowed(text));
    }
    Ok(std::borrow::Cow::Owned(
        text.chars()
            .filter(|c| !is_invisible(*c))
            .map(|c| if face.has_glyph(c) { c } else { SUBSTITUTE })
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_chinese_korean_and_latin() {
        let missing = missing_glyphs("失物招领 유실물 Lost & found 123 ，。（）").unwrap();
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn reports_what_it_cannot_draw() {
        // U+20000 (CJK Extension B) is outside the SC face; U+E000 is private use.
        let missing = missing_glyphs("A\u{20000}B\u{E000}\u{20000}").unwrap();
        assert_eq!(missing, vec!['\u{20000}', '\u{E000}']);
    }

    #[test]
    fn printable_leaves_out_invisibles_and_boxes_what_it_cannot_draw() {
        assert!(face().unwrap().has_glyph(SUBSTITUTE));
        assert!(matches!(
            printable("钱包 지갑 wallet").unwrap(),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(printable("张\u{0}三\u{7}").unwrap(), "张三");
        assert_eq!(printable("a\u{202E}bc\u{202C}").unwrap(), "abc");
        assert_eq!(printable("行\n\t李").unwrap(), "行\n\t李");
        // An emoji (with its variation selector and a zero-width joiner) and an Ext-B ideograph.
        assert_eq!(printable("钱包👛\u{FE0F}\u{200D}𠀀").unwrap(), "钱包□□");
        for s in [
            "<script>alert(1)</script>",
            "\u{1F600}\u{0}\u{202E}",
            "\u{E000}",
        ] {
            assert!(
                missing_glyphs(&printable(s).unwrap()).unwrap().is_empty(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn ideographs_are_one_em_and_latin_is_narrower() {
        let f = face().unwrap();
        assert_eq!(f.advance('中'), Some(1.0));
        let i = f.advance('i').unwrap();
        assert!(i > 0.1 && i < 0.5, "{i}");
        assert!(f.width_mm("中文", 10.0) > f.width_mm("ab", 10.0));
    }
}
