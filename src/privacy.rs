//! Personal data of visitors and residents as shown outside their own record: the one place
//! phone numbers, other contacts and identity numbers are masked — for lists and search
//! results, printed forms and masked exports alike, so all of them hide the same digits.
//!
//! Identity documents are never stored beyond their last 4 characters (`validate::id_last4`);
//! [`mask_id`] only dresses those up. A full phone number is shown on its own record only.

/// A contact with its middle hidden. A phone number keeps its first 3 and last 4 digits (3 of
/// 8–9 digits, 2 of fewer; separators stay where they are): `13812345678` → `138****5678`,
/// `010-1234-5678` → `010-****-5678`. An e-mail address keeps two letters and its domain;
/// another contact (a WeChat or Kakao handle) keeps only its first and last character.
pub fn mask_contact(contact: &str) -> String {
    let s = contact.trim();
    if let Some((local, domain)) = s.split_once('@') {
        let keep: String = local.chars().take(2).collect();
        return format!("{keep}***@{domain}");
    }
    if s.chars().any(char::is_alphabetic) || s.chars().filter(char::is_ascii_digit).count() < 5 {
        let chars: Vec<char> = s.chars().collect();
        return match chars.as_slice() {
            [] => String::new(),
            [_] | [_, _] => "*".repeat(chars.len()),
            [first, .., last] => format!("{first}***{last}"),
        };
    }
    mask_digits(s)
}

/// [`mask_contact`] of an optional contact.
pub fn mask_opt(contact: &mut Option<String>) {
    if let Some(c) = contact {
        *c = mask_contact(c);
    }
}

/// Keep the first 3 and the last 4 digits (3 of 8–9, 2 of fewer), star the rest.
fn mask_digits(s: &str) -> String {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let keep_last = match digits {
        10.. => 4,
        8 | 9 => 3,
        _ => 2,
    };
    let keep_first = 3.min(digits.saturating_sub(keep_last + 1));
    let mut i = 0;
    s.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                i += 1;
                if i <= keep_first || i > digits - keep_last {
                    c
                } else {
                    '*'
                }
            } else {
                c
            }
        })
        .collect()
}

/// Free text with the phone numbers in it masked: a run of digits and hyphens of 9–13 digits
/// that starts with 0 or 1 (or follows `+`) and is not part of a code such as `SF1234567890`
/// or a date.
pub fn mask_phones(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let starts_run = c.is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '-'));
        if !starts_run {
            out.push(c);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '-') {
            j += 1;
        }
        // Trailing hyphens are not part of the number.
        let mut end = j;
        while end > i && chars[end - 1] == '-' {
            end -= 1;
        }
        let run: String = chars[i..end].iter().collect();
        let digits = run.chars().filter(char::is_ascii_digit).count();
        let glued = j < chars.len() && chars[j].is_ascii_alphanumeric();
        let plus = i > 0 && chars[i - 1] == '+';
        let phone = !glued && (9..=13).contains(&digits) && (plus || c == '0' || c == '1');
        if phone {
            out.push_str(&mask_digits(&run));
        } else {
            out.push_str(&run);
        }
        i = end;
    }
    out
}

/// An identity-document number of which only the last characters are stored: `******1234`.
pub fn mask_id(last4: &str) -> String {
    format!("******{}", last4.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_contacts_keep_first_three_and_last_four_digits() {
        assert_eq!(mask_contact("13812345678"), "138****5678");
        assert_eq!(mask_contact("010-1234-5678"), "010-****-5678");
        assert_eq!(mask_contact("+86 138 1234 5678"), "+86 1** **** 5678");
        assert_eq!(mask_contact("02-123-4567"), "02-1**-*567");
        assert_eq!(mask_contact("6543210"), "654**10");
        assert_eq!(mask_contact("12345"), "12*45");
        assert_eq!(mask_contact(" 13812345678 "), "138****5678");
    }

    #[test]
    fn other_contacts_keep_their_ends_or_their_domain() {
        assert_eq!(mask_contact("wx_zhang88"), "w***8");
        assert_eq!(mask_contact("1234"), "1***4");
        assert_eq!(mask_contact("ab"), "**");
        assert_eq!(mask_contact(""), "");
        assert_eq!(mask_contact("wang.fang@example.com"), "wa***@example.com");
    }

    #[test]
    fn phone_numbers_in_free_text_are_masked_not_dates_or_codes() {
        assert_eq!(
            mask_phones("请回电13812345678，或 010-1234-5678。"),
            "请回电138****5678，或 010-****-5678。"
        );
        assert_eq!(
            mask_phones("2026-11-24 快递 SF1234567890123 已到 DL-000123"),
            "2026-11-24 快递 SF1234567890123 已到 DL-000123"
        );
        assert_eq!(mask_phones("房号 1201，共 3 件"), "房号 1201，共 3 件");
        assert_eq!(mask_phones("+821012345678"), "+821*****5678");
    }

    #[test]
    fn identity_numbers_show_the_last_four_only() {
        assert_eq!(mask_id("123X"), "******123X");
    }
}
