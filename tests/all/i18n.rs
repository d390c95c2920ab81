//! The translation catalogue: valid files, every key in every language, same placeholders.
use frontdesk::i18n::{self, Locale};
use std::collections::BTreeSet;

fn placeholders(s: &str) -> BTreeSet<String> {
    s.split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_owned()))
        .collect()
}

#[test]
fn every_catalogue_file_parses_and_every_language_has_every_key() {
    for l in Locale::ALL {
        for (i, src) in i18n::sources(l).iter().enumerate() {
            i18n::check_file(src).unwrap_or_else(|e| panic!("{l} file #{i}: {e}"));
        }
    }
    let en = i18n::catalogue(Locale::En);
    for l in [Locale::ZhCn, Locale::Ko] {
        let other = i18n::catalogue(l);
        let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{l} lacks {missing:?}");
        let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(extra.is_empty(), "{l} has keys English lacks: {extra:?}");
        for (k, v) in en {
            assert_eq!(
                placeholders(v),
                placeholders(&other[k]),
                "{l} {k}: placeholders differ"
            );
        }
    }
}

#[test]
fn error_messages_are_translated_not_keys() {
    let e = frontdesk::Error::out_of_range("found_at", "future");
    assert_eq!(e.to_api(Locale::ZhCn).field.as_deref(), Some("found_at"));
    assert!(e.message(Locale::ZhCn).contains("晚于当前时间"));
    assert!(e.message(Locale::Ko).contains("현재 시각 이후"));
    for l in Locale::ALL {
        for err in [
            frontdesk::Error::NoOpenShift,
            frontdesk::Error::HandoverPending,
            frontdesk::Error::NotInitialised,
        ] {
            let m = err.message(l);
            assert!(!m.starts_with("error."), "{l}: {m}");
        }
    }
}

#[test]
fn no_key_is_defined_twice_with_different_words() {
    for l in Locale::ALL {
        let mut seen: std::collections::BTreeMap<String, String> = Default::default();
        for src in i18n::sources(l) {
            for (k, v) in i18n::check_file(src).unwrap() {
                if let Some(prev) = seen.insert(k.clone(), v.clone()) {
                    assert_eq!(prev, v, "{l}: {k} is defined twice with different words; keep shared labels in core.json");
                }
            }
        }
    }
}
