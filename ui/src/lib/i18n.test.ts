import { beforeAll, describe, expect, it } from "vitest";
import { catalogues, fill, fmtLocalDateTime, i18n, joinList, loadLocale, tr, LOCALES } from "./i18n.svelte";

beforeAll(async () => {
  for (const l of LOCALES) await loadLocale(l);
});

describe("catalogue", () => {
  it("loads the shared catalogue files for every language", () => {
    for (const l of LOCALES) {
      expect(Object.keys(catalogues[l]).length).toBeGreaterThan(300);
    }
    expect(tr("zh-CN", "ui.nav.lost_found")).toBe("失物招领");
    expect(tr("ko", "ui.nav.lost_found")).toBe("분실물");
  });

  it("has every UI key in every language", () => {
    const en = Object.keys(catalogues.en).filter((k) => k.startsWith("ui."));
    for (const l of LOCALES) {
      const missing = en.filter((k) => !(k in catalogues[l]));
      expect(missing, l).toEqual([]);
    }
  });

  it("fills placeholders and falls back to English then the key", () => {
    expect(fill("班次 {code} 已开始", { code: "SH-000001" })).toBe("班次 SH-000001 已开始");
    expect(tr("ko", "no.such.key")).toBe("no.such.key");
  });

  it("joins a list of words with the screen language's separator", () => {
    expect(joinList(["王芳", "李明"], "zh-CN")).toBe("王芳、李明");
    expect(joinList(["Facility safety", "Fixed assets"], "en")).toBe("Facility safety, Fixed assets");
    expect(joinList(["김민지", "이하은"], "ko")).toBe("김민지, 이하은");
    expect(joinList(["only"], "en")).toBe("only");
    expect(joinList([], "zh-CN")).toBe("");
    expect(joinList(["A", " ", "", "B"], "en")).toBe("A, B");
    const was = i18n.locale;
    try {
      i18n.locale = "ko";
      expect(joinList(["A", "B"])).toBe("A, B");
      i18n.locale = "zh-CN";
      expect(joinList(["A", "B"])).toBe("A、B");
    } finally {
      i18n.locale = was;
    }
  });

  it("has no Chinese list comma in the English or Korean list separator", () => {
    for (const l of ["en", "ko"] as const) expect(tr(l, "ui.list_sep")).not.toContain("、");
  });
});

describe("fmtLocalDateTime", () => {
  it("shows a counter-local wall time in the screen language's style, unchanged in value", () => {
    const before = i18n.locale;
    for (const [locale, want] of [["zh-CN", "2026/12/01 22:34:14"], ["ko", "2026. 12. 01. 22:34:14"], ["en", "01/12/2026, 22:34:14"]] as const) {
      i18n.locale = locale;
      expect(fmtLocalDateTime("2026-12-01 22:34:14")).toBe(want);
    }
    i18n.locale = before;
    expect(fmtLocalDateTime("not a time")).toBe("not a time");
  });
});
