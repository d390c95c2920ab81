//! The integration tests: one binary, a module per register (see STYLE.md).

mod attachments;
mod backups;
mod cli;
mod common;

mod auth;
mod complaints;
mod core;
mod crash;
mod demo;
mod faults;
mod forms_records;
mod forms_reports;
mod fuzz;
mod hostile;
mod i18n;
mod lost_found;
mod mail;
mod print;
mod shift;
mod storage;
mod typescript;
