/**
 * Playwright fixtures for driving the built extension in Debian's Chromium.
 *
 * One worker = one static server on 127.0.0.1 + one persistent Chromium
 * profile with the extension loaded. Tests get a fresh `page` in that
 * context, settings and reading progress are cleared before each test, and
 * every page error caused by us fails the test.
 *
 * The extension is taken from ER_EXT_DIR, or .output/chrome-mv3 (what
 * `npm run build` writes).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  type Browser,
  type BrowserContext,
  test as base,
  chromium,
  expect,
  type Frame,
  type Page,
  type Request,
  type Worker,
} from '@playwright/test';
import { CHROMIUM, QUIET_ARGS } from '../../scripts/chromium.mjs';

export { CHROMIUM };

import type { EntityId, TabSummary } from '../../utils/types';

export { expect };

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

// ---------------------------------------------------------------- server

const FIXTURE_PAGES = path.resolve(process.cwd(), 'tests/fixtures/pages');
export const CORPUS_PAGES = path.resolve(process.cwd(), '../shared/corpus/pages');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  /** Absolute URL of a path on the server ("/demo.html", "/corpus/qq.html"). */
  url(p: string): string;
  close(): Promise<void>;
}

/** Resolve a URL path inside root; null when it escapes root. */
function within(root: string, urlPath: string): string | null {
  const file = path.resolve(root, `.${urlPath}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/** A tiny static server: tests/fixtures/pages at "/", the shared corpus at "/corpus/". Loopback only. */
export async function startStaticServer(roots: { pages?: string; corpus?: string | null } = {}): Promise<StaticServer> {
  const pages = roots.pages ?? FIXTURE_PAGES;
  const corpus = roots.corpus === undefined ? CORPUS_PAGES : roots.corpus;
  if (corpus !== null && !fs.existsSync(corpus)) {
    throw new Error(
      `Corpus not found at ${corpus}. The tests expect the shared/ folder beside the checkout (../shared/corpus/pages).`,
    );
  }
  const server = http.createServer((req, res) => {
    let pathname = '/';
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      // A malformed escape is simply not found.
    }
    const inCorpus = corpus !== null && pathname.startsWith('/corpus/');
    const [root, rest] = inCorpus ? [corpus, pathname.slice('/corpus'.length)] : [pages, pathname];
    const file = within(root, rest === '/' ? '/index.html' : rest);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, {
      // Every corpus file is UTF-8 whatever its <meta> says (qq.html claims gb2312); the header wins.
      'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (p) => new URL(p, origin).href,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------- browser

export const EXTENSION_DIR = process.env.ER_EXT_DIR ?? path.resolve(process.cwd(), '.output/chrome-mv3');

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

export async function launchWithExtension(
  ext = EXTENSION_DIR,
  options: { headless?: boolean; viewport?: { width: number; height: number } | null } = {},
): Promise<ExtensionBrowser> {
  if (!fs.existsSync(path.join(ext, 'manifest.json'))) {
    throw new Error(`No built extension at ${ext}. Run \`npm run build\` (or set ER_EXT_DIR).`);
  }
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'er-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    args: chromiumArgs(ext),
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(sw.url()).host;
  const home = context.pages()[0] ?? (await context.newPage());
  return { context, extensionId, profileDir, home };
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
async function panelTargets(browser: Browser, extensionId: string): Promise<string[]> {
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
async function closePanelTargets(browser: Browser, extensionId: string): Promise<void> {
  const session = await browser.newBrowserCDPSession();
  try {
    for (const targetId of await panelTargets(browser, extensionId)) {
      await session.send('Target.closeTarget', { targetId }).catch(() => {});
    }
  } finally {
    await session.detach().catch(() => {});
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

// ---------------------------------------------------------------- page helpers

export interface HighlightRange {
  text: string;
  /** id of the nearest element with an id around the range ('' when none). */
  where: string;
  /** First client rect of the range (its centre is over the text). */
  rect: { x: number; y: number; width: number; height: number };
}

/** Ranges registered as CSS.highlights `eight-reasons-<entity>` (read from the page's own world). */
export async function highlightRanges(page: Page | Frame, entity: EntityId | 'flash'): Promise<HighlightRange[]> {
  return page.evaluate((name) => {
    const h = CSS.highlights.get(name);
    if (!h) return [];
    const out: { text: string; where: string; rect: { x: number; y: number; width: number; height: number } }[] = [];
    for (const r of h) {
      if (!(r instanceof Range)) continue;
      const first = r.getClientRects()[0] ?? r.getBoundingClientRect();
      const node = r.commonAncestorContainer;
      const el = node instanceof Element ? node : node.parentElement;
      out.push({
        text: r.toString(),
        where: el?.closest('[id]')?.id ?? '',
        rect: { x: first.x, y: first.y, width: first.width, height: first.height },
      });
    }
    return out;
  }, `eight-reasons-${entity}`);
}

/** The highlighted range of an entity inside the element with this id. */
export async function rangeIn(page: Page | Frame, entity: EntityId, where: string): Promise<HighlightRange> {
  const found = (await highlightRanges(page, entity)).find((r) => r.where === where);
  if (!found) throw new Error(`no ${entity} highlight in #${where}`);
  return found;
}

/** Whether a range of this entity inside the element with this id is registered right now. */
export async function isRegistered(page: Page | Frame, entity: EntityId, where: string): Promise<boolean> {
  return (await highlightRanges(page, entity)).some((r) => r.where === where);
}

/** Whether the highlighted range of an entity inside the element with this id lies wholly inside the viewport. */
export async function rangeInViewport(page: Page, entity: EntityId, where: string): Promise<boolean> {
  const vh = await page.evaluate(() => window.innerHeight);
  const { rect } = await rangeIn(page, entity, where);
  return rect.y >= 0 && rect.y + rect.height <= vh;
}

// ---------------------------------------------------------------- pixels

export type Rgb = [number, number, number];

export function luminance([r, g, b]: Rgb): number {
  const ch = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Pixels of a PNG, decoded by the browser (no image library in the project). */
export async function pixelsOf(page: Page, png: Buffer): Promise<Rgb[]> {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const out: [number, number, number][] = [];
    for (let i = 0; i < data.length; i += 4)
      out.push([data[i] as number, data[i + 1] as number, data[i + 2] as number]);
    return out;
  }, png.toString('base64'));
}

export function mostCommon(pixels: Rgb[]): Rgb {
  const counts = new Map<string, number>();
  for (const p of pixels) counts.set(p.join(','), (counts.get(p.join(',')) ?? 0) + 1);
  const [key] = [...counts].sort((a, b) => b[1] - a[1])[0] as [string, number];
  return key.split(',').map(Number) as Rgb;
}

/** The page's own background: the commonest colour near its top left corner, with the pointer out of the way. */
export async function pageBackground(page: Page): Promise<Rgb> {
  await page.mouse.move(1, 1);
  return mostCommon(await pixelsOf(page, await page.screenshot({ clip: { x: 2, y: 2, width: 20, height: 20 } })));
}

/** The pixels of a box 1 px in from its edges: a mention's highlighted area only. */
export async function pixelsInside(
  page: Page,
  box: { x: number; y: number; width: number; height: number },
): Promise<Rgb[]> {
  const clip = { x: box.x + 1, y: box.y + 1, width: Math.max(1, box.width - 2), height: Math.max(1, box.height - 2) };
  return pixelsOf(page, await page.screenshot({ clip }));
}

/** Scroll the element with this id to the middle of the viewport, then give its entity range (for pointer use). */
export async function rangeInView(page: Page, entity: EntityId, where: string): Promise<HighlightRange> {
  await page.evaluate((id) => document.getElementById(id)?.scrollIntoView({ block: 'center' }), where);
  return rangeIn(page, entity, where);
}

/** Number of ranges per `eight-reasons-*` highlight currently registered (names without the prefix). */
export async function highlightSizes(page: Page | Frame): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    CSS.highlights.forEach((h, name) => {
      if (name.startsWith('eight-reasons-')) out[name.slice('eight-reasons-'.length)] = h.size;
    });
    return out;
  });
}

/** Ranges over all entity highlights (the flash highlight is not a mention). */
export async function totalHighlighted(page: Page | Frame): Promise<number> {
  const sizes = await highlightSizes(page);
  return Object.entries(sizes)
    .filter(([k]) => k !== 'flash')
    .reduce((n, [, v]) => n + v, 0);
}

/** Wait until the highlight registry stops changing (three equal reads 150 ms apart). */
export async function waitForStableHighlights(page: Page | Frame, timeout = 15_000): Promise<Record<string, number>> {
  const deadline = Date.now() + timeout;
  let last = '';
  let same = 0;
  for (;;) {
    const sizes = await highlightSizes(page);
    const key = JSON.stringify(Object.entries(sizes).filter(([k]) => k !== 'flash'));
    same = key === last ? same + 1 : 0;
    last = key;
    if (same >= 2) return sizes;
    if (Date.now() > deadline) throw new Error(`highlights did not settle: ${key}`);
    await page.waitForTimeout(150);
  }
}

/** Centre of a rect in viewport coordinates. */
export function centre(rect: HighlightRange['rect']): { x: number; y: number } {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/** The hover card inside our host element's open shadow root (Playwright locators pierce open shadow roots). */
export function hoverCard(page: Page) {
  return page.locator('eight-reasons-ui [data-testid="hover-card"]');
}

// ---------------------------------------------------------------- fixtures

export interface CollectedError {
  pageUrl: string;
  message: string;
  stack: string;
  /** Caused by the extension: thrown by our code, on our pages, or on our own fixture pages. */
  ours: boolean;
}

export interface WorkerFixtures {
  server: StaticServer;
  extBrowser: ExtensionBrowser;
  extensionId: string;
  extContext: BrowserContext;
  /** A tab at options.html, opened before any test page, used to ask the background as our pages do. */
  probePage: Page;
  /**
   * Lazily connected CDP view of the same browser (for the real side panel). A panel target created after
   * connecting is not attached to an existing connection, so looking for a new panel reconnects.
   */
  cdp: { get(): Promise<Browser>; reconnect(): Promise<Browser> };
}

export interface TestFixtures {
  /** All page errors seen during the test; the ones caused by us fail the test at its end. */
  pageErrors: CollectedError[];
  /** Every request to a non-loopback address during the test, with the page or worker that made it. */
  externalRequests: { url: string; from: string }[];
  /** The extension's service worker. */
  sw: Worker;
  /** chrome-extension://<id>/popup.html?tab=ID in a new tab. */
  openPopup: (tabId: number) => Promise<Page>;
  /** chrome-extension://<id>/sidepanel.html?tab=ID in a new tab (the pop-out view). */
  openSidePanelFor: (tabId: number) => Promise<Page>;
  openOptions: () => Promise<Page>;
  /** The real side panel (found over CDP), once it is open. */
  realSidePanel: (timeout?: number) => Promise<Page>;
  /** Make the page the active tab and open the real side panel beside it (as the popup's button does). */
  openRealPanelFor: (page: Page) => Promise<Page>;
  /** Is a real side panel open right now? */
  realSidePanelOpen: () => Promise<boolean>;
  /** The tab id of a page (brings the page to the front). */
  tabIdOf: (page: Page) => Promise<number>;
  /** Send a message to the background from one of our pages (the probe tab) and return the answer. */
  askBackground: (message: Record<string, unknown>) => Promise<unknown>;
  /** The background's merged summary for a tab, asked from an extension page as the popup does. */
  summaryOf: (tabId: number) => Promise<TabSummary | null>;
  /** Wait for the content script's summary of this page and for its highlights to settle. */
  waitForScan: (page: Page) => Promise<TabSummary>;
  /** Merge fields into the stored settings (sync:settings, schema version 2), as the options page would. */
  setStoredSettings: (patch: Record<string, unknown>) => Promise<void>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires an object pattern here.
    async ({}, use) => {
      const server = await startStaticServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  extBrowser: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires an object pattern here.
    async ({}, use) => {
      const b = await launchWithExtension();
      await use(b);
      await b.context.close();
      fs.rmSync(b.profileDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 60_000 },
  ],

  extensionId: [async ({ extBrowser }, use) => use(extBrowser.extensionId), { scope: 'worker' }],
  extContext: [async ({ extBrowser }, use) => use(extBrowser.context), { scope: 'worker' }],

  cdp: [
    async ({ extBrowser }, use) => {
      let browser: Promise<Browser> | undefined;
      const drop = async () => {
        const b = browser;
        browser = undefined;
        if (b) await (await b).close().catch(() => {});
      };
      await use({
        get: () => {
          browser ??= connectCdp(extBrowser.profileDir);
          return browser;
        },
        reconnect: async () => {
          await drop();
          browser = connectCdp(extBrowser.profileDir);
          return browser;
        },
      });
      await drop();
    },
    { scope: 'worker' },
  ],

  probePage: [
    async ({ extBrowser }, use) => {
      const probe = await extBrowser.context.newPage();
      await probe.goto(`chrome-extension://${extBrowser.extensionId}/options.html`);
      await use(probe);
    },
    { scope: 'worker' },
  ],

  // Every test starts from default settings and no reading progress, and leaves no tab behind.
  page: async ({ extBrowser, extensionId, probePage, cdp }, use) => {
    const { context, home } = extBrowser;
    const sw = await serviceWorkerOf(context, extensionId);
    await sw.evaluate(() => {
      const { chrome } = globalThis as unknown as ExtGlobal;
      return Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]);
    });
    const page = await context.newPage();
    await use(page);
    // A global side panel stays open across tabs: close it so the next test starts without one.
    // sidePanel.close() only hides the panel (its target lives on, detached), so the target is closed too.
    await serviceWorkerOf(context, extensionId)
      .then((w) =>
        w.evaluate(async () => {
          const { chrome } = globalThis as unknown as ExtGlobal;
          const tabs = await chrome.tabs.query({});
          const windows = [...new Set(tabs.map((t) => t.windowId).filter((id): id is number => id !== undefined))];
          await Promise.all(windows.map((windowId) => chrome.sidePanel?.close?.({ windowId }).catch(() => {})));
        }),
      )
      .catch(() => {});
    await closePanelTargets(await cdp.get(), extensionId).catch(() => {});
    for (const p of context.pages()) if (p !== home && p !== probePage) await p.close().catch(() => {});
  },

  pageErrors: [
    async ({ extContext, extensionId }, use) => {
      const errors: CollectedError[] = [];
      const listener = (e: { page(): Page | null; error(): Error }) => {
        const pageUrl = e.page()?.url() ?? '';
        const err = e.error();
        const stack = err.stack ?? String(err);
        const ours =
          stack.includes(`chrome-extension://${extensionId}`) ||
          pageUrl.startsWith('chrome-extension://') ||
          // Our own fixture pages throw nothing by themselves; an error there is ours.
          (/^http:\/\/127\.0\.0\.1:\d+\//.test(pageUrl) && !new URL(pageUrl).pathname.startsWith('/corpus/'));
        errors.push({ pageUrl, message: err.message, stack, ours });
      };
      extContext.on('weberror', listener);
      await use(errors);
      extContext.off('weberror', listener);
      const ours = errors.filter((e) => e.ours);
      expect(ours, `page errors caused by the extension:\n${ours.map((e) => e.stack).join('\n')}`).toEqual([]);
    },
    { auto: true },
  ],

  externalRequests: async ({ extContext }, use) => {
    const seen: { url: string; from: string }[] = [];
    const listener = (req: Request) => {
      const url = req.url();
      if (/^(https?|wss?):/.test(url) && !/^(https?|wss?):\/\/127\.0\.0\.1[:/]/.test(url)) {
        seen.push({ url, from: req.serviceWorker()?.url() ?? frameUrlOf(req) });
      }
    };
    extContext.on('request', listener);
    await use(seen);
    extContext.off('request', listener);
  },

  sw: async ({ extContext, extensionId }, use) => use(await serviceWorkerOf(extContext, extensionId)),

  openPopup: async ({ extContext, extensionId }, use) => {
    await use(async (tabId) => {
      const p = await extContext.newPage();
      await p.setViewportSize({ width: 380, height: 600 });
      await p.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      return p;
    });
  },

  openSidePanelFor: async ({ extContext, extensionId }, use) => {
    await use(async (tabId) => {
      const p = await extContext.newPage();
      await p.setViewportSize({ width: 400, height: 800 });
      await p.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
      return p;
    });
  },

  openOptions: async ({ extContext, extensionId }, use) => {
    await use(async () => {
      const p = await extContext.newPage();
      await p.goto(`chrome-extension://${extensionId}/options.html`);
      return p;
    });
  },

  realSidePanel: async ({ cdp, extensionId }, use) => {
    await use(async (timeout = 10_000) => {
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
    });
  },

  openRealPanelFor: async ({ sw, askBackground, realSidePanel }, use) => {
    await use(async (page) => {
      const tabId = await tabIdOfPage(sw, page);
      // Sent from our probe page inside page.evaluate, which counts as a user gesture, as a popup click would.
      await askBackground({ type: 'open-panel', tabId });
      return realSidePanel();
    });
  },

  realSidePanelOpen: async ({ cdp, extensionId }, use) => {
    await use(async () => (await panelTargets(await cdp.get(), extensionId)).length > 0);
  },

  tabIdOf: async ({ sw }, use) => use((page) => tabIdOfPage(sw, page)),

  askBackground: async ({ probePage }, use) => {
    await use((message) =>
      probePage.evaluate((m) => (globalThis as unknown as ExtGlobal).chrome.runtime.sendMessage(m), message),
    );
  },

  summaryOf: async ({ askBackground }, use) => {
    await use(async (tabId) => (await askBackground({ type: 'get-summary', tabId })) as TabSummary | null);
  },

  waitForScan: async ({ tabIdOf, summaryOf }, use) => {
    await use(async (page) => {
      const tabId = await tabIdOf(page);
      const deadline = Date.now() + 15_000;
      let summary: TabSummary | null = null;
      while (!summary || summary.url !== page.url()) {
        if (Date.now() > deadline) throw new Error(`no summary from the content script of ${page.url()}`);
        await page.waitForTimeout(100);
        summary = await summaryOf(tabId);
      }
      await waitForStableHighlights(page);
      // A summary may have been sent before the last slice painted; ask again once the paint settled.
      return (await summaryOf(tabId)) ?? summary;
    });
  },

  setStoredSettings: async ({ sw }, use) => {
    await use(async (patch) => {
      await sw.evaluate(async (p) => {
        const { chrome } = globalThis as unknown as ExtGlobal;
        const got = await chrome.storage.sync.get('settings');
        const current = (got.settings ?? {}) as Record<string, unknown>;
        // WXT storage items keep their schema version under "<key>$".
        await chrome.storage.sync.set({ settings: { ...current, ...p }, settings$: { v: 2 } });
      }, patch);
    });
  },
});

function frameUrlOf(req: Request): string {
  try {
    return req.frame().url();
  } catch {
    return '';
  }
}
