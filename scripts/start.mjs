#!/usr/bin/env node
/**
 * `npm start [-- --browser firefox]`: build the extension, serve the bundled
 * demo pages on 127.0.0.1, and show the extension at work on the demo page.
 *
 * - With a display ($DISPLAY or $WAYLAND_DISPLAY, or any macOS / Windows
 *   desktop): opens the browser with the extension loaded on the demo page
 *   and runs until the browser is closed.
 * - Without one: runs the browser headless, saves screenshots of the demo
 *   page with its highlights, the popup and the side panel to
 *   artifacts/start/, prints their paths and exits.
 *
 * The browser is an installed Chrome, Chromium or Edge (ER_BROWSER names one),
 * or Firefox with `--browser firefox` (ER_FIREFOX names one): see
 * find-browser.mjs. Nothing is downloaded.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { QUIET_ARGS } from './chromium.mjs';
import { findBrowser, missingBrowserLine } from './find-browser.mjs';
import { startFirefox } from './start-firefox.mjs';
import { startStaticServer } from './static-server.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pagesDir = path.join(root, 'tests/fixtures/pages');
const outDir = process.env.ER_OUT_DIR ? path.resolve(process.env.ER_OUT_DIR) : path.join(root, '.output');
const extDir = path.join(outDir, 'chrome-mv3');
const artifacts = path.join(root, 'artifacts/start');
const hasDisplay =
  process.platform === 'darwin' ||
  process.platform === 'win32' ||
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/** A failure worth one line to the person, not a stack trace. */
class Refusal extends Error {}

function build(browser) {
  console.log(`Building the extension (wxt build${browser === 'firefox' ? ' -b firefox' : ''})…`);
  const wxt = path.join(root, 'node_modules/.bin/wxt');
  const args = browser === 'firefox' ? ['build', '-b', 'firefox'] : ['build'];
  const result = spawnSync(wxt, args, {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Refusal('The build failed (see above).');
}

/** The browser to open, or a one-line refusal naming what to install. */
function browserPath(kind) {
  const found = findBrowser(kind);
  if (!found) throw new Refusal(missingBrowserLine(kind));
  if (!found.found)
    throw new Refusal(`${found.path} (from the environment) does not exist. ${missingBrowserLine(kind)}`);
  return found.path;
}

function chosenBrowser(argv) {
  const i = argv.indexOf('--browser');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--browser='))?.slice('--browser='.length);
  if (value === undefined || value === 'chrome' || value === 'chromium' || value === 'edge') return 'chromium';
  if (value === 'firefox') return 'firefox';
  throw new Refusal(`Unknown browser "${value}": use --browser chrome (the default) or --browser firefox.`);
}

function chromiumArgs() {
  return [
    ...QUIET_ARGS,
    // Nothing leaves the machine: non-loopback requests go to a closed local port.
    '--proxy-server=http://127.0.0.1:9',
    // Branded Chrome (137 and later) ignores --load-extension unless this feature is off.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
  ];
}

/** Wait until the page's highlight registry stops changing. */
async function settle(page) {
  let last = '';
  for (let same = 0, i = 0; same < 3 && i < 100; i++) {
    await page.waitForTimeout(150);
    const now = await page.evaluate(() =>
      JSON.stringify(
        [...CSS.highlights].map(([name, h]) => [name, h.size]).filter(([n]) => n !== 'eight-reasons-flash'),
      ),
    );
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return last;
}

async function main() {
  const kind = chosenBrowser(process.argv.slice(2));
  const executablePath = browserPath(kind);
  build(kind);
  if (kind === 'firefox') {
    const ffDir = path.join(outDir, 'firefox-mv2');
    await startFirefox({ executable: executablePath, pagesDir, extDir: ffDir, artifacts, headless: !hasDisplay });
  } else {
    await startChromium(executablePath);
  }
}

async function startChromium(executablePath) {
  const server = await startStaticServer({ mounts: { '/': pagesDir } });
  const demo = `${server.origin}/demo.html`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'eight-reasons-start-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: !hasDisplay,
    args: chromiumArgs(),
    viewport: hasDisplay ? null : { width: 1280, height: 800 },
  });
  const cleanup = () => {
    void server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(demo);

  if (hasDisplay) {
    console.log(`${path.basename(executablePath)} is open on ${demo} with the extension loaded (id ${id}).`);
    console.log('Hover a highlighted name, click it, or use the toolbar button. Close the browser to stop.');
    await new Promise((resolve) => context.on('close', resolve));
    cleanup();
    return;
  }

  fs.mkdirSync(artifacts, { recursive: true });
  console.log(`Highlights: ${await settle(page)}`);
  const shots = {
    page: path.join(artifacts, 'demo-page.png'),
    popup: path.join(artifacts, 'popup.png'),
    panel: path.join(artifacts, 'side-panel.png'),
  };
  await page.screenshot({ path: shots.page });
  await page.bringToFront();
  const tabId = await sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${id}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-testid="verdict"]:not([data-kind="loading"])');
  await popup.screenshot({ path: shots.popup, fullPage: true });
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(`chrome-extension://${id}/sidepanel.html?tab=${tabId}`);
  await panel.waitForSelector('[data-testid="mention"]');
  await panel.screenshot({ path: shots.panel });
  await context.close();
  cleanup();
  console.log(`No display: ran ${path.basename(executablePath)} headless and saved screenshots:`);
  for (const file of Object.values(shots)) console.log(`  ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  console.error(error instanceof Refusal ? error.message : `npm start failed: ${error?.message ?? error}`);
  process.exit(1);
});
