import { describe, expect, it } from "vitest";
import { sortRows, type Column } from "./table";
import { groupOpenItems } from "./today";
import { ScanDetector, cleanScan, looksLikeCode } from "./scan";
import { changes } from "./diff";
import { isApiError, toApiError } from "./ipc";
import type { OpenItem } from "../gen/api";

describe("sortRows", () => {
  type R = { name: string; n: number };
  const rows: R[] = [
    { name: "王芳", n: 3 }, { name: "李明", n: 10 }, { name: "张伟", n: 2 }, { name: "李明", n: 1 },
  ];
  const cols: Column<R>[] = [
    { id: "name", label: "姓名", text: (r) => r.name },
    { id: "n", label: "n", text: (r) => String(r.n), sortValue: (r) => r.n, numeric: true },
  ];

  it("keeps the core's order when no column is chosen", () => {
    expect(sortRows(rows, cols, { column: null, descending: false })).toEqual(rows);
  });

  it("sorts numbers as numbers, both ways", () => {
    const up = sortRows(rows, cols, { column: "n", descending: false }).map((r) => r.n);
    expect(up).toEqual([1, 2, 3, 10]);
    const down = sortRows(rows, cols, { column: "n", descending: true }).map((r) => r.n);
    expect(down).toEqual([10, 3, 2, 1]);
  });

  it("sorts Chinese names in pinyin order, stable for equal names", () => {
    const out = sortRows(rows, cols, { column: "name", descending: false }, "zh-CN");
    expect(out.map((r) => r.name)).toEqual(["李明", "李明", "王芳", "张伟"]);
    expect(out[0].n).toBe(10); // original order kept between the two 李明
  });
});

describe("groupOpenItems", () => {
  const item = (kind: OpenItem["kind"], code: string, overdue = false, due_at: string | null = null): OpenItem => ({
    kind, register: "parcel", record_id: 1, code, summary: "", due_at, overdue,
  });

  it("puts groups with overdue items first, overdue items first within a group", () => {
    const groups = groupOpenItems([
      item("parcel_waiting", "PC-000001"),
      item("complaint_open", "CP-000002", false, "2026-11-25T01:00:00Z"),
      item("complaint_open", "CP-000001", true, "2026-11-24T01:00:00Z"),
      item("parcel_waiting", "PC-000002"),
    ]);
    expect(groups.map((g) => g.kind)).toEqual(["complaint_open", "parcel_waiting"]);
    expect(groups[0].overdue).toBe(1);
    expect(groups[0].items.map((i) => i.code)).toEqual(["CP-000001", "CP-000002"]);
    expect(groups[1].items.map((i) => i.code)).toEqual(["PC-000001", "PC-000002"]);
  });

  it("returns nothing for nothing", () => {
    expect(groupOpenItems([])).toEqual([]);
  });
});

describe("scanning", () => {
  it("tells a scanner burst from typing", () => {
    const d = new ScanDetector(35, 6);
    for (let i = 0; i < 12; i++) d.key(1000 + i * 8);
    expect(d.burst()).toBe(true);
    const h = new ScanDetector(35, 6);
    for (let i = 0; i < 12; i++) h.key(1000 + i * 180);
    expect(h.burst()).toBe(false);
  });

  it("recognises record codes and card QR contents", () => {
    expect(looksLikeCode("FI-000123")).toBe(true);
    expect(looksLikeCode("frontdesk:FI-000123")).toBe(true);
    expect(looksLikeCode("fi123")).toBe(true);
    expect(looksLikeCode("钱包")).toBe(false);
    expect(looksLikeCode("SF1234567890")).toBe(false);
  });

  it("cleans a scanned tracking number", () => {
    expect(cleanScan(" sf 1234567890\n")).toBe("SF1234567890");
  });
});

describe("history changes", () => {
  // More cases, in the screen's languages, are in diff.test.ts.
  it("lists changed fields only, without bookkeeping", () => {
    const c = changes(
      { status: "open", note: "a", updated_at: "x", id: 1 },
      { status: "closed", note: "a", updated_at: "y", id: 1, closed_by_name: "王芳" },
    );
    expect(c.map(({ field, before, after }) => ({ field, before, after }))).toEqual([
      { field: "status", before: "open", after: "closed" },
      { field: "closed_by_name", before: null, after: "王芳" },
    ]);
  });

  it("shows a creation as values without a before", () => {
    expect(changes(null, { title: "钱包" }).map((c) => [c.before, c.after])).toEqual([[null, "钱包"]]);
  });
});

describe("errors", () => {
  it("keeps the core's errors and wraps anything else", () => {
    const e = { code: "invalid_input", message: "“名称”为必填项", field: "name" };
    expect(isApiError(e)).toBe(true);
    expect(toApiError(e)).toBe(e);
    expect(toApiError(new Error("boom"))).toEqual({ code: "storage", message: "boom" });
    expect(isApiError({ code: "nonsense", message: "x" })).toBe(false);
  });
});
