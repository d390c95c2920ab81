//! Forms of this area (being written).

use super::Target;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::print::Document;
use rusqlite::Connection;

fn pending() -> Error {
    Error::invalid("form", "not_yet_available")
}

pub fn handover(_c: &Connection, _ctx: &Ctx, _t: &Target, _l: Locale) -> Result<Document> {
    Err(pending())
}

pub fn checklist(
    _c: &Connection,
    _ctx: &Ctx,
    _t: &Target,
    _l: Locale,
    _safety: bool,
) -> Result<Document> {
    Err(pending())
}
