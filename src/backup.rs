//! Consistent copies of the database and restoring from them.
//!
//! A backup uses SQLite's online backup API, so it is consistent while the app keeps writing,
//! and is verified after writing (integrity check and audit chain). A restore refuses a file
//! that fails integrity, was made by a newer program, or whose audit chain is broken; before
//! replacing anything it saves the current database beside it, so a restore can be undone.

use crate::audit;
use crate::db::{self, Db};
use crate::error::{Error, Result};
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
    Ok(check)
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
    db.conn()
        .backup(MAIN_DB, &tmp, None::<fn(rusqlite::backup::Progress)>)?;
    {
        // The copy is a standalone file: no WAL beside it.
        let c = Connection::open(&tmp)?;
        c.execute_batch("PRAGMA journal_mode = DELETE;")?;
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
}

/// Replace the database at `db_path` with the verified backup `from`. The current database is
/// first saved as `<db>.before-restore-<stamp>.sqlite3` (`stamp` passed in, e.g. the time).
pub fn restore(db_path: &Path, from: &Path, stamp: &str) -> Result<Restored> {
    let check = check_file(from)?;
    if let Some(p) = &check.problem {
        return Err(Error::Corrupt(format!(
            "{} was not restored: {p}",
            from.display()
        )));
    }
    let mut previous_saved_to = None;
    if db_path.exists() {
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
    let mut conn = Connection::open(db_path)?;
    conn.busy_timeout(db::BUSY_TIMEOUT)?;
    conn.restore(
        MAIN_DB,
        from,
        Some(|_: rusqlite::backup::Progress| std::thread::sleep(Duration::from_millis(0))),
    )?;
    drop(conn);
    // Bring an older backup up to this program's schema.
    Db::open(db_path)?;
    Ok(Restored {
        from: check,
        previous_saved_to,
    })
}
