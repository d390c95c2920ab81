// Shift close in the real window, in Chinese: a second receptionist added in Settings, both
// end-of-shift checklists (one problem), the handover written and printed, then the next
// receptionist signs in, opens a shift and acknowledges the handover.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import {
  launch, setUpCounter, click, type, select, byTestId, seeText, screenshot, savedPdfs, bodyText, By, Key, until,
} from "./lib.mjs";

const app = await launch();
after(() => app.stop());
const { driver, docs } = app;

// The element, scrolled to the middle of the window (a notice in the corner must not cover it).
async function within(scope, id) {
  const css = scope ? `[data-testid="${scope}"] [data-testid="${id}"]` : `[data-testid="${id}"]`;
  const el = await driver.wait(until.elementLocated(By.css(css)), 8000, css);
  await driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", el);
  await driver.wait(until.elementIsVisible(el), 5000);
  return el;
}

async function press(id, scope = "") {
  await (await within(scope, id)).click();
}

test("checklists, close, print the handover; the next receptionist acknowledges it", async () => {
  await setUpCounter(driver);

  // Settings: a second receptionist and the standard checklist items.
  await click(driver, "nav-settings");
  await press("settings-tab-staff");
  await type(driver, "staff-login", "li");
  await type(driver, "staff-name", "李明");
  await select(driver, "staff-role", "receptionist");
  await press("staff-add-save");
  await driver.wait(async () => (await (await byTestId(driver, "staff-list")).getText()).includes("李明"), 8000, "李明 listed");
  await screenshot(driver, "/tmp/shots/settings-staff-zh-CN.png");
  await press("settings-tab-checklists");
  await press("template-defaults-facility_safety");
  await seeText(driver, "门窗");
  await press("template-fixed_assets");
  await press("template-defaults-fixed_assets");
  await seeText(driver, "急救");
  await screenshot(driver, "/tmp/shots/settings-checklists-zh-CN.png");

  // Open the shift.
  await click(driver, "nav-today");
  await type(driver, "open-weather", "晴");
  await press("open-shift");
  await byTestId(driver, "open-count");

  // Shift close: both checklists are missing, the close button waits for them.
  await click(driver, "nav-shift_close");
  await byTestId(driver, "checklists-missing");
  assert.equal(await (await byTestId(driver, "close-shift")).isEnabled(), false);
  await press("checklist-all-ok-facility_safety", "checklist-facility_safety");
  await press("checklist-save-facility_safety", "checklist-facility_safety");
  await byTestId(driver, "checklist-done-facility_safety");
  // Fixed assets: one problem, with its note.
  await press("ck-problem-5", "checklist-fixed_assets");
  const note = await within("checklist-fixed_assets", "ck-note-5");
  await note.sendKeys("借出雨伞少一把");
  await press("checklist-all-ok-fixed_assets", "checklist-fixed_assets");
  await screenshot(driver, "/tmp/shots/shift-checklist-zh-CN.png");
  await press("checklist-save-fixed_assets", "checklist-fixed_assets");
  await byTestId(driver, "checklist-done-fixed_assets");
  await byTestId(driver, "checklists-complete");
  // The problem became an incident, carried over to the next shift.
  await driver.wait(async () => (await (await byTestId(driver, "carried-items")).getText()).includes("借出雨伞少一把"), 8000, "incident carried");
  await screenshot(driver, "/tmp/shots/shift-close-zh-CN.png");

  // Close with a note, print the handover.
  await type(driver, "close-notes", "前台空调遥控器放在第二个抽屉。");
  await press("close-shift");
  await byTestId(driver, "handover");
  await seeText(driver, "前台空调遥控器放在第二个抽屉。");
  const before = savedPdfs(docs).length;
  await press("print-handover");
  await driver.wait(async () => savedPdfs(docs).length > before, 15000, "handover PDF saved");
  await press("print-fixed_assets");
  await driver.wait(async () => savedPdfs(docs).length > before + 1, 15000, "checklist PDF saved");
  await screenshot(driver, "/tmp/shots/shift-handover-zh-CN.png");
  await select(driver, "locale", "ko");
  await seeText(driver, "인수인계서 인쇄");
  await screenshot(driver, "/tmp/shots/shift-handover-ko.png");
  await select(driver, "locale", "zh-CN");

  // The next receptionist: sign out, sign in as 李明, open a shift, acknowledge the handover.
  // The admin gives 李明 a temporary PIN in Settings; 李明 chooses their own at sign-in.
  await press("nav-settings");
  await press("settings-tab-staff");
  await driver.wait(async () => (await (await byTestId(driver, "staff-list")).getText()).includes("李明"), 8000, "李明 listed");
  const liRow = await driver.findElement(By.xpath("//*[@data-testid='staff-list']//tr[td[contains(., '李明')]]/td"));
  await driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", liRow);
  await liRow.click();
  await type(driver, "staff-temp-pin", "3690");
  await press("staff-temp-pin-save");
  await seeText(driver, "已为 李明 设置临时密码");
  await press("sign-out");
  await press("sign-in-li");
  await (await byTestId(driver, "pin")).sendKeys("3690", Key.ENTER);
  await byTestId(driver, "change-pin");
  await type(driver, "pin-current", "3690");
  await type(driver, "pin-new", "7315");
  await type(driver, "pin-new2", "7315");
  await press("pin-change-save");
  await driver.wait(async () => (await driver.findElements(By.css('[data-testid="change-pin"]'))).length === 0, 8000, "PIN changed");
  await byTestId(driver, "today");
  await type(driver, "open-weather", "多云");
  await press("open-shift");
  await byTestId(driver, "pending-handover");
  await seeText(driver, "前台空调遥控器放在第二个抽屉。");
  await press("acknowledge");
  await byTestId(driver, "open-count");
  const banner = await (await byTestId(driver, "shift-banner")).getText();
  assert.match(banner, /李明/);
  assert.match(await bodyText(driver), /李明/);
});
