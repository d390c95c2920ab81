import { beforeAll, describe, expect, it } from "vitest";
import { catalogues, fill, loadLocale, tr, LOCALES } from "./i18n.svelte";

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
});
