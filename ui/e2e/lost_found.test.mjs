// Lost and found in the real window, in Chinese: a black wallet handed in by a staff member is
// registered with Enter from one keyboard form, its item card printed; a lost report that fits
// is filed and the wallet is listed beside it as a match; the match opens the item, the claim
// verifies the private features, takes the ID's last 4 and a signature, and the item is claimed
// (the report is returned with it). Then the screen in Korean.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import {
  launch, setUpCounter, openShift, click, type, byTestId, seeText, screenshot, savedPdfs, select, bodyText, Key, By,
} from "./lib.mjs";

mkdirSync("/tmp/shots", { recursive: true });

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

async function textOf(driver, id) {
  return (await (await byTestId(driver, id)).getText()).trim();
}

async function rows(driver, list) {
  return driver.findElements(By.css(`[data-testid="${list}"] tbody tr[data-key]`));
}

let itemCode = "";

test("register a found wallet from a staff finder, print its card", async () => {
  const { driver, docs } = app;
  await setUpCounter(driver);
  await openShift(driver);
  await click(driver, "nav-lost_found");
  await byTestId(driver, "lost-found");
  await seeText(driver, "登记拾得物品");

  // One keyboard form: the arrival has the focus, staff is the default, the finder is me.
  await click(driver, "lf-new-found");
  await driver.wait(async () => (await activeTestId(driver)) === "found-arrival", 3000, "arrival focused");
  assert.equal(await (await byTestId(driver, "found-arrival")).getAttribute("value"), "staff");
  const finder = await driver.executeScript(
    "const s = document.querySelector('[data-testid=found-finder-staff]'); return s.options[s.selectedIndex]?.text ?? ''",
  );
  assert.match(finder, /王芳/);
  await select(driver, "found-category", "wallet");
  await type(driver, "found-place", "大堂");
  await type(driver, "found-storage", "前台抽屉");
  await type(driver, "found-private", "内有一张蓝色银行卡");
  const desc = await type(driver, "found-description", "黑色钱包");
  await screenshot(driver, "/tmp/shots/lf-zh-intake.png");
  await desc.sendKeys(Key.ENTER);

  // Saved: the record opens, the item is in the list.
  await byTestId(driver, "found-record");
  itemCode = await textOf(driver, "found-code");
  assert.match(itemCode, /^FI-/);
  assert.equal(await textOf(driver, "found-status"), "保管中");
  await driver.wait(async () => (await rows(driver, "found-list")).length === 1, 5000, "one row");
  await seeText(driver, "员工上交");
  await seeText(driver, "已记录（不公开）");
  // The private features never show on the record.
  assert.ok(!(await bodyText(driver)).includes("蓝色银行卡"));

  const before = savedPdfs(docs).length;
  await click(driver, "print-item-card");
  await driver.wait(async () => savedPdfs(docs).length > before, 15000, "item card PDF saved");
  await seeText(driver, "已保存");
  await screenshot(driver, "/tmp/shots/lf-zh-found.png");
});

test("file a lost report, see the wallet beside it, claim it", async () => {
  const { driver } = app;
  await click(driver, "lf-new-report");
  await driver.wait(async () => (await activeTestId(driver)) === "report-name", 3000, "reporter focused");
  await type(driver, "report-name", "李雷");
  await type(driver, "report-contact", "13800138000");
  await select(driver, "report-category", "wallet");
  await type(driver, "report-place", "大堂");
  const d = await type(driver, "report-description", "钱包 黑色");
  await d.sendKeys(Key.ENTER);

  await byTestId(driver, "report-record");
  assert.equal(await textOf(driver, "report-status"), "进行中");
  const match = await driver.wait(
    async () => (await driver.findElements(By.css(`[data-testid="match"][data-code="${itemCode}"]`)))[0],
    8000,
    "the wallet listed as a match",
  );
  await seeText(driver, "类别相同");
  await screenshot(driver, "/tmp/shots/lf-zh-report-matches.png");

  // The match opens the item; the claim links the report by default.
  await match.click();
  await driver.wait(async () => (await textOf(driver, "found-code")) === itemCode, 5000, "item opened");
  await click(driver, "found-claim");
  await driver.wait(async () => (await activeTestId(driver)) === "claim-name", 3000, "claimant focused");
  assert.notEqual(await (await byTestId(driver, "claim-report")).getAttribute("value"), "");

  // Verify: the private features show only now, inside the claim form.
  await click(driver, "claim-verify");
  await driver.wait(async () => (await textOf(driver, "claim-private")).includes("蓝色银行卡"), 5000, "features revealed");
  await type(driver, "claim-name", "李雷");
  await type(driver, "claim-contact", "13800138000");
  await select(driver, "claim-id-type", "resident_id");
  await type(driver, "claim-last4", "123X5678");
  assert.equal((await (await byTestId(driver, "claim-last4")).getAttribute("value")).length, 4);
  await type(driver, "claim-last4", "123X");
  await type(driver, "claim-verification", "失主说出银行卡颜色");

  // Refused without a signature, then signed on the pad.
  await click(driver, "claim-save");
  await seeText(driver, "请认领人先签名");
  const pad = await byTestId(driver, "claim-signature");
  await driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", pad);
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
  await screenshot(driver, "/tmp/shots/lf-zh-claim.png");
  await click(driver, "claim-save");

  await driver.wait(async () => (await textOf(driver, "found-status")) === "已认领", 8000, "claimed");
  await byTestId(driver, "claim-record");
  await seeText(driver, "···123X");
  // The signature is kept with the claim and printed on the claim form.
  await byTestId(driver, "claim-signature-image");
  const pdfs = savedPdfs(app.docs).length;
  await click(driver, "print-claim");
  await driver.wait(async () => savedPdfs(app.docs).length > pdfs, 15000, "claim form PDF saved");
  assert.equal(await driver.executeScript(
    "return document.querySelector('[data-testid=found-photos] .error')?.textContent ?? ''",
  ), "");
  // The revealed features are gone with the form.
  assert.equal((await driver.findElements(By.css('[data-testid="claim-private"]'))).length, 0);
  assert.ok(!(await bodyText(driver)).includes("蓝色银行卡"));
  await seeText(driver, "已认领");
  await screenshot(driver, "/tmp/shots/lf-zh-claimed.png");

  // The report was returned with the item.
  await click(driver, "lf-tab-reports");
  await driver.wait(async () => (await rows(driver, "report-list")).length === 1, 5000);
  await seeText(driver, "已归还");
});

test("the lost-and-found screen speaks Korean", async () => {
  const { driver } = app;
  await select(driver, "locale", "ko");
  await seeText(driver, "습득물 등록");
  await seeText(driver, "분실 신고 접수");
  await click(driver, "lf-tab-found");
  await seeText(driver, "반환 완료");
  await screenshot(driver, "/tmp/shots/lf-ko-found.png");
  // A visitor hands in a phone (a valuable by default); Esc would cancel, Enter saves.
  await click(driver, "lf-new-found");
  await seeText(driver, "접수 경로");
  await select(driver, "found-arrival", "visitor");
  await type(driver, "found-finder-name", "김민수");
  await type(driver, "found-finder-contact", "010-1234-5678");
  await select(driver, "found-category", "phone");
  assert.equal(await (await byTestId(driver, "found-valuable")).isSelected(), true);
  await type(driver, "found-place", "로비 소파");
  await type(driver, "found-storage", "금고");
  const d = await type(driver, "found-description", "검은색 휴대폰");
  await screenshot(driver, "/tmp/shots/lf-ko-intake.png");
  await d.sendKeys(Key.ENTER);
  await driver.wait(async () => (await textOf(driver, "found-status")) === "보관 중", 5000, "phone registered");
  await seeText(driver, "방문객 접수");
  await click(driver, "lf-tab-retention");
  await byTestId(driver, "retention-regime");
  await driver.wait(async () => (await rows(driver, "retention-list")).length === 1, 5000, "phone in custody");
  await screenshot(driver, "/tmp/shots/lf-ko-retention.png");
  await select(driver, "locale", "zh-CN");
});
