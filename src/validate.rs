//! Field validators shared by every register. Each returns the cleaned value or an error that
//! names the field (as the JSON path the caller sent), so the UI can show it beside that field.
//!
//! Rules: text is trimmed; a required text must not be empty; lengths are counted in
//! characters, not bytes (a Chinese character is one). Text is otherwise stored as typed —
//! emoji, markup, direction overrides, control characters, NUL — because a record is evidence
//! of what was said and entered; each reader makes it safe where it is shown (the UI renders
//! text, never HTML; printed forms go through `print::font::printable`; exports escape).

use crate::error::{Error, Result};
use chrono::{DateTime, Duration, TimeZone, Utc};

/// Default maximum lengths, in characters.
pub const NAME_MAX: usize = 100;
pub const SHORT_MAX: usize = 200;
pub const NOTE_MAX: usize = 10_000;

fn check_len(field: &str, s: &str, max: usize) -> Result<()> {
    if s.chars().count() > max {
        return Err(Error::TooLong {
            field: field.to_owned(),
            max,
        });
    }
    Ok(())
}

/// A required single-line text.
pub fn text(field: &str, value: &str, max: usize) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Error::required(field));
    }
    check_len(field, v, max)?;
    Ok(v.to_owned())
}

/// An optional single-line text; empty becomes `None`.
pub fn opt_text(field: &str, value: Option<&str>, max: usize) -> Result<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => text(field, v, max).map(Some),
    }
}

/// A required multi-line note (the same rules as [`text`]; kept apart so a note's limit and
/// any later difference stay in one place).
pub fn note(field: &str, value: &str, max: usize) -> Result<String> {
    text(field, value, max)
}

/// An optional multi-line note; empty becomes `None`.
pub fn opt_note(field: &str, value: Option<&str>, max: usize) -> Result<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => note(field, v, max).map(Some),
    }
}

/// The earliest time any record may carry.
pub fn earliest() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// A time at which something happened: not before 2000 and not more than a few minutes
/// after `now` (clocks of two machines differ a little).
pub fn past_time(field: &str, t: DateTime<Utc>, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    if t < earliest() {
        return Err(Error::out_of_range(field, "before_2000"));
    }
    if t > now + Duration::minutes(10) {
        return Err(Error::out_of_range(field, "future"));
    }
    Ok(t)
}

/// A time promised or planned: from an hour before `now` up to two years after.
pub fn future_time(field: &str, t: DateTime<Utc>, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    if t < now - Duration::hours(1) {
        return Err(Error::out_of_range(field, "past"));
    }
    if t > now + Duration::days(731) {
        return Err(Error::out_of_range(field, "too_far_ahead"));
    }
    Ok(t)
}

/// A whole number in `min..=max`.
pub fn int_range(field: &str, v: i64, min: i64, max: i64) -> Result<i64> {
    if v < min || v > max {
        return Err(Error::out_of_range(field, format!("{min}–{max}")));
    }
    Ok(v)
}

/// The last characters of an identity document: at most 4 letters or digits. A longer value is
/// refused rather than cut, so a full number is never stored by accident.
pub fn id_last4(field: &str, value: &str) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Error::required(field));
    }
    if v.chars().count() > 4 {
        return Err(Error::TooLong {
            field: field.to_owned(),
            max: 4,
        });
    }
    if !v.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(Error::invalid(field, "alnum_only"));
    }
    Ok(v.to_ascii_uppercase())
}

/// A phone number or other contact: digits, spaces, `+-()#` and letters for e-mail/handles.
pub fn contact(field: &str, value: &str) -> Result<String> {
    text(field, value, 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_trims_and_names_the_field() {
        assert_eq!(text("name", "  王小明 ", 10).unwrap(), "王小明");
        match text("name", "   ", 10) {
            Err(Error::Required { field }) => assert_eq!(field, "name"),
            other => panic!("{other:?}"),
        }
        // Stored as typed: control characters, NUL, overrides, markup, emoji.
        for typed in [
            "a\u{0}b",
            "a\nb",
            "\u{202E}abc",
            "<script>x</script>",
            "👛\u{7}",
        ] {
            assert_eq!(text("n", typed, 20).unwrap(), typed);
        }
        assert_eq!(note("n", "a\nb", 10).unwrap(), "a\nb");
        assert!(matches!(
            text("n", "黑色钱包黑色钱包", 7),
            Err(Error::TooLong { max: 7, .. })
        ));
        assert_eq!(text("n", "黑色钱包黑色钱", 7).unwrap(), "黑色钱包黑色钱");
    }

    #[test]
    fn id_last4_refuses_full_numbers() {
        assert_eq!(id_last4("f", "123x").unwrap(), "123X");
        assert!(id_last4("f", "110101199003071234").is_err());
        assert!(id_last4("f", "12-4").is_err());
    }
}
