/**
 * Fixtures for the hostile suite, on top of the shared e2e fixtures:
 * - `hostile`: a server for tests/fixtures/hostile with per-page headers and a second origin;
 * - the browser is launched with precise memory figures and a page-visible gc(),
 *   so heap growth can be measured from the page world;
 * - `instrument(page)`: a page-world recorder installed before any page script
 *   (heartbeat for responsiveness, securitypolicyviolation events, console errors);
 * - `probe(page)`: evaluation in a fresh isolated world of our own, because the
 *   pages poison their own world's prototypes and the test must not trust them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CDPSession, chromium, type Frame, type Page } from '@playwright/test';
import { test as base, CHROMIUM, chromiumArgs, EXTENSION_DIR, type ExtensionBrowser } from '../fixtures';
import { type HostileServer, startHostileServer } from './hostile-server';

export { expect } from '../fixtures';

/** What the page-world recorder saw. */
export interface PageRecord {
  violations: { directive: string; blocked: string; source: string; sample: string }[];
  /** Longest gap between setInterval heartbeat ticks (ms) since the last reset: are the page's own tasks starved? */
  maxGap: number;
  ticks: number;
  /** Longest gap between animation frames (ms) since the last reset: does the page still render? */
  maxFrameGap: number;
  frames: number;
}

/** Installed with addInitScript: runs in the page's own world before the page's scripts. */
function recorder(): void {
  const w = window as unknown as { __hostile: PageRecord; heartbeat: { reset(): void } };
  const rec: PageRecord = { violations: [], maxGap: 0, ticks: 0, maxFrameGap: 0, frames: 0 };
  w.__hostile = rec;
  document.addEventListener(
    'securitypolicyviolation',
    (e) =>
      rec.violations.push({
        directive: e.violatedDirective,
        blocked: e.blockedURI,
        source: e.sourceFile,
        sample: e.sample,
      }),
    true,
  );
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    rec.maxGap = Math.max(rec.maxGap, now - last);
    last = now;
    rec.ticks++;
  }, 10);
  let lastFrame = performance.now();
  const frame = (now: number) => {
    rec.maxFrameGap = Math.max(rec.maxFrameGap, now - lastFrame);
    lastFrame = now;
    rec.frames++;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  w.heartbeat = {
    reset() {
      rec.maxGap = 0;
      rec.ticks = 0;
      rec.maxFrameGap = 0;
      rec.frames = 0;
      last = performance.now();
      lastFrame = performance.now();
    },
  };
}

/**
 * Evaluate an expression in a fresh isolated world of the frame (untouched by
 * the page's prototype poisoning). A cross-site frame has its own CDP session;
 * a same-process frame is found in the page's frame tree by its URL.
 */
export async function probe<T>(page: Page, expression: string, frame?: Frame): Promise<T> {
  const child = frame && frame !== page.mainFrame() ? frame : undefined;
  let cdp: CDPSession;
  let frameId: string;
  const ownSession = child
    ? await page
        .context()
        .newCDPSession(child)
        .catch(() => null)
    : null;
  if (ownSession) {
    cdp = ownSession;
    frameId = ((await cdp.send('Page.getFrameTree')) as FrameTree).frameTree.frame.id;
  } else {
    cdp = await page.context().newCDPSession(page);
    const tree = ((await cdp.send('Page.getFrameTree')) as FrameTree).frameTree;
    const found = child ? findFrame(tree, child.url()) : tree.frame.id;
    if (!found) throw new Error(`frame ${child?.url()} not in the page's frame tree`);
    frameId = found;
  }
  try {
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId, worldName: 'hostile-probe' });
    const r = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (r.exceptionDetails)
      throw new Error(`probe failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value as T;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

interface FrameNode {
  frame: { id: string; url: string };
  childFrames?: FrameNode[];
}
interface FrameTree {
  frameTree: FrameNode;
}
function findFrame(node: FrameNode, url: string): string | null {
  if (node.frame.url === url) return node.frame.id;
  for (const c of node.childFrames ?? []) {
    const f = findFrame(c, url);
    if (f) return f;
  }
  return null;
}

/** Texts of the ranges of every `eight-reasons-*` highlight, in registry order (read from a clean world). */
export function highlightTexts(page: Page, frame?: Frame): Promise<Record<string, string[]>> {
  return probe(
    page,
    `(() => { const out = {}; CSS.highlights.forEach((h, name) => {
      if (name.startsWith('eight-reasons-')) out[name.slice(14)] = [...h].map((r) => r.toString()); });
      return out; })()`,
    frame,
  );
}

/** Number of painted mentions (entity highlights, not the flash). */
export async function paintedCount(page: Page, frame?: Frame): Promise<number> {
  const t = await highlightTexts(page, frame);
  return Object.entries(t)
    .filter(([k]) => k !== 'flash')
    .reduce((n, [, v]) => n + v.length, 0);
}

/** Wait until `check` holds on the painted highlights (polling a clean world). */
export async function waitForHighlights(
  page: Page,
  check: (t: Record<string, string[]>) => boolean,
  timeout = 15_000,
  frame?: Frame,
): Promise<Record<string, string[]>> {
  const deadline = Date.now() + timeout;
  let last: Record<string, string[]> = {};
  for (;;) {
    last = await highlightTexts(page, frame);
    if (check(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`highlights never matched; last seen: ${JSON.stringify(last).slice(0, 500)}`);
    await page.waitForTimeout(100);
  }
}

/** The page's body serialised, our host element left out (read from a clean world). */
export function bodyWithoutHost(page: Page): Promise<string> {
  return probe(
    page,
    `(() => { const c = document.body.cloneNode(true);
      c.querySelectorAll('eight-reasons-ui').forEach((h) => h.remove());
      return c.outerHTML; })()`,
  );
}

export function hostCount(page: Page): Promise<number> {
  return probe(page, `document.querySelectorAll('eight-reasons-ui').length`);
}

/** The page-world recorder's figures (the recorder lives in the page's world, so ask there). */
export function pageRecord(page: Page): Promise<PageRecord> {
  return page.evaluate(() => (window as unknown as { __hostile: PageRecord }).__hostile);
}

export interface HostileFixtures {
  /** Install the page-world recorder on this page (call before goto). */
  instrument: (page: Page) => Promise<void>;
  /** Console errors about CSP or Trusted Types seen in any page of the test. */
  cspConsole: string[];
}

export const test = base.extend<HostileFixtures, { hostile: HostileServer }>({
  hostile: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires an object pattern here.
    async ({}, use) => {
      const server = await startHostileServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  // The shared launch, plus precise heap figures and gc() for the scale specs.
  extBrowser: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires an object pattern here.
    async ({}, use) => {
      const ext = EXTENSION_DIR;
      const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'er-hostile-profile-'));
      const context = await chromium.launchPersistentContext(profileDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: [...chromiumArgs(ext), '--enable-precise-memory-info', '--js-flags=--expose-gc'],
        viewport: { width: 1280, height: 800 },
      });
      const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
      const extensionId = new URL(sw.url()).host;
      const home = context.pages()[0] ?? (await context.newPage());
      const b: ExtensionBrowser = { context, extensionId, profileDir, home };
      await use(b);
      await context.close();
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 60_000 },
  ],

  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires an object pattern here.
  instrument: async ({}, use) => {
    await use(async (page) => {
      await page.addInitScript(recorder);
    });
  },

  cspConsole: async ({ extContext }, use) => {
    const seen: string[] = [];
    const onPage = (p: Page) =>
      p.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy|Trusted Type/i.test(m.text())) seen.push(m.text());
      });
    extContext.pages().forEach(onPage);
    extContext.on('page', onPage);
    await use(seen);
    extContext.off('page', onPage);
  },
});

/** Viewport rect of the first occurrence of `word` in the element `#id` (computed in a clean world). */
export function wordRect(
  page: Page,
  id: string,
  word: string,
): Promise<{ x: number; y: number; width: number; height: number }> {
  return probe(
    page,
    `(() => { const w = document.createTreeWalker(document.getElementById(${JSON.stringify(id)}), NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) { const i = n.data.indexOf(${JSON.stringify(word)});
        if (i < 0) continue; const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + ${word.length});
        const b = r.getClientRects()[0]; return { x: b.x, y: b.y, width: b.width, height: b.height }; }
      throw new Error('word not found'); })()`,
  );
}

/** Hover the centre of a word, from a distance so the pointer really moves onto it. */
export async function hoverWord(page: Page, id: string, word: string): Promise<void> {
  const r = await wordRect(page, id, word);
  await page.mouse.move(1, 1);
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2, { steps: 4 });
}

/** The hover card inside our host element's open shadow root. */
export function card(page: Page) {
  return page.locator('eight-reasons-ui [data-testid="hover-card"]');
}

/** Entity highlights only (drops the flash), names sorted, for comparisons. */
export function mentionsOnly(t: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(t)
      .filter(([k, v]) => k !== 'flash' && v.length > 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/**
 * Does the screenshot of a rect contain coloured pixels? Text here is black on
 * white (greyscale antialiasing in headless), so colour means a highlight was
 * painted. The PNG is decoded in a blank page of our own, outside the hostile page's CSP.
 */
export async function hasColour(page: Page, rect: { x: number; y: number; width: number; height: number }) {
  const png = await page.screenshot({
    clip: { x: Math.max(0, rect.x - 1), y: Math.max(0, rect.y - 1), width: rect.width + 2, height: rect.height + 2 },
  });
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let coloured = 0;
      for (let i = 0; i < d.length; i += 4) {
        const r = d[i]!;
        const gr = d[i + 1]!;
        const b = d[i + 2]!;
        if (Math.max(r, gr, b) - Math.min(r, gr, b) > 40) coloured++;
      }
      return coloured / (d.length / 4);
    }, png.toString('base64'));
  } finally {
    await blank.close();
  }
}

/** Ask the background something as one of our extension pages would (a short-lived options.html tab). */
export async function askBackground<T>(page: Page, extensionId: string, message: unknown): Promise<T> {
  const ext = await page.context().newPage();
  try {
    await ext.goto(`chrome-extension://${extensionId}/options.html`);
    return (await ext.evaluate(
      (m) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage(m),
      message,
    )) as T;
  } finally {
    await ext.close();
  }
}

/**
 * Where each highlighted range lives: the id of its nearest ancestor element
 * with an id (crossing out of open shadow roots), per entity.
 */
export function highlightPlaces(page: Page, frame?: Frame): Promise<Record<string, string[]>> {
  return probe(
    page,
    `(() => { const out = {};
      const placeOf = (n) => { for (let el = n; el; ) {
        if (el.nodeType === 1 && el.id) return el.id;
        el = el.parentNode ?? (el instanceof ShadowRoot ? el.host : null); } return '?'; };
      CSS.highlights.forEach((h, name) => { if (!name.startsWith('eight-reasons-') || name.endsWith('-flash')) return;
        out[name.slice(14)] = [...h].map((r) => placeOf(r.startContainer)).sort(); });
      return out; })()`,
    frame,
  );
}

/**
 * The page's body (our host left out) with highlighting paused, then again
 * once highlighting is switched on in the same page (settings apply live):
 * the two must be equal, since painting touches no page node.
 */
export async function bodyPausedThenLive(
  page: Page,
  url: string,
  setStoredSettings: (patch: Record<string, unknown>) => Promise<void>,
  ready: () => Promise<unknown>,
): Promise<{ paused: string; live: string; pausedPainted: number }> {
  await setStoredSettings({ enabled: false });
  await page.goto(url);
  await page.waitForTimeout(400);
  const paused = await bodyWithoutHost(page);
  const pausedPainted = await paintedCount(page);
  await setStoredSettings({ enabled: true });
  await ready();
  const live = await bodyWithoutHost(page);
  return { paused, live, pausedPainted };
}
