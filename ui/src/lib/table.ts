// Sorting for the lists: by text in the screen's collation (pinyin/hangul order), by number,
// or by time; the original order (newest first from the core) when no column is chosen.
export type Column<Row> = {
  id: string;
  label: string;
  text: (r: Row) => string;
  /** The value sorted on, when it differs from the text shown (times, numbers). */
  sortValue?: (r: Row) => string | number;
  numeric?: boolean;
  /** Kept on one line (codes, dates, tracking numbers, short statuses); free text wraps. */
  nowrap?: boolean;
  width?: string;
};

export type SortState = { column: string | null; descending: boolean };

export function sortRows<Row>(rows: Row[], columns: Column<Row>[], sort: SortState, locale = "zh-CN"): Row[] {
  const col = columns.find((c) => c.id === sort.column);
  if (!col) return rows;
  const value = col.sortValue ?? col.text;
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: "base" });
  const out = rows
    .map((r, i) => ({ r, i, v: value(r) }))
    .sort((a, b) => {
      let c: number;
      if (typeof a.v === "number" && typeof b.v === "number") c = a.v - b.v;
      else c = collator.compare(String(a.v), String(b.v));
      if (c === 0) c = a.i - b.i; // stable
      return sort.descending ? -c : c;
    });
  return out.map((x) => x.r);
}
