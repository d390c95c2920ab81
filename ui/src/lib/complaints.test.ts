import { describe, expect, it } from "vitest";
import { addMonths, bars, callbackOverdue, complaintActions, estimateWidth, labelColumn, monthOf, percent, promiseOverdue } from "./complaints";

describe("complaint actions", () => {
  it("follows the closed loop", () => {
    expect(complaintActions("received").has("dispatch")).toBe(true);
    expect(complaintActions("received").has("resolve")).toBe(false);
    expect(complaintActions("dispatched").has("resolve")).toBe(true);
    expect(complaintActions("resolved").has("callback")).toBe(true);
    expect(complaintActions("closed").has("reopen")).toBe(true);
    expect(complaintActions("closed").has("callback")).toBe(false);
  });

  it("flags promises past their time", () => {
    const now = Date.parse("2026-11-10T08:00:00Z");
    expect(promiseOverdue({ status: "dispatched", promised_at: "2026-11-10T07:59:00Z" }, now)).toBe(true);
    expect(promiseOverdue({ status: "dispatched", promised_at: "2026-11-10T09:00:00Z" }, now)).toBe(false);
    expect(promiseOverdue({ status: "resolved", promised_at: "2026-11-01T00:00:00Z" }, now)).toBe(false);
    expect(callbackOverdue({ status: "resolved", next_callback_at: "2026-11-09T00:00:00Z" }, now)).toBe(true);
  });
});

describe("months", () => {
  it("takes the counter's month, not UTC's", () => {
    const ms = Date.parse("2026-10-31T17:00:00Z"); // 01:00 on 1 Nov in Shanghai
    expect(monthOf(ms, "Asia/Shanghai")).toBe("2026-11");
    expect(monthOf(ms, "UTC")).toBe("2026-10");
  });

  it("steps across years", () => {
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-05", 0)).toBe("2026-05");
  });
});

describe("chart", () => {
  it("scales bars to the largest total", () => {
    const b = bars({ by_category: [
      { category: "security", label: "安保", grievances: 1, complaints: 3, total: 4 },
      { category: "cleaning", label: "清洁", grievances: 2, complaints: 0, total: 2 },
      { category: "other", label: "其它", grievances: 0, complaints: 0, total: 0 },
    ] }, 200, 24);
    expect(b[0].wGrievances + b[0].wComplaints).toBe(200);
    expect(b[1].wGrievances).toBe(100);
    expect(b[2].wComplaints).toBe(0);
    expect(b[2].y).toBe(48);
  });

  it("shows rates as whole percentages", () => {
    expect(percent(0.666)).toBe("67%");
    expect(percent(null)).toBe("—");
  });
});

describe("the chart's label column", () => {
  const measure = (s: string) => estimateWidth(s, 13);

  it("fits the longest label (regression: “enovation management” cut at 150 units)", () => {
    const labels = ["Security", "Renovation management", "Engineering and repairs", "Other"];
    const { width, fit } = labelColumn(labels, measure);
    expect(width).toBeGreaterThanOrEqual(Math.ceil(measure("Engineering and repairs")) + 8);
    expect(width).toBeGreaterThan(150);
    for (const l of labels) expect(fit(l)).toBe(l);
  });

  it("stays narrow for short (Chinese) labels and cuts only what cannot fit", () => {
    const zh = labelColumn(["治安", "保洁", "装修管理"], measure);
    expect(zh.width).toBeLessThan(100);
    const long = labelColumn(["A".repeat(80)], measure, 8, 60, 200);
    expect(long.width).toBe(200);
    const cut = long.fit("A".repeat(80));
    expect(cut.endsWith("…")).toBe(true);
    expect(measure(cut)).toBeLessThanOrEqual(200 - 8 - 4);
  });

  it("counts CJK and Hangul a full em, Latin about half", () => {
    expect(estimateWidth("민원", 10)).toBe(20);
    expect(estimateWidth("投诉", 10)).toBe(20);
    expect(estimateWidth("ab", 10)).toBeCloseTo(11);
  });
});

describe("the list's status filter", () => {
  it("offers on each tab only the statuses that tab lists", async () => {
    const { statusesFor, STATUSES } = await import("../components/complaints/options");
    expect(statusesFor("open")).toEqual(["received", "dispatched", "resolved"]);
    expect(statusesFor("all")).toEqual(STATUSES);
    expect(statusesFor("all")).toContain("closed");
  });
});
