// The date field's rules, apart from the screen: which segments a kind has and in what order
// each language writes them, the bound string (`YYYY-MM-DDTHH:MM`, `YYYY-MM-DD`, `YYYY-MM`,
// "" unless complete and valid), typing, stepping and the day clamped to its month. The words
// mirror the printed forms (src/print/format.rs): zh-CN `2026年12月01日 14:30`, ko
// `2026년 12월 01일 14:30`, en `01 Dec 2026 14:30`; a 24-hour clock in all three.
import type { Locale } from "../gen/api";

export type Kind = "datetime" | "date" | "month";
export type Part = "year" | "month" | "day" | "hour" | "minute";
/** Each segment's number, or null while it is empty. */
export type Parts = Record<Part, number | null>;
/** What the field shows, left to right: a segment or the words between segments. */
export type Piece = { part: Part } | { text: string };

export const EMPTY: Parts = { year: null, month: null, day: null, hour: null, minute: null };

/** English month abbreviations, as the printed forms use them. */
export const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const EN_MONTHS_LONG = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

// Four-digit years only: a year still being typed ("202") is not a date.
const YEAR_MIN = 1000;
const YEAR_MAX = 9999;

/** The segments a kind is made of. */
export function partsOf(kind: Kind): Part[] {
  if (kind === "month") return ["year", "month"];
  if (kind === "date") return ["year", "month", "day"];
  return ["year", "month", "day", "hour", "minute"];
}

/** The segments and words in the order the language writes a date. */
export function layout(locale: Locale, kind: Kind): Piece[] {
  const Y = { part: "year" as const };
  const M = { part: "month" as const };
  const D = { part: "day" as const };
  const w = (text: string): Piece => ({ text });
  let date: Piece[];
  if (locale === "zh-CN") date = kind === "month" ? [Y, w("年"), M, w("月")] : [Y, w("年"), M, w("月"), D, w("日")];
  else if (locale === "ko") date = kind === "month" ? [Y, w("년 "), M, w("월")] : [Y, w("년 "), M, w("월 "), D, w("일")];
  else date = kind === "month" ? [M, w(" "), Y] : [D, w(" "), M, w(" "), Y];
  if (kind !== "datetime") return date;
  return [...date, w(" "), { part: "hour" }, w(":"), { part: "minute" }];
}

export function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Days in a month; a month or year not known yet allows the most it could have. */
export function daysInMonth(year: number | null, month: number | null): number {
  if (month === null || month < 1 || month > 12) return 31;
  if (month === 2) return year === null || year < YEAR_MIN ? 29 : isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The smallest and largest value of a segment, given the others. */
export function bounds(part: Part, parts: Parts): { min: number; max: number } {
  switch (part) {
    case "year": return { min: YEAR_MIN, max: YEAR_MAX };
    case "month": return { min: 1, max: 12 };
    case "day": return { min: 1, max: daysInMonth(parts.year, parts.month) };
    case "hour": return { min: 0, max: 23 };
    case "minute": return { min: 0, max: 59 };
  }
}

function inBounds(part: Part, parts: Parts): boolean {
  const v = parts[part];
  if (v === null) return false;
  const { min, max } = bounds(part, parts);
  return v >= min && v <= max;
}

/** The bound string's parts; anything that is not a whole valid value of the kind is empty. */
export function parse(value: string, kind: Kind): Parts {
  const re = {
    month: /^(\d{4})-(\d{2})$/,
    date: /^(\d{4})-(\d{2})-(\d{2})$/,
    datetime: /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/,
  }[kind];
  const m = re.exec(value);
  if (!m) return { ...EMPTY };
  const n = (i: number) => (m[i] === undefined ? null : Number(m[i]));
  const parts: Parts = { year: n(1), month: n(2), day: n(3), hour: n(4), minute: n(5) };
  return partsOf(kind).every((p) => inBounds(p, parts)) ? parts : { ...EMPTY };
}

/** Whether every segment of the kind is filled with a value in its range. */
export function complete(parts: Parts, kind: Kind): boolean {
  return partsOf(kind).every((p) => inBounds(p, parts));
}

/** The bound string: the value when complete and valid, else "". */
export function format(parts: Parts, kind: Kind): string {
  if (!complete(parts, kind)) return "";
  const p2 = (n: number | null) => String(n).padStart(2, "0");
  const date = `${String(parts.year).padStart(4, "0")}-${p2(parts.month)}`;
  if (kind === "month") return date;
  if (kind === "date") return `${date}-${p2(parts.day)}`;
  return `${date}-${p2(parts.day)}T${p2(parts.hour)}:${p2(parts.minute)}`;
}

/** Whether any segment is filled (a partial value still shows, and can be cleared). */
export function anyFilled(parts: Parts, kind: Kind): boolean {
  return partsOf(kind).some((p) => parts[p] !== null);
}

/** The day brought back inside its month after the month or year changed (31 Mar → Feb: 28/29). */
export function clampDay(parts: Parts): Parts {
  if (parts.day === null) return parts;
  const max = daysInMonth(parts.year, parts.month);
  return parts.day > max ? { ...parts, day: max } : parts;
}

function set(parts: Parts, part: Part, value: number | null): Parts {
  const next = { ...parts, [part]: value };
  return part === "year" || part === "month" ? clampDay(next) : next;
}

/**
 * ArrowUp (+1) / ArrowDown (−1). An empty segment takes its value from `ref` (now, in the
 * counter's time zone). Month, day, hour and minute wrap within their range (the day within its
 * month) without carrying into the next segment; the year stops at its ends.
 */
export function step(parts: Parts, part: Part, delta: number, ref: Parts): Parts {
  const cur = parts[part];
  const { min, max } = bounds(part, parts);
  if (cur === null) return set(parts, part, Math.min(max, Math.max(min, ref[part] ?? min)));
  if (part === "year") return set(parts, part, Math.min(max, Math.max(min, cur + delta)));
  const span = max - min + 1;
  const from = Math.min(max, Math.max(min, cur));
  return set(parts, part, ((((from - min + delta) % span) + span) % span) + min);
}

/** Home / End: the segment's smallest or largest value. */
export function extreme(parts: Parts, part: Part, end: "min" | "max"): Parts {
  return set(parts, part, bounds(part, parts)[end]);
}

/** Clear one segment. */
export function clearPart(parts: Parts, part: Part): Parts {
  return { ...parts, [part]: null };
}

/** Leaving a segment: a value it cannot hold (month 0, year 202) is dropped, so what shows is
 *  what is bound. */
export function settle(parts: Parts, part: Part): Parts {
  const v = parts[part];
  if (v === null) return parts;
  const { min, max } = bounds(part, parts);
  return v < min || v > max ? { ...parts, [part]: null } : parts;
}

/**
 * A digit typed into a segment: `buffer` holds the digits typed there since it was focused.
 * `done` means the segment cannot take another digit (its width is full, or any further digit
 * would be too large: month 2, day 4, hour 3, minute 6), so the focus moves on.
 */
export function typeDigit(parts: Parts, part: Part, buffer: string, digit: string): { parts: Parts; buffer: string; done: boolean } {
  const width = part === "year" ? 4 : 2;
  const max = part === "year" ? YEAR_MAX : bounds(part, parts).max;
  let buf = buffer.length >= width ? digit : buffer + digit;
  if (Number(buf) > max) buf = digit;
  const n = Number(buf);
  const done = buf.length >= width || (part !== "year" && n * 10 > max);
  return { parts: set(parts, part, n), buffer: buf, done };
}

/**
 * A letter typed into the English month segment: the first month whose name starts with the
 * letters typed so far ("j" Jan, "ju" Jun, "jul" Jul; "s" Sep), starting again from this letter
 * when nothing matches. `done` when only one month matches. Null when no month starts so.
 */
export function typeMonthLetter(parts: Parts, buffer: string, letter: string): { parts: Parts; buffer: string; done: boolean } | null {
  const match = (b: string) => EN_MONTHS.map((m, i) => [m.toLowerCase(), i + 1] as const).filter(([m]) => m.startsWith(b));
  let buf = (/^[a-z]+$/.test(buffer) ? buffer : "") + letter.toLowerCase();
  let found = match(buf);
  if (found.length === 0) {
    buf = letter.toLowerCase();
    found = match(buf);
  }
  if (found.length === 0) return null;
  return { parts: set(parts, "month", found[0][1]), buffer: buf, done: found.length === 1 };
}

/** The text a segment shows: its value (English months as words), or dashes while empty. */
export function display(parts: Parts, part: Part, locale: Locale): string {
  const v = parts[part];
  const english = part === "month" && locale === "en";
  if (v === null) return part === "year" ? "----" : english ? "---" : "--";
  if (english && v >= 1 && v <= 12) return EN_MONTHS[v - 1];
  return String(v).padStart(part === "year" ? 4 : 2, "0");
}

/** What a screen reader says for a filled segment (the month as a word in English). */
export function spoken(parts: Parts, part: Part, locale: Locale): string | undefined {
  const v = parts[part];
  if (v === null) return undefined;
  if (part === "month" && v >= 1 && v <= 12) {
    return locale === "en" ? EN_MONTHS_LONG[v - 1] : `${v}${locale === "ko" ? "월" : "月"}`;
  }
  return String(v);
}

/**
 * Pasted or dropped text read as a value of the kind, in year-month-day order whatever the
 * separators: `2026-12-01 14:30`, `2026/12/1 9:05`, `2026年12月1日 14:30`, `2026년 12월 1일`.
 * Also the bound form itself. "" when it is not a whole valid value.
 */
export function parseLoose(text: string, kind: Kind): string {
  const nums = text.normalize("NFKC").match(/\d+/g) ?? [];
  const need = partsOf(kind).length;
  if (nums.length < need || nums[0]?.length !== 4) return "";
  const [year, month, day, hour, minute] = nums.map(Number);
  const parts: Parts = { year, month, day: day ?? null, hour: hour ?? null, minute: minute ?? null };
  return format(parts, kind);
}

/** The kind's share of a `datetime-local` value (`now` from `toLocalInput`). */
export function ofKind(datetime: string, kind: Kind): string {
  return kind === "month" ? datetime.slice(0, 7) : kind === "date" ? datetime.slice(0, 10) : datetime;
}
