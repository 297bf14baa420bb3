/**
 * "Open the side panel beside the demo page: it lists every mention with its
 * reason; 'jump to' scrolls the page to the mention and flashes it; next and
 * previous walk through them; filters narrow the list; search finds words in
 * the article; a reason marked read stays read; the text size changes; and
 * the panel follows when you switch tabs."
 */
import type { Page } from '@playwright/test';
import { CLOSING, REASONS } from '../../utils/article';
import { DEMO_MENTIONS, TRAPS_ZH_MENTIONS } from './expected-mentions';
import {
  blend,
  entityColour,
  expect,
  expectPainted,
  FLASH_ALPHA,
  FLASH_COLOUR,
  highlightRanges,
  highlightSizes,
  hoverCard,
  pageBackground,
  rangeIn,
  rangeInViewport,
  test,
} from './harness/fixtures';

function expectedItems(list: typeof DEMO_MENTIONS): string[] {
  return list.map((m) => `${m.entity}:${m.reason === null ? 'none' : m.reason}`).sort();
}

async function listedItems(panel: Page): Promise<string[]> {
  const items = panel.getByTestId('mention');
  const out: string[] = [];
  for (const item of await items.all()) {
    out.push(`${await item.getAttribute('data-entity')}:${await item.getAttribute('data-reason')}`);
  }
  return out.sort();
}

async function flashText(page: Page): Promise<string[]> {
  return (await highlightRanges(page, 'flash')).map((r) => r.text);
}

test('the mention list names each mention’s entity and reason, and jump-to scrolls and flashes it', async ({
  page,
  server,
  waitForScan,
  openRealPanelFor,
}) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const pageBg = await pageBackground(page);
  const panel = await openRealPanelFor(page);
  await expect(panel.getByTestId('mention')).toHaveCount(DEMO_MENTIONS.length);
  expect(await listedItems(panel)).toEqual(expectedItems(DEMO_MENTIONS));

  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const far = panel.getByTestId('mention').filter({ hasText: 'Far down the page' });
  await expect(far).toHaveCount(1);
  await expect(far).toHaveAttribute('data-entity', 'alibaba');
  await expect(far).toHaveAttribute('data-reason', '8');
  await far.getByTestId('jump').click();

  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await expect.poll(() => flashText(page)).toEqual(['Alibaba']);
  // Once the (possibly smooth) scroll ends, the mention is inside the viewport.
  await expect.poll(() => rangeInViewport(page, 'alibaba', 'p-far')).toBe(true);
  // The flash is drawn in pixels: its yellow over the mention's own wash (it blinks, so while it is on).
  const flashed = {
    colour: FLASH_COLOUR,
    alpha: FLASH_ALPHA,
    under: blend(entityColour('alibaba'), pageBg),
    keepPointer: true,
  };
  await expect(() => expectPainted(page, 'alibaba', 'p-far', flashed)).toPass({ timeout: 3_000, intervals: [50] });
  // Keyboard users reach the hover card this way: it opens beside the revealed mention, without taking focus.
  const card = hoverCard(page);
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-entity', 'alibaba');
  await expect(card).toHaveAttribute('data-reason', '8');
  const { rect: mention } = await rangeIn(page, 'alibaba', 'p-far');
  const box = await card.boundingBox();
  expect(box).not.toBeNull();
  const overlaps =
    box !== null &&
    box.x < mention.x + mention.width &&
    mention.x < box.x + box.width &&
    box.y < mention.y + mention.height &&
    mention.y < box.y + box.height;
  expect(overlaps).toBe(false);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  // The flash is brief.
  await expect.poll(async () => (await highlightSizes(page)).flash ?? 0, { timeout: 10_000 }).toBe(0);
  // And the mention it revealed is painted in its own colour.
  // The flash blinks (off, on again) before it ends: wait for the last blink to pass.
  await expect(() => expectPainted(page, 'alibaba', 'p-far')).toPass({ timeout: 5_000 });
});

test('next and previous mention reveal the mentions in turn', async ({
  page,
  server,
  waitForScan,
  openRealPanelFor,
}) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const panel = await openRealPanelFor(page);
  const current = panel.locator('[data-testid="mention"][data-current="true"]');
  await expect(current).toHaveCount(0);

  await panel.getByTestId('mention-next').click();
  await expect(current).toHaveCount(1);
  const first = await current.locator('strong').first().textContent();
  await expect.poll(() => flashText(page)).toEqual([first]);
  const firstKey = await current.evaluate((el) => [...el.parentElement!.children].indexOf(el));

  await panel.getByTestId('mention-next').click();
  await expect
    .poll(() => current.evaluate((el) => [...el.parentElement!.children].indexOf(el)).catch(() => -1))
    .not.toBe(firstKey);
  await panel.getByTestId('mention-prev').click();
  await expect.poll(() => current.evaluate((el) => [...el.parentElement!.children].indexOf(el))).toBe(firstKey);
  await expect(current.locator('strong').first()).toHaveText(first ?? '');
  // Announced for screen readers.
  await expect(panel.getByTestId('announcer')).not.toBeEmpty();
});

test('filters narrow the list by entity and by reason', async ({ page, server, waitForScan, openRealPanelFor }) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const panel = await openRealPanelFor(page);
  const items = panel.getByTestId('mention');
  await expect(items).toHaveCount(DEMO_MENTIONS.length);

  await panel.getByTestId('filter-entity').selectOption('taobao');
  await expect(items).toHaveCount(DEMO_MENTIONS.filter((m) => m.entity === 'taobao').length);
  for (const item of await items.all()) await expect(item).toHaveAttribute('data-entity', 'taobao');

  await panel.getByTestId('filter-entity').selectOption('all');
  await panel.getByTestId('filter-reason').selectOption('8');
  await expect(items).toHaveCount(DEMO_MENTIONS.filter((m) => m.reason === 8).length);
  for (const item of await items.all()) await expect(item).toHaveAttribute('data-reason', '8');

  await panel.getByTestId('filter-reason').selectOption('none');
  await expect(items).toHaveCount(DEMO_MENTIONS.filter((m) => m.reason === null).length);
});

test('search in the article counts, marks and steps through the hits', async ({ page, openSidePanelFor, server }) => {
  await page.goto(server.url('/demo.html'));
  const panel = await openSidePanelFor(0);
  const query = 'circle of friends';
  const text = [...REASONS.flatMap((r) => [r.title, ...r.paragraphs]), CLOSING].join('\n').toLowerCase();
  const expected = text.split(query).length - 1;
  expect(expected).toBeGreaterThan(5);

  await panel.getByTestId('search').fill(query);
  await expect(panel.locator('mark[data-hit]')).toHaveCount(expected);
  await expect(panel.getByTestId('search-count')).toContainText(String(expected));
  for (const m of await panel.locator('mark[data-hit]').all()) await expect(m).toHaveText(/circle of friends/i);

  const currentMark = panel.locator('mark.current');
  await expect(currentMark).toHaveAttribute('data-hit', '0');
  await panel.getByTestId('search-next').click();
  await expect(currentMark).toHaveAttribute('data-hit', '1');
  await expect(currentMark).toBeInViewport();
  await panel.getByTestId('search-prev').click();
  await panel.getByTestId('search-prev').click();
  await expect(currentMark).toHaveAttribute('data-hit', String(expected - 1));

  await panel.getByTestId('search').fill('no such words anywhere');
  await expect(panel.locator('mark[data-hit]')).toHaveCount(0);
});

test('a reason marked read stays read after the panel is reopened', async ({ page, openSidePanelFor, server }) => {
  await page.goto(server.url('/demo.html'));
  const panel = await openSidePanelFor(0);
  const mark = panel.locator('section[data-reason="3"] [data-testid="mark-read"]');
  await expect(mark).toHaveAttribute('aria-pressed', 'false');
  await mark.click();
  await expect(mark).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.locator('[data-testid="toc-item"][data-reason="3"]')).toHaveAttribute('data-read', 'true');
  await expect(panel.getByTestId('read-progress')).toContainText('1');

  await panel.close();
  const again = await openSidePanelFor(0);
  await expect(again.locator('section[data-reason="3"] [data-testid="mark-read"]')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(again.locator('[data-testid="toc-item"][data-reason="2"]')).not.toHaveAttribute('data-read', 'true');
});

test('the text size setting changes the article text size', async ({ page, openSidePanelFor, server }) => {
  await page.goto(server.url('/demo.html'));
  const panel = await openSidePanelFor(0);
  const paragraph = panel.locator('section[data-reason="1"] p').first();
  const size = () => paragraph.evaluate((p) => Number.parseFloat(getComputedStyle(p).fontSize));
  await panel.getByTestId('text-size').selectOption('small');
  await expect.poll(() => panel.evaluate(() => document.documentElement.dataset.textSize)).toBe('small');
  const small = await size();
  await panel.getByTestId('text-size').selectOption('large');
  await expect.poll(size).toBeGreaterThan(small);
  // Remembered.
  await panel.reload();
  await expect(panel.getByTestId('text-size')).toHaveValue('large');
});

test('the panel follows tab switches and navigations', async ({
  page,
  server,
  waitForScan,
  openRealPanelFor,
  extContext,
}) => {
  const other = await extContext.newPage();
  await other.goto(server.url('/traps-zh.html'));
  await waitForScan(other);
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);

  const panel = await openRealPanelFor(page);
  const items = panel.getByTestId('mention');
  await expect(items).toHaveCount(DEMO_MENTIONS.length);

  await other.bringToFront();
  await expect(items).toHaveCount(TRAPS_ZH_MENTIONS.length);

  await page.bringToFront();
  await expect(items).toHaveCount(DEMO_MENTIONS.length);

  await page.goto(server.url('/traps-zh.html'));
  await expect(items).toHaveCount(TRAPS_ZH_MENTIONS.length);
});
