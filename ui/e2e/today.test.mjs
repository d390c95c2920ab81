// The window as a whole: first-run set-up in Chinese, opening a shift, Today, search (Ctrl+K)
// finding a record and a scanned card code opening it, switching to Korean, and hostile text
// shown as text (no script runs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  launch, setUpCounter, openShift, click, type, byTestId, seeText, bodyText, screenshot, Key, By,
  ADMIN_PIN, until,
} from "./lib.mjs";

const SHOTS = process.env.FRONTDESK_SHOTS;
let app;

before(async () => {
  app = await launch();
});
after(async () => {
  await app?.stop();
});

async function call(op, req) {
  // The same IPC the screens use, from inside the page.
  return app.driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     window.__TAURI_INTERNALS__.invoke("call", { op: arguments[0], req: arguments[1] })
       .then((r) => done({ ok: r }), (e) => done({ err: e }));`,
    op,
    req,
  );
}

test("first run in Chinese: set up, open a shift, Today", async () => {
  const { driver } = app;
  await byTestId(driver, "setup");
  await setUpCounter(driver);
  await seeText(driver, "锦绣花园物业服务中心");
  await seeText(driver, "当前没有进行中的班次");
  await openShift(driver, "晴");
  await seeText(driver, "进行中");
  if (SHOTS) await screenshot(driver, `${SHOTS}/today-zh-CN.png`);
});

test("search everywhere finds a record; a scanned code opens it", async () => {
  const { driver } = app;
  const r = await call("parcel.receive", {
    kind: "parcel", tracking_no: "SF1234567890123", recipient_name: "李明", recipient_unit: "3-2-801",
  });
  assert.ok(r.ok, JSON.stringify(r.err));
  await driver.actions().keyDown(Key.CONTROL).sendKeys("k").keyUp(Key.CONTROL).perform();
  const box = await byTestId(driver, "search-input");
  await box.sendKeys("李明");
  await seeText(driver, r.ok.code);
  const hits = await driver.findElements(By.css('[data-testid="search-hit"]'));
  assert.ok(hits.length >= 1);
  await box.sendKeys(Key.ESCAPE);
  // A scanner types the code and Enter: the record opens on its screen.
  await driver.actions().keyDown(Key.CONTROL).sendKeys("k").keyUp(Key.CONTROL).perform();
  const box2 = await byTestId(driver, "search-input");
  await box2.sendKeys(r.ok.code, Key.ENTER);
  await byTestId(driver, "nav-mail");
  await driver.wait(async () => (await (await byTestId(driver, "nav-mail")).getAttribute("class")).includes("active"), 5000);
});

test("hostile text is stored as typed and shown as text, no script runs", async () => {
  const { driver } = app;
  const hostile = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>\u202Eevil 😀`;
  const r = await call("log.add", { kind: "call", person: "访客", content: hostile, urgent: false });
  assert.ok(r.ok, JSON.stringify(r.err));
  assert.equal(r.ok.content, hostile);
  await click(driver, "nav-today");
  await seeText(driver, "<img src=x");
  const pwned = await driver.executeScript("return window.__pwned ?? null");
  assert.equal(pwned, null);
  const imgs = await driver.findElements(By.css("img[src='x']"));
  assert.equal(imgs.length, 0);
});

test("switching to Korean changes the screen's words at once", async () => {
  const { driver } = app;
  await click(driver, "nav-today");
  const sel = await byTestId(driver, "locale");
  await driver.executeScript(
    "arguments[0].value = 'ko'; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
    sel,
  );
  await seeText(driver, "분실물");
  const text = await bodyText(driver);
  for (const w of ["오늘", "근무일지", "우편·택배", "민원", "근무 인계", "설정", "로그아웃"]) {
    assert.ok(text.includes(w), `Korean word ${w} on screen`);
  }
  assert.ok(!text.includes("失物招领"), "no Chinese navigation left");
  // An error from the core arrives in Korean too, naming the field.
  const r = await call("parcel.receive", { kind: "parcel", tracking_no: "", recipient_name: "" });
  assert.ok(r.err);
  assert.ok(r.err.field);
  assert.match(r.err.message, /항목|입력/);
  if (SHOTS) await screenshot(driver, `${SHOTS}/today-ko.png`);
});

test("a backup made from Settings is listed and verified", async () => {
  const { driver } = app;
  await click(driver, "nav-settings");
  await click(driver, "settings-tab-backups");
  await byTestId(driver, "backups-panel");
  await click(driver, "backup-now");
  await driver.wait(
    async () => (await driver.findElements(By.css('[data-testid="backups-panel"] tbody tr:not(.empty)'))).length >= 1,
    10000,
    "a backup listed",
  );
});

test("locking the screen keeps what was typed; a wrong PIN is refused, the right one unlocks", async () => {
  const { driver } = app;
  await click(driver, "nav-duty_log");
  await type(driver, "log-content", "锁屏前输入的内容");
  await click(driver, "lock");
  await byTestId(driver, "lock-screen");
  // The calls are refused while locked.
  const refused = await call("profile.get", {});
  assert.ok(refused.err && refused.err.code === "forbidden");
  await click(driver, "sign-in-wang");
  await (await byTestId(driver, "pin")).sendKeys("0000", Key.ENTER);
  // The core's translated wrong-PIN error, next to the PIN field.
  await driver.wait(until.elementLocated(By.css('[data-testid="lock-screen"] [role="alert"]')), 8000, "wrong PIN shown");
  assert.equal((await driver.findElements(By.css('[data-testid="lock-screen"]'))).length, 1);
  await (await byTestId(driver, "pin")).sendKeys(ADMIN_PIN, Key.ENTER);
  await driver.wait(async () => (await driver.findElements(By.css('[data-testid="lock-screen"]'))).length === 0, 8000, "unlocked");
  assert.equal(await (await byTestId(driver, "log-content")).getAttribute("value"), "锁屏前输入的内容");
});
