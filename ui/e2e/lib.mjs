// End-to-end harness: the real app window (WebKitGTK) driven through tauri-driver and
// WebKitWebDriver under Xvfb, each test file against a fresh database in a fresh folder.
//
// Needs: the app built with the UI embedded (scripts/e2e.sh builds it), `tauri-driver` on PATH,
// `WebKitWebDriver` (Debian: webkit2gtk-driver), and a display (scripts/e2e.sh runs Xvfb).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, readdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Builder, By, until, Key } from "selenium-webdriver";

export { By, Key, until };

const ROOT = resolve(import.meta.dirname, "../..");
export const APP = process.env.FRONTDESK_APP ?? join(ROOT, "target/debug/frontdesk-app");
let nextPort = 4444 + (process.pid % 50) * 2;

async function waitForStatus(port, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) {
        const body = await r.json();
        if (body?.value?.ready !== false) return;
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver on ${port} did not become ready`);
}

/** Start the app on a fresh database. Returns { driver, dir, docs, stop }. */
export async function launch({ locale, camera = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "frontdesk-e2e-"));
  const docs = join(dir, "docs");
  const port = nextPort;
  const nativePort = nextPort + 1;
  nextPort += 2;
  const env = {
    ...process.env,
    FRONTDESK_DB: join(dir, "desk.sqlite3"),
    FRONTDESK_DOCUMENTS: docs,
    FRONTDESK_NO_OPEN: "1",
    // WebKit's synthetic camera (src-tauri/src/camera.rs), for the camera test only
    // (e2e/camera.mjs): "take photo" takes a real picture.
    ...(camera ? { FRONTDESK_MOCK_CAMERA: "1" } : {}),
  };
  const td = spawn("tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], {
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForStatus(port, 20000);
  // tauri-driver answers before WebKitWebDriver behind it is listening: retry the session.
  let driver;
  for (let attempt = 0; ; attempt++) {
    try {
      driver = await new Builder()
        .usingServer(`http://127.0.0.1:${port}/`)
        .withCapabilities({ browserName: "wry", "tauri:options": { application: APP } })
        .build();
      break;
    } catch (e) {
      if (attempt > 40) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await driver.manage().setTimeouts({ implicit: 0 });
  const stop = async () => {
    // A window whose web process died never answers `quit`: give it ten seconds.
    await Promise.race([driver.quit().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
    td.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
  return { driver, dir, docs, stop, locale };
}

/** The element with `data-testid`, waiting for it. */
export async function byTestId(driver, id, ms = 8000) {
  return driver.wait(until.elementLocated(By.css(`[data-testid="${id}"]`)), ms, `testid ${id}`);
}

export async function click(driver, id) {
  const el = await byTestId(driver, id);
  await driver.wait(until.elementIsVisible(el), 5000);
  await el.click();
  return el;
}

/** Clear and type into the element with `data-testid` (or a CSS selector starting with css:). */
export async function type(driver, id, text) {
  const el = id.startsWith("css:")
    ? await driver.wait(until.elementLocated(By.css(id.slice(4))), 8000)
    : await byTestId(driver, id);
  await el.clear();
  await el.sendKeys(text);
  return el;
}

export async function select(driver, id, value) {
  const el = await byTestId(driver, id);
  await driver.executeScript(
    "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
    el,
    value,
  );
}

/** Wait until the page text contains `text`. */
export async function seeText(driver, text, ms = 8000) {
  await driver.wait(
    async () => String(await driver.executeScript("return document.body.innerText")).includes(text),
    ms,
    `text "${text}" on screen`,
  );
}

export async function bodyText(driver) {
  return driver.findElement(By.css("body")).getText();
}

export const ADMIN_PIN = "4826";

/** Sign in from the sign-in screen (or unlock the lock screen) with a PIN. */
export async function signIn(driver, login, pin) {
  await click(driver, `sign-in-${login}`);
  const box = await byTestId(driver, "pin");
  await box.sendKeys(pin, Key.ENTER);
}

/** First run in Chinese: set up the counter and sign in as its admin. */
export async function setUpCounter(driver, { locale = "zh-CN", name = "锦绣花园物业服务中心" } = {}) {
  await click(driver, `setup-locale-${locale}`);
  await type(driver, "setup-name", name);
  await type(driver, "setup-login", "wang");
  await type(driver, "setup-admin-name", "王芳");
  await type(driver, "setup-pin", ADMIN_PIN);
  await type(driver, "setup-pin2", ADMIN_PIN);
  await click(driver, "setup-save");
  await byTestId(driver, "today");
}

export async function openShift(driver, weather = "晴") {
  await type(driver, "open-weather", weather);
  await click(driver, "open-shift");
  await byTestId(driver, "open-count");
}

/** The PDFs saved so far. */
export function savedPdfs(docs) {
  return existsSync(docs) ? readdirSync(docs).filter((f) => f.endsWith(".pdf")) : [];
}

export async function screenshot(driver, file) {
  const { writeFileSync, mkdirSync } = await import("node:fs");
  const { dirname } = await import("node:path");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, Buffer.from(await driver.takeScreenshot(), "base64"));
}
