import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ERROR_CODES, isApiError, isErrorCode, setTransport, shell, toApiError } from "./ipc";
import { FormState } from "./form.svelte";

/** The `ErrorCode` union as generated from the core (ui/src/gen/api.ts). */
function generatedCodes(): string[] {
  const src = readFileSync(new URL("../gen/api.ts", import.meta.url), "utf8");
  const m = /export type ErrorCode = ([^;]+);/.exec(src);
  if (!m) throw new Error("no ErrorCode in gen/api.ts");
  return [...m[1].matchAll(/"([a-z_]+)"/g)].map((x) => x[1]);
}

describe("error decoding", () => {
  afterEach(() => setTransport(() => Promise.resolve(undefined)));

  it("knows every code of the generated union, and only those", () => {
    const generated = generatedCodes();
    expect(generated.length).toBeGreaterThan(10);
    expect([...ERROR_CODES].sort()).toEqual([...generated].sort());
    for (const c of generated) expect(isErrorCode(c), c).toBe(true);
    expect(isErrorCode("nonsense")).toBe(false);
    expect(isErrorCode("toString")).toBe(false);
  });

  it("keeps the PIN refusals as the core's translated errors (regression: “[object Object]”)", () => {
    for (const code of ["wrong_pin", "locked", "pin_not_set"]) {
      const e = { code, message: `${code}: 密码错误` };
      expect(isApiError(e), code).toBe(true);
      expect(toApiError(e)).toBe(e);
    }
  });

  it("never turns a thrown object into “[object Object]”", () => {
    const unknown = toApiError({ code: "brand_new_code", message: "新的错误", field: "pin" });
    expect(unknown).toEqual({ code: "storage", message: "新的错误", field: "pin" });
    expect(toApiError({ what: 1 }).message).toBe('{"what":1}');
    expect(toApiError("down").message).toBe("down");
    expect(toApiError(new Error("boom"))).toEqual({ code: "storage", message: "boom" });
    for (const e of [{}, { code: 1 }, null, undefined, 42]) {
      expect(toApiError(e).message).not.toContain("[object Object]");
    }
  });

  it("puts a wrong PIN's message where the sign-in form shows it", async () => {
    const refusal = { code: "wrong_pin", message: "PIN 错误。再错 2 次账户将被锁定。" };
    setTransport(() => Promise.reject(refusal));
    await expect(shell.signIn("wang", "0000")).rejects.toBe(refusal);
    const f = new FormState();
    const r = await f.submit(() => shell.unlock("wang", "0000"));
    expect(r).toBeUndefined();
    expect(f.general).toBe(refusal.message);
    expect(f.errors).toEqual({});
  });
});
