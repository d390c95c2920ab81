//! The translation catalogue: one JSON file per language under `assets/i18n/`, shared by the
//! screens, the printed forms and the error messages, so a form and the screen use the same
//! words. Keys are flat (`field.tracking_no`, `status.open`, `error.required`); a `{name}` in a
//! message is replaced by the argument of that name. A key missing in a language falls back to
//! English, then to the key itself; `tests/` checks every language has every English key.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The languages of the counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, ts_rs::TS)]
pub enum Locale {
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "ko")]
    Ko,
    #[default]
    #[serde(rename = "en")]
    En,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::ZhCn, Locale::Ko, Locale::En];

    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::Ko => "ko",
            Locale::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Locale> {
        match s.to_ascii_lowercase().as_str() {
            "zh-cn" | "zh" | "zh-hans" | "zh_cn" => Some(Locale::ZhCn),
            "ko" | "ko-kr" | "ko_kr" => Some(Locale::Ko),
            "en" | "en-us" | "en-gb" => Some(Locale::En),
            _ => None,
        }
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

type Catalogue = BTreeMap<String, String>;

/// The catalogue files of one language, one per area, merged at load. A register adds its
/// words to its own file (`assets/i18n/<lang>/<area>.json`).
macro_rules! files {
    ($lang:literal) => {
        [
            include_str!(concat!("../assets/i18n/", $lang, "/core.json")),
            include_str!(concat!("../assets/i18n/", $lang, "/shift.json")),
            include_str!(concat!("../assets/i18n/", $lang, "/checklist.json")),
            include_str!(concat!("../assets/i18n/", $lang, "/lost_found.json")),
            include_str!(concat!("../assets/i18n/", $lang, "/mail.json")),
            include_str!(concat!("../assets/i18n/", $lang, "/complaints.json")),
            include_str!(concat!("../assets/i18n/", $lang, "/print.json")),
            include_str!(concat!("../assets/i18n/", $lang, "/print_records.json")),
            include_str!(concat!("../assets/i18n/", $lang, "/print_reports.json")),
            include_str!(concat!("../assets/i18n/", $lang, "/ui.json")),
            include_str!(concat!("../assets/i18n/", $lang, "/ui_duty.json")),
            include_str!(concat!("../assets/i18n/", $lang, "/ui_lost_found.json")),
            include_str!(concat!("../assets/i18n/", $lang, "/ui_mail.json")),
            include_str!(concat!("../assets/i18n/", $lang, "/ui_complaints.json")),
            include_str!(concat!("../assets/i18n/", $lang, "/ui_shift.json")),
            include_str!(concat!("../assets/i18n/", $lang, "/ui_settings.json")),
            include_str!(concat!("../assets/i18n/", $lang, "/attachments.json")),
            include_str!(concat!("../assets/i18n/", $lang, "/auth.json")),
        ]
    };
}

const EN: [&str; 18] = files!("en");
const ZH_CN: [&str; 18] = files!("zh-CN");
const KO: [&str; 18] = files!("ko");

fn parse(files: &[&str]) -> Catalogue {
    // The catalogues are compiled in and checked by tests (valid JSON, every key in every
    // language); a broken file is a build defect, so skipping it (keys shown as themselves)
    // is the least harmful fallback at run time.
    let mut cat = Catalogue::new();
    for src in files {
        if let Ok(part) = serde_json::from_str::<Catalogue>(src) {
            cat.extend(part);
        }
    }
    cat
}

/// Parse one catalogue file strictly (tests and tools).
pub fn check_file(src: &str) -> Result<BTreeMap<String, String>, serde_json::Error> {
    serde_json::from_str(src)
}

/// The raw sources of a language's catalogue files.
pub fn sources(locale: Locale) -> &'static [&'static str] {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::Ko => &KO,
        Locale::En => &EN,
    }
}

/// The raw catalogue of one language (the UI loads the same files).
pub fn catalogue(locale: Locale) -> &'static Catalogue {
    static CATS: OnceLock<[Catalogue; 3]> = OnceLock::new();
    let cats = CATS.get_or_init(|| [parse(&ZH_CN), parse(&KO), parse(&EN)]);
    match locale {
        Locale::ZhCn => &cats[0],
        Locale::Ko => &cats[1],
        Locale::En => &cats[2],
    }
}

/// The text of `key` in `locale`, falling back to English, then to the key.
pub fn tr(locale: Locale, key: &str) -> String {
    lookup(locale, key).unwrap_or(key).to_owned()
}

/// Whether `key` exists in `locale` or in English.
pub fn lookup(locale: Locale, key: &str) -> Option<&'static str> {
    catalogue(locale)
        .get(key)
        .or_else(|| catalogue(Locale::En).get(key))
        .map(String::as_str)
}

/// [`tr`] with `{name}` placeholders replaced.
pub fn tr_args(locale: Locale, key: &str, args: &[(&str, &str)]) -> String {
    let mut s = tr(locale, key);
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}

/// The label of a request field: `field.<last path segment>`, or the raw name.
pub fn field_label(locale: Locale, path: &str) -> String {
    let last = path
        .rsplit('.')
        .next()
        .unwrap_or(path)
        .split('[')
        .next()
        .unwrap_or(path);
    match lookup(locale, &format!("field.{last}")) {
        Some(label) => label.to_owned(),
        None => last.to_owned(),
    }
}

/// The label of a kind of record (`entity.parcel` …).
pub fn entity_label(locale: Locale, entity: &str) -> String {
    tr(locale, &format!("entity.{entity}"))
}
