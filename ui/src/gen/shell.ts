// Generated from src-tauri/src/lib.rs by `bash scripts/gen-ts.sh`. Do not edit.
import type { ApiError, Locale, Staff, FormKind, RosterEntry } from "./api";

export type AppStatus = { db_path: string, 
/**
 * The database could not be opened (damaged, locked, unreadable): shown plainly.
 */
open_error: ApiError | null, 
/**
 * The start-up check (quick_check + audit chain) when it found a problem, with the
 * newest good backup to offer.
 */
health: Health | null, 
/**
 * Where automatic backups go.
 */
backups_dir: string, 
/**
 * The counter has been set up (profile and first admin).
 */
initialised: boolean, 
/**
 * The counter's own language, or the screen's when switched.
 */
locale: Locale, 
/**
 * Staff who may sign in here (no secrets: whether they have a PIN, any lock).
 */
roster: Array<RosterEntry>, signed_in: Staff | null, 
/**
 * The screen is locked: the signed-in work stays, a PIN (same or another staff member)
 * unlocks it.
 */
locked: boolean, 
/**
 * Signed in with a temporary PIN from an admin: choose one now.
 */
must_change_pin: boolean, 
/**
 * Idle minutes before the screen locks itself.
 */
lock_after_minutes: number, 
/**
 * Where printed forms are saved.
 */
documents_dir: string, };

export type SavedPdf = { path: string, folder: string, pages: number, 
/**
 * Whether the system viewer was asked to open it.
 */
opened: boolean, };

export type PickedFile = { name: string, mime: string, data_base64: string, };

export type BackupFile = { path: string, 
/**
 * The counter's local time it was taken at, `YYYY-MM-DD HH:MM:SS`.
 */
taken: string, bytes: number, };

export type PrintArgs = { form: FormKind, target: string, locale?: Locale, a6?: boolean, 
/**
 * Open the saved PDF with the system viewer (default true).
 */
open?: boolean, };

export type Health = { ok: boolean, problem_kind: HealthProblem | null, problem: string | null, 
/**
 * Audit events that verified (all of them when `ok`).
 */
audit_events: number, 
/**
 * When not ok: the newest automatic backup that verifies, to offer for restore.
 */
newest_good_backup: string | null, };

export type HealthProblem = "unreadable" | "damaged" | "audit_broken" | "newer_schema";

