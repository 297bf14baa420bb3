/**
 * Fixtures for the hostile suite, on top of the shared e2e fixtures (tests/e2e/harness):
 * - `hostile`: the shared static server on tests/fixtures/hostile with per-page headers and a second origin;
 * - the browser is launched with precise memory figures and a page-visible gc(),
 *   so heap growth can be measured from the page world;
 * - `instrument(page)`: a page-world recorder installed before any page script
 *   (heartbeat for responsiveness, securitypolicyviolation events, console errors);
 * - `probe(page)`: evaluation in a fresh isolated world of our own, because the
 *   pages poison their own world's prototypes and the test must not trust them.
 */
import type { Page } from '@playwright/test';
import {
  test as base,
  closeExtensionBrowser,
  type HostileServer,
  HoverCard,
  hoverCard,
  launchWithExtension,
  probe,
  registeredCount,
  startHostileServer,
  wordRect,
} from '../harness/fixtures';

// The clean-world registry reads, the waits and the pixel checks are the shared ones (harness/queries.ts).
export {
  colourShare,
  expect,
  expectBoxPainted,
  expectUnpainted,
  frameBoxToPage,
  highlightPlaces,
  highlightTexts,
  probe,
  registeredCount,
  STRICT_CSP,
  waitForHighlights,
  wordRect,
} from '../harness/fixtures';

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
      const b = await launchWithExtension(undefined, {
        extraArgs: ['--enable-precise-memory-info', '--js-flags=--expose-gc'],
        profilePrefix: 'er-hostile-profile-',
      });
      await use(b);
      await closeExtensionBrowser(b);
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

/** Hover the centre of a word, from a distance so the pointer really moves onto it. */
export async function hoverWord(page: Page, id: string, word: string): Promise<void> {
  await new HoverCard(page).pointAt(await wordRect(page, id, word));
}

/** The hover card inside our host element's open shadow root. */
export const card = hoverCard;

/** Entity highlights only (drops the flash), names sorted, for comparisons. */
export function mentionsOnly(t: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(t)
      .filter(([k, v]) => k !== 'flash' && v.length > 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/**
 * The page's body (our host left out) with highlighting paused, then again
 * once highlighting is switched on in the same page (settings apply live):
 * the two must be equal, since painting touches no page node. `whilePaused`
 * runs before switching on (a pixel control: the unpainted page).
 */
export async function bodyPausedThenLive(
  page: Page,
  url: string,
  setStoredSettings: (patch: Record<string, unknown>) => Promise<void>,
  ready: () => Promise<unknown>,
  whilePaused?: () => Promise<unknown>,
): Promise<{ paused: string; live: string; pausedRegistered: number }> {
  await setStoredSettings({ enabled: false });
  await page.goto(url);
  await page.waitForTimeout(400);
  const paused = await bodyWithoutHost(page);
  const pausedRegistered = await registeredCount(page);
  await whilePaused?.();
  await setStoredSettings({ enabled: true });
  await ready();
  const live = await bodyWithoutHost(page);
  return { paused, live, pausedRegistered };
}
