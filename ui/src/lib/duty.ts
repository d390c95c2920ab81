// The duty log's pure pieces: the fast-entry form's values → a `log.add` request, the quick
// keys for the entry kind, the list filters → a `log.list` request, which actions a record
// offers in its state, and the checklist answers → a `checklist.run` request.
import type {
  AmendEntry, ChecklistItem, ChecklistKind, EntryStatus, ListEntries, LogEntry, LogKind, NewLogEntry, ResultInput,
  Shift, UpdateShift,
} from "../gen/api";
import { joinList } from "./i18n.svelte";

export const LOG_KINDS: LogKind[] = ["call", "visit", "dispatch", "incident", "briefing", "note"];

/** Ctrl+1 … Ctrl+6 choose the kind from anywhere in the entry form. */
export function kindForKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): LogKind | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const n = Number(e.key);
  return Number.isInteger(n) && n >= 1 && n <= LOG_KINDS.length ? LOG_KINDS[n - 1] : null;
}

/** What the entry form holds: plain strings, as typed. */
export type EntryForm = {
  kind: LogKind;
  /** `datetime-local` value; empty = now (the core stamps it). */
  at: string;
  person: string;
  contact: string;
  unit: string;
  content: string;
  promised: string;
  dispatched_to: string;
  /** `datetime-local` value; empty = no promised time. */
  promised_by: string;
  urgent: boolean;
};

export function blankEntry(kind: LogKind = "call"): EntryForm {
  return {
    kind, at: "", person: "", contact: "", unit: "", content: "", promised: "", dispatched_to: "",
    promised_by: "", urgent: false,
  };
}

/** After a save: everything cleared but the kind (the next call is usually a call too). */
export function afterSave(f: EntryForm): EntryForm {
  return blankEntry(f.kind);
}

function opt(s: string): string | undefined {
  const v = s.trim();
  return v === "" ? undefined : v;
}

/** The `log.add` request; `fromLocal` turns a datetime-local value into RFC 3339 (counter's zone). */
export function newEntryRequest(f: EntryForm, fromLocal: (v: string) => string): NewLogEntry {
  const req: NewLogEntry = { kind: f.kind, content: f.content.trim(), urgent: f.urgent };
  const put = <K extends keyof NewLogEntry>(k: K, v: NewLogEntry[K] | undefined) => {
    if (v !== undefined) req[k] = v;
  };
  put("at", f.at ? fromLocal(f.at) : undefined);
  put("person", opt(f.person));
  put("contact", opt(f.contact));
  put("unit", opt(f.unit));
  put("promised", opt(f.promised));
  put("dispatched_to", opt(f.dispatched_to));
  put("promised_by", f.promised_by ? fromLocal(f.promised_by) : undefined);
  return req;
}

/** The editable part of an entry, for the amend form. */
export type AmendForm = Omit<EntryForm, "urgent"> & { urgent: boolean; reason: string };

export function amendFormOf(e: LogEntry, toLocal: (iso: string) => string): AmendForm {
  return {
    kind: e.kind, at: toLocal(e.at), person: e.person ?? "", contact: e.contact ?? "", unit: e.unit ?? "",
    content: e.content, promised: e.promised ?? "", dispatched_to: e.dispatched_to ?? "",
    promised_by: e.promised_by ? toLocal(e.promised_by) : "", urgent: e.urgent, reason: "",
  };
}

/** Only what changed goes into `log.amend` (an empty field stays as it was). */
export function amendRequest(
  e: LogEntry, f: AmendForm, toLocal: (iso: string) => string, fromLocal: (v: string) => string,
): AmendEntry {
  const req: AmendEntry = { id: e.id, reason: f.reason.trim() };
  if (f.kind !== e.kind) req.kind = f.kind;
  if (f.at && f.at !== toLocal(e.at)) req.at = fromLocal(f.at);
  const text = ["person", "contact", "unit", "content", "promised", "dispatched_to"] as const;
  for (const k of text) {
    const v = f[k].trim();
    if (v !== "" && v !== (e[k] ?? "")) req[k] = v;
  }
  if (f.promised_by && f.promised_by !== (e.promised_by ? toLocal(e.promised_by) : "")) {
    req.promised_by = fromLocal(f.promised_by);
  }
  if (f.urgent !== e.urgent) req.urgent = f.urgent;
  return req;
}

/** The list's filters. */
export type EntryFilter = {
  /** Only the open shift's entries (when a shift is open). */
  thisShift: boolean;
  /** Only entries still needing work: open, or done and waiting for the call-back. */
  openOnly: boolean;
  /** `YYYY-MM-DD` or empty. */
  from: string;
  to: string;
};

export function listRequest(filter: EntryFilter, shiftId: number | null): ListEntries {
  const req: ListEntries = {};
  if (filter.thisShift && shiftId != null) req.shift_id = shiftId;
  if (filter.from) req.from = filter.from;
  if (filter.to) req.to = filter.to;
  return req;
}

export function isOpen(status: EntryStatus): boolean {
  return status !== "closed";
}

/** The rows to show: newest first, the open-only filter applied. */
export function visibleEntries<E extends Pick<LogEntry, "status" | "at" | "id">>(rows: E[], filter: EntryFilter): E[] {
  const out = filter.openOnly ? rows.filter((r) => isOpen(r.status)) : rows.slice();
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
}

/** Put a just-saved entry at the top of the list without waiting for the reload. */
export function withEntry<E extends { id: number }>(rows: E[], e: E): E[] {
  return [e, ...rows.filter((r) => r.id !== e.id)];
}

/** What a record offers in its state. */
export function entryActions(status: EntryStatus): { followUp: boolean; callback: boolean; amend: boolean } {
  return { followUp: status !== "closed", callback: status === "done", amend: true };
}

/** One checklist answer as the form holds it: unanswered, OK, or a problem with a note. */
export type Answer = { ok: boolean | null; note: string };

export function blankAnswers(items: ChecklistItem[]): Record<number, Answer> {
  return Object.fromEntries(items.map((i) => [i.id, { ok: null, note: "" }]));
}

/**
 * The `checklist.run` request: answered items in the template's order (the core names what is
 * unanswered), and where each item's answer landed (`results[i]` in errors) so its note error
 * shows on its row.
 */
export function runRequest(
  kind: ChecklistKind, items: ChecklistItem[], answers: Record<number, Answer>,
): { req: { kind: ChecklistKind; results: ResultInput[] }; index: Record<number, number> } {
  const results: ResultInput[] = [];
  const index: Record<number, number> = {};
  for (const it of items) {
    const a = answers[it.id];
    if (!a || a.ok === null) continue;
    index[it.id] = results.length;
    const note = a.note.trim();
    const r: ResultInput = { item_id: it.id, ok: a.ok };
    if (note !== "") r.note = note;
    results.push(r);
  }
  return { req: { kind, results }, index };
}

export function problemCount(answers: Record<number, Answer>): number {
  return Object.values(answers).filter((a) => a.ok === false).length;
}

export function unansweredCount(items: ChecklistItem[], answers: Record<number, Answer>): number {
  return items.filter((i) => (answers[i.id]?.ok ?? null) === null).length;
}

/** The shift header as the form holds it. */
export type HeaderForm = {
  staff: string;
  weather: string;
  duty_manager: string;
  duty_leader: string;
  operations_notes: string;
  /** A number input's value: a number, or empty. */
  visitor_count: number | string | null;
};

export function headerForm(s: Shift | null): HeaderForm {
  return {
    staff: s ? joinList(s.staff_on_duty) : "",
    weather: s?.weather ?? "",
    duty_manager: s?.duty_manager ?? "",
    duty_leader: s?.duty_leader ?? "",
    operations_notes: s?.operations_notes ?? "",
    visitor_count: s?.visitor_count ?? "",
  };
}

/** Names typed with any of the usual separators (, ， 、 ; space). */
export function splitNames(s: string): string[] {
  return s.split(/[,，、;；\s]+/).map((x) => x.trim()).filter(Boolean);
}

/** `shift.update` with what changed. */
export function headerRequest(s: Shift, f: HeaderForm): UpdateShift {
  const req: UpdateShift = { id: s.id };
  const staff = splitNames(f.staff);
  if (staff.length > 0 && staff.join("\n") !== s.staff_on_duty.join("\n")) req.staff_on_duty = staff;
  const text = ["weather", "duty_manager", "duty_leader", "operations_notes"] as const;
  for (const k of text) {
    const v = f[k].trim();
    if (v !== "" && v !== (s[k] ?? "")) req[k] = v;
  }
  const n = f.visitor_count === "" || f.visitor_count == null ? null : Number(f.visitor_count);
  if (n !== null && n !== s.visitor_count) req.visitor_count = n;
  return req;
}
