//! The one SQLite file: where it lives, how it is opened, and its migrations.
//!
//! PRAGMAs are set every time a connection opens (never in a migration). Migrations are
//! append-only: each is a SQL file under `src/migrations/`, listed in [`MIGRATIONS`] in order.
//! The applied ones are recorded with the SHA-256 of their text; if a shipped migration is
//! later edited, opening an upgraded database fails with `corrupt` instead of silently diverging.
//! To change the schema, add a new file at the end of the list — never edit an old one.

use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OpenFlags};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The environment variable that overrides the database path.
pub const DB_ENV: &str = "FRONTDESK_DB";

/// How long a writer waits for another connection's lock before failing with `busy`.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// One schema step: a stable name and its SQL.
pub struct Migration {
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration, oldest first. Append only.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        name: "0001_core",
        sql: include_str!("migrations/0001_core.sql"),
    },
    Migration {
        name: "0002_shift",
        sql: include_str!("migrations/0002_shift.sql"),
    },
    Migration {
        name: "0003_lost_found",
        sql: include_str!("migrations/0003_lost_found.sql"),
    },
    Migration {
        name: "0004_mail",
        sql: include_str!("migrations/0004_mail.sql"),
    },
    Migration {
        name: "0005_complaints",
        sql: include_str!("migrations/0005_complaints.sql"),
    },
    Migration {
        name: "0006_search_idle_merge",
        sql: include_str!("migrations/0006_search_idle_merge.sql"),
    },
    Migration {
        name: "0007_attachments",
        sql: include_str!("migrations/0007_attachments.sql"),
    },
    Migration {
        name: "0008_auth",
        sql: include_str!("migrations/0008_auth.sql"),
    },
];

/// The schema version a fully migrated database has.
pub fn latest_version() -> u32 {
    MIGRATIONS.len() as u32
}

/// The default database file: `<OS data dir>/frontdesk.sqlite3`.
pub fn default_path() -> Result<PathBuf> {
    let dirs =
        directories::ProjectDirs::from("org", "Frontdesk", "frontdesk").ok_or_else(|| {
            Error::Storage("no home directory to keep the database in; pass --db".into())
        })?;
    Ok(dirs.data_dir().join("frontdesk.sqlite3"))
}

/// An open, configured and migrated database.
pub struct Db {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Db {
    /// Open (creating if needed) the database at `path` and bring its schema up to date.
    pub fn open(path: &Path) -> Result<Db> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)?;
            }
        }
        let conn = Connection::open(path)?;
        let mut db = Db {
            conn,
            path: Some(path.to_owned()),
        };
        db.configure()?;
        db.migrate()?;
        Ok(db)
    }

    /// Open an existing database read-only, without migrating (for verification of a file).
    pub fn open_read_only(path: &Path) -> Result<Db> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        Ok(Db {
            conn,
            path: Some(path.to_owned()),
        })
    }

    /// A fresh in-memory database (tests).
    pub fn open_in_memory() -> Result<Db> {
        let mut db = Db {
            conn: Connection::open_in_memory()?,
            path: None,
        };
        db.configure()?;
        db.migrate()?;
        Ok(db)
    }

    /// Open a database and apply only the first `version` migrations (upgrade tests).
    pub fn open_at_version(path: &Path, version: u32) -> Result<Db> {
        let conn = Connection::open(path)?;
        let mut db = Db {
            conn,
            path: Some(path.to_owned()),
        };
        db.configure()?;
        db.migrate_to(version)?;
        Ok(db)
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn configure(&mut self) -> Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        // WAL lets the CLI's backup and a second reader run while the app writes;
        // synchronous=NORMAL is durable across application crashes in WAL mode. A checkpoint
        // inside a save costs several milliseconds (the benchmark's p99 went from 1.3 to 4.5 ms
        // with SQLite's default of 1,000 pages), so checkpoints are left to the idle
        // `maintain` step; the large automatic threshold is only a safety net.
        self.conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA temp_store = MEMORY;
             PRAGMA cache_size = -32000;
             PRAGMA wal_autocheckpoint = 10000;",
        )?;
        Ok(())
    }

    /// The schema version recorded in the file.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get::<_, u32>(0))?)
    }

    fn migrate(&mut self) -> Result<()> {
        self.migrate_to(latest_version())
    }

    fn migrate_to(&mut self, target: u32) -> Result<()> {
        let current = self.schema_version()?;
        if current > latest_version() {
            return Err(Error::Corrupt(format!(
                "the database has schema version {current}, newer than this program ({}); update the program",
                latest_version()
            )));
        }
        self.check_applied(current)?;
        for (i, m) in MIGRATIONS.iter().enumerate().take(target as usize) {
            let version = i as u32 + 1;
            if version <= current {
                continue;
            }
            let tx = self.conn.transaction()?;
            tx.execute_batch(m.sql)?;
            tx.execute(
                "INSERT INTO schema_migration (version, name, sha256) VALUES (?1, ?2, ?3)",
                params![version, m.name, sql_hash(m.sql)],
            )?;
            tx.pragma_update(None, "user_version", version)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Refuse a database whose applied migrations differ from the ones shipped.
    fn check_applied(&self, current: u32) -> Result<()> {
        check_migrations(&self.conn, current)
    }
}

/// Refuse a database (at schema version `current`) whose recorded migrations differ from the
/// ones shipped: [`Db::open`] and the verification of a backup (`backup::check_file`) both
/// ask, so a backup that verifies is one this program can open.
pub fn check_migrations(conn: &Connection, current: u32) -> Result<()> {
    if current == 0 {
        return Ok(());
    }
    let mut stmt =
        conn.prepare("SELECT version, name, sha256 FROM schema_migration ORDER BY version")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, u32>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (version, name, hash) = row.map_err(|e| {
            Error::Corrupt(format!(
                "the record of applied migrations is unreadable: {e}"
            ))
        })?;
        // A damaged row may say version 0: no shipped migration has it.
        let Some(m) = (version as usize)
            .checked_sub(1)
            .and_then(|i| MIGRATIONS.get(i))
        else {
            continue;
        };
        if m.name != name || sql_hash(m.sql) != hash {
            return Err(Error::Corrupt(format!(
                "migration {version} ({name}) differs from the one this program ships"
            )));
        }
    }
    Ok(())
}

/// What one maintenance step did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct Maintenance {
    /// WAL frames in the log and frames checkpointed into the database.
    pub wal_frames: i64,
    pub checkpointed: i64,
}

/// Checkpoint the WAL (without waiting for readers) and merge a bounded amount of the
/// search index.
pub fn maintain(conn: &Connection) -> Result<Maintenance> {
    let (wal_frames, checkpointed) = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
        Ok((r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
    })?;
    // A positive merge argument stops after that many pages of work.
    conn.execute(
        "INSERT INTO search_fts (search_fts, rank) VALUES ('merge', 200)",
        [],
    )?;
    conn.execute_batch("PRAGMA optimize;")?;
    Ok(Maintenance {
        wal_frames,
        checkpointed,
    })
}

fn sql_hash(sql: &str) -> String {
    hex::encode(Sha256::digest(sql.as_bytes()))
}

/// The canonical text form of a time in the database: UTC, milliseconds, `Z`.
/// Fixed width, so text order is time order.
pub fn ts(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// Parse a time stored by [`ts`] (or any RFC 3339 time).
pub fn parse_ts(s: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
}

/// Read a time column written by [`ts`].
pub fn get_ts(row: &rusqlite::Row<'_>, idx: &str) -> rusqlite::Result<DateTime<Utc>> {
    parse_ts(&row.get::<_, String>(idx)?)
}

/// Read an optional time column written by [`ts`].
pub fn get_opt_ts(row: &rusqlite::Row<'_>, idx: &str) -> rusqlite::Result<Option<DateTime<Utc>>> {
    row.get::<_, Option<String>>(idx)?
        .map(|s| parse_ts(&s))
        .transpose()
}

/// [`ts`] for an optional time.
pub fn opt_ts(t: &Option<DateTime<Utc>>) -> Option<String> {
    t.as_ref().map(ts)
}
