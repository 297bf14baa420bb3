/**
 * Chromium with the built extension: launch, the service worker, the CDP view
 * of the same browser (where the real side panel lives), tab ids, and asking
 * the background as one of our pages does.
 *
 * The extension is taken from ER_EXT_DIR, or .output/chrome-mv3 (what
 * `npm run build` writes); the browser from CHROMIUM_PATH (or CHROMIUM, as
 * scripts/chromium.mjs reads it), default /usr/bin/chromium.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import { QUIET_ARGS, CHROMIUM as SCRIPTS_CHROMIUM } from '../../../scripts/chromium.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? SCRIPTS_CHROMIUM;

export const EXTENSION_DIR = process.env.ER_EXT_DIR ?? path.resolve(process.cwd(), '.output/chrome-mv3');

/** The few extension APIs the tests call inside the service worker or an extension page (no @types/chrome here). */
export interface ExtGlobal {
  chrome: {
    tabs: {
      query(q: Record<string, unknown>): Promise<{ id?: number; url?: string; active?: boolean; windowId?: number }[]>;
    };
    sidePanel?: { close?(options: { windowId?: number; tabId?: number }): Promise<void> };
    storage: Record<'sync' | 'local', StorageAreaLike>;
    runtime: { sendMessage(message: unknown): Promise<unknown> };
  };
}
interface StorageAreaLike {
  clear(): Promise<void>;
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function chromiumArgs(ext: string): string[] {
  return [
    ...QUIET_ARGS,
    // Nothing may leave the machine: every non-loopback request goes to a closed local port.
    '--proxy-server=http://127.0.0.1:9',
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
    '--remote-debugging-port=0',
  ];
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** The page opened with the profile; kept open so the browser never runs out of windows. */
  home: Page;
}

export interface LaunchOptions {
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
  /** Flags after the shared ones (the hostile suite adds precise memory figures and gc()). */
  extraArgs?: string[];
  /** Prefix of the temporary profile folder's name. */
  profilePrefix?: string;
  /** The browser's environment (default: this process's). */
  env?: Record<string, string | undefined>;
}

export async function launchWithExtension(ext = EXTENSION_DIR, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!fs.existsSync(path.join(ext, 'manifest.json'))) {
    throw new Error(`No built extension at ${ext}. Run \`npm run build\` (or set ER_EXT_DIR).`);
  }
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), options.profilePrefix ?? 'er-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    args: [...chromiumArgs(ext), ...(options.extraArgs ?? [])],
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    ...(options.env ? { env: options.env } : {}),
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(sw.url()).host;
  const home = context.pages()[0] ?? (await context.newPage());
  return { context, extensionId, profileDir, home };
}

/** Close the browser and remove its profile. */
export async function closeExtensionBrowser(b: ExtensionBrowser): Promise<void> {
  await b.context.close();
  fs.rmSync(b.profileDir, { recursive: true, force: true });
}

/** The extension's service worker (it may have been restarted since launch). */
export async function serviceWorkerOf(context: BrowserContext, extensionId: string): Promise<Worker> {
  const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  return live ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
}

/** Connect over CDP to the same browser: the side panel is a target there, not in context.pages(). */
export async function connectCdp(profileDir: string): Promise<Browser> {
  const file = path.join(profileDir, 'DevToolsActivePort');
  for (let i = 0; i < 100 && !fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
  const port = fs.readFileSync(file, 'utf8').split('\n')[0]?.trim();
  if (!port) throw new Error(`No DevTools port in ${file}`);
  return chromium.connectOverCDP(`http://127.0.0.1:${port}`);
}

/** The real side panel among the CDP view's pages (our pop-out views carry ?tab=; the real panel does not). */
export function findRealPanel(browser: Browser, extensionId: string): Page | undefined {
  const prefix = `chrome-extension://${extensionId}/sidepanel.html`;
  for (const ctx of browser.contexts()) {
    for (const p of ctx.pages()) {
      const url = p.url();
      if (url.startsWith(prefix) && !url.includes('tab=')) return p;
    }
  }
  return undefined;
}

/** Target ids of the real side panel (hidden or shown); pop-out views (?tab=) are ordinary tabs. */
export async function panelTargets(browser: Browser, extensionId: string): Promise<string[]> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await session.send('Target.getTargets')) as {
      targetInfos: { targetId: string; url: string }[];
    };
    const prefix = `chrome-extension://${extensionId}/sidepanel.html`;
    return targetInfos.filter((t) => t.url.startsWith(prefix) && !t.url.includes('tab=')).map((t) => t.targetId);
  } finally {
    await session.detach().catch(() => {});
  }
}

/** Close every real side panel target. */
export async function closePanelTargets(browser: Browser, extensionId: string): Promise<void> {
  const session = await browser.newBrowserCDPSession();
  try {
    for (const targetId of await panelTargets(browser, extensionId)) {
      await session.send('Target.closeTarget', { targetId }).catch(() => {});
    }
  } finally {
    await session.detach().catch(() => {});
  }
}

/** Wait (reconnecting: a panel created after connecting is not attached to the old connection) for the real panel. */
export async function waitForRealPanel(
  cdp: { get(): Promise<Browser>; reconnect(): Promise<Browser> },
  extensionId: string,
  timeout = 10_000,
): Promise<Page> {
  const deadline = Date.now() + timeout;
  let browser = await cdp.get();
  for (;;) {
    const panel = findRealPanel(browser, extensionId);
    if (panel) {
      await panel.waitForLoadState('domcontentloaded');
      return panel;
    }
    if (Date.now() > deadline) throw new Error('the real side panel did not open');
    await new Promise((r) => setTimeout(r, 200));
    browser = await cdp.reconnect();
  }
}

/** The tab id of a page. Without the "tabs" permission tab.url is hidden, so the page is made the active tab. */
export async function tabIdOfPage(sw: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await sw.evaluate(async () => {
    const { chrome } = globalThis as unknown as ExtGlobal;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  if (id < 0) throw new Error(`no tab found for ${page.url()}`);
  return id;
}

/** Send a message to the background from one of our extension pages, as the popup and panel do. */
export function askFrom(extensionPage: Page, message: unknown): Promise<unknown> {
  return extensionPage.evaluate((m) => (globalThis as unknown as ExtGlobal).chrome.runtime.sendMessage(m), message);
}

/** Clear the extension's stored settings and progress (sync and local). */
export async function clearStorage(sw: Worker): Promise<void> {
  await sw.evaluate(() => {
    const { chrome } = globalThis as unknown as ExtGlobal;
    return Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]);
  });
}

/** Merge fields into the stored settings (sync:settings, schema version 2), as the options page would. */
export async function setStoredSettingsIn(sw: Worker, patch: Record<string, unknown>): Promise<void> {
  await sw.evaluate(async (p) => {
    const { chrome } = globalThis as unknown as ExtGlobal;
    const got = await chrome.storage.sync.get('settings');
    const current = (got.settings ?? {}) as Record<string, unknown>;
    // WXT storage items keep their schema version under "<key>$".
    await chrome.storage.sync.set({ settings: { ...current, ...p }, settings$: { v: 2 } });
  }, patch);
}

/** Hide the side panel in every window (sidePanel.close only hides it; see closePanelTargets). */
export async function closeSidePanels(sw: Worker): Promise<void> {
  await sw.evaluate(async () => {
    const { chrome } = globalThis as unknown as ExtGlobal;
    const tabs = await chrome.tabs.query({});
    const windows = [...new Set(tabs.map((t) => t.windowId).filter((id): id is number => id !== undefined))];
    await Promise.all(windows.map((windowId) => chrome.sidePanel?.close?.({ windowId }).catch(() => {})));
  });
}
