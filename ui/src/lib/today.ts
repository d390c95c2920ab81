// Today's open items, grouped by what needs doing, most urgent group first.
import type { OpenItem, OpenKind } from "../gen/api";

const ORDER: OpenKind[] = [
  "complaint_overdue", "overdue_promise", "callback_due", "complaint_callback_due",
  "valuable_to_custodian", "retention_due", "parcel_reminder", "complaint_open",
  "open_log_entry", "found_item_in_custody", "parcel_waiting",
];

export type Group = { kind: OpenKind; items: OpenItem[]; overdue: number };

export function groupOpenItems(items: OpenItem[]): Group[] {
  const by = new Map<OpenKind, OpenItem[]>();
  for (const it of items) {
    const list = by.get(it.kind) ?? [];
    list.push(it);
    by.set(it.kind, list);
  }
  const rank = (k: OpenKind) => {
    const i = ORDER.indexOf(k);
    return i < 0 ? ORDER.length : i;
  };
  return [...by.entries()]
    .map(([kind, list]) => ({
      kind,
      // Overdue first, then by due time (none last), then by code.
      items: [...list].sort((a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.due_at ?? "\uffff").localeCompare(b.due_at ?? "\uffff") ||
        a.code.localeCompare(b.code)),
      overdue: list.filter((i) => i.overdue).length,
    }))
    .sort((a, b) => Number(b.overdue > 0) - Number(a.overdue > 0) || rank(a.kind) - rank(b.kind));
}
