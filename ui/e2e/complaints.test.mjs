// Complaints in the real window, in Chinese: record, dispatch a work order, print it, resolve,
// call back (satisfied closes it), reopen and close again; the monthly statistics; Korean.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import {
  launch, setUpCounter, openShift, click, type, byTestId, seeText, screenshot, savedPdfs, select, By, until,
} from "./lib.mjs";

let app;
before(async () => {
  app = await launch();
});
after(async () => {
  await app?.stop();
});

async function status(driver) {
  return (await (await byTestId(driver, "complaint-status")).getText()).trim();
}

test("record a complaint, dispatch, resolve, call back, close", async () => {
  const { driver, docs } = app;
  await setUpCounter(driver);
  await openShift(driver);
  await click(driver, "nav-complaints");

  await click(driver, "complaint-new");
  await byTestId(driver, "complaint-form");
  assert.equal(await driver.executeScript("return document.activeElement.getAttribute('data-testid')"), "c-name");
  await type(driver, "c-name", "张先生");
  await type(driver, "c-contact", "13900001111");
  await type(driver, "c-unit", "5栋302");
  await select(driver, "c-channel", "phone");
  await select(driver, "c-category", "cleaning");
  await type(driver, "c-content", "楼道垃圾两天没有清理，气味很大。");
  await screenshot(driver, "/tmp/shots/complaints-zh-form.png");
  await click(driver, "c-save");
  await byTestId(driver, "complaint-record");
  await driver.wait(async () => (await status(driver)) === "已受理", 5000, "received");
  const rows = await driver.findElements(By.css('[data-testid="complaint-list"] tbody tr[data-key]'));
  assert.equal(rows.length, 1);

  // A work order with a promised time.
  await click(driver, "complaint-dispatch");
  await type(driver, "dispatch-department", "保洁部");
  await click(driver, "promise-1d");
  await type(driver, "dispatch-instructions", "今天下班前清理");
  await click(driver, "dispatch-save");
  await driver.wait(async () => (await status(driver)) === "已派工", 5000, "dispatched");
  await byTestId(driver, "work-orders");
  await seeText(driver, "保洁部");

  const before = savedPdfs(docs).length;
  await click(driver, "print-work-order");
  await driver.wait(async () => savedPdfs(docs).length > before, 15000, "work order PDF saved");

  // Resolved, then the call-back: satisfied closes it.
  await click(driver, "complaint-resolve");
  await type(driver, "resolve-resolution", "已安排保洁清理并消毒");
  await click(driver, "resolve-save");
  await driver.wait(async () => (await status(driver)) === "已处理待回访", 5000, "resolved");

  await click(driver, "complaint-callback");
  await type(driver, "callback-note", "业主表示满意");
  await click(driver, "callback-save");
  await driver.wait(async () => (await status(driver)) === "已结案", 5000, "closed");
  await seeText(driver, "满意");
  await screenshot(driver, "/tmp/shots/complaints-zh.png");

  // The full list shows it closed; the open list no longer has it.
  await click(driver, "complaints-tab-all");
  await driver.wait(async () => (await driver.findElement(By.css('[data-testid="complaint-list"]')).getText()).includes("已结案"), 5000);
  await click(driver, "complaints-tab-open");
  await driver.wait(async () => (await driver.findElements(By.css('[data-testid="complaint-list"] tbody tr[data-key]'))).length === 0, 5000);
});

test("monthly statistics show the complaint", async () => {
  const { driver } = app;
  await click(driver, "complaints-tab-stats");
  await byTestId(driver, "stats-chart");
  await driver.wait(async () => (await (await byTestId(driver, "stats-total")).getText()).trim() === "1", 5000, "one this month");
  const widths = await driver.executeScript(
    "return [...document.querySelectorAll('[data-testid=stats-chart] rect.c')].map(r => Number(r.getAttribute('width')))");
  assert.equal(widths.length, 1);
  assert.ok(widths[0] > 0);
  await screenshot(driver, "/tmp/shots/complaints-zh-stats.png");
  await select(driver, "locale", "ko");
  await seeText(driver, "월간 통계");
  await screenshot(driver, "/tmp/shots/complaints-ko-stats.png");
  await click(driver, "complaints-tab-all");
  // Click the row's first cell, as a person would. Not the <tr> itself: WebKit's hit test never
  // returns a table row (document.elementsFromPoint at its centre gives TD, TABLE, ...), so
  // WebKitWebDriver finds no in-view point for it and answers ElementNotInteractableError.
  const cell = await driver.wait(
    until.elementLocated(By.css('[data-testid="complaint-list"] tbody tr[data-key] td')), 5000, "the closed complaint listed");
  await cell.click();
  await seeText(driver, "종결");
  await screenshot(driver, "/tmp/shots/complaints-ko.png");
  await select(driver, "locale", "zh-CN");
});
