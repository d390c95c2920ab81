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

pub fn lost_summary(_c: &Connection, _ctx: &Ctx, _t: &Target, _l: Locale) -> Result<Document> {
    Err(pending())
}

pub fn unclaimed_handover(
    _c: &Connection,
    _ctx: &Ctx,
    _t: &Target,
    _l: Locale,
) -> Result<Document> {
    Err(pending())
}

pub fn good_deeds(_c: &Connection, _ctx: &Ctx, _t: &Target, _l: Locale) -> Result<Document> {
    Err(pending())
}

pub fn complaint_stats(_c: &Connection, _ctx: &Ctx, _t: &Target, _l: Locale) -> Result<Document> {
    Err(pending())
}

pub fn duty_log_archive(_c: &Connection, _ctx: &Ctx, _t: &Target, _l: Locale) -> Result<Document> {
    Err(pending())
}
