/**
 * "A page with many mentions stays cheap to change": past the painter's
 * threshold only the ranges within a screen of the viewport are registered
 * (Chromium rebuilds every registered range's marks at each DOM change), and
 * scrolling brings the rest in. The reader sees no difference: every mention
 * they scroll to is painted and answers the pointer. Two mentions near the top
 * sit where windowing could lose them: in an element without a box of its own
 * (display: contents, whose text the browser's checkVisibility calls hidden)
 * and in an open shadow root.
 */

import type { Page } from '@playwright/test';
import { WINDOW_FROM_RANGES } from '../../content/limits';
import {
  centre,
  expect,
  expectPainted,
  highlightRanges,
  hoverCard,
  isRegistered,
  rangeIn,
  rangeInViewport,
  test,
  totalHighlighted,
} from './harness/fixtures';

const registered = (page: Page, id: string) => isRegistered(page, 'wechat', id);

test('on a page of 902 mentions only those near the viewport are registered, and scrolling paints the rest', async ({
  page,
  server,
  waitForScan,
}) => {
  await page.goto(server.url('/many.html'));
  const summary = await waitForScan(page);
  expect(summary.total).toBe(902);
  expect(summary.mentions).toHaveLength(902);

  // The top of the page is painted, also in an element without a box and in an open shadow root; the far end is not.
  await expect.poll(() => registered(page, 'p-1')).toBe(true);
  expect(await registered(page, 'p-contents')).toBe(true);
  expect(await registered(page, 'p-shadow')).toBe(true);
  await expectPainted(page, 'wechat', 'p-1');
  const atTop = await totalHighlighted(page);
  expect(atTop).toBeGreaterThan(20);
  expect(atTop).toBeLessThan(WINDOW_FROM_RANGES);
  expect(await registered(page, 'p-900')).toBe(false);

  // Scroll to the end: the last mentions come in, the first go.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(() => registered(page, 'p-900')).toBe(true);
  await expect.poll(() => registered(page, 'p-1')).toBe(false);
  await expectPainted(page, 'wechat', 'p-900');
  expect(await registered(page, 'p-shadow')).toBe(false);
  expect(await totalHighlighted(page)).toBeLessThan(WINDOW_FROM_RANGES);

  // A mention brought in by scrolling answers the pointer like any other.
  const last = await rangeIn(page, 'wechat', 'p-899');
  await page.mouse.move(centre(last.rect).x, centre(last.rect).y);
  await expect(hoverCard(page)).toBeVisible();

  // The middle of the page, reached by a jump, is painted too.
  await page.evaluate(() => document.getElementById('p-450')?.scrollIntoView({ block: 'center' }));
  await expect.poll(() => registered(page, 'p-450')).toBe(true);
  await expectPainted(page, 'wechat', 'p-450');
  expect(summary.total).toBe(902);
});

test('jump-to from the side panel reaches a far mention of a long page: scrolled to, painted, flashed', async ({
  page,
  server,
  waitForScan,
  openRealPanelFor,
}) => {
  await page.goto(server.url('/many.html'));
  await waitForScan(page);
  expect(await registered(page, 'p-850')).toBe(false);
  const panel = await openRealPanelFor(page);
  // Each group lists a hundred at a time: "show more" until the whole page is listed (the mentions about no argument
  // are a group of their own, short enough to show at once).
  const linked = panel.locator('.mention-group[data-group="wechat"]');
  const groupSize = Number((await linked.locator('.group-count').textContent())?.replace(/\D/g, ''));
  const unlinked = 902 - groupSize;
  expect(unlinked).toBeLessThan(100);
  for (let shown = 100; shown < groupSize; shown += 100) {
    await expect(panel.getByTestId('mention')).toHaveCount(shown + unlinked);
    await linked.locator('.show-more').click();
  }
  await expect(panel.getByTestId('mention')).toHaveCount(902);
  const far = panel.getByTestId('mention').filter({ hasText: '850. ' });
  await expect(far).toHaveCount(1);
  await far.getByTestId('jump').click();

  await expect.poll(() => registered(page, 'p-850')).toBe(true);
  await expect.poll(async () => (await highlightRanges(page, 'flash')).map((r) => r.where)).toEqual(['p-850']);
  await expect.poll(() => registered(page, 'p-1')).toBe(false);
  // Once the (possibly smooth) scroll ends, the mention is inside the viewport.
  await expect.poll(() => rangeInViewport(page, 'wechat', 'p-850')).toBe(true);
  // Once the flash is over, the mention shows its own colour.
  await expect.poll(async () => (await highlightRanges(page, 'flash')).length, { timeout: 10_000 }).toBe(0);
  await page.bringToFront();
  // The flash blinks (off, on again) before it ends: wait for the last blink to pass.
  await expect(() => expectPainted(page, 'wechat', 'p-850')).toPass({ timeout: 5_000 });
});
