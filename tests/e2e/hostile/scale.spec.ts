/**
 * Pages at scale: a 10 MB text node, 10,000 levels of nesting, 100,000
 * mentions (over the MAX_MENTIONS cap), 200,000 tiny text nodes.
 *
 * These pages stall the main thread by themselves (building, laying out and
 * first painting 200,000 text nodes takes over a second with no extension),
 * so the scan is measured in isolation: the page loads with highlighting
 * switched off, settles, then highlighting is switched on (settings apply
 * live) and the engine scans the whole page. During that scan:
 * - the page keeps rendering: the longest gap between animation frames stays
 *   under a second; on the deep, capped and tiny-node pages, under a second
 *   more than what Chromium itself needs to create and paint the same
 *   highlights there (measured first in the page's own world);
 * - the JS heap (shared by the page and our isolated world, after gc()) grows by
 *   less than 200 MB;
 * - the count is reported, and a capped page says "Showing the first N of M".
 * The longest gap between the page's own setInterval ticks is measured and
 * reported, not asserted: the engine yields with scheduler.yield(), whose
 * continuations run ahead of the page's own tasks, so a long scan delays the
 * page's timers (0.3 to 3 s here, depending on the scan and the machine's load);
 * a test of it would pass or fail with the load. See the report.
 * Figures are attached to each test as annotations and printed.
 */
import type { Page } from '@playwright/test';
import { MAX_MENTIONS, WINDOW_FROM_RANGES } from '../../../content/limits';
import type { TabSummary } from '../../../utils/types';
import { expect, pageRecord, registeredCount, test } from './hostile-fixtures';

const MAX_GAP_MS = 1000;
const MAX_HEAP_GROWTH = 200 * 1024 * 1024;

type Kind = 'bigtext' | 'deep' | 'many' | 'tiny' | 'plain';

async function heapNow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { gc?: () => void; performance: { memory: { usedJSHeapSize: number } } };
    w.gc?.();
    return w.performance.memory.usedJSHeapSize;
  });
}

const resetHeartbeat = (page: Page) =>
  page.evaluate(() => (window as unknown as { heartbeat: { reset(): void } }).heartbeat.reset());

/**
 * What Chromium alone pays to paint `count` highlights on this page: the page
 * registers its own styled highlight over its first mentions, we measure the
 * longest frame gap, then it removes both again.
 */
async function browserPaintCost(page: Page, count: number): Promise<number> {
  await resetHeartbeat(page);
  await page.evaluate((count) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('::highlight(hostile-control){background-color:rgb(0 128 255 / 0.3)}');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const h = new Highlight();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n && h.size < count; n = walker.nextNode() as Text | null) {
      const i = n.data.search(/Taobao|WeChat/);
      if (i < 0) continue;
      const r = new Range();
      r.setStart(n, i);
      r.setEnd(n, i + 6);
      h.add(r);
    }
    CSS.highlights.set('hostile-control', h);
    (window as unknown as { controlSheet: CSSStyleSheet }).controlSheet = sheet;
  }, count);
  await page.waitForTimeout(1500);
  const cost = (await pageRecord(page)).maxFrameGap;
  await page.evaluate(() => {
    const sheet = (window as unknown as { controlSheet: CSSStyleSheet }).controlSheet;
    CSS.highlights.delete('hostile-control');
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  });
  await page.waitForTimeout(1500);
  return cost;
}

interface Run {
  summary: TabSummary;
  figures: Record<string, number | string>;
  maxGap: number;
  maxFrameGap: number;
  growth: number;
}

type Fixtures = {
  page: Page;
  hostile: { url(p: string): string };
  instrument: (p: Page) => Promise<void>;
  tabIdOf: (p: Page) => Promise<number>;
  summaryOf: (tabId: number) => Promise<TabSummary | null>;
  setStoredSettings: (patch: Record<string, unknown>) => Promise<void>;
};

/** Load paused, settle, switch on, wait for the full count; return what was measured. */
async function scanAtScale(f: Fixtures, kind: Kind, total: number, control = 0): Promise<Run> {
  const { page } = f;
  await f.instrument(page);
  await f.setStoredSettings({ enabled: false });
  await page.goto(f.hostile.url(`scale.html?kind=${kind}`), { timeout: 30_000 });
  const built = await page.evaluate(
    () => (window as unknown as { built: { mentions: number; buildMs: number } }).built,
  );
  expect(built.mentions).toBe(total);
  const tabId = await f.tabIdOf(page);
  // The tab that asks the background exists before the measurement; the page is in front (not throttled).
  await f.summaryOf(tabId);
  await page.bringToFront();
  await page.waitForTimeout(800);
  expect(await registeredCount(page), 'nothing painted while switched off').toBe(0);
  // Twice, keeping the larger: the browser's own cost varies from run to run.
  const paintCost =
    control > 0 ? Math.max(await browserPaintCost(page, control), await browserPaintCost(page, control)) : 0;
  const heapBefore = await heapNow(page);
  await resetHeartbeat(page);

  const t0 = Date.now();
  await f.setStoredSettings({ enabled: true });
  let summary: TabSummary | null = null;
  while (!summary || summary.total < total) {
    if (Date.now() - t0 > 45_000) throw new Error(`summary never reached ${total}: ${summary?.total}`);
    await page.waitForTimeout(100);
    summary = await f.summaryOf(tabId);
  }
  const scanMs = Date.now() - t0;
  const rec = await pageRecord(page);
  const heapAfter = await heapNow(page);
  const figures = {
    kind,
    buildMs: built.buildMs,
    switchOnToSummaryMs: scanMs,
    maxFrameGapMs: Math.round(rec.maxFrameGap),
    maxTimerGapMs: Math.round(rec.maxGap),
    ...(control > 0 ? { browserPaintCostMs: Math.round(paintCost) } : {}),
    heapBeforeMB: +(heapBefore / 2 ** 20).toFixed(1),
    heapAfterScanMB: +(heapAfter / 2 ** 20).toFixed(1),
    heapGrowthMB: +((heapAfter - heapBefore) / 2 ** 20).toFixed(1),
  };
  test.info().annotations.push({ type: 'figures', description: JSON.stringify(figures) });
  console.log(`[hostile scale] ${JSON.stringify(figures)}`);
  return {
    summary,
    figures,
    maxGap: rec.maxGap,
    maxFrameGap: Math.max(0, rec.maxFrameGap - paintCost),
    growth: heapAfter - heapBefore,
  };
}

/**
 * `control`: how many highlights the browser-only control paints first (0: none).
 * `maxFrameGap`: the bound on the longest frame gap, net of that control. On the
 * tiny-node page Chromium alone needs 0.2 to 1.3 s (measured, varying with the
 * load of this shared 2-core machine) to create and paint the same 200 highlights
 * among 200,000 siblings, so its bound is 3 s.
 */
const CASES = [
  { kind: 'bigtext', what: 'a 10 MB text node', total: 100, painted: 100, control: 0, maxFrameGap: MAX_GAP_MS },
  { kind: 'deep', what: '10,000 levels of nesting', total: 1, painted: 1, control: 1, maxFrameGap: MAX_GAP_MS },
  {
    kind: 'many',
    what: '100,000 mentions (capped)',
    total: 100_000,
    painted: MAX_MENTIONS,
    control: MAX_MENTIONS,
    maxFrameGap: MAX_GAP_MS,
  },
  { kind: 'plain', what: '50,000 paragraphs (10 MB)', total: 1, painted: 1, control: 0, maxFrameGap: MAX_GAP_MS },
  {
    kind: 'tiny',
    what: '200,000 tiny text nodes',
    total: 200,
    painted: 200,
    control: 200,
    maxFrameGap: 3 * MAX_GAP_MS,
  },
] as const;

for (const c of CASES) {
  test(`scale: ${c.what}: keeps rendering, bounded heap, count reported`, async ({
    page,
    hostile,
    instrument,
    tabIdOf,
    summaryOf,
    setStoredSettings,
    openSidePanelFor,
  }) => {
    test.setTimeout(60_000);
    const f = { page, hostile, instrument, tabIdOf, summaryOf, setStoredSettings };
    const run = await scanAtScale(f, c.kind, c.total, c.control);
    expect(run.summary.total).toBe(c.total);
    expect(run.summary.capped).toBe(c.total > MAX_MENTIONS);
    expect(run.summary.mentions.length).toBe(c.painted);
    if (c.painted > WINDOW_FROM_RANGES) {
      // Past the painter's threshold only the ranges within a screen of the viewport are registered.
      await expect.poll(() => registeredCount(page), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await registeredCount(page)).toBeLessThan(c.painted);
    } else {
      await expect.poll(() => registeredCount(page), { timeout: 15_000 }).toBe(c.painted);
    }
    expect(run.maxFrameGap, 'longest gap between frames during the scan (ms)').toBeLessThan(c.maxFrameGap);
    expect(run.growth, 'JS heap growth after gc (bytes)').toBeLessThan(MAX_HEAP_GROWTH);

    if (run.summary.capped) {
      const panel = await openSidePanelFor(await tabIdOf(page));
      const notice = panel.locator('[data-testid="capped-notice"]');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText(String(MAX_MENTIONS));
      await expect(notice).toContainText(String(c.total));
    }
  });
}
