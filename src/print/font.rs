//! The one face every printed form uses: Noto Sans CJK SC (Simplified Chinese, Hangul, Latin),
//! compiled into the binary from `assets/fonts/` (regenerated and checked by
//! `scripts/fetch-font.sh`). It is parsed once per process; layout measures text with its
//! advance widths, and [`missing_glyphs`] reports characters it cannot draw (printpdf would
//! silently draw them as the `.notdef` box).

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

/// The error for characters the font lacks: field `print_text`, the detail lists each
/// character with its code point (`“𠀀” U+20000`) so the receptionist can correct the record.
pub fn missing_glyph_error(missing: &[char]) -> Error {
    let detail = missing
        .iter()
        .map(|c| format!("“{c}” U+{:04X}", *c as u32))
        .collect::<Vec<_>>()
        .join(", ");
    Error::invalid("print_text", detail)
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
    fn ideographs_are_one_em_and_latin_is_narrower() {
        let f = face().unwrap();
        assert_eq!(f.advance('中'), Some(1.0));
        let i = f.advance('i').unwrap();
        assert!(i > 0.1 && i < 0.5, "{i}");
        assert!(f.width_mm("中文", 10.0) > f.width_mm("ab", 10.0));
    }
}
