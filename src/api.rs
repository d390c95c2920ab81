//! One API, two transports: every operation the UI needs is a named function of the core with
//! serde request and response types. The CLI (`frontdesk call <op> '<json>'`) and the desktop
//! shell's IPC both go through [`Desk::call`], so a new operation is written once: add it to
//! its register's `operations()` list.
//!
//! A call: find the operation, load the profile and the acting staff member into a [`Ctx`],
//! open a transaction (IMMEDIATE for writes, so a write never fails half-way on a lock
//! upgrade), decode the JSON request (an error names the field), run, commit. Any error rolls
//! the whole transaction back, so a refused request changes nothing.

use crate::ctx::{Actor, Ctx};
use crate::db::Db;
use crate::error::{ApiError, Error, Result};
use crate::i18n::Locale;
use crate::profile;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, TransactionBehavior};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::path::Path;
use std::sync::OnceLock;
use ts_rs::TS;

type Handler = Box<dyn Fn(&Connection, &Ctx, Value) -> Result<Value> + Send + Sync>;

/// A named operation.
pub struct Operation {
    pub name: &'static str,
    pub summary: &'static str,
    pub writes: bool,
    handler: Handler,
    pub(crate) types: crate::typescript::OpTypes,
}

impl std::fmt::Debug for Operation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Operation")
            .field("name", &self.name)
            .field("writes", &self.writes)
            .finish()
    }
}

fn make<Req, Resp, F>(name: &'static str, summary: &'static str, writes: bool, f: F) -> Operation
where
    Req: DeserializeOwned + TS + 'static,
    Resp: Serialize + TS + 'static,
    F: Fn(&Connection, &Ctx, Req) -> Result<Resp> + Send + Sync + 'static,
{
    Operation {
        name,
        summary,
        writes,
        types: crate::typescript::OpTypes::of::<Req, Resp>(),
        handler: Box::new(move |conn, ctx, input| {
            let req: Req = decode(input)?;
            let resp = f(conn, ctx, req)?;
            serde_json::to_value(resp)
                .map_err(|e| Error::Storage(format!("encoding the result: {e}")))
        }),
    }
}

/// An operation that only reads.
pub fn op_read<Req, Resp, F>(name: &'static str, summary: &'static str, f: F) -> Operation
where
    Req: DeserializeOwned + TS + 'static,
    Resp: Serialize + TS + 'static,
    F: Fn(&Connection, &Ctx, Req) -> Result<Resp> + Send + Sync + 'static,
{
    make(name, summary, false, f)
}

/// An operation that writes (and so must append to the audit log).
pub fn op_write<Req, Resp, F>(name: &'static str, summary: &'static str, f: F) -> Operation
where
    Req: DeserializeOwned + TS + 'static,
    Resp: Serialize + TS + 'static,
    F: Fn(&Connection, &Ctx, Req) -> Result<Resp> + Send + Sync + 'static,
{
    make(name, summary, true, f)
}

/// Decode a request; a type error or a missing field names the field by its JSON path.
pub fn decode<T: DeserializeOwned>(input: Value) -> Result<T> {
    let input = if input.is_null() {
        Value::Object(Default::default())
    } else {
        input
    };
    if !input.is_object() {
        return Err(Error::BadRequest(
            "the request must be a JSON object".into(),
        ));
    }
    serde_path_to_error::deserialize(input).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        // serde reports a missing field at its parent's path, with the name in backticks.
        if let Some(rest) = inner.strip_prefix("missing field `") {
            let name = rest.split('`').next().unwrap_or(rest);
            let field = if path == "." || path.is_empty() {
                name.to_owned()
            } else {
                format!("{path}.{name}")
            };
            return Error::required(&field);
        }
        if let Some(rest) = inner.strip_prefix("unknown field `") {
            let name = rest.split('`').next().unwrap_or(rest);
            return Error::invalid(name, "unknown_field");
        }
        let field = if path == "." || path.is_empty() {
            "request".to_owned()
        } else {
            path
        };
        let detail = if inner.starts_with("invalid type") {
            "wrong_type"
        } else if inner.starts_with("unknown variant") {
            "unknown_value"
        } else {
            "bad_format"
        };
        Error::invalid(&field, detail)
    })
}

/// Every operation, in `--help` order.
pub fn registry() -> &'static [Operation] {
    static OPS: OnceLock<Vec<Operation>> = OnceLock::new();
    OPS.get_or_init(|| {
        let mut ops = Vec::new();
        ops.extend(profile::operations());
        ops.extend(crate::auth::operations());
        ops.extend(crate::registers_operations());
        ops
    })
}

pub fn find(name: &str) -> Option<&'static Operation> {
    registry().iter().find(|o| o.name == name)
}

/// The counter's database with its operations: what the CLI and the app hold.
pub struct Desk {
    db: Db,
    /// Inside [`Desk::batch`]: operations run in savepoints of the batch's transaction.
    in_batch: bool,
}

impl Desk {
    pub fn new(db: Db) -> Desk {
        Desk {
            db,
            in_batch: false,
        }
    }

    pub fn open(path: &Path) -> Result<Desk> {
        Ok(Desk::new(Db::open(path)?))
    }

    pub fn open_in_memory() -> Result<Desk> {
        Ok(Desk::new(Db::open_in_memory()?))
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    pub fn db_mut(&mut self) -> &mut Db {
        &mut self.db
    }

    pub fn conn(&self) -> &Connection {
        self.db.conn()
    }

    /// The counter's language, English before set-up.
    pub fn locale(&self) -> Locale {
        profile::load_profile(self.db.conn())
            .map(|p| p.locale)
            .unwrap_or_default()
    }

    /// First set-up: profile and first admin.
    pub fn init(
        &mut self,
        req: &profile::InitCounter,
        now: DateTime<Utc>,
    ) -> Result<profile::Staff> {
        let tx = self
            .db
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let admin = profile::init(&tx, req, now)?;
        tx.commit()?;
        Ok(admin)
    }

    /// The context for `actor` (login, code or id) at `now`; a deactivated staff member is
    /// refused (`forbidden`, needed `active`).
    pub fn ctx(&self, actor: &str, now: DateTime<Utc>) -> Result<Ctx> {
        let (ctx, active) = self.any_ctx(actor, now)?;
        if !active {
            return Err(inactive());
        }
        Ok(ctx)
    }

    /// The context for `actor`, active or not (a refusal of a deactivated one is recorded
    /// under their name).
    fn any_ctx(&self, actor: &str, now: DateTime<Utc>) -> Result<(Ctx, bool)> {
        let profile = profile::load_profile(self.db.conn())?;
        let staff = profile::find_staff(self.db.conn(), actor)?;
        let ctx = Ctx {
            actor: Actor {
                id: staff.id,
                login: staff.login,
                name: staff.name,
                role: staff.role,
            },
            now,
            profile,
        };
        Ok((ctx, staff.active))
    }

    /// Run operation `op` as `actor` at `now` with a JSON request. A deactivated actor is
    /// refused, and the refusal recorded like any other `forbidden` one.
    pub fn call(
        &mut self,
        actor: &str,
        now: DateTime<Utc>,
        op: &str,
        input: Value,
    ) -> Result<Value> {
        let operation = find(op).ok_or_else(|| Error::UnknownOperation(op.to_owned()))?;
        let (ctx, active) = self.any_ctx(actor, now)?;
        if !active {
            let err = inactive();
            self.after_refusal(&ctx, operation, &err);
            return Err(err);
        }
        self.call_with(&ctx, operation, input)
    }

    /// Run an operation with an already built context.
    pub fn call_with(&mut self, ctx: &Ctx, operation: &Operation, input: Value) -> Result<Value> {
        let behavior = if operation.writes {
            TransactionBehavior::Immediate
        } else {
            TransactionBehavior::Deferred
        };
        let result = if self.in_batch {
            // Each operation is still all-or-nothing: a savepoint rolled back on error.
            let sp = self.db.conn_mut().savepoint()?;
            match (operation.handler)(&sp, ctx, input) {
                Ok(out) => sp.commit().map(|_| out).map_err(Error::from),
                Err(e) => Err(e),
            }
        } else {
            let tx = self.db.conn_mut().transaction_with_behavior(behavior)?;
            match (operation.handler)(&tx, ctx, input) {
                Ok(out) => tx.commit().map(|_| out).map_err(Error::from),
                Err(e) => Err(e),
            }
        };
        match &result {
            Err(e) => self.after_refusal(ctx, operation, e),
            Ok(_) if !self.in_batch => self.after_commit(ctx, operation),
            Ok(_) => {}
        }
        result
    }

    /// What follows an operation once it is committed. After `shift.close`, a verified backup
    /// into the backups folder beside the database file (not for an in-memory one): the shift's
    /// records are safe at every hand-over, from the app and the CLI alike. The close stands
    /// whatever happens here; a failed backup is itself recorded in the audit trail (entity
    /// `backup`, action `failed`), so it shows in the history and is not lost on a console.
    fn after_commit(&mut self, ctx: &Ctx, operation: &Operation) {
        if operation.name != "shift.close" || self.db.path().is_none() {
            return;
        }
        if let Err(e) = self.auto_backup(None, ctx.now, crate::backup::Trigger::ShiftClose) {
            let failure = serde_json::json!({"trigger": "shift_close", "error": e.to_string()});
            let _ = self.write_aside(|conn| {
                crate::audit::record(
                    conn,
                    ctx,
                    "backup",
                    0,
                    "failed",
                    Some(operation.name),
                    None::<&()>,
                    Some(&failure),
                )
                .map(drop)
            });
        }
    }

    /// A write outside any operation (what follows a refusal or a commit): in its own
    /// transaction, or inside the open batch.
    pub(crate) fn write_aside(&mut self, f: impl FnOnce(&Connection) -> Result<()>) -> Result<()> {
        if self.in_batch {
            return f(self.db.conn());
        }
        let tx = self
            .db
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        f(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// What a refused operation still writes once its own changes are rolled back: a
    /// `forbidden` is recorded in the audit trail, a wrong PIN counts (see `auth`). If even
    /// that cannot be written (disk full …) the refusal itself is still what the caller gets.
    fn after_refusal(&mut self, ctx: &Ctx, operation: &Operation, err: &Error) {
        if !matches!(err, Error::Forbidden { .. } | Error::WrongPin { .. }) {
            return;
        }
        let _ = self.write_aside(|conn| crate::auth::after_refusal(conn, ctx, operation.name, err));
    }

    /// Run many operations in one transaction (imports, the demo and benchmark generators):
    /// each operation is a savepoint, so a refused one changes nothing, and the whole batch is
    /// committed at the end, or rolled back if `f` fails.
    pub fn batch<T>(&mut self, f: impl FnOnce(&mut Desk) -> Result<T>) -> Result<T> {
        if self.in_batch {
            return f(self);
        }
        self.begin_batch()?;
        match f(self) {
            Ok(v) => {
                self.commit_batch()?;
                Ok(v)
            }
            Err(e) => {
                self.rollback_batch();
                Err(e)
            }
        }
    }

    /// Idle work the app runs when nobody is typing (and the CLI's `maintain`): checkpoint the
    /// WAL into the database file and do a bounded step of search-index merging, so that this
    /// work never lands inside a receptionist's save. Cheap when there is nothing to do.
    pub fn maintain(&mut self) -> Result<crate::db::Maintenance> {
        crate::db::maintain(self.db.conn())
    }

    /// Start a batch (see [`Desk::batch`]); end it with `commit_batch` or `rollback_batch`.
    pub fn begin_batch(&mut self) -> Result<()> {
        if !self.in_batch {
            self.db.conn().execute_batch("BEGIN IMMEDIATE")?;
            self.in_batch = true;
        }
        Ok(())
    }

    pub fn commit_batch(&mut self) -> Result<()> {
        if self.in_batch {
            self.in_batch = false;
            self.db.conn().execute_batch("COMMIT")?;
        }
        Ok(())
    }

    pub fn rollback_batch(&mut self) {
        if self.in_batch {
            self.in_batch = false;
            let _ = self.db.conn().execute_batch("ROLLBACK");
        }
    }

    /// [`Desk::call`] with the error translated for the counter: what transports return.
    pub fn call_api(
        &mut self,
        actor: &str,
        now: DateTime<Utc>,
        op: &str,
        input: Value,
    ) -> Result<Value, ApiError> {
        let locale = self.locale();
        self.call(actor, now, op, input)
            .map_err(|e| e.to_api(locale))
    }

    /// [`Desk::call_api`] with errors translated into `locale` (the app's screen language,
    /// which a receptionist may switch away from the counter's).
    pub fn call_api_in(
        &mut self,
        locale: Locale,
        actor: &str,
        now: DateTime<Utc>,
        op: &str,
        input: Value,
    ) -> Result<Value, ApiError> {
        self.call(actor, now, op, input)
            .map_err(|e| e.to_api(locale))
    }

    /// Typed convenience for Rust callers and tests: the same JSON path as every transport.
    pub fn run<Req: Serialize, Resp: DeserializeOwned>(
        &mut self,
        actor: &str,
        now: DateTime<Utc>,
        op: &str,
        req: &Req,
    ) -> Result<Resp> {
        let input = serde_json::to_value(req).map_err(|e| Error::BadRequest(e.to_string()))?;
        let out = self.call(actor, now, op, input)?;
        serde_json::from_value(out).map_err(|e| Error::Storage(format!("decoding the result: {e}")))
    }
}

/// The refusal of a deactivated staff member.
fn inactive() -> Error {
    Error::Forbidden {
        action: "act".into(),
        needed: "active",
    }
}
