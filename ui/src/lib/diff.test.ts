import { readFileSync } from "node:fs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { JsonValue, Locale } from "../gen/api";
import { changes, fieldKey, reasonText, type HistoryContext } from "./diff";
import { has, i18n, loadLocale, LOCALES } from "./i18n.svelte";
import { labelled, statusLabel } from "./labels";

beforeAll(async () => {
  for (const l of LOCALES) await loadLocale(l);
});

afterEach(() => {
  i18n.locale = "zh-CN";
  i18n.timeZone = "Asia/Shanghai";
});

function inLocale(l: Locale, zone = "Asia/Shanghai") {
  i18n.locale = l;
  i18n.timeZone = zone;
}

/** The changes as "label: before → after" lines, as the drawer reads. */
function lines(before: JsonValue | null, after: JsonValue | null, ctx: HistoryContext): string[] {
  return changes(before, after, ctx).map((c) => `${c.label ? c.label + ": " : ""}${c.before === null ? "" : c.before + " → "}${c.after ?? "—"}`);
}

/** The audit trail stores a record's fields in alphabetical order (serde_json's map). */
function alphabetical(o: Record<string, JsonValue>): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

// A found item as registered (the audit trail's `after` of `found_item.register`).
const found = alphabetical({
  id: 167, code: "FI-000167", arrival: "visitor", finder_name: "周娟", finder_contact: "13065146026",
  finder_staff_id: null, team_leader: null, witness: null, found_at: "2026-12-01T07:27:00Z",
  found_place: "卫生间旁", category: "electronics", description: "红色蓝牙耳机", has_private_features: true,
  valuable: true, storage_location: "保险柜", holder_id: 4, holder_name: "陈静", custodian_since: null,
  status: "in_custody", notice_at: null, disposal_reference: null, disposal_note: null, closed_at: null,
  closed_by: null, registered_by: 4, registered_by_name: "陈静", created_at: "2026-12-01T08:00:00Z",
  updated_at: "2026-12-01T08:00:00Z",
});

describe("a record's history in the receptionist's words", () => {
  it("labels a found item's registration in Chinese: fields, values, local time, no bookkeeping", () => {
    inLocale("zh-CN");
    const out = lines(null, found, { entity: "found_item", actor: "陈静" });
    // In the order the record reads, not the stored (alphabetical) one.
    expect(out).toEqual([
      "状态: 保管中",
      "类别: 相机及电子产品",
      "上交方式: 游客上交",
      "物品描述: 红色蓝牙耳机",
      "拾得人姓名: 周娟",
      "拾得人联系方式: 13065146026",
      "拾得时间: 2026/12/01 15:27",
      "拾得地点: 卫生间旁",
      "贵重物品: 是",
      "私密特征: 是",
      "存放处: 保险柜",
      "保管人: 陈静",
    ]);
  });

  it("never shows a raw key, id, UTC time or true/false", () => {
    for (const l of LOCALES) {
      inLocale(l);
      const text = lines(null, found, { entity: "found_item", actor: "陈静" }).join("\n");
      for (const raw of ["_id", "_by", "has_private", "holder_", "in_custody", "true", "T07:27", "Z", " 4"]) {
        expect(text, `${l}: ${raw}`).not.toContain(raw);
      }
      expect(text, l).not.toMatch(/: (electronics|visitor)$/m);
    }
  });

  it("words parcels' and complaints' statuses as their own registers do", () => {
    inLocale("en");
    expect(lines({ status: "received" }, { status: "notified" }, { entity: "parcel" })).toEqual(["Status: Received → Notified"]);
    expect(lines({ status: "received" }, { status: "dispatched" }, { entity: "complaint" })).toEqual(["Status: Received → Dispatched"]);
    expect(lines({ status: "open" }, { status: "closed" }, { entity: "log_entry" })).toEqual(["Status: Open → Closed"]);
    expect(statusLabel("parcel", "picked_up")).toBe("Picked up");
    inLocale("ko");
    expect(lines({ kind: "visit" }, { kind: "call" }, { entity: "log_entry" })).toEqual(["종류: 방문 → 전화"]);
  });

  it("writes booleans as yes/no in each language", () => {
    const words: Record<Locale, string> = { "zh-CN": "否 → 是", ko: "아니요 → 예", en: "No → Yes" };
    for (const l of LOCALES) {
      inLocale(l);
      const [c] = changes({ urgent: false }, { urgent: true }, { entity: "log_entry" });
      expect(`${c.before} → ${c.after}`).toBe(words[l]);
    }
  });

  it("shows times in the counter's zone and the screen's language", () => {
    inLocale("ko", "Asia/Seoul");
    expect(changes({ promised_at: null }, { promised_at: "2026-12-01T11:50:00Z" }, { entity: "complaint" })[0].after)
      .toBe("2026. 12. 01. 20:50");
    inLocale("en", "Europe/London");
    expect(changes({ promised_at: null }, { promised_at: "2026-12-01T11:50:00Z" }, { entity: "complaint" })[0].after)
      .toBe("01/12/2026, 11:50");
  });

  it("summarises nested lists instead of dumping JSON", () => {
    const fu = (note: string) => ({ at: "2026-12-01T01:00:00Z", note, by: 2, by_name: "王芳" });
    inLocale("en");
    expect(lines({ follow_ups: [fu("a")] }, { follow_ups: [fu("a"), fu("b"), fu("c")] }, { entity: "complaint" }))
      .toEqual(["1 follow-up → 3 follow-ups"]);
    inLocale("zh-CN");
    expect(lines({ notifications: [] }, { notifications: [fu("x")] }, { entity: "parcel" }))
      .toEqual(["已通知 1 次"]);
    const text = lines({ follow_ups: [] }, { follow_ups: [fu("a")] }, { entity: "log_entry" }).join("");
    expect(text).not.toContain("{");
    // A list of codes or names is named, the first few and how many more.
    inLocale("en");
    const codes = ["CP-000002", "PC-000023", "PC-000024", "PC-000025", "PC-000026", "PC-000027", "PC-000028", "PC-000028"];
    expect(lines(null, { item_codes: codes }, { entity: "handover" }))
      .toEqual(["Records carried over: CP-000002, PC-000023, PC-000024, PC-000025, PC-000026, PC-000027 and 1 more"]);
    inLocale("zh-CN");
    expect(lines({ staff_on_duty: ["王芳"] }, { staff_on_duty: ["王芳", "刘洋"] }, { entity: "shift" }))
      .toEqual(["值班人员: 王芳 → 王芳、刘洋"]);
  });

  it("names staff by name, and leaves out the creator the event already names", () => {
    inLocale("en");
    const staffName = (id: number) => ({ 2: "王芳", 3: "刘洋" } as Record<number, string>)[id];
    expect(lines({ acknowledged_by: null, acknowledged_at: null }, { acknowledged_by: 3, acknowledged_at: "2026-11-02T12:03:00Z" },
      { entity: "handover", staffName }))
      .toEqual(["Acknowledged by: 刘洋", "Acknowledged at: 02/11/2026, 20:03"]);
    // An id nobody can name is left out rather than shown as a number.
    expect(lines({ closed_by: null }, { closed_by: 99 }, { entity: "found_item", staffName })).toEqual([]);
    // The shift a duty-log entry belongs to: its code, not its id.
    const entry = { id: 9, shift_id: 59, shift_code: "SH-000059", content: "停电", created_by: 2, created_by_name: "王芳" };
    expect(lines(null, entry, { entity: "log_entry", actor: "王芳", staffName })).toEqual(["Content: 停电", "Shift: SH-000059"]);
    expect(lines(null, entry, { entity: "log_entry", actor: "刘洋", staffName })).toEqual(["Content: 停电", "Shift: SH-000059", "Written by: 王芳"]);
  });

  it("keeps an amendment's before and after, and a cleared value as cleared", () => {
    inLocale("zh-CN");
    expect(changes({ storage_location: "保险柜", witness: "李强" }, { storage_location: "前台抽屉", witness: null }, { entity: "found_item" })
      .map((c) => [c.label, c.before, c.after]))
      .toEqual([["存放处", "保险柜", "前台抽屉"], ["见证人", "李强", null]]);
  });

  it("has a label for every field the history drawer can show", () => {
    // The records whose history has a button, with their fields as generated from the core.
    const src = readFileSync(new URL("../gen/api.ts", import.meta.url), "utf8").replace(/\/\*\*[\s\S]*?\*\//g, "");
    const fieldsOf = (type: string): string[] => {
      const m = new RegExp(`export type ${type} = \\{([^;]*?)\\};`).exec(src);
      if (!m) throw new Error(type);
      const fields = [...m[1].matchAll(/(?:^|[,{])\s*(\w+)\??:/g)].map((x) => x[1]);
      expect(fields.length, type).toBeGreaterThan(3);
      return fields;
    };
    const records: Record<string, string[]> = {
      found_item: ["FoundItem"], lost_report: ["LostReport"], parcel: ["ParcelDetail"], complaint: ["ComplaintDetail"],
      log_entry: ["LogEntryDetail"], staff: ["Staff", "PinStatus"], checklist_item: ["ChecklistItem"],
    };
    // The handover as the core records it (src/shift.rs), not its screen type.
    const handover = ["closed_by", "closed_at", "notes", "acknowledged_by", "acknowledged_at", "items_carried", "item_codes"];
    inLocale("en");
    const missing: string[] = [];
    for (const [entity, types] of Object.entries(records)) {
      for (const f of types.flatMap(fieldsOf)) {
        const shown = changes(null, { [f]: "x" }, { entity }).length > 0 || changes(null, { [f]: 1 }, { entity, staffName: () => "n" }).length > 0;
        if (shown && !has(`field.${fieldKey(f)}`)) missing.push(`${entity}.${f}`);
      }
    }
    for (const f of handover) if (!has(`field.${fieldKey(f)}`)) missing.push(`handover.${f}`);
    expect(missing).toEqual([]);
  });

  it("writes a label and its value per language (Chinese: full-width colon)", () => {
    inLocale("zh-CN");
    expect(labelled("状态", "全部")).toBe("状态：全部");
    expect(labelled("原因", reasonText("first_pin"))).toBe("原因：首次设置密码");
    inLocale("ko");
    expect(labelled("상태", "전체")).toBe("상태: 전체");
    inLocale("en");
    expect(reasonText("typo in the name")).toBe("typo in the name");
  });
});
