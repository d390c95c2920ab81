//! Typed errors of the core and the one serialisable error that crosses every boundary.
//!
//! Inside the core, functions return [`Error`] (a `thiserror` enum). At the edge (CLI, IPC)
//! it becomes an [`ApiError`]: a stable [`ErrorCode`] the UI switches on, a message translated
//! into the counter's language, and the offending `field` where there is one. To add an error:
//! add a variant, map it to a code in [`Error::code`], and give it a message key in
//! `assets/i18n/*.json` (the catalogue test fails if a language lacks it).

use crate::i18n::{self, Locale};
use serde::{Deserialize, Serialize};

/// The closed set of error codes. The UI and scripts match on these, never on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A field is missing, empty, too long, out of range, of the wrong type or has bad characters.
    InvalidInput,
    /// The request is not valid JSON or not an object.
    BadRequest,
    /// The named record does not exist.
    NotFound,
    /// The record would duplicate one that must stay unique (e.g. an open parcel's tracking number).
    Duplicate,
    /// The record's state does not allow this action (e.g. claiming an item already returned).
    InvalidState,
    /// The next shift has not acknowledged the handover yet.
    HandoverPending,
    /// The operation needs an open shift.
    NoOpenShift,
    /// The acting staff member's role may not do this.
    Forbidden,
    /// The PIN is wrong (the message says how many attempts are left before the lock-out).
    WrongPin,
    /// Too many wrong PINs: no attempt is checked before the time in the message.
    Locked,
    /// The staff member has no PIN yet: an administrator sets one.
    PinNotSet,
    /// The operation name is not known.
    UnknownOperation,
    /// The counter has not been set up yet (`frontdesk init`).
    NotInitialised,
    /// The database is locked by another writer for longer than the busy timeout.
    Busy,
    /// The disk is full or the database file is read-only.
    StorageFull,
    ReadOnly,
    /// The database file or its audit chain fails verification.
    Corrupt,
    /// Any other storage or file-system failure.
    Storage,
}

/// Errors of the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{field} is required")]
    Required { field: String },
    #[error("{field} is longer than {max} characters")]
    TooLong { field: String, max: usize },
    #[error("{field} contains control characters")]
    ControlChars { field: String },
    #[error("{field} is out of range: {detail}")]
    OutOfRange { field: String, detail: String },
    #[error("{field} is not valid: {detail}")]
    Invalid { field: String, detail: String },
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("{entity} {id} not found")]
    NotFound { entity: &'static str, id: String },
    #[error("{field} duplicates {detail}")]
    Duplicate { field: String, detail: String },
    #[error("{entity} is {from}: cannot {action}")]
    InvalidState {
        entity: &'static str,
        from: String,
        action: &'static str,
    },
    #[error("the handover of the previous shift must be acknowledged first")]
    HandoverPending,
    #[error("no shift is open")]
    NoOpenShift,
    #[error("{action} needs the role {needed}")]
    Forbidden {
        action: String,
        needed: &'static str,
    },
    #[error("wrong PIN: {attempts_left} attempts left")]
    WrongPin {
        staff_id: i64,
        attempts_left: u32,
        /// No attempt is checked before this time (a delay, or the lock-out when 0 are left).
        retry_at: Option<chrono::DateTime<chrono::Utc>>,
        /// `retry_at` as the counter's local time, for the message.
        retry_local: String,
    },
    #[error("locked until {until}")]
    Locked {
        until: chrono::DateTime<chrono::Utc>,
        until_local: String,
    },
    #[error("{name} has no PIN yet")]
    PinNotSet { name: String },
    #[error("unknown operation {0}")]
    UnknownOperation(String),
    #[error("the counter is not set up yet: run `frontdesk init`")]
    NotInitialised,
    #[error("corrupt: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Storage(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn required(field: &str) -> Self {
        Error::Required {
            field: field.to_owned(),
        }
    }
    pub fn invalid(field: &str, detail: impl Into<String>) -> Self {
        Error::Invalid {
            field: field.to_owned(),
            detail: detail.into(),
        }
    }
    pub fn out_of_range(field: &str, detail: impl Into<String>) -> Self {
        Error::OutOfRange {
            field: field.to_owned(),
            detail: detail.into(),
        }
    }
    pub fn not_found(entity: &'static str, id: impl ToString) -> Self {
        Error::NotFound {
            entity,
            id: id.to_string(),
        }
    }
    pub fn state(entity: &'static str, from: impl ToString, action: &'static str) -> Self {
        Error::InvalidState {
            entity,
            from: from.to_string(),
            action,
        }
    }

    /// The stable code of this error.
    pub fn code(&self) -> ErrorCode {
        use rusqlite::ErrorCode as Sq;
        match self {
            Error::Required { .. }
            | Error::TooLong { .. }
            | Error::ControlChars { .. }
            | Error::OutOfRange { .. }
            | Error::Invalid { .. } => ErrorCode::InvalidInput,
            Error::BadRequest(_) => ErrorCode::BadRequest,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Duplicate { .. } => ErrorCode::Duplicate,
            Error::InvalidState { .. } => ErrorCode::InvalidState,
            Error::HandoverPending => ErrorCode::HandoverPending,
            Error::NoOpenShift => ErrorCode::NoOpenShift,
            Error::Forbidden { .. } => ErrorCode::Forbidden,
            Error::WrongPin { .. } => ErrorCode::WrongPin,
            Error::Locked { .. } => ErrorCode::Locked,
            Error::PinNotSet { .. } => ErrorCode::PinNotSet,
            Error::UnknownOperation(_) => ErrorCode::UnknownOperation,
            Error::NotInitialised => ErrorCode::NotInitialised,
            Error::Corrupt(_) => ErrorCode::Corrupt,
            Error::Sqlite(e) => match e.sqlite_error_code() {
                Some(Sq::DatabaseBusy) | Some(Sq::DatabaseLocked) => ErrorCode::Busy,
                Some(Sq::DiskFull) => ErrorCode::StorageFull,
                Some(Sq::ReadOnly) | Some(Sq::CannotOpen) => ErrorCode::ReadOnly,
                Some(Sq::DatabaseCorrupt) | Some(Sq::NotADatabase) => ErrorCode::Corrupt,
                _ => ErrorCode::Storage,
            },
            Error::Io(_) | Error::Storage(_) => ErrorCode::Storage,
        }
    }

    /// The request field this error is about, as the JSON path the caller sent.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Required { field }
            | Error::TooLong { field, .. }
            | Error::ControlChars { field }
            | Error::OutOfRange { field, .. }
            | Error::Invalid { field, .. }
            | Error::Duplicate { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The translated, human message for `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let field = self
            .field()
            .map(|f| i18n::field_label(locale, f))
            .unwrap_or_default();
        let t = |key: &str, args: &[(&str, &str)]| i18n::tr_args(locale, key, args);
        // A detail is a catalogue key (`detail.future`) where one exists, else shown as is.
        let detail = |d: &str| match i18n::lookup(locale, &format!("detail.{d}")) {
            Some(s) => s.to_owned(),
            None => d.to_owned(),
        };
        match self {
            Error::Required { .. } => t("error.required", &[("field", &field)]),
            Error::TooLong { max, .. } => t(
                "error.too_long",
                &[("field", &field), ("max", &max.to_string())],
            ),
            Error::ControlChars { .. } => t("error.control_chars", &[("field", &field)]),
            Error::OutOfRange { detail: d, .. } => t(
                "error.out_of_range",
                &[("field", &field), ("detail", &detail(d))],
            ),
            Error::Invalid { detail: d, .. } => t(
                "error.invalid",
                &[("field", &field), ("detail", &detail(d))],
            ),
            Error::BadRequest(d) => t("error.bad_request", &[("detail", d)]),
            Error::NotFound { entity, id } => t(
                "error.not_found",
                &[("entity", &i18n::entity_label(locale, entity)), ("id", id)],
            ),
            Error::Duplicate { detail, .. } => {
                t("error.duplicate", &[("field", &field), ("detail", detail)])
            }
            Error::InvalidState {
                entity,
                from,
                action,
            } => t(
                "error.invalid_state",
                &[
                    ("entity", &i18n::entity_label(locale, entity)),
                    ("state", &i18n::tr(locale, &format!("status.{from}"))),
                    ("action", &i18n::tr(locale, &format!("action.{action}"))),
                ],
            ),
            Error::HandoverPending => t("error.handover_pending", &[]),
            Error::NoOpenShift => t("error.no_open_shift", &[]),
            Error::Forbidden { action, needed } => t(
                "error.forbidden",
                &[
                    ("action", &i18n::tr(locale, &format!("action.{action}"))),
                    ("role", &i18n::tr(locale, &format!("role.{needed}"))),
                ],
            ),
            Error::WrongPin {
                attempts_left,
                retry_local,
                ..
            } => {
                let left = attempts_left.to_string();
                let args = [("left", left.as_str()), ("time", retry_local.as_str())];
                match (attempts_left, retry_local.is_empty()) {
                    (0, _) => t("error.wrong_pin_locked", &args),
                    (_, true) => t("error.wrong_pin", &args),
                    (_, false) => t("error.wrong_pin_wait", &args),
                }
            }
            Error::Locked { until_local, .. } => t("error.locked", &[("time", until_local)]),
            Error::PinNotSet { name } => t("error.pin_not_set", &[("name", name)]),
            Error::UnknownOperation(op) => t("error.unknown_operation", &[("op", op)]),
            Error::NotInitialised => t("error.not_initialised", &[]),
            Error::Corrupt(d) => t("error.corrupt", &[("detail", d)]),
            Error::Sqlite(_) | Error::Io(_) | Error::Storage(_) => match self.code() {
                ErrorCode::Busy => t("error.busy", &[]),
                ErrorCode::StorageFull => t("error.storage_full", &[]),
                ErrorCode::ReadOnly => t("error.read_only", &[]),
                ErrorCode::Corrupt => t("error.corrupt", &[("detail", &self.to_string())]),
                _ => t("error.storage", &[("detail", &self.to_string())]),
            },
        }
    }

    pub fn to_api(&self, locale: Locale) -> ApiError {
        ApiError {
            code: self.code(),
            message: self.message(locale),
            field: self.field().map(str::to_owned),
        }
    }
}

/// The error every transport returns: `{code, message, field?}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for ApiError {}
