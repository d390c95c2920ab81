// Mail and parcels in the real window, in Chinese: a parcel typed in by its tracking number
// (carrier guessed 顺丰), the recipient notified, a notice printed, the parcel picked up against
// a signature drawn on the pad; then the screen in Korean.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import {
  launch, setUpCounter, openShift, click, type, byTestId, screenshot, savedPdfs, select, Key, By,
} from "./lib.mjs";

// The page's rendered text. Not lib.mjs's seeText: WebKitWebDriver's Get Element Text runs the
// "is displayed" atom on every descendant, and it throws ("Cannot check the displayedness of a
// non-Element argument") for an <option> that is not inside a <select> — the carrier <datalist>
// on this screen. document.body.innerText is the same rendered, visible text.
async function seeText(driver, text, ms = 8000) {
  await driver.wait(
    async () => (await driver.executeScript("return document.body.innerText")).includes(text),
    ms,
    `text "${text}" on screen`,
  );
}

let app;
before(async () => {
  app = await launch();
});
after(async () => {
  await app?.stop();
});

async function activeTestId(driver) {
  return driver.executeScript("return document.activeElement && document.activeElement.getAttribute('data-testid')");
}

async function valueOf(driver, id) {
  return (await byTestId(driver, id)).getAttribute("value");
}

test("receive a parcel by its tracking number, notify, pick up against a signature", async () => {
  const { driver, docs } = app;
  await setUpCounter(driver);
  await openShift(driver);
  await click(driver, "nav-mail");

  // Scan-first: the tracking number has the focus.
  await byTestId(driver, "intake-tracking");
  await driver.wait(async () => (await activeTestId(driver)) === "intake-tracking", 3000, "tracking focused");
  const tracking = await byTestId(driver, "intake-tracking");
  await tracking.sendKeys("SF1234567890123");
  await driver.wait(async () => (await valueOf(driver, "intake-carrier")) === "顺丰速运", 5000, "carrier guessed");
  await seeText(driver, "顺丰速运");

  // Enter (as a scanner sends it) moves on to the recipient instead of saving.
  await tracking.sendKeys(Key.ENTER);
  await driver.wait(async () => (await activeTestId(driver)) === "intake-recipient", 3000, "recipient focused");
  await type(driver, "intake-recipient", "李雷");
  await type(driver, "intake-unit", "3栋1201");
  await type(driver, "intake-contact", "13800138000");
  await (await byTestId(driver, "intake-contact")).sendKeys(Key.ENTER);

  // Saved: the record is shown, the form is ready for the next parcel.
  await byTestId(driver, "parcel-record");
  await seeText(driver, "已收件");
  await driver.wait(async () => (await activeTestId(driver)) === "intake-tracking", 3000, "focus back on tracking");
  assert.equal(await valueOf(driver, "intake-tracking"), "");
  assert.equal(await valueOf(driver, "intake-recipient"), "");
  assert.equal(await valueOf(driver, "intake-kind"), "parcel");
  const rows = await driver.findElements(By.css('[data-testid="parcel-list"] tbody tr[data-key]'));
  assert.equal(rows.length, 1);
  const parcelId = Number(await rows[0].getAttribute("data-key"));
  assert.equal((await (await byTestId(driver, "parcel-tracking")).getText()).trim(), "SF1234567890123");
  assert.equal((await (await byTestId(driver, "parcel-carrier")).getText()).trim(), "顺丰速运");
  await screenshot(driver, "/tmp/shots/mail-zh-received.png");

  // Notify the recipient.
  await click(driver, "parcel-notify");
  await select(driver, "notify-channel", "sms");
  await click(driver, "notify-save");
  await driver.wait(async () => (await (await byTestId(driver, "parcel-status")).getText()) === "已通知", 5000, "notified");
  await byTestId(driver, "parcel-notifications");
  await seeText(driver, "短信");

  // Print the notice slip.
  const before = savedPdfs(docs).length;
  await click(driver, "print-notice");
  await driver.wait(async () => savedPdfs(docs).length > before, 15000, "notice PDF saved");

  // Pick-up: refused without a signature, then signed on the pad.
  await click(driver, "parcel-pickup");
  assert.equal(await valueOf(driver, "pickup-by"), "李雷");
  await click(driver, "pickup-save");
  await seeText(driver, "请领取人先签名");
  const pad = await byTestId(driver, "pickup-signature");
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", pad);
  assert.equal(await pad.getAttribute("data-empty"), "1");
  await driver.actions({ async: true })
    .move({ origin: pad, x: -120, y: 10 })
    .press()
    .move({ origin: pad, x: -60, y: -25, duration: 60 })
    .move({ origin: pad, x: 0, y: 20, duration: 60 })
    .move({ origin: pad, x: 60, y: -20, duration: 60 })
    .move({ origin: pad, x: 120, y: 15, duration: 60 })
    .release()
    .perform();
  await driver.wait(async () => (await pad.getAttribute("data-empty")) === "0", 3000, "signature drawn");
  await screenshot(driver, "/tmp/shots/mail-zh-pickup.png");
  await click(driver, "pickup-save");
  await driver.wait(async () => (await (await byTestId(driver, "parcel-status")).getText()) === "已领取", 5000, "picked up");
  await byTestId(driver, "parcel-signature");
  await byTestId(driver, "print-receipt");

  // The signature is stored with the record (attachment.add): exactly one, current, a PNG.
  const attachments = await driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     window.__TAURI_INTERNALS__.invoke("call", { op: "attachment.list", req: { entity: "parcel", entity_id: arguments[0] } })
       .then((r) => done({ ok: r }), (e) => done({ err: String(e && (e.message || JSON.stringify(e))) }));`,
    parcelId,
  );
  assert.equal(attachments.err, undefined, "attachment.list failed: " + attachments.err);
  const sigs = attachments.ok.filter((a) => a.kind === "signature");
  assert.equal(sigs.length, 1, "one signature stored");
  assert.equal(sigs[0].current, true);
  assert.equal(sigs[0].mime, "image/png");
  assert.ok(sigs[0].byte_size > 0);

  // No longer waiting; still in the full list.
  await driver.wait(async () => (await driver.findElements(By.css('[data-testid="parcel-list"] tbody tr[data-key]'))).length === 0, 5000);
  await click(driver, "mail-tab-all");
  await driver.wait(async () => (await driver.findElements(By.css('[data-testid="parcel-list"] tbody tr[data-key]'))).length === 1, 5000);
  await seeText(driver, "已领取");

  // Opened again from the list, the record shows the stored signature (read back from the
  // database, not the picture kept by the screen). Click the row's cell: WebKitWebDriver cannot
  // click a <tr> (WebKit's hit test never returns a table row).
  await click(driver, "parcel-close");
  await driver.wait(async () => (await driver.findElements(By.css('[data-testid="parcel-record"]'))).length === 0, 5000, "record closed");
  await (await driver.findElement(By.css('[data-testid="parcel-list"] tbody tr[data-key] td'))).click();
  await byTestId(driver, "parcel-record");
  const sigImg = await byTestId(driver, "parcel-signature");
  await driver.wait(async () => (await driver.executeScript("return arguments[0].complete && arguments[0].naturalWidth", sigImg)) > 0, 5000, "signature picture shown");
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", sigImg);
  await screenshot(driver, "/tmp/shots/mail-zh.png");
});

test("the mail screen speaks Korean", async () => {
  const { driver } = app;
  await select(driver, "locale", "ko");
  await seeText(driver, "우편물·택배 접수");
  await seeText(driver, "수령 완료");
  await (await byTestId(driver, "intake-tracking")).sendKeys("1234567890123");
  await driver.wait(async () => (await (await byTestId(driver, "carrier-guess")).getText()).length > 0, 5000);
  await screenshot(driver, "/tmp/shots/mail-ko.png");
  await select(driver, "locale", "zh-CN");
});
