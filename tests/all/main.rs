//! The integration tests: one binary, a module per register (see STYLE.md).

mod cli;
mod common;

mod complaints;
mod core;
mod demo;
mod fuzz;
mod i18n;
mod lost_found;
mod mail;
mod print;
mod shift;
mod storage;
