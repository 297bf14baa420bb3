/**
 * "Browse real saved pages (news, blogs, Chinese and right-to-left pages, the
 * largest ones): nothing breaks, the page's DOM and layout are exactly what
 * they were apart from our one host element, and the extension sends nothing
 * anywhere."
 *
 * Method, in one load per page: the site starts paused (as a person would
 * have it), so the page loads and runs its own scripts untouched; we record
 * its DOM (markup without our host element, every text node's data, and
 * every element's box). Then the site is resumed in the settings, which the
 * extension applies at once, and when its highlights have settled we record
 * again. Both records must be equal. Comparing within one load avoids the
 * noise of a page that differs between two loads (dates, random ids).
 */
import type { Page } from '@playwright/test';
import type { EntityId } from '../../utils/types';
import {
  type Box,
  blend,
  entityColour,
  expect,
  highlightSizes,
  near,
  paintedColour,
  test,
  totalHighlighted,
  waitForStableHighlights,
} from './harness/fixtures';

/**
 * Pages with mentions (from the corpus README), gmw.html whose only 微信 is in
 * a title attribute and a script, and pages chosen for size, script or script direction.
 */
const PAGES: { file: string; mentions: 'some' | 'none' | 'any' }[] = [
  { file: 'qq.html', mentions: 'some' },
  { file: 'gmw.html', mentions: 'none' },
  { file: 'bug-1255978.html', mentions: 'some' },
  { file: 'yahoo-3.html', mentions: 'any' },
  { file: 'yahoo-1.html', mentions: 'any' },
  { file: 'nytimes-5.html', mentions: 'any' },
  { file: 'breitbart.html', mentions: 'any' },
  { file: 'nytimes-4.html', mentions: 'any' },
  { file: 'msn.html', mentions: 'any' },
  { file: 'medium-3.html', mentions: 'any' },
  { file: 'wikipedia.html', mentions: 'any' },
  { file: 'rtl-3.html', mentions: 'any' },
  { file: 'heise.html', mentions: 'any' },
  { file: 'hidden-nodes.html', mentions: 'any' },
];

interface DomRecord {
  html: string;
  texts: string[];
  boxes: number[];
}

/** Runs in the page's own world. */
function record(): DomRecord {
  const isOurs = (n: Node) => (n instanceof Element ? n : n.parentElement)?.closest('eight-reasons-ui') != null;
  const clone = document.documentElement.cloneNode(true) as Element;
  for (const host of clone.querySelectorAll('eight-reasons-ui')) host.remove();
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!isOurs(n)) texts.push((n as Text).data);
  const boxes: number[] = [];
  for (const el of document.querySelectorAll('body *')) {
    if (isOurs(el)) continue;
    const r = el.getBoundingClientRect();
    boxes.push(r.x, r.y, r.width, r.height);
  }
  return { html: clone.outerHTML, texts, boxes };
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: before …${a.slice(Math.max(0, i - 80), i + 80)}… after …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

async function hostCount(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('eight-reasons-ui').length);
}

/**
 * Scroll the first visible mention (a box at least 12 px high, on its own line) to the middle of the
 * viewport; give its entity and box. Read in the page's world.
 */
async function firstMentionInView(page: Page): Promise<{ entity: EntityId; box: Box } | null> {
  return page.evaluate(async () => {
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('eight-reasons-') || name.endsWith('flash')) continue;
      for (const r of h) {
        if (!(r instanceof Range)) continue;
        const el = r.startContainer.parentElement;
        if (!el) continue;
        el.scrollIntoView({ block: 'center' });
        await new Promise((f) => requestAnimationFrame(() => requestAnimationFrame(f)));
        const b = r.getClientRects()[0];
        if (!b || b.height < 12 || b.width < 12 || b.y < 0 || b.y + b.height > innerHeight) continue;
        return {
          entity: name.slice('eight-reasons-'.length) as EntityId,
          box: { x: b.x, y: b.y, width: b.width, height: b.height },
        };
      }
    }
    return null;
  });
}

async function cardsInHost(page: Page): Promise<number> {
  return page.evaluate(
    () => document.querySelector('eight-reasons-ui')?.shadowRoot?.querySelectorAll('[role="tooltip"]').length ?? 0,
  );
}

for (const { file, mentions } of PAGES) {
  test(`corpus ${file}: no page error, DOM and layout unchanged apart from our host, no request`, async ({
    page,
    server,
    setStoredSettings,
    tabIdOf,
    summaryOf,
    pageErrors,
    externalRequests,
    extensionId,
  }) => {
    await setStoredSettings({ pausedOrigins: [server.origin] });
    await page.goto(server.url(`/corpus/${file}`), { waitUntil: 'load' });
    await page.waitForTimeout(500);
    const tabId = await tabIdOf(page);
    expect(await totalHighlighted(page)).toBe(0);
    const before = await page.evaluate(record);
    const errorsBefore = pageErrors.length;

    await setStoredSettings({ pausedOrigins: [] });
    await expect
      .poll(async () => (await summaryOf(tabId))?.paused, { message: 'the extension resumed on this page' })
      .toBe(false);
    await waitForStableHighlights(page);
    const after = await page.evaluate(record);
    const summary = await summaryOf(tabId);

    if (mentions === 'some') expect(summary?.total ?? 0).toBeGreaterThan(0);
    if (mentions === 'none') expect(summary?.total).toBe(0);
    expect(await totalHighlighted(page)).toBe(summary?.mentions.length);
    // Our one host comes only where there is a mention (the first card is warmed in idle time), and holds no card.
    if (mentions === 'some') await expect.poll(() => hostCount(page)).toBe(1);
    else if (mentions === 'none') expect(await hostCount(page)).toBe(0);
    else expect(await hostCount(page)).toBeLessThanOrEqual(1);
    expect(await cardsInHost(page)).toBe(0);
    expect(pageErrors.slice(errorsBefore).map((e) => e.message)).toEqual([]);
    expect(after.texts.length, 'text nodes (a split would add some)').toBe(before.texts.length);
    expect(after.texts).toEqual(before.texts);
    expect(after.html === before.html, firstDifference(before.html, after.html)).toBe(true);
    expect(after.boxes.length).toBe(before.boxes.length);
    expect(after.boxes, 'every element box is where it was (no layout shift)').toEqual(before.boxes);

    const fromUs = externalRequests.filter((r) => r.from.startsWith(`chrome-extension://${extensionId}`));
    expect(fromUs).toEqual([]);
    // Highlights are ours and only ours.
    const names = Object.keys(await highlightSizes(page));
    for (const n of names) expect(['wechat', 'taobao', 'alibaba', 'flash']).toContain(n);
  });
}

test('turning highlighting off leaves a corpus page exactly as it was', async ({
  page,
  server,
  setStoredSettings,
  waitForScan,
}) => {
  await page.goto(server.url('/corpus/qq.html'), { waitUntil: 'load' });
  await waitForScan(page);
  expect(await totalHighlighted(page)).toBeGreaterThan(0);
  await expect.poll(() => hostCount(page), { message: 'the first card warmed in idle time' }).toBe(1);
  // Painted in pixels: a mention's box, then the same box with highlighting off (the control) is what it was
  // washed over, and the painted colour is the entity's colour at the highlight alpha over it.
  const mention = await firstMentionInView(page);
  expect(mention, 'a visible mention on qq.html').not.toBeNull();
  const { entity, box } = mention as { entity: EntityId; box: Box };
  await page.mouse.move(1, 1);
  const painted = await paintedColour(page, box);
  await setStoredSettings({ enabled: false });
  await expect.poll(() => totalHighlighted(page)).toBe(0);
  const under = await paintedColour(page, box);
  const want = blend(entityColour(entity), under);
  expect(near(painted, want), `${entity} on qq.html: ${painted}, want ${want} (over ${under})`).toBe(true);
  // The registry holds none of our names any more, and our host is gone.
  expect(await highlightSizes(page)).toEqual({});
  expect(await hostCount(page)).toBe(0);
});
