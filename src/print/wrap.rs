//! Line breaking for mixed Chinese, Korean and Latin text, measured with the real font.
//!
//! Chinese (and Japanese kana) break at any character boundary. Latin runs (words, numbers,
//! codes such as `FI-000123`) break at spaces, and inside a word only when the word alone is
//! wider than the line. Korean is written with spaces between words (어절), and Korean office
//! software (HWP's default, Word's 단어 단위) breaks Hangul there like Latin, so a name such as
//! 김민지 or a verb ending is not split; a Hangul run wider than the line still breaks between
//! syllables. Basic kinsoku: closing punctuation (`，。、；：？！）」』` …) never starts a line and
//! opening brackets (`（「『“` …) never end one — they stay glued to their neighbour.

use super::font::Face;

/// Punctuation that must not start a line.
const NO_START: &str = "，。、；：？！）」』】〉》〕］｝〗〙〛”’・…‥—～％‰°℃·ー々ゝゞ,.;:?!)]}%";
/// Punctuation that must not end a line.
const NO_END: &str = "（「『【〈《〔［｛〖〘〚“‘([{";

fn no_start(c: char) -> bool {
    NO_START.contains(c)
}

fn no_end(c: char) -> bool {
    NO_END.contains(c)
}

/// Characters of scripts written without spaces between words (and Hangul, which may break
/// inside a word): each one is a break opportunity on both sides.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF        // Hangul Jamo
        | 0x2E80..=0x2FFF      // CJK radicals
        | 0x3000..=0x303F      // CJK symbols and punctuation
        | 0x3040..=0x30FF      // kana
        | 0x3130..=0x318F      // Hangul compatibility Jamo
        | 0x31C0..=0x9FFF      // strokes … CJK unified ideographs (incl. extension A)
        | 0xA960..=0xA97F      // Hangul Jamo extended A
        | 0xAC00..=0xD7FF      // Hangul syllables, Jamo extended B
        | 0xF900..=0xFAFF      // compatibility ideographs
        | 0xFE30..=0xFE4F      // CJK compatibility forms
        | 0xFF00..=0xFFEF      // full-width forms
        | 0x20000..=0x3FFFF) // supplementary ideographs
}

/// Hangul syllables and Jamo.
fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7FF)
}

/// Characters with a break opportunity on both sides: CJK except Hangul.
fn breaks_around(c: char) -> bool {
    is_cjk(c) && !is_hangul(c)
}

/// An unbreakable piece of a line: a CJK character (with glued punctuation) or a Latin word.
struct Atom {
    text: String,
    width: f32,
    space_before: bool,
}

fn atoms(face: &Face, para: &str, size: f32) -> Vec<Atom> {
    let mut out: Vec<Atom> = Vec::new();
    let mut pending_space = false;
    for c in para.chars() {
        if c == ' ' || c == '\t' || c == '\r' {
            pending_space = true;
            continue;
        }
        let w = face.width_mm(c.encode_utf8(&mut [0; 4]), size);
        let glue = !pending_space
            && out.last().is_some_and(|last| {
                let prev = last.text.chars().next_back().unwrap_or(' ');
                no_start(c) || no_end(prev) || (!breaks_around(prev) && !breaks_around(c))
            });
        match out.last_mut() {
            Some(last) if glue => {
                last.text.push(c);
                last.width += w;
            }
            _ => out.push(Atom {
                text: c.to_string(),
                width: w,
                space_before: pending_space && !out.is_empty(),
            }),
        }
        pending_space = false;
    }
    out
}

const EPS: f32 = 0.01;

/// Break `text` into lines no wider than `width` mm at `size` pt. Newlines are kept as hard
/// breaks (an empty line stays empty). Only a single character wider than the line can
/// exceed it.
pub fn wrap(face: &Face, text: &str, size: f32, width: f32) -> Vec<String> {
    let space = face.width_mm(" ", size);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut cur = String::new();
        let mut cur_w = 0.0f32;
        for atom in atoms(face, para, size) {
            let gap = if atom.space_before && !cur.is_empty() {
                space
            } else {
                0.0
            };
            if cur_w + gap + atom.width <= width + EPS {
                if gap > 0.0 {
                    cur.push(' ');
                }
                cur.push_str(&atom.text);
                cur_w += gap + atom.width;
                continue;
            }
            if !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
                cur_w = 0.0;
            }
            if atom.width <= width + EPS {
                cur.push_str(&atom.text);
                cur_w = atom.width;
                continue;
            }
            // A word longer than the whole line: break it between characters.
            for c in atom.text.chars() {
                let w = face.width_mm(c.encode_utf8(&mut [0; 4]), size);
                if cur_w + w > width + EPS && !cur.is_empty() {
                    lines.push(std::mem::take(&mut cur));
                    cur_w = 0.0;
                }
                cur.push(c);
                cur_w += w;
            }
        }
        lines.push(cur);
    }
    lines
}

/// The widest hard line of `text` (split at newlines only), in mm.
pub fn natural_width(face: &Face, text: &str, size: f32) -> f32 {
    text.split('\n')
        .map(|l| face.width_mm(l, size))
        .fold(0.0, f32::max)
}

/// `text` on one line no wider than `width`: shrunk down to `min_size`, then cut with `…`.
/// Returns the text and the size to draw it at.
pub fn fit_line(face: &Face, text: &str, size: f32, min_size: f32, width: f32) -> (String, f32) {
    let one_line = text.replace('\n', " ");
    let natural = face.width_mm(&one_line, size);
    if natural <= width + EPS {
        return (one_line, size);
    }
    let shrunk = (size * width / natural).max(min_size);
    if face.width_mm(&one_line, shrunk) <= width + EPS {
        return (one_line, shrunk);
    }
    let ellipsis = face.width_mm("…", shrunk);
    let mut out = String::new();
    let mut w = 0.0;
    for c in one_line.chars() {
        let cw = face.width_mm(c.encode_utf8(&mut [0; 4]), shrunk);
        if w + cw + ellipsis > width + EPS {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    (out, shrunk)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::font::face;

    fn w(text: &str, width: f32) -> Vec<String> {
        wrap(face().unwrap(), text, 10.0, width)
    }

    #[test]
    fn chinese_breaks_between_any_characters() {
        // 10 pt ideographs are 3.53 mm wide: 5 fit in 18 mm.
        let lines = w("拾得物品登记认领表格", 18.0);
        assert_eq!(lines, vec!["拾得物品登", "记认领表格"]);
    }

    #[test]
    fn korean_breaks_between_words() {
        let lines = w("다음 근무자가 확인하고 해피콜을 해 주십시오 김민지", 30.0);
        assert!(lines.len() >= 2, "{lines:?}");
        for l in &lines {
            assert!(!l.starts_with(' ') && !l.ends_with(' '), "{lines:?}");
        }
        assert_eq!(
            lines.join(" "),
            "다음 근무자가 확인하고 해피콜을 해 주십시오 김민지"
        );
        // Hangul next to Chinese: the ideographs still break anywhere.
        let mixed = w("王芳김민지王芳김민지", 10.0);
        assert!(mixed.iter().any(|l| l.contains("김민지")), "{mixed:?}");
    }

    #[test]
    fn a_korean_word_wider_than_the_line_breaks_between_syllables() {
        let lines = w("습득물접수증입니다", 18.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(lines.concat(), "습득물접수증입니다");
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        // "拾得物品，" : the comma would land on line 2 at 4 ideographs per line.
        let lines = w("拾得物品，登记认领。（备注）完成", 14.5);
        for l in &lines {
            let first = l.chars().next().unwrap();
            assert!(!no_start(first), "{lines:?}");
            let last = l.chars().next_back().unwrap();
            assert!(!no_end(last), "{lines:?}");
        }
        assert_eq!(lines.concat(), "拾得物品，登记认领。（备注）完成");
    }

    #[test]
    fn latin_breaks_at_spaces() {
        let lines = w("the lost umbrella was handed in at the desk", 40.0);
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(!l.starts_with(' ') && !l.ends_with(' '), "{lines:?}");
            assert!(face().unwrap().width_mm(l, 10.0) <= 40.01);
        }
        assert_eq!(
            lines.join(" "),
            "the lost umbrella was handed in at the desk"
        );
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken_inside() {
        let lines = w("Supercalifragilisticexpialidocious", 20.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), "Supercalifragilisticexpialidocious");
        for l in &lines {
            assert!(face().unwrap().width_mm(l, 10.0) <= 20.01, "{lines:?}");
        }
    }

    #[test]
    fn codes_stay_whole_next_to_chinese() {
        let lines = w("物品编号FI-000123已登记", 30.0);
        assert!(lines.iter().any(|l| l.contains("FI-000123")), "{lines:?}");
    }

    #[test]
    fn newlines_are_hard_breaks() {
        assert_eq!(w("a\n\nb", 100.0), vec!["a", "", "b"]);
    }

    #[test]
    fn fit_line_shrinks_then_cuts() {
        let f = face().unwrap();
        let (t, s) = fit_line(f, "FI-000123", 20.0, 8.0, 200.0);
        assert_eq!((t.as_str(), s), ("FI-000123", 20.0));
        let (t, s) = fit_line(f, "FI-000123", 20.0, 8.0, 25.0);
        assert_eq!(t, "FI-000123");
        assert!(s < 20.0 && f.width_mm(&t, s) <= 25.01);
        let (t, s) = fit_line(f, "一二三四五六七八九十", 20.0, 10.0, 20.0);
        assert!(
            t.ends_with('…') && s == 10.0 && f.width_mm(&t, s) <= 20.01,
            "{t}"
        );
    }
}
