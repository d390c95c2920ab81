//! Consistent copies of the database, restoring from them, and the start-up health check.
//!
//! A backup uses SQLite's online backup API, so it is consistent while the app keeps writing,
//! and is verified after writing (integrity check and audit chain). A restore refuses a file
//! that fails integrity, was made by a newer program, or whose audit chain is broken; before
//! replacing anything it saves the current database beside it, so a restore can be undone.
//!
//! Automatic backups ([`auto`], [`Desk::auto_backup`]) go into a backups folder (by default
//! `backups/` beside the database) as `frontdesk-YYYYMMDD-HHMMSS-<trigger>.sqlite3`, stamped
//! with the counter's local time, and are pruned on a rotation: the newest of each of the
//! last [`KEEP_DAILY`] days and of each of the last [`KEEP_MONTHLY`] months that have one.
//! Only files with that name shape are ever pruned; the one just written never is.
//! [`health`] / [`Desk::health`] is what the app runs at start-up: `quick_check` and the audit
//! chain, and, if either fails, the newest backup that verifies ([`newest_good`]).

use crate::api::Desk;
use crate::audit;
use crate::db::{self, Db};
use crate::error::{Error, ErrorCode, Result};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags, MAIN_DB};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What a backup or a verification found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct FileCheck {
    pub path: PathBuf,
    pub schema_version: u32,
    pub integrity_ok: bool,
    pub audit_events: i64,
    pub audit_ok: bool,
    /// The first problem, if any.
    pub problem: Option<String>,
}

impl FileCheck {
    pub fn ok(&self) -> bool {
        self.problem.is_none()
    }
}

/// `PRAGMA integrity_check`: `None` when the file is sound, else the first problem.
pub fn integrity_problem(conn: &Connection) -> Result<Option<String>> {
    let first: String = conn.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))?;
    Ok(if first == "ok" { None } else { Some(first) })
}

/// Check a database file without changing it.
pub fn check_file(path: &Path) -> Result<FileCheck> {
    if !path.is_file() {
        return Err(Error::Storage(format!("{} is not a file", path.display())));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| Error::Corrupt(format!("{}: {e}", path.display())))?;
    conn.busy_timeout(db::BUSY_TIMEOUT)?;
    let mut check = FileCheck {
        path: path.to_owned(),
        schema_version: 0,
        integrity_ok: false,
        audit_events: 0,
        audit_ok: false,
        problem: None,
    };
    match integrity_problem(&conn) {
        Ok(None) => check.integrity_ok = true,
        Ok(Some(p)) => {
            check.problem = Some(format!("integrity check: {p}"));
            return Ok(check);
        }
        Err(e) => {
            check.problem = Some(format!("not a readable database: {e}"));
            return Ok(check);
        }
    }
    check.schema_version = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if check.schema_version == 0 {
        check.problem = Some("not a Front desk database (no schema)".into());
        return Ok(check);
    }
    if check.schema_version > db::latest_version() {
        check.problem = Some(format!(
            "made by a newer program (schema {} > {})",
            check.schema_version,
            db::latest_version()
        ));
        return Ok(check);
    }
    if let Err(e) = db::check_migrations(&conn, check.schema_version) {
        check.problem = Some(format!("migrations: {e}"));
        return Ok(check);
    }
    match audit::verify(&conn) {
        Ok(report) => {
            check.audit_events = report.events;
            check.audit_ok = report.ok();
            if let Some(b) = report.broken {
                check.problem = Some(format!(
                    "audit chain broken at event {}: {}",
                    b.seq, b.problem
                ));
            }
        }
        Err(e) => check.problem = Some(format!("audit log unreadable: {e}")),
    }
    // Last, so that a broken audit chain is named as such (its guard triggers are part of the
    // schema too).
    if check.problem.is_none() {
        match schema_problem(&conn, check.schema_version) {
            Ok(None) => {}
            Ok(Some(p)) | Err(p) => check.problem = Some(format!("schema: {p}")),
        }
    }
    Ok(check)
}

/// The schema of a file at `version` must be exactly the one this program makes at that
/// version (the migrations are the only way it changes): a damaged or edited table definition
/// passes `integrity_check` and only fails later, when a statement first uses it.
fn schema_problem(conn: &Connection, version: u32) -> std::result::Result<Option<String>, String> {
    const SCHEMA: &str = "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema
                          WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name";
    let read = |c: &Connection| -> rusqlite::Result<Vec<(String, String, String, String)>> {
        c.prepare(SCHEMA)?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect()
    };
    let reference = Db::open_at_version(Path::new(":memory:"), version)
        .map_err(|e| format!("building the reference schema: {e}"))?;
    let expected = read(reference.conn()).map_err(|e| e.to_string())?;
    let found = read(conn).map_err(|e| e.to_string())?;
    if found == expected {
        return Ok(None);
    }
    let first = found
        .iter()
        .zip(&expected)
        .find(|(a, b)| a != b)
        .map(|(a, _)| a.1.clone())
        .unwrap_or_else(|| format!("{} objects, expected {}", found.len(), expected.len()));
    Ok(Some(format!(
        "differs from the one this program makes ({first})"
    )))
}

/// Copy the open database to `dest` (consistent while others write), then verify the copy.
pub fn backup_to(db: &Db, dest: &Path) -> Result<FileCheck> {
    if let Some(src) = db.path() {
        if same_file(src, dest) {
            return Err(Error::invalid("file", "backup_is_database"));
        }
    }
    if let Some(dir) = dest.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir)?;
        }
    }
    // Write to a temporary name first, so a failed backup never leaves a half file under the
    // name a person will look for.
    let tmp = dest.with_extension("partial");
    let _ = std::fs::remove_file(&tmp);
    let copied = db
        .conn()
        .backup(MAIN_DB, &tmp, None::<fn(rusqlite::backup::Progress)>)
        .map_err(Error::from)
        .and_then(|()| {
            // The copy is a standalone file: no WAL beside it.
            let c = Connection::open(&tmp)?;
            c.execute_batch("PRAGMA journal_mode = DELETE;")?;
            Ok(())
        });
    if let Err(e) = copied {
        // A disk that filled up mid-copy leaves no half file behind.
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, dest)?;
    let check = check_file(dest)?;
    if let Some(p) = &check.problem {
        return Err(Error::Corrupt(format!(
            "the backup failed verification: {p}"
        )));
    }
    Ok(check)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// The outcome of a restore.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Restored {
    pub from: FileCheck,
    /// Where the database as it was before the restore was saved.
    pub previous_saved_to: Option<PathBuf>,
    /// A damaged database (one that failed its check, or did not open) is not copied through
    /// SQLite: it is moved aside as it was, with its `-wal` and `-shm`, to this path.
    pub damaged_kept_at: Option<PathBuf>,
}

/// Move the database file and its `-wal` / `-shm` to `<db>.damaged-<stamp>…`; the path of the
/// main file moved.
fn set_aside(db_path: &Path, stamp: &str) -> Result<PathBuf> {
    let aside = |ext: &str| PathBuf::from(format!("{}.damaged-{stamp}{ext}", db_path.display()));
    for ext in ["", "-wal", "-shm"] {
        let live = PathBuf::from(format!("{}{ext}", db_path.display()));
        if live.exists() {
            std::fs::rename(&live, aside(ext))?;
        }
    }
    Ok(aside(""))
}

/// Undo [`set_aside`]: the damaged file goes back where it was (a failed restore leaves the
/// counter as it was, damaged or not).
fn put_back(db_path: &Path, aside: &Path) -> Result<()> {
    for ext in ["", "-wal", "-shm"] {
        let live = PathBuf::from(format!("{}{ext}", db_path.display()));
        let kept = PathBuf::from(format!("{}{ext}", aside.display()));
        if live.exists() {
            std::fs::remove_file(&live)?;
        }
        if kept.exists() {
            std::fs::rename(&kept, &live)?;
        }
    }
    Ok(())
}

/// Whether the database at `path` opens and passes the start-up check.
fn is_healthy(path: &Path) -> bool {
    match Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) {
        Ok(conn) => {
            let _ = conn.busy_timeout(db::BUSY_TIMEOUT);
            health_of(&conn).ok
        }
        Err(_) => false,
    }
}

/// Replace the database at `db_path` with the verified backup `from`. A healthy current
/// database is first saved as `<db>.before-restore-<stamp>.sqlite3` (`stamp` passed in, e.g.
/// the time); a damaged one is moved aside as it is (`<db>.damaged-<stamp>`). Nothing may
/// have the file open. Whoever asks has been checked by the caller (`Desk::may_restore`).
pub fn restore(db_path: &Path, from: &Path, stamp: &str) -> Result<Restored> {
    let check = check_file(from)?;
    if let Some(p) = &check.problem {
        return Err(Error::Corrupt(format!(
            "{} was not restored: {p}",
            from.display()
        )));
    }
    let mut previous_saved_to = None;
    let mut damaged_kept_at = None;
    if db_path.exists() && !is_healthy(db_path) {
        damaged_kept_at = Some(set_aside(db_path, stamp)?);
    } else if db_path.exists() {
        let current = Db::open(db_path)?;
        let save = db_path.with_file_name(format!(
            "{}.before-restore-{stamp}.sqlite3",
            db_path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("frontdesk")
        ));
        current
            .conn()
            .backup(MAIN_DB, &save, None::<fn(rusqlite::backup::Progress)>)?;
        previous_saved_to = Some(save);
        drop(current);
    }
    let copy_in = |src: &Path| -> Result<()> {
        let mut conn = Connection::open(db_path)?;
        conn.busy_timeout(db::BUSY_TIMEOUT)?;
        conn.restore(
            MAIN_DB,
            src,
            Some(|_: rusqlite::backup::Progress| std::thread::sleep(Duration::from_millis(0))),
        )?;
        Ok(())
    };
    // Bring an older backup up to this program's schema. Should that fail after all, the
    // database as it was goes back in place: a failed restore leaves the counter as it was.
    if let Err(e) = copy_in(from).and_then(|()| Db::open(db_path).map(drop)) {
        if let Some(prev) = &previous_saved_to {
            copy_in(prev)?;
        }
        if let Some(aside) = &damaged_kept_at {
            put_back(db_path, aside)?;
        }
        return Err(match e.code() {
            ErrorCode::Busy | ErrorCode::StorageFull | ErrorCode::ReadOnly => e,
            _ => Error::Corrupt(format!("{} was not restored: {e}", from.display())),
        });
    }
    Ok(Restored {
        from: check,
        previous_saved_to,
        damaged_kept_at,
    })
}

/// How many days, and months, of automatic backups the rotation keeps.
pub const KEEP_DAILY: usize = 14;
pub const KEEP_MONTHLY: usize = 12;

const AUTO_PREFIX: &str = "frontdesk-";
const AUTO_SUFFIX: &str = ".sqlite3";
const STAMP: &str = "%Y%m%d-%H%M%S";

/// Why an automatic backup was made (the last part of its file name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    /// After a shift was closed.
    ShiftClose,
    /// The once-a-day backup.
    Daily,
    /// Asked for by a person (`frontdesk backup --auto`).
    Manual,
}

impl Trigger {
    pub fn name(self) -> &'static str {
        match self {
            Trigger::ShiftClose => "shift_close",
            Trigger::Daily => "daily",
            Trigger::Manual => "manual",
        }
    }
}

/// What an automatic backup did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct AutoBackup {
    /// The new backup, verified.
    pub file: FileCheck,
    pub trigger: Trigger,
    /// Older automatic backups removed by the rotation.
    pub pruned: Vec<PathBuf>,
    /// Automatic backups in the folder after pruning (the new one included).
    pub kept: usize,
}

/// One automatic backup found in a backups folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutoFile {
    pub path: PathBuf,
    /// The counter's local time it was taken at (from its name).
    pub taken: NaiveDateTime,
    /// 1, or n for the n-th backup made in the same second (`-n` in the name).
    pub nth: u32,
}

/// The default backups folder: `backups/` beside the database file.
pub fn default_dir(db_path: &Path) -> PathBuf {
    match db_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.join("backups"),
        _ => PathBuf::from("backups"),
    }
}

/// The local time (and same-second number) in an automatic backup's name, or `None` if the
/// file is not one of ours.
fn parse_auto_name(name: &str) -> Option<(NaiveDateTime, u32)> {
    let rest = name.strip_prefix(AUTO_PREFIX)?.strip_suffix(AUTO_SUFFIX)?;
    let stamp = rest.get(..15)?;
    let taken = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    // `-<trigger>` and, for a second backup in the same second, `-<n>`.
    let mut parts = rest.get(15..)?.strip_prefix('-')?.split('-');
    let trigger = parts.next()?;
    if ![Trigger::ShiftClose, Trigger::Daily, Trigger::Manual]
        .iter()
        .any(|t| t.name() == trigger)
    {
        return None;
    }
    match (parts.next(), parts.next()) {
        (None, _) => Some((taken, 1)),
        (Some(n), None) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            Some((taken, n.parse().ok()?))
        }
        _ => None,
    }
}

/// The automatic backups in `dir`, newest first (a missing folder holds none).
pub fn list(dir: &Path) -> Result<Vec<AutoFile>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry?;
        let Some((taken, nth)) = entry.file_name().to_str().and_then(parse_auto_name) else {
            continue;
        };
        if entry.file_type()?.is_file() {
            files.push(AutoFile {
                path: entry.path(),
                taken,
                nth,
            });
        }
    }
    files.sort_by(|a, b| {
        (b.taken, b.nth)
            .cmp(&(a.taken, a.nth))
            .then_with(|| b.path.cmp(&a.path))
    });
    Ok(files)
}

/// Write an automatic backup of `db` into `dir`, stamped `local_now` (the counter's local
/// time), verify it, then prune the folder on the rotation. A copy that fails verification
/// is renamed `*.failed` (kept for inspection, never counted as a backup) and the error
/// returned.
pub fn auto(db: &Db, dir: &Path, local_now: NaiveDateTime, trigger: Trigger) -> Result<AutoBackup> {
    std::fs::create_dir_all(dir)?;
    let base = format!(
        "{AUTO_PREFIX}{}-{}",
        local_now.format(STAMP),
        trigger.name()
    );
    let mut dest = dir.join(format!("{base}{AUTO_SUFFIX}"));
    let mut n = 2;
    while dest.exists() {
        dest = dir.join(format!("{base}-{n}{AUTO_SUFFIX}"));
        n += 1;
    }
    let file = match backup_to(db, &dest) {
        Ok(check) => check,
        Err(e) => {
            if dest.exists() {
                let _ = std::fs::rename(&dest, dest.with_extension("failed"));
            }
            return Err(e);
        }
    };
    let pruned = prune(dir, &dest)?;
    let kept = list(dir)?.len();
    Ok(AutoBackup {
        file,
        trigger,
        pruned,
        kept,
    })
}

/// Apply the rotation to `dir`: keep the newest automatic backup of each of the last
/// [`KEEP_DAILY`] days and of each of the last [`KEEP_MONTHLY`] months that have one, and
/// `keep`; remove the other automatic backups. Returns what was removed. Days without a
/// backup do not count, so a counter closed for a season still keeps its last backups.
pub fn prune(dir: &Path, keep: &Path) -> Result<Vec<PathBuf>> {
    let files = list(dir)?;
    let mut days: Vec<NaiveDate> = Vec::new();
    let mut months: Vec<(i32, u32)> = Vec::new();
    let mut removed = Vec::new();
    for f in files {
        let day = f.taken.date();
        let month = (day.year(), day.month());
        let mut kept = same_file(&f.path, keep);
        if !days.contains(&day) && days.len() < KEEP_DAILY {
            days.push(day);
            kept = true;
        }
        if !months.contains(&month) && months.len() < KEEP_MONTHLY {
            months.push(month);
            kept = true;
        }
        if !kept {
            std::fs::remove_file(&f.path)?;
            removed.push(f.path);
        }
    }
    Ok(removed)
}

/// Whether the day `local_today` still needs its daily backup (no automatic backup of that
/// day in `dir`, whatever its trigger).
pub fn backup_due(dir: &Path, local_today: NaiveDate) -> Result<bool> {
    Ok(!list(dir)?.iter().any(|f| f.taken.date() == local_today))
}

/// The newest automatic backup in `dir` that passes [`check_file`], if any.
pub fn newest_good(dir: &Path) -> Result<Option<FileCheck>> {
    for f in list(dir)? {
        if let Ok(check) = check_file(&f.path) {
            if check.ok() {
                return Ok(Some(check));
            }
        }
    }
    Ok(None)
}

/// What kind of problem the start-up check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum HealthProblem {
    /// The file cannot be opened or read as a database.
    Unreadable,
    /// SQLite's `quick_check` found damaged pages or indexes.
    Damaged,
    /// The audit chain does not verify: a record of the trail was changed or removed.
    AuditBroken,
    /// The file was made by a newer version of the program.
    NewerSchema,
}

/// The start-up check's report, for the app to show ("the database is damaged; restore the
/// backup of …?"). The UI translates `problem_kind` (`health.<kind>` in the catalogue);
/// `problem` is the technical detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Health {
    pub ok: bool,
    pub problem_kind: Option<HealthProblem>,
    pub problem: Option<String>,
    /// Audit events that verified (all of them when `ok`).
    pub audit_events: i64,
    /// When not ok: the newest automatic backup that verifies, to offer for restore.
    pub newest_good_backup: Option<PathBuf>,
}

/// `quick_check` and the audit chain on an open connection.
pub fn health_of(conn: &Connection) -> Health {
    let (ok, problem_kind, problem, audit_events) = match check_health(conn) {
        Ok(events) => (true, None, None, events),
        Err((kind, detail, events)) => (false, Some(kind), Some(detail), events),
    };
    Health {
        ok,
        problem_kind,
        problem,
        audit_events,
        newest_good_backup: None,
    }
}

/// The verified audit events, or the problem (with the events verified before it).
fn check_health(conn: &Connection) -> std::result::Result<i64, (HealthProblem, String, i64)> {
    let damaged_or = |kind, e: Error| {
        if e.code() == crate::ErrorCode::Corrupt {
            (HealthProblem::Damaged, e.to_string(), 0)
        } else {
            (kind, e.to_string(), 0)
        }
    };
    let quick: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|e| damaged_or(HealthProblem::Unreadable, e.into()))?;
    if quick != "ok" {
        return Err((HealthProblem::Damaged, quick, 0));
    }
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| damaged_or(HealthProblem::Unreadable, e.into()))?;
    if version > db::latest_version() {
        return Err((
            HealthProblem::NewerSchema,
            format!("schema {version} > {}", db::latest_version()),
            0,
        ));
    }
    let report = audit::verify(conn).map_err(|e| damaged_or(HealthProblem::AuditBroken, e))?;
    match report.broken {
        None => Ok(report.events),
        Some(b) => Err((
            HealthProblem::AuditBroken,
            format!("audit chain broken at event {}: {}", b.seq, b.problem),
            report.events,
        )),
    }
}

/// The start-up check of the database file at `db_path` without opening it for writing
/// (so it works when [`Desk::open`] itself fails on a damaged file); when it fails, the newest
/// good backup in `backups_dir` is offered.
pub fn health(db_path: &Path, backups_dir: &Path) -> Health {
    let mut h = match Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_ONLY) {
        Ok(conn) => {
            let _ = conn.busy_timeout(db::BUSY_TIMEOUT);
            health_of(&conn)
        }
        Err(e) => Health {
            ok: false,
            problem_kind: Some(HealthProblem::Unreadable),
            problem: Some(format!("{}: {e}", db_path.display())),
            audit_events: 0,
            newest_good_backup: None,
        },
    };
    if !h.ok {
        h.newest_good_backup = newest_good(backups_dir).ok().flatten().map(|c| c.path);
    }
    h
}

impl Desk {
    /// Whether `actor` may roll this (healthy, open) counter back to a backup: a supervisor or
    /// an admin. A refusal is recorded in the audit trail like a refused operation. (A counter
    /// whose database is damaged cannot check anyone; the app offers its restore to whoever is
    /// at the screen, the CLI to the machine's owner.)
    pub fn may_restore(&mut self, actor: &str, now: DateTime<Utc>) -> Result<()> {
        let ctx = self.ctx(actor, now)?;
        let refused = ctx.require("restore", &[crate::profile::Role::Supervisor]);
        if let Err(e) = &refused {
            self.write_aside(|conn| crate::auth::after_refusal(conn, &ctx, "restore", e))?;
        }
        refused
    }

    /// The default automatic backups folder (`backups/` beside the file); `None` in memory.
    pub fn backups_dir(&self) -> Option<PathBuf> {
        self.db().path().map(default_dir)
    }

    /// The counter's local wall time at `now` (UTC before set-up).
    fn local_time(&self, now: DateTime<Utc>) -> NaiveDateTime {
        let tz: chrono_tz::Tz = crate::profile::load_profile(self.conn())
            .ok()
            .and_then(|p| p.time_zone.parse().ok())
            .unwrap_or(chrono_tz::UTC);
        now.with_timezone(&tz).naive_local()
    }

    fn resolve_dir(&self, dir: Option<&Path>) -> Result<PathBuf> {
        dir.map(Path::to_owned)
            .or_else(|| self.backups_dir())
            .ok_or_else(|| Error::required("dir"))
    }

    /// Make an automatic backup into `dir` (default [`Desk::backups_dir`]) and rotate.
    /// [`Desk::call`] makes one after `shift.close` commits; the app when [`Desk::backup_due`]
    /// says so; never inside an operation (a backup is not part of a save's transaction).
    pub fn auto_backup(
        &self,
        dir: Option<&Path>,
        now: DateTime<Utc>,
        trigger: Trigger,
    ) -> Result<AutoBackup> {
        let dir = self.resolve_dir(dir)?;
        auto(self.db(), &dir, self.local_time(now), trigger)
    }

    /// Whether today's (the counter's local day at `now`) daily backup is still to be made.
    pub fn backup_due(&self, dir: Option<&Path>, now: DateTime<Utc>) -> Result<bool> {
        let dir = self.resolve_dir(dir)?;
        backup_due(&dir, self.local_time(now).date())
    }

    /// The start-up check on the open database: `quick_check` and the audit chain; when it
    /// fails, the newest good backup from the default folder.
    pub fn health(&self) -> Health {
        let mut h = health_of(self.conn());
        if !h.ok {
            if let Some(dir) = self.backups_dir() {
                h.newest_good_backup = newest_good(&dir).ok().flatten().map(|c| c.path);
            }
        }
        h
    }
}
