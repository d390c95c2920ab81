// Complaints: which actions a status allows (mirrors src/complaints.rs TRANSITIONS), overdue
// promises, months for the statistics, and the bar chart's geometry.
import type { Complaint, ComplaintStats, ComplaintStatus } from "../gen/api";

export type ComplaintAct = "dispatch" | "follow_up" | "resolve" | "callback" | "reopen" | "amend";

export function complaintActions(status: ComplaintStatus): Set<ComplaintAct> {
  const acts = new Set<ComplaintAct>(["amend"]);
  switch (status) {
    case "received":
      acts.add("dispatch").add("follow_up");
      break;
    case "dispatched":
      acts.add("dispatch").add("follow_up").add("resolve");
      break;
    case "resolved":
      acts.add("follow_up").add("callback").add("reopen");
      break;
    case "closed":
      acts.add("reopen");
      break;
  }
  return acts;
}

/** A dispatched complaint whose promised time has passed (`nowMs`: the wall clock, display only). */
export function promiseOverdue(c: Pick<Complaint, "status" | "promised_at">, nowMs: number): boolean {
  if (c.status !== "dispatched" || !c.promised_at) return false;
  const p = Date.parse(c.promised_at);
  return !Number.isNaN(p) && p < nowMs;
}

/** A resolved complaint whose promised next call-back has passed. */
export function callbackOverdue(c: Pick<Complaint, "status" | "next_callback_at">, nowMs: number): boolean {
  if (c.status !== "resolved" || !c.next_callback_at) return false;
  const p = Date.parse(c.next_callback_at);
  return !Number.isNaN(p) && p < nowMs;
}

/** `YYYY-MM` of an instant in a time zone. */
export function monthOf(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}`;
}

/** The month `delta` months from `month` (`YYYY-MM`). */
export function addMonths(month: string, delta: number): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const idx = Number(m[1]) * 12 + (Number(m[2]) - 1) + delta;
  const y = Math.floor(idx / 12);
  const mo = (idx % 12) + 1;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}`;
}

export type Bar = { key: string; label: string; grievances: number; complaints: number; total: number;
  /** Widths in chart units (0..width) of the two stacked parts. */
  wGrievances: number; wComplaints: number; y: number };

/** Horizontal stacked bars, one per category, scaled to the largest total. */
export function bars(stats: Pick<ComplaintStats, "by_category">, width: number, rowHeight: number): Bar[] {
  const max = Math.max(1, ...stats.by_category.map((c) => c.total));
  return stats.by_category.map((c, i) => ({
    key: c.category,
    label: c.label,
    grievances: c.grievances,
    complaints: c.complaints,
    total: c.total,
    wGrievances: (c.grievances / max) * width,
    wComplaints: (c.complaints / max) * width,
    y: i * rowHeight,
  }));
}

/** A rate (0..1) as a whole percentage, or "—" when there is none. */
export function percent(rate: number | null | undefined): string {
  return rate == null ? "—" : `${Math.round(rate * 100)}%`;
}

/** A guess of a label's width in px at `fontPx` when nothing can measure it: CJK and other
 *  wide characters a full em, Latin about 0.55 em. */
export function estimateWidth(text: string, fontPx: number): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uff60]/.test(ch) ? fontPx : fontPx * 0.55;
  return w;
}

/**
 * The chart's label column, sized to its longest label (plus `gap` before the bars and a little
 * air before it) and kept
 * between `min` and `max`; a label longer than `max` allows is cut with "…" (its full text is
 * the label's title). `measure` gives a text's width in chart units.
 */
export function labelColumn(labels: string[], measure: (s: string) => number, gap = 8, min = 60, max = 260):
  { width: number; fit: (s: string) => string } {
  const LEAD = 4; // a little air before the longest label
  const longest = Math.max(0, ...labels.map(measure));
  const width = Math.ceil(Math.min(max, Math.max(min, longest + gap + LEAD)));
  const room = width - gap - LEAD;
  const fit = (s: string): string => {
    if (measure(s) <= room) return s;
    const chars = [...s];
    while (chars.length > 1 && measure(chars.join("") + "…") > room) chars.pop();
    return chars.join("").trimEnd() + "…";
  };
  return { width, fit };
}
