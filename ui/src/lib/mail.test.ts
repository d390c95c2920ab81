import { describe, expect, it } from "vitest";
import { applyGuess, guessable, inTab, last4, parcelActions } from "./mail";

describe("carrier guess", () => {
  it("asks only for plausible numbers", () => {
    expect(guessable("SF12")).toBe(false);
    expect(guessable(" sf 1234 5678 90123 ")).toBe(true);
    expect(guessable("顺丰123456")).toBe(false);
  });

  it("fills an empty box and follows later guesses", () => {
    let s = applyGuess("", "", "顺丰速运");
    expect(s).toEqual({ carrier: "顺丰速运", auto: "顺丰速运" });
    s = applyGuess(s.carrier, s.auto, "京东物流");
    expect(s.carrier).toBe("京东物流");
    s = applyGuess(s.carrier, s.auto, null);
    expect(s.carrier).toBe("");
  });

  it("never overrides what the receptionist chose", () => {
    const s = applyGuess("中通快递", "顺丰速运", "京东物流");
    expect(s.carrier).toBe("中通快递");
  });
});

describe("parcel actions", () => {
  it("follows the state rules", () => {
    const waiting = parcelActions("in", "notified");
    expect([...waiting].sort()).toEqual(["amend", "exception", "notice", "notify", "pick_up", "return"]);
    expect(parcelActions("in", "picked_up").has("receipt")).toBe(true);
    expect(parcelActions("in", "picked_up").has("notify")).toBe(false);
    expect(parcelActions("out", "accepted").has("dispatch")).toBe(true);
    expect(parcelActions("out", "dispatched").has("dispatch")).toBe(false);
  });

  it("sorts parcels into tabs", () => {
    expect(inTab("waiting", { direction: "in", status: "received" })).toBe(true);
    expect(inTab("waiting", { direction: "in", status: "picked_up" })).toBe(false);
    expect(inTab("outgoing", { direction: "out", status: "accepted" })).toBe(true);
  });

  it("keeps the last four characters of a document", () => {
    expect(last4("1101 0119 9001 0112 3X")).toBe("123X");
  });
});
