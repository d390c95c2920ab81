//! The audit trail: every write appends one event, chained with SHA-256.
//!
//! `hash = sha256(prev_hash ‖ seq ‖ at ‖ actor_id ‖ actor ‖ entity ‖ entity_id ‖ action ‖
//! reason ‖ before ‖ after)` over the stored text, fields separated by a unit separator.
//! [`verify`] recomputes the chain from the first row and reports the first broken link, so an
//! edit made with plain SQL behind the program's back is caught. Triggers also refuse UPDATE
//! and DELETE on the table, so the program itself cannot rewrite history by mistake.
//!
//! A register writes through [`record`] in the same transaction as its change; its history
//! (who changed what, when, why) is [`history`].

use crate::ctx::Ctx;
use crate::db;
use crate::error::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The hash before the first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One event of the trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct AuditEvent {
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub actor: String,
    pub entity: String,
    pub entity_id: i64,
    pub action: String,
    pub reason: Option<String>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// Append an event for a change of `entity` `entity_id`. `before`/`after` are the record's
/// state around the change (None for a creation's before).
#[allow(clippy::too_many_arguments)]
pub fn record<B: Serialize, A: Serialize>(
    conn: &Connection,
    ctx: &Ctx,
    entity: &str,
    entity_id: i64,
    action: &str,
    reason: Option<&str>,
    before: Option<&B>,
    after: Option<&A>,
) -> Result<i64> {
    let before = before
        .map(serde_json::to_string)
        .transpose()
        .map_err(json_err)?;
    let after = after
        .map(serde_json::to_string)
        .transpose()
        .map_err(json_err)?;
    append(
        conn,
        &db::ts(&ctx.now),
        Some(ctx.actor.id.0),
        &ctx.actor.login,
        entity,
        entity_id,
        action,
        reason,
        before.as_deref(),
        after.as_deref(),
    )
}

fn json_err(e: serde_json::Error) -> crate::error::Error {
    crate::error::Error::Storage(format!("audit serialisation: {e}"))
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn append(
    conn: &Connection,
    at: &str,
    actor_id: Option<i64>,
    actor: &str,
    entity: &str,
    entity_id: i64,
    action: &str,
    reason: Option<&str>,
    before: Option<&str>,
    after: Option<&str>,
) -> Result<i64> {
    let last: Option<(i64, String)> = conn
        .prepare_cached("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (seq, prev) = match last {
        Some((s, h)) => (s + 1, h),
        None => (1, GENESIS.to_owned()),
    };
    let hash = chain_hash(
        &prev, seq, at, actor_id, actor, entity, entity_id, action, reason, before, after,
    );
    conn.prepare_cached(
        "INSERT INTO audit_log (seq, at, actor_id, actor, entity, entity_id, action, reason, before, after, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        seq, at, actor_id, actor, entity, entity_id, action, reason, before, after, prev, hash
    ])?;
    Ok(seq)
}

#[allow(clippy::too_many_arguments)]
fn chain_hash(
    prev: &str,
    seq: i64,
    at: &str,
    actor_id: Option<i64>,
    actor: &str,
    entity: &str,
    entity_id: i64,
    action: &str,
    reason: Option<&str>,
    before: Option<&str>,
    after: Option<&str>,
) -> String {
    const SEP: &[u8] = b"\x1f";
    const NONE: &[u8] = b"\x00";
    let mut h = Sha256::new();
    let mut put = |b: &[u8]| {
        h.update(b);
        h.update(SEP);
    };
    put(prev.as_bytes());
    put(seq.to_string().as_bytes());
    put(at.as_bytes());
    match actor_id {
        Some(a) => put(a.to_string().as_bytes()),
        None => put(NONE),
    }
    put(actor.as_bytes());
    put(entity.as_bytes());
    put(entity_id.to_string().as_bytes());
    put(action.as_bytes());
    for opt in [reason, before, after] {
        match opt {
            Some(s) => put(s.as_bytes()),
            None => put(NONE),
        }
    }
    hex::encode(h.finalize())
}

/// The outcome of walking the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct VerifyReport {
    /// Events checked.
    pub events: i64,
    /// The first broken link, if any.
    pub broken: Option<BrokenLink>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct BrokenLink {
    pub seq: i64,
    pub problem: String,
}

impl VerifyReport {
    pub fn ok(&self) -> bool {
        self.broken.is_none()
    }
}

/// Walk the whole chain and report the first broken link.
pub fn verify(conn: &Connection) -> Result<VerifyReport> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, actor_id, actor, entity, entity_id, action, reason, before, after, prev_hash, hash
         FROM audit_log ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut expected_prev = GENESIS.to_owned();
    let mut expected_seq = 1i64;
    let mut events = 0i64;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let stored_prev: String = r.get(10)?;
        let stored_hash: String = r.get(11)?;
        let broken = |problem: String| {
            Ok(VerifyReport {
                events,
                broken: Some(BrokenLink { seq, problem }),
            })
        };
        if seq != expected_seq {
            return broken(format!("event {expected_seq} is missing"));
        }
        if stored_prev != expected_prev {
            return broken("its link to the previous event does not match".into());
        }
        let hash = chain_hash(
            &stored_prev,
            seq,
            &r.get::<_, String>(1)?,
            r.get(2)?,
            &r.get::<_, String>(3)?,
            &r.get::<_, String>(4)?,
            r.get(5)?,
            &r.get::<_, String>(6)?,
            r.get::<_, Option<String>>(7)?.as_deref(),
            r.get::<_, Option<String>>(8)?.as_deref(),
            r.get::<_, Option<String>>(9)?.as_deref(),
        );
        if hash != stored_hash {
            return broken("its content was changed after it was written".into());
        }
        events += 1;
        expected_prev = stored_hash;
        expected_seq += 1;
    }
    Ok(VerifyReport {
        events,
        broken: None,
    })
}

/// The history of one record, oldest first.
pub fn history(conn: &Connection, entity: &str, entity_id: i64) -> Result<Vec<AuditEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, at, actor_id, actor, entity, entity_id, action, reason, before, after
         FROM audit_log WHERE entity = ?1 AND entity_id = ?2 ORDER BY seq",
    )?;
    let rows = stmt.query_map(params![entity, entity_id], |r| {
        let json = |i: usize| -> rusqlite::Result<Option<serde_json::Value>> {
            Ok(r.get::<_, Option<String>>(i)?
                .and_then(|s| serde_json::from_str(&s).ok()))
        };
        Ok(AuditEvent {
            seq: r.get(0)?,
            at: db::parse_ts(&r.get::<_, String>(1)?)?,
            actor_id: r.get(2)?,
            actor: r.get(3)?,
            entity: r.get(4)?,
            entity_id: r.get(5)?,
            action: r.get(6)?,
            reason: r.get(7)?,
            before: json(8)?,
            after: json(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
