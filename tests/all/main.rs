//! The integration tests: one binary, a module per register (see STYLE.md).

mod common;

mod complaints;
mod core;
mod lost_found;
mod mail;
mod shift;
