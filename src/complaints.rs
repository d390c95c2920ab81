//! (being written)

use crate::api::Operation;
#[allow(unused_imports)]
use crate::ctx::Ctx;
#[allow(unused_imports)]
use crate::dashboard::OpenItem;
#[allow(unused_imports)]
use rusqlite::Connection;

pub fn operations() -> Vec<Operation> {
    Vec::new()
}

pub fn open_items(_conn: &Connection, _ctx: &Ctx) -> crate::error::Result<Vec<OpenItem>> {
    Ok(Vec::new())
}
