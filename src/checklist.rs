//! The end-of-shift checklists (班后检查记录 / 퇴근 전 점검표): the facility & equipment safety
//! checklist (班后设施、设备安全管理记录表) and the fixed-asset checklist
//! (班后固定资产管理记录表).
//!
//! Each kind has an editable template of items (supervisors edit it; items are deactivated,
//! never deleted). A shift runs each kind that has active items once, answering every active
//! item; the run keeps each item's text as it read then. A problem (`ok: false`) needs a note
//! and raises an incident in the duty log, addressed to the safety officer or the asset
//! officer, in the same transaction. `shift.close` refuses while a run is missing
//! ([`kinds_missing`]). To add a kind: a variant of [`ChecklistKind`], the CHECK lists in the
//! migration, `checklist.<kind>` and `checklist.default.<kind>.NN` in the catalogue.

use crate::api::{op_read, op_write, Operation};
use crate::audit;
use crate::ctx::Ctx;
use crate::db;
use crate::error::{Error, Result};
use crate::i18n;
use crate::ids::{ChecklistItemId, ChecklistRunId, LogEntryId, ShiftId, StaffId};
use crate::profile::Role;
use crate::shift::{self, LogKind, NewLogEntry};
use crate::validate;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

text_enum! {
    /// The two end-of-shift checklists.
    pub enum ChecklistKind {
        /// 班后设施、设备安全管理记录表: power, AC, computers, AV off; doors locked; fire exits clear.
        FacilitySafety => "facility_safety",
        /// 班后固定资产管理记录表: the hall's fixed assets are all there.
        FixedAssets => "fixed_assets",
    }
}

impl ChecklistKind {
    /// Who a problem found by this checklist is reported to.
    pub fn officer(self) -> &'static str {
        match self {
            ChecklistKind::FacilitySafety => "safety_officer",
            ChecklistKind::FixedAssets => "asset_officer",
        }
    }
}

/// One item of a checklist template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ChecklistItem {
    pub id: ChecklistItemId,
    pub code: String,
    pub kind: ChecklistKind,
    pub text: String,
    pub position: i64,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const ITEM_COLS: &str = "id, kind, text, position, active, created_at, updated_at";

fn item_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ChecklistItem> {
    let id = ChecklistItemId(r.get("id")?);
    Ok(ChecklistItem {
        id,
        code: id.code(),
        kind: r.get("kind")?,
        text: r.get("text")?,
        position: r.get("position")?,
        active: r.get("active")?,
        created_at: db::get_ts(r, "created_at")?,
        updated_at: db::get_ts(r, "updated_at")?,
    })
}

pub fn get_item(conn: &Connection, id: ChecklistItemId) -> Result<ChecklistItem> {
    conn.prepare_cached(&format!(
        "SELECT {ITEM_COLS} FROM checklist_item WHERE id = ?1"
    ))?
    .query_row([id], item_from_row)
    .optional()?
    .ok_or_else(|| Error::not_found(ChecklistItemId::ENTITY, id))
}

fn items(
    conn: &Connection,
    kind: Option<ChecklistKind>,
    include_inactive: bool,
) -> Result<Vec<ChecklistItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ITEM_COLS} FROM checklist_item
         WHERE (?1 IS NULL OR kind = ?1) AND (active = 1 OR ?2)
         ORDER BY kind, position, id"
    ))?;
    let rows = stmt.query_map(
        params![kind.map(ChecklistKind::as_str), include_inactive],
        item_from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The kinds with active items that shift `shift` has not run yet: `shift.close` waits for them.
pub fn kinds_missing(conn: &Connection, shift: ShiftId) -> Result<Vec<ChecklistKind>> {
    let mut stmt = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM checklist_item WHERE kind = ?1 AND active = 1)
            AND NOT EXISTS (SELECT 1 FROM checklist_run WHERE kind = ?1 AND shift_id = ?2)",
    )?;
    let mut missing = Vec::new();
    for kind in ChecklistKind::ALL {
        let m: bool = stmt.query_row(params![kind.as_str(), shift], |r| r.get(0))?;
        if m {
            missing.push(*kind);
        }
    }
    Ok(missing)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ListItems {
    /// One kind (all when absent).
    #[serde(default)]
    pub kind: Option<ChecklistKind>,
    #[serde(default)]
    pub include_inactive: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct AddItem {
    pub kind: ChecklistKind,
    pub text: String,
}

fn insert_item(
    conn: &Connection,
    ctx: &Ctx,
    kind: ChecklistKind,
    text: &str,
) -> Result<ChecklistItem> {
    let position: i64 = conn
        .prepare_cached(
            "SELECT coalesce(max(position), 0) + 1 FROM checklist_item WHERE kind = ?1",
        )?
        .query_row([kind.as_str()], |r| r.get(0))?;
    conn.prepare_cached(
        "INSERT INTO checklist_item (kind, text, position, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4)",
    )?
    .execute(params![kind.as_str(), text, position, db::ts(&ctx.now)])?;
    let item = get_item(conn, ChecklistItemId(conn.last_insert_rowid()))?;
    audit::record(
        conn,
        ctx,
        ChecklistItemId::ENTITY,
        item.id.0,
        "create",
        None,
        None::<&()>,
        Some(&item),
    )?;
    Ok(item)
}

fn add_item(conn: &Connection, ctx: &Ctx, req: AddItem) -> Result<ChecklistItem> {
    ctx.require("edit_checklist", &[Role::Supervisor])?;
    let text = validate::text("text", &req.text, validate::SHORT_MAX)?;
    insert_item(conn, ctx, req.kind, &text)
}

/// Change an item's text or position, or (de)activate it (supervisor; reason required).
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct UpdateItem {
    pub id: ChecklistItemId,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub position: Option<i64>,
    #[serde(default)]
    pub active: Option<bool>,
    pub reason: String,
}

fn update_item(conn: &Connection, ctx: &Ctx, req: UpdateItem) -> Result<ChecklistItem> {
    ctx.require("edit_checklist", &[Role::Supervisor])?;
    let reason = validate::text("reason", &req.reason, validate::SHORT_MAX)?;
    let before = get_item(conn, req.id)?;
    let mut item = before.clone();
    if let Some(t) = &req.text {
        item.text = validate::text("text", t, validate::SHORT_MAX)?;
    }
    if let Some(p) = req.position {
        item.position = validate::int_range("position", p, 1, 999)?;
    }
    if let Some(a) = req.active {
        item.active = a;
    }
    conn.prepare_cached(
        "UPDATE checklist_item SET text = ?2, position = ?3, active = ?4, updated_at = ?5
         WHERE id = ?1",
    )?
    .execute(params![
        item.id,
        item.text,
        item.position,
        item.active,
        db::ts(&ctx.now)
    ])?;
    let item = get_item(conn, item.id)?;
    audit::record(
        conn,
        ctx,
        ChecklistItemId::ENTITY,
        item.id.0,
        "amend",
        Some(&reason),
        Some(&before),
        Some(&item),
    )?;
    Ok(item)
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct AddDefaults {
    pub kind: ChecklistKind,
}

/// Add the catalogue's default items of `kind` in the counter's language, skipping any whose
/// text the template already has (so running it twice adds nothing). Returns the template.
fn add_defaults(conn: &Connection, ctx: &Ctx, req: AddDefaults) -> Result<Vec<ChecklistItem>> {
    ctx.require("edit_checklist", &[Role::Supervisor])?;
    let prefix = format!("checklist.default.{}.", req.kind.as_str());
    let existing: HashSet<String> = items(conn, Some(req.kind), true)?
        .into_iter()
        .map(|i| i.text)
        .collect();
    let defaults: Vec<&String> = i18n::catalogue(ctx.locale())
        .range(prefix.clone()..)
        .take_while(|(k, _)| k.starts_with(&prefix))
        .map(|(_, v)| v)
        .collect();
    for text in defaults {
        if !existing.contains(text) {
            insert_item(conn, ctx, req.kind, text)?;
        }
    }
    items(conn, Some(req.kind), false)
}

/// One answer of a run, with the item's text as it read when the run was made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ChecklistResult {
    pub item_id: ChecklistItemId,
    pub position: i64,
    pub item_text: String,
    pub ok: bool,
    pub note: Option<String>,
    /// The incident raised in the duty log for a problem.
    pub incident_id: Option<LogEntryId>,
    pub incident_code: Option<String>,
}

/// One run of a checklist in a shift.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ChecklistRun {
    pub id: ChecklistRunId,
    pub code: String,
    pub shift_id: ShiftId,
    pub shift_code: String,
    pub kind: ChecklistKind,
    pub run_by: StaffId,
    pub run_by_name: String,
    pub run_at: DateTime<Utc>,
    /// How many items were not OK.
    pub problems: usize,
    pub results: Vec<ChecklistResult>,
}

pub fn get_run(conn: &Connection, id: ChecklistRunId) -> Result<ChecklistRun> {
    let mut run = conn
        .prepare_cached(
            "SELECT r.id, r.shift_id, r.kind, r.run_by, s.name AS run_by_name, r.run_at
             FROM checklist_run r JOIN staff s ON s.id = r.run_by WHERE r.id = ?1",
        )?
        .query_row([id], |r| {
            let shift = ShiftId(r.get("shift_id")?);
            Ok(ChecklistRun {
                id,
                code: id.code(),
                shift_id: shift,
                shift_code: shift.code(),
                kind: r.get("kind")?,
                run_by: r.get("run_by")?,
                run_by_name: r.get("run_by_name")?,
                run_at: db::get_ts(r, "run_at")?,
                problems: 0,
                results: Vec::new(),
            })
        })
        .optional()?
        .ok_or_else(|| Error::not_found(ChecklistRunId::ENTITY, id))?;
    let mut stmt = conn.prepare_cached(
        "SELECT item_id, position, item_text, ok, note, incident_id
         FROM checklist_result WHERE run_id = ?1 ORDER BY position, item_id",
    )?;
    let rows = stmt.query_map([id], |r| {
        let incident: Option<LogEntryId> = r.get(5)?;
        Ok(ChecklistResult {
            item_id: r.get(0)?,
            position: r.get(1)?,
            item_text: r.get(2)?,
            ok: r.get(3)?,
            note: r.get(4)?,
            incident_id: incident,
            incident_code: incident.map(LogEntryId::code),
        })
    })?;
    run.results = rows.collect::<rusqlite::Result<_>>()?;
    run.problems = run.results.iter().filter(|r| !r.ok).count();
    Ok(run)
}

/// The answer to one item.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ResultInput {
    pub item_id: ChecklistItemId,
    pub ok: bool,
    /// Required when not OK: what is wrong.
    #[serde(default)]
    pub note: Option<String>,
}

/// Run a checklist in the open shift: every active item of `kind` answered exactly once.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct RunChecklist {
    pub kind: ChecklistKind,
    pub results: Vec<ResultInput>,
}

fn run_checklist(conn: &Connection, ctx: &Ctx, req: RunChecklist) -> Result<ChecklistRun> {
    let locale = ctx.locale();
    let template = items(conn, Some(req.kind), false)?;
    if template.is_empty() {
        return Err(Error::invalid(
            "kind",
            i18n::tr(locale, "checklist.error.no_items"),
        ));
    }
    // Every answer: a known active item, once, with a note when not OK.
    let mut answers = Vec::with_capacity(req.results.len());
    let mut seen = HashSet::new();
    for (i, r) in req.results.iter().enumerate() {
        let Some(item) = template.iter().find(|t| t.id == r.item_id) else {
            return Err(Error::invalid(
                "results",
                i18n::tr_args(
                    locale,
                    "checklist.error.unknown_item",
                    &[("item", &r.item_id.code())],
                ),
            ));
        };
        if !seen.insert(r.item_id) {
            return Err(Error::invalid(
                "results",
                i18n::tr_args(
                    locale,
                    "checklist.error.answered_twice",
                    &[("item", &item.code)],
                ),
            ));
        }
        let field = format!("results[{i}].note");
        let note = validate::opt_note(&field, r.note.as_deref(), validate::NOTE_MAX)?;
        if !r.ok && note.is_none() {
            return Err(Error::required(&field));
        }
        answers.push((item, r.ok, note));
    }
    let missing: Vec<&str> = template
        .iter()
        .filter(|t| !seen.contains(&t.id))
        .map(|t| t.code.as_str())
        .collect();
    if !missing.is_empty() {
        return Err(Error::invalid(
            "results",
            i18n::tr_args(
                locale,
                "checklist.error.unanswered",
                &[("items", &missing.join(", "))],
            ),
        ));
    }
    let shift = shift::require_open_shift(conn, ctx)?;
    let done: Option<ChecklistRunId> = conn
        .prepare_cached("SELECT id FROM checklist_run WHERE shift_id = ?1 AND kind = ?2")?
        .query_row(params![shift.id, req.kind.as_str()], |r| r.get(0))
        .optional()?;
    if done.is_some() {
        return Err(Error::state(
            ChecklistRunId::ENTITY,
            "recorded",
            "run_checklist",
        ));
    }
    conn.prepare_cached(
        "INSERT INTO checklist_run (shift_id, kind, run_by, run_at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        shift.id,
        req.kind.as_str(),
        ctx.actor.id,
        db::ts(&ctx.now)
    ])?;
    let run_id = ChecklistRunId(conn.last_insert_rowid());
    let kind_label = i18n::tr(locale, &format!("checklist.{}", req.kind));
    answers.sort_by_key(|(item, _, _)| (item.position, item.id));
    for (item, ok, note) in answers {
        let incident = match (&note, ok) {
            (Some(n), false) => {
                let content = i18n::tr_args(
                    locale,
                    "checklist.incident",
                    &[
                        ("checklist", &kind_label),
                        ("item", &item.text),
                        ("note", n),
                    ],
                );
                let e = shift::add_entry(
                    conn,
                    ctx,
                    NewLogEntry {
                        kind: LogKind::Incident,
                        at: None,
                        person: None,
                        contact: None,
                        unit: None,
                        content,
                        promised: None,
                        promised_by: None,
                        dispatched_to: None,
                        addressed_to: Some(req.kind.officer().to_owned()),
                        urgent: false,
                        needs_follow_up: Some(true),
                    },
                )?;
                Some(e.id)
            }
            _ => None,
        };
        conn.prepare_cached(
            "INSERT INTO checklist_result (run_id, item_id, position, item_text, ok, note, incident_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            run_id,
            item.id,
            item.position,
            item.text,
            ok,
            note,
            incident
        ])?;
    }
    let run = get_run(conn, run_id)?;
    audit::record(
        conn,
        ctx,
        ChecklistRunId::ENTITY,
        run.id.0,
        "create",
        None,
        None::<&()>,
        Some(&run),
    )?;
    Ok(run)
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct RunById {
    pub id: ChecklistRunId,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct RunsOfShift {
    pub shift_id: ShiftId,
}

pub fn runs(conn: &Connection, req: RunsOfShift) -> Result<Vec<ChecklistRun>> {
    let ids: Vec<ChecklistRunId> = conn
        .prepare_cached("SELECT id FROM checklist_run WHERE shift_id = ?1 ORDER BY kind, id")?
        .query_map([req.shift_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| get_run(conn, id)).collect()
}

/// The operations of the end-of-shift checklists.
pub fn operations() -> Vec<Operation> {
    vec![
        op_read(
            "checklist.items",
            "The checklist templates' items (one kind, or all), active ones unless include_inactive.",
            |c, _ctx, r: ListItems| items(c, r.kind, r.include_inactive),
        ),
        op_write(
            "checklist.add_item",
            "Add an item to a checklist template (supervisor).",
            add_item,
        ),
        op_write(
            "checklist.update_item",
            "Change an item's text or position or (de)activate it (supervisor; reason required).",
            update_item,
        ),
        op_write(
            "checklist.add_defaults",
            "Add the default items of a checklist in the counter's language (supervisor); items already there are skipped.",
            add_defaults,
        ),
        op_write(
            "checklist.run",
            "Run a checklist in the open shift: every active item answered once; a problem needs a note and raises an incident for the safety or asset officer.",
            run_checklist,
        ),
        op_read(
            "checklist.get_run",
            "One checklist run with its answers.",
            |c, _ctx, r: RunById| get_run(c, r.id),
        ),
        op_read(
            "checklist.runs",
            "The checklist runs of a shift.",
            |c, _ctx, r: RunsOfShift| runs(c, r),
        ),
    ]
}
