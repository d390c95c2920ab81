// What an audit event changed: the top-level fields whose values differ between before and
// after, as short text. Bookkeeping fields (ids, times of update) are left out.
import type { JsonValue } from "../gen/api";

export type Change = { field: string; before: string | null; after: string | null };

const SKIP = new Set(["id", "updated_at", "created_at", "code", "search_text"]);

function text(v: JsonValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

export function changes(before: JsonValue | null, after: JsonValue | null): Change[] {
  const b = (before && typeof before === "object" && !Array.isArray(before) ? before : {}) as Record<string, JsonValue>;
  const a = (after && typeof after === "object" && !Array.isArray(after) ? after : {}) as Record<string, JsonValue>;
  const out: Change[] = [];
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (SKIP.has(field)) continue;
    const bt = text(b[field]);
    const at = text(a[field]);
    if (bt !== at) out.push({ field, before: before ? bt : null, after: at });
  }
  return out;
}
