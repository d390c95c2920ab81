import { describe, expect, it } from "vitest";
import { dateRuns } from "./text";

const kept = (s: string) => dateRuns(s).filter((r) => r.keep).map((r) => r.text);

describe("dates kept whole in running text", () => {
  it("finds the core's date forms in every language", () => {
    expect(kept("Wallet / purse: 회색 지갑 — hand to the police by 1 Dec 2026")).toEqual(["1 Dec 2026"]);
    expect(kept("钱包：灰色钱包 — 2026年12月1日前移交公安机关")).toEqual(["2026年12月1日"]);
    expect(kept("지갑: 회색 지갑 — 2026년 12월 1일까지 경찰 인계")).toEqual(["2026년 12월 1일"]);
    expect(kept("promised 24 Nov 2026 09:30, again 2 Dec 2026")).toEqual(["24 Nov 2026 09:30", "2 Dec 2026"]);
  });

  it("gives the text back whole, with nothing kept when there is no date", () => {
    for (const s of ["", "小区路灯太暗，晚上不安全", "Call · 한유진 · 101동 1203호 · 단지 내 유기견", "by 1 Dec 2026."]) {
      expect(dateRuns(s).map((r) => r.text).join("")).toBe(s);
    }
    expect(kept("101동 1203호 · room 12 May")).toEqual([]);
    expect(kept("Room 12 Dec 20261")).toEqual([]);
  });
});
