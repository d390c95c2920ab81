//! Forms of the lost_found area (being written).

use super::Target;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::print::Document;
use rusqlite::Connection;

fn pending() -> Error {
    Error::invalid("form", "not_yet_available")
}

pub fn item_card(
    _c: &Connection,
    _ctx: &Ctx,
    _t: &Target,
    _l: Locale,
    _a6: bool,
) -> Result<Document> {
    Err(pending())
}
pub fn finder_receipt(_c: &Connection, _ctx: &Ctx, _t: &Target, _l: Locale) -> Result<Document> {
    Err(pending())
}
pub fn claim_form(_c: &Connection, _ctx: &Ctx, _t: &Target, _l: Locale) -> Result<Document> {
    Err(pending())
}
