// What an audit event changed, in the words a receptionist reads on the record itself: the
// top-level fields whose values differ between before and after, each with its catalogue label
// (`field.*`) and its values labelled — statuses, kinds and categories as the lists name them,
// yes/no, times in the counter's zone and the screen's language, a staff member by name, a
// nested list as a count ("3 follow-ups"). Bookkeeping (ids, codes, hashes, times of update,
// who created it when the event already says who) is left out.
import type { JsonValue } from "../gen/api";
import { catalogues, fmtDate, fmtDateTime, fmtNumber, has, i18n, joinList, label, t } from "./i18n.svelte";
import { valuePrefix } from "./labels";

/** One changed field: its label ("" when the value names itself, "3 follow-ups"), and the
 *  values before (null on a creation, or when it was empty) and after (null when cleared). */
export type Change = { field: string; label: string; before: string | null; after: string | null };

/** What the event is about and who made it, for the words of its changes. */
export type HistoryContext = {
  /** The audit entity (`found_item`, `parcel`, …): which words its statuses and kinds take. */
  entity?: string;
  /** The acting staff member's name: a "…by" field naming them again on a creation is left out. */
  actor?: string;
  /** A staff member's name by id (a field holding only a staff id shows as that name). */
  staffName?: (id: number) => string | undefined;
};

/** Bookkeeping: never a change a receptionist reads. */
const SKIP = new Set([
  "id", "code", "created_at", "updated_at", "created_by", "search_text", "hash", "prev_hash",
  "staff_id",
]);

/** Fields named by another field's label. */
const ALIAS: Record<string, string> = {
  has_private_features: "private_features",
  disposal_reference: "reference",
  disposal_note: "note",
};

/** Nested lists whose count has its own words ("3 follow-ups"). */
const COUNTED = new Set(["follow_ups", "callbacks", "work_orders", "notifications", "exceptions"]);

/** The order a record reads in (the audit trail stores its fields alphabetically): the status
 *  first, then what it is, who, where and when, then the rest in the stored order. */
const ORDER = [
  "status", "kind", "direction", "weight", "channel", "category", "severity", "arrival",
  "description", "content", "text", "tracking_no", "carrier",
  "recipient_name", "recipient_unit", "recipient_contact", "sender",
  "complainant_name", "reporter_name", "claimant_name", "finder_name", "person", "name", "login", "role",
  "contact", "finder_contact", "unit", "phone",
  "at", "found_at", "found_place", "lost_at", "lost_from", "lost_to", "lost_place", "received_at", "reported_at",
  "valuable", "has_private_features", "urgent", "needs_follow_up", "escalated", "escalated_at",
  "storage_location", "holder_name", "custodian_since",
  "promised", "promised_by", "dispatched_to", "addressed_to", "department", "promised_at",
];

function rank(field: string): number {
  const i = ORDER.indexOf(field);
  return i < 0 ? ORDER.length : i;
}

/** How many items of a string list are named before "and 3 more". */
const LIST_MAX = 6;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Obj = Record<string, JsonValue>;

function asObject(v: JsonValue | null): Obj | null {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : null;
}

/** A field holding a staff member's id (`closed_by: 4`), shown as their name. */
function staffRef(field: string, v: JsonValue | undefined): v is number {
  return typeof v === "number" && /_by$/.test(field);
}

/** Whether a field is bookkeeping, or repeats another one shown in its place. */
function internal(field: string, b: Obj, a: Obj): boolean {
  if (SKIP.has(field) || field.endsWith("_id") || field.endsWith("_hash")) return true;
  // `received_by: 4` beside `received_by_name: "王芳"`: the name says it.
  return `${field}_name` in b || `${field}_name` in a;
}

/** The catalogue field a stored field is labelled by (`shift_code` → `shift_id` "Shift",
 *  `holder_name` → `holder` "Held by"). */
export function fieldKey(field: string): string {
  if (ALIAS[field]) return ALIAS[field];
  if (has(`field.${field}`)) return field;
  if (field.endsWith("_code") && has(`field.${field.slice(0, -5)}_id`)) return `${field.slice(0, -5)}_id`;
  if (field.endsWith("_name") && has(`field.${field.slice(0, -5)}`)) return field.slice(0, -5);
  return field;
}

export function fieldLabel(field: string): string {
  return label("field", fieldKey(field));
}

/** "3 follow-ups": the count of a nested list in the screen's language. */
function count(field: string, n: number): string {
  const form = new Intl.PluralRules(i18n.locale).select(n) === "one" ? "one" : "other";
  const own = `ui.history.count.${field}.${form}`;
  const key = COUNTED.has(field) && has(own) ? own : `ui.history.count.${form}`;
  return t(key, { n: fmtNumber(n) });
}

/** A list of names or codes, the first few and how many more. */
function list(items: string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= LIST_MAX) return joinList(unique);
  return t("ui.history.and_more", { list: joinList(unique.slice(0, LIST_MAX)), n: fmtNumber(unique.length - LIST_MAX) });
}

/** A value as the receptionist reads it, or null when there is nothing to show. */
function shown(field: string, v: JsonValue | undefined, ctx: HistoryContext): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return t(v ? "ui.yes" : "ui.no");
  if (typeof v === "number") {
    if (staffRef(field, v)) return ctx.staffName?.(v) ?? null;
    return fmtNumber(v);
  }
  if (typeof v === "string") {
    if (v === "") return null;
    const prefix = valuePrefix(ctx.entity ?? "", field);
    if (prefix) return label(prefix, v);
    if (INSTANT.test(v)) return fmtDateTime(v);
    if (DAY.test(v)) return fmtDate(v);
    return v;
  }
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === "string")) return v.length ? list(v as string[]) : null;
    return count(field, v.length);
  }
  // A related record nested whole: its code names it.
  const code = (v as Obj).code;
  return typeof code === "string" ? code : null;
}

/** Nothing there: a missing key, null, "" or an empty list. */
function blank(v: JsonValue | undefined): boolean {
  return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
}

function same(x: JsonValue | undefined, y: JsonValue | undefined): boolean {
  if (blank(x) && blank(y)) return true;
  return JSON.stringify(x) === JSON.stringify(y);
}

/** On a creation, what says nothing: empty, "no", zero. */
function nothing(v: JsonValue | undefined): boolean {
  return blank(v) || v === false || v === 0;
}

export function changes(before: JsonValue | null, after: JsonValue | null, ctx: HistoryContext = {}): Change[] {
  const created = asObject(before) === null;
  const b = asObject(before) ?? {};
  const a = asObject(after) ?? {};
  const out: Change[] = [];
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (internal(field, b, a)) continue;
    if (same(b[field], a[field])) continue;
    if (created && nothing(a[field])) continue;
    // "Received by 王芳" on the event 王芳 made: the line above already names her.
    if (created && ctx.actor && /_by(_name)?$/.test(field)) {
      const who = typeof a[field] === "number" ? ctx.staffName?.(a[field] as number) : a[field];
      if (who === ctx.actor) continue;
    }
    const bt = created ? null : shown(field, b[field], ctx);
    const at = shown(field, a[field], ctx);
    if (bt === null && at === null) continue;
    if (bt === at) continue;
    // "2 follow-ups → 3 follow-ups" names itself; other values take their field's label.
    const own = COUNTED.has(field) && Array.isArray(a[field] ?? b[field]);
    out.push({ field, label: own ? "" : fieldLabel(field), before: bt, after: at });
  }
  // Stable: fields outside ORDER keep the order they came in.
  return out.map((c, i) => ({ c, i })).sort((x, y) => rank(x.c.field) - rank(y.c.field) || x.i - y.i).map((x) => x.c);
}

/** The reason given, translated where the core records a fixed one (`first_pin`). */
export function reasonText(reason: string): string {
  const key = `history.reason.${reason}`;
  return catalogues[i18n.locale][key] ?? catalogues.en[key] ?? reason;
}
