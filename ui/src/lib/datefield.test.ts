import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  EMPTY, type Kind, type Parts, type Piece, bounds, clampDay, complete, daysInMonth, display, extreme,
  format, layout, ofKind, parse, parseLoose, settle, spoken, step, typeDigit, typeMonthLetter,
} from "./datefield";
import type { Locale } from "../gen/api";

const P = (year: number | null, month: number | null, day: number | null = null, hour: number | null = null, minute: number | null = null): Parts =>
  ({ year, month, day, hour, minute });
const NOW = P(2026, 6, 15, 9, 5);

/** The field as it reads on screen. */
function shown(value: string, locale: Locale, kind: Kind): string {
  const parts = parse(value, kind);
  return layout(locale, kind).map((p: Piece) => ("part" in p ? display(parts, p.part, locale) : p.text)).join("");
}

/** Digits and letters typed from the first segment, moving on as the field does. */
function typeAll(keys: string, locale: Locale, kind: Kind, start: Parts = { ...EMPTY }): Parts {
  const order = layout(locale, kind).flatMap((p) => ("part" in p ? [p.part] : []));
  let parts = start;
  let i = 0;
  let buffer = "";
  for (const k of keys) {
    const part = order[i];
    const r = /\d/.test(k) ? typeDigit(parts, part, buffer, k) : typeMonthLetter(parts, buffer, k);
    if (!r) continue;
    parts = r.parts;
    buffer = r.buffer;
    if (r.done && i < order.length - 1) {
      parts = settle(parts, part);
      i++;
      buffer = "";
    }
  }
  return parts;
}

describe("the field's order and words", () => {
  it("writes each language's order on a 24-hour clock", () => {
    expect(shown("2026-12-01T14:30", "zh-CN", "datetime")).toBe("2026年12月01日 14:30");
    expect(shown("2026-12-01T14:30", "ko", "datetime")).toBe("2026년 12월 01일 14:30");
    expect(shown("2026-12-01T14:30", "en", "datetime")).toBe("01 Dec 2026 14:30");
    expect(shown("2026-03-09", "zh-CN", "date")).toBe("2026年03月09日");
    expect(shown("2026-03-09", "ko", "date")).toBe("2026년 03월 09일");
    expect(shown("2026-03-09", "en", "date")).toBe("09 Mar 2026");
    expect(shown("2026-11", "zh-CN", "month")).toBe("2026年11月");
    expect(shown("2026-11", "ko", "month")).toBe("2026년 11월");
    expect(shown("2026-11", "en", "month")).toBe("Nov 2026");
  });

  it("puts a space after 년, 월 and 일 in Korean, none inside a Chinese date", () => {
    const words = (l: Locale, k: Kind) => layout(l, k).flatMap((p) => ("part" in p ? [] : [p.text]));
    expect(words("ko", "datetime")).toEqual(["년 ", "월 ", "일", " ", ":"]);
    expect(words("ko", "date")).toEqual(["년 ", "월 ", "일"]);
    expect(words("ko", "month")).toEqual(["년 ", "월"]);
    expect(words("zh-CN", "datetime")).toEqual(["年", "月", "日", " ", ":"]);
    expect(shown("2026-12-01T22:47", "ko", "datetime")).toBe("2026년 12월 01일 22:47");
    expect(shown("2026-12-01T14:30", "zh-CN", "datetime")).toBe("2026年12月01日 14:30");
  });

  it("keeps those spaces on screen (regression: “2026년12월01일22:47”)", () => {
    // Each word is its own flex item, whose trailing space collapses unless it is kept.
    const src = readFileSync(new URL("../components/DateTimeField.svelte", import.meta.url), "utf8");
    expect(src).toMatch(/\.words\s*\{[^}]*white-space:\s*pre;/);
    // And a focused segment's own colours win over "wrong" (red text on teal was unreadable).
    const focus = /\.segment:focus, \.segment\.empty:focus, \.segment\.wrong:focus\s*\{[^}]*color: var\(--accent-ink\)/;
    expect(src).toMatch(focus);
    expect(src.search(focus)).toBeGreaterThan(src.indexOf(".segment.wrong { color: var(--danger); }"));
  });

  it("shows dashes while empty", () => {
    expect(shown("", "zh-CN", "datetime")).toBe("----年--月--日 --:--");
    expect(shown("", "en", "date")).toBe("-- --- ----");
  });

  it("says the month as a word to a screen reader", () => {
    const p = P(2026, 12, 1);
    expect(spoken(p, "month", "en")).toBe("December");
    expect(spoken(p, "month", "zh-CN")).toBe("12月");
    expect(spoken(p, "month", "ko")).toBe("12월");
    expect(spoken(EMPTY, "day", "en")).toBeUndefined();
  });
});

describe("the bound string", () => {
  it("round-trips every kind", () => {
    for (const [v, k] of [["2026-12-01T14:30", "datetime"], ["2024-02-29", "date"], ["2026-01", "month"]] as const) {
      expect(format(parse(v, k), k)).toBe(v);
    }
  });

  it("reads a datetime-local value with seconds, and drops them", () => {
    expect(format(parse("2026-12-01T14:30:15", "datetime"), "datetime")).toBe("2026-12-01T14:30");
  });

  it("is empty for nothing, for a partial value and for an impossible date", () => {
    expect(parse("", "datetime")).toEqual(EMPTY);
    expect(format(EMPTY, "date")).toBe("");
    expect(format(P(2026, 12, null, 14, 30), "datetime")).toBe("");
    expect(format(P(2026, 12, 1, 14, null), "datetime")).toBe("");
    expect(format(P(202, 12, 1), "date")).toBe("");
    expect(format(P(2026, 0), "month")).toBe("");
    expect(parse("2026-02-30", "date")).toEqual(EMPTY);
    expect(parse("2025-02-29", "date")).toEqual(EMPTY);
    expect(parse("2026-13-01", "date")).toEqual(EMPTY);
    expect(parse("2026-12-01T24:00", "datetime")).toEqual(EMPTY);
    expect(parse("2026-12-01", "datetime")).toEqual(EMPTY);
    expect(complete(P(2026, 12, 1), "date")).toBe(true);
    expect(complete(P(2026, 12, 1), "datetime")).toBe(false);
  });

  it("takes only its kind's segments", () => {
    expect(format(P(2026, 12, 1, 14, 30), "month")).toBe("2026-12");
    expect(ofKind("2026-12-01T14:30", "date")).toBe("2026-12-01");
    expect(ofKind("2026-12-01T14:30", "month")).toBe("2026-12");
  });
});

describe("months and leap years", () => {
  it("knows each month's length", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(daysInMonth(null, 2)).toBe(29);
    expect(daysInMonth(2026, null)).toBe(31);
  });

  it("clamps the day when the month or year changes", () => {
    expect(clampDay(P(2026, 2, 31))).toEqual(P(2026, 2, 28));
    expect(clampDay(P(2024, 2, 31))).toEqual(P(2024, 2, 29));
    expect(step(P(2026, 3, 31), "month", -1, NOW)).toEqual(P(2026, 2, 28));
    expect(step(P(2024, 2, 29), "year", 1, NOW)).toEqual(P(2025, 2, 28));
    expect(step(P(2026, 1, 31), "month", 3, NOW).day).toBe(30);
    expect(bounds("day", P(2028, 2)).max).toBe(29);
  });
});

describe("stepping", () => {
  it("wraps month, day, hour and minute without carrying", () => {
    expect(step(P(2026, 12, 1), "month", 1, NOW).month).toBe(1);
    expect(step(P(2026, 12, 1), "month", 1, NOW).year).toBe(2026);
    expect(step(P(2026, 1, 1), "month", -1, NOW).month).toBe(12);
    expect(step(P(2026, 2, 28), "day", 1, NOW).day).toBe(1);
    expect(step(P(2024, 2, 1), "day", -1, NOW).day).toBe(29);
    expect(step(P(2026, 4, 30), "day", 1, NOW).day).toBe(1);
    expect(step(P(2026, 1, 1, 23, 0), "hour", 1, NOW).hour).toBe(0);
    expect(step(P(2026, 1, 1, 0, 0), "hour", -1, NOW).hour).toBe(23);
    expect(step(P(2026, 1, 1, 0, 59), "minute", 1, NOW).minute).toBe(0);
    expect(step(P(2026, 1, 1, 0, 0), "minute", -1, NOW).minute).toBe(59);
  });

  it("stops the year at its ends", () => {
    expect(step(P(9999, 1), "year", 1, NOW).year).toBe(9999);
    expect(step(P(1000, 1), "year", -1, NOW).year).toBe(1000);
  });

  it("starts an empty segment at now", () => {
    expect(step(EMPTY, "year", 1, NOW).year).toBe(2026);
    expect(step(EMPTY, "hour", -1, NOW).hour).toBe(9);
    expect(step(P(2026, 2, null), "day", 1, P(2026, 6, 31, 0, 0)).day).toBe(28);
  });

  it("goes to the ends with Home and End", () => {
    expect(extreme(P(2026, 5, 3), "day", "max").day).toBe(31);
    expect(extreme(P(2026, 6, 3), "day", "max").day).toBe(30);
    expect(extreme(EMPTY, "hour", "min").hour).toBe(0);
  });
});

describe("typing", () => {
  it("fills a datetime in each language's order", () => {
    expect(format(typeAll("202612011430", "zh-CN", "datetime"), "datetime")).toBe("2026-12-01T14:30");
    expect(format(typeAll("202612011430", "ko", "datetime"), "datetime")).toBe("2026-12-01T14:30");
    expect(format(typeAll("011220261430", "en", "datetime"), "datetime")).toBe("2026-12-01T14:30");
    expect(format(typeAll("0123", "en", "month"), "month")).toBe("");
    expect(format(typeAll("122026", "en", "month"), "month")).toBe("2026-12");
  });

  it("moves on as soon as no further digit fits", () => {
    // month 3, day 5, hour 9, minute 7: one digit each.
    expect(format(typeAll("202635997", "zh-CN", "datetime"), "datetime")).toBe("2026-03-05T09:07");
    expect(typeDigit(EMPTY, "month", "", "1").done).toBe(false);
    expect(typeDigit(EMPTY, "month", "", "2").done).toBe(true);
    expect(typeDigit(EMPTY, "day", "", "3").done).toBe(false);
    expect(typeDigit(P(2026, 2), "day", "", "3").done).toBe(true);
    expect(typeDigit(EMPTY, "hour", "", "2").done).toBe(false);
    expect(typeDigit(EMPTY, "minute", "", "6").done).toBe(true);
  });

  it("starts again from a digit that would overflow", () => {
    const r = typeDigit(P(2026, 1), "month", "1", "5");
    expect(r.parts.month).toBe(5);
    expect(r.done).toBe(true);
    expect(typeDigit(P(2028, 2, 2), "day", "2", "9").parts.day).toBe(29);
    expect(typeDigit(P(2026, 2, 2), "day", "2", "9").parts.day).toBe(9);
    // 31 April does not exist: the 1 starts the day again.
    expect(typeDigit(P(2026, 4, 3), "day", "3", "1")).toMatchObject({ parts: { day: 1 }, buffer: "1", done: false });
  });

  it("keeps a year typed short out of the value, and drops it on leaving", () => {
    const p = typeAll("202", "zh-CN", "date");
    expect(p.year).toBe(202);
    expect(format({ ...p, month: 1, day: 1 }, "date")).toBe("");
    expect(settle(p, "year").year).toBeNull();
    expect(settle(P(2026, 0), "month").month).toBeNull();
    expect(settle(P(2026, 12), "month").month).toBe(12);
  });

  it("clamps a day typed before a shorter month", () => {
    const p = typeAll("31022026", "en", "date");
    expect(format(p, "date")).toBe("2026-02-28");
  });

  it("picks English months by their letters", () => {
    expect(typeMonthLetter(EMPTY, "", "d")).toMatchObject({ parts: { month: 12 }, done: true });
    const j = typeMonthLetter(EMPTY, "", "j");
    expect(j).toMatchObject({ parts: { month: 1 }, done: false });
    const ju = typeMonthLetter(j!.parts, j!.buffer, "u");
    expect(ju).toMatchObject({ parts: { month: 6 }, done: false });
    expect(typeMonthLetter(ju!.parts, ju!.buffer, "l")).toMatchObject({ parts: { month: 7 }, done: true });
    // No month starts "jx": start again at "x" (none) → nothing.
    expect(typeMonthLetter(j!.parts, j!.buffer, "x")).toBeNull();
    // "ja" then "m": none starts "jam", "m" starts Mar.
    expect(typeMonthLetter(EMPTY, "ja", "m")).toMatchObject({ parts: { month: 3 } });
    expect(format(typeAll("01feb2028", "en", "date"), "date")).toBe("2028-02-01");
  });
});

describe("pasting", () => {
  it("reads dates however they are separated, year first", () => {
    expect(parseLoose("2026-12-01 14:30", "datetime")).toBe("2026-12-01T14:30");
    expect(parseLoose("2026/12/1 9:05", "datetime")).toBe("2026-12-01T09:05");
    expect(parseLoose("2026年12月1日 14:30", "datetime")).toBe("2026-12-01T14:30");
    expect(parseLoose("2026년 12월 1일", "date")).toBe("2026-12-01");
    expect(parseLoose("２０２６年１２月", "month")).toBe("2026-12");
    expect(parseLoose("2026-12-01T14:30", "date")).toBe("2026-12-01");
  });

  it("refuses what is not a whole valid date", () => {
    expect(parseLoose("12/01/2026", "date")).toBe("");
    expect(parseLoose("2026-02-30", "date")).toBe("");
    expect(parseLoose("2026-12-01", "datetime")).toBe("");
    expect(parseLoose("tomorrow", "date")).toBe("");
  });
});
