import { beforeAll, describe, expect, it } from "vitest";
import type { ChecklistItem, LogEntry, Shift } from "../gen/api";
import {
  afterSave, amendFormOf, amendRequest, blankAnswers, blankEntry, entryActions, headerForm, headerRequest, kindForKey,
  listRequest, newEntryRequest, problemCount, runRequest, splitNames, unansweredCount, visibleEntries, withEntry,
} from "./duty";
import { i18n, loadLocale, LOCALES } from "./i18n.svelte";

beforeAll(async () => {
  for (const l of LOCALES) await loadLocale(l);
});

const id = (s: string) => s;
const fromLocal = (v: string) => `${v}:00+08:00`;

function entry(over: Partial<LogEntry> = {}): LogEntry {
  return {
    id: 1, code: "DL-1", shift_id: 1, shift_code: "SH-1", kind: "call", at: "2025-03-01T02:00:00Z",
    person: "张先生", contact: "13800000000", unit: "3-201", content: "水管漏水", promised: null, promised_by: null,
    dispatched_to: null, addressed_to: null, urgent: false, needs_follow_up: true, status: "open", done_at: null,
    next_callback_at: null, closed_at: null, created_by: 1, created_by_name: "王芳", created_at: "", updated_at: "",
    ...over,
  } as LogEntry;
}

describe("entry form", () => {
  it("Ctrl+digit chooses the kind, other keys do not", () => {
    expect(kindForKey({ key: "1", ctrlKey: true, metaKey: false, altKey: false })).toBe("call");
    expect(kindForKey({ key: "4", ctrlKey: false, metaKey: true, altKey: false })).toBe("incident");
    expect(kindForKey({ key: "7", ctrlKey: true, metaKey: false, altKey: false })).toBeNull();
    expect(kindForKey({ key: "1", ctrlKey: false, metaKey: false, altKey: false })).toBeNull();
    expect(kindForKey({ key: "1", ctrlKey: true, metaKey: false, altKey: true })).toBeNull();
  });

  it("sends only what was typed; empty time means now", () => {
    const f = { ...blankEntry("visit"), person: " 李女士 ", content: " 咨询停车 ", contact: "  " };
    expect(newEntryRequest(f, fromLocal)).toEqual({ kind: "visit", person: "李女士", content: "咨询停车", urgent: false });
  });

  it("converts the time fields from the counter's wall time", () => {
    const f = { ...blankEntry(), content: "x", at: "2025-03-01T09:30", promised_by: "2025-03-01T17:00" };
    const r = newEntryRequest(f, fromLocal);
    expect(r.at).toBe("2025-03-01T09:30:00+08:00");
    expect(r.promised_by).toBe("2025-03-01T17:00:00+08:00");
  });

  it("keeps only the kind after a save", () => {
    const f = { ...blankEntry("dispatch"), person: "a", content: "b", urgent: true };
    expect(afterSave(f)).toEqual(blankEntry("dispatch"));
  });
});

describe("amend", () => {
  it("sends only the changed fields and the reason", () => {
    const e = entry();
    const f = { ...amendFormOf(e, id), unit: "3-202", reason: "房号记错" };
    expect(amendRequest(e, f, id, id)).toEqual({ id: 1, unit: "3-202", reason: "房号记错" });
  });
  it("an unchanged form sends just the reason (the core says nothing changed)", () => {
    const e = entry({ promised_by: "2025-03-01T09:00:00Z" });
    expect(amendRequest(e, { ...amendFormOf(e, id), reason: "r" }, id, id)).toEqual({ id: 1, reason: "r" });
  });
});

describe("list", () => {
  const f = { thisShift: true, openOnly: false, from: "", to: "" };
  it("filters by shift only when one is open", () => {
    expect(listRequest(f, 7)).toEqual({ shift_id: 7 });
    expect(listRequest(f, null)).toEqual({});
    expect(listRequest({ ...f, thisShift: false, from: "2025-03-01", to: "2025-03-02" }, 7)).toEqual({ from: "2025-03-01", to: "2025-03-02" });
  });
  it("shows newest first and hides closed ones when asked", () => {
    const rows = [
      entry({ id: 1, at: "2025-03-01T01:00:00Z", status: "closed" }),
      entry({ id: 2, at: "2025-03-01T03:00:00Z", status: "done" }),
      entry({ id: 3, at: "2025-03-01T02:00:00Z" }),
    ];
    expect(visibleEntries(rows, f).map((r) => r.id)).toEqual([2, 3, 1]);
    expect(visibleEntries(rows, { ...f, openOnly: true }).map((r) => r.id)).toEqual([2, 3]);
  });
  it("puts a saved entry on top once", () => {
    expect(withEntry([{ id: 1 }, { id: 2 }], { id: 2 }).map((r) => r.id)).toEqual([2, 1]);
  });
  it("offers actions by state", () => {
    expect(entryActions("open")).toEqual({ followUp: true, callback: false, amend: true });
    expect(entryActions("done")).toEqual({ followUp: true, callback: true, amend: true });
    expect(entryActions("closed")).toEqual({ followUp: false, callback: false, amend: true });
  });
});

describe("checklist run", () => {
  const items = [1, 2, 3].map((i) => ({ id: i, code: `CI-${i}`, kind: "fixed_assets", text: `t${i}`, position: i, active: true })) as ChecklistItem[];
  it("sends answered items in order and maps their error index", () => {
    const a = blankAnswers(items);
    a[1] = { ok: true, note: "" };
    a[3] = { ok: false, note: " 少一把伞 " };
    const { req, index } = runRequest("fixed_assets", items, a);
    expect(req).toEqual({ kind: "fixed_assets", results: [{ item_id: 1, ok: true }, { item_id: 3, ok: false, note: "少一把伞" }] });
    expect(index).toEqual({ 1: 0, 3: 1 });
    expect(problemCount(a)).toBe(1);
    expect(unansweredCount(items, a)).toBe(1);
  });
});

describe("shift header", () => {
  const s = { id: 4, staff_on_duty: ["王芳"], weather: "晴", duty_manager: null, duty_leader: null, operations_notes: null, visitor_count: null } as unknown as Shift;
  it("splits names on the usual separators", () => {
    expect(splitNames("王芳、李明, 张三，赵四 ")).toEqual(["王芳", "李明", "张三", "赵四"]);
  });
  it("sends what changed", () => {
    const f = { ...headerForm(s), staff: "王芳、李明", visitor_count: 120 };
    expect(headerRequest(s, f)).toEqual({ id: 4, staff_on_duty: ["王芳", "李明"], visitor_count: 120 });
    expect(headerRequest(s, headerForm(s))).toEqual({ id: 4 });
  });
  it("lists the staff with the screen language's separator, and reads them back unchanged", () => {
    const two = { ...s, staff_on_duty: ["王芳", "李明"] } as Shift;
    const was = i18n.locale;
    try {
      for (const [l, staff] of [["zh-CN", "王芳、李明"], ["ko", "王芳, 李明"], ["en", "王芳, 李明"]] as const) {
        i18n.locale = l;
        expect(headerForm(two).staff).toBe(staff);
        expect(headerRequest(two, headerForm(two))).toEqual({ id: 4 });
      }
    } finally {
      i18n.locale = was;
    }
  });
});
