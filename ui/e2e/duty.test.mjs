// The duty log in the real window, in Chinese: fast entry with the keyboard only (Enter saves),
// the new entry on top of the shift's list at once, then a follow-up on it.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { launch, setUpCounter, openShift, click, type, byTestId, seeText, screenshot, select, By, Key } from "./lib.mjs";

const app = await launch();
after(() => app.stop());
const { driver } = app;

async function firstRowText() {
  const row = await driver.findElement(By.css('[data-testid="log-list"] tbody tr:first-child'));
  return row.getText();
}

// Scrolled to the middle first: a notice in the window's corner must not cover what is clicked.
async function press(el) {
  await driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", el);
  await el.click();
}

async function activeTestId() {
  return driver.executeScript("return document.activeElement && document.activeElement.dataset.testid");
}

test("a call logged with Enter only shows at the top, then a follow-up", async () => {
  await setUpCounter(driver);
  await openShift(driver);
  await click(driver, "nav-duty_log");
  await byTestId(driver, "log-form");
  // The first field has the cursor: type, Tab along, Enter saves.
  await driver.wait(async () => (await activeTestId()) === "log-person", 5000, "first field focused");
  const active = () => driver.switchTo().activeElement();
  await (await active()).sendKeys("张先生", Key.TAB, "13800138000", Key.TAB, "3栋201", Key.TAB, Key.TAB, "厨房水管漏水，请派维修", Key.ENTER);
  await driver.wait(async () => (await firstRowText()).includes("厨房水管漏水"), 8000, "new entry on top");
  assert.match(await firstRowText(), /来电/);
  // The form cleared (but the type) and the cursor is back in the first field.
  assert.equal(await (await byTestId(driver, "log-person")).getAttribute("value"), "");
  assert.equal(await activeTestId(), "log-person");
  assert.equal(await (await byTestId(driver, "log-kind")).getAttribute("value"), "call");

  // A second one, a visit chosen with Ctrl+2, lands above the first.
  await (await active()).sendKeys(Key.chord(Key.CONTROL, "2"));
  assert.equal(await (await byTestId(driver, "log-kind")).getAttribute("value"), "visit");
  await (await active()).sendKeys("李女士", Key.TAB, Key.TAB, "5栋", Key.TAB, Key.TAB, "咨询停车证办理", Key.ENTER);
  await driver.wait(async () => (await firstRowText()).includes("咨询停车证"), 8000, "second entry on top");
  assert.match(await firstRowText(), /来访/);
  await screenshot(driver, "/tmp/shots/duty-zh-CN.png");

  // Open the call and follow it up.
  await press(await driver.findElement(By.css('[data-testid="log-list"] tbody tr:nth-child(2) td')));
  await byTestId(driver, "log-record");
  await seeText(driver, "13800138000");
  await press(await byTestId(driver, "log-follow-up"));
  await type(driver, "follow-up-note", "已派水电工小刘上门");
  await (await byTestId(driver, "follow-up-note")).sendKeys(Key.ENTER);
  await driver.wait(
    async () => (await (await byTestId(driver, "follow-ups")).getText()).includes("已派水电工小刘上门"),
    8000, "follow-up listed",
  );
  await seeText(driver, "已记录跟进");
  await screenshot(driver, "/tmp/shots/duty-record-zh-CN.png");

  // The same screen in Korean.
  await select(driver, "locale", "ko");
  await seeText(driver, "근무일지");
  await seeText(driver, "후속 조치");
  await screenshot(driver, "/tmp/shots/duty-ko.png");
});
