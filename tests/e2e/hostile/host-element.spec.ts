/**
 * The page removes our host element <eight-reasons-ui>, moves it into a
 * clipped, transformed box, or evicts it the moment it appears. The content
 * script puts its host back under <html> on the next hover (entrypoints/
 * content.ts ensureUi), so the card still shows; a page that keeps evicting
 * it wins quietly: we re-append once per new hover, never in a loop.
 */
import type { Page } from '@playwright/test';
import {
  bodyWithoutHost,
  card,
  expect,
  expectBoxPainted,
  hostCount,
  hoverWord,
  mentionsOnly,
  pageRecord,
  probe,
  test,
  waitForHighlights,
  wordRect,
} from './hostile-fixtures';

type HostPage = {
  removeHost(): void;
  moveHost(): void;
  evictForever(): void;
  hostsSeen: number;
  pageWorks(): boolean;
};
const call = (page: Page, name: 'removeHost' | 'moveHost' | 'evictForever') =>
  page.evaluate((n) => (window as unknown as HostPage)[n](), name);
const hostParent = (page: Page) =>
  probe<string>(page, `document.querySelector('eight-reasons-ui')?.parentNode?.nodeName ?? 'none'`);

test('host element removed or moved: the card comes back on the next hover, under <html>', async ({
  page,
  hostile,
  instrument,
}) => {
  await instrument(page);
  await page.goto(hostile.url('host-removal.html'));
  await waitForHighlights(page, (h) => !!mentionsOnly(h).wechat && !!mentionsOnly(h).taobao);
  const before = await bodyWithoutHost(page);

  await hoverWord(page, 'p1', 'WeChat');
  await expect(card(page)).toBeVisible();
  expect(await hostCount(page)).toBe(1);

  await call(page, 'removeHost');
  expect(await hostCount(page)).toBe(0);
  await hoverWord(page, 'p2', 'Taobao');
  await expect(card(page)).toBeVisible();
  await expect(card(page)).toHaveAttribute('data-entity', 'taobao');
  expect(await hostCount(page)).toBe(1);
  expect(await hostParent(page)).toBe('HTML');

  await call(page, 'moveHost');
  expect(await hostParent(page)).toBe('DIV');
  await hoverWord(page, 'p1', 'WeChat');
  await expect(card(page)).toBeVisible();
  await expect(card(page)).toHaveAttribute('data-entity', 'wechat');
  expect(await hostParent(page)).toBe('HTML');
  expect(await hostCount(page)).toBe(1);

  expect(await page.evaluate(() => (window as unknown as HostPage).pageWorks())).toBe(true);
  // Our host aside, the page is as it was (the page's own data-touched aside too).
  expect((await bodyWithoutHost(page)).replace(' data-touched="yes"', '')).toBe(before);
});

test('a page that evicts the host forever: no fight, no loop, no error', async ({ page, hostile, instrument }) => {
  await instrument(page);
  await page.goto(hostile.url('host-removal.html'));
  await waitForHighlights(page, (h) => !!mentionsOnly(h).wechat && !!mentionsOnly(h).taobao);
  // The idle warm-up puts the host in once by itself (content/card-host.ts warmUp); let it, so that every append the
  // page sees after this is one a hover asked for.
  await expect.poll(() => hostCount(page)).toBe(1);
  await call(page, 'evictForever');

  const hovers = 6;
  for (let i = 0; i < hovers; i++) {
    await hoverWord(page, i % 2 ? 'p2' : 'p1', i % 2 ? 'Taobao' : 'WeChat');
    await page.waitForTimeout(100);
  }
  const seen = await page.evaluate(() => (window as unknown as HostPage).hostsSeen);
  expect(seen, 'at most one re-append per new hover').toBeLessThanOrEqual(hovers);
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => (window as unknown as HostPage).hostsSeen), 'no retry loop').toBe(seen);
  expect(await hostCount(page)).toBe(0);
  const rec = await pageRecord(page);
  expect(rec.maxGap).toBeLessThan(1000);
  // The highlights themselves do not depend on the host.
  expect(mentionsOnly(await waitForHighlights(page, () => true))).toEqual({ taobao: ['Taobao'], wechat: ['WeChat'] });
  // And they are still painted, each in its colour.
  await expectBoxPainted(page, 'wechat', await wordRect(page, 'p1', 'WeChat'));
  await expectBoxPainted(page, 'taobao', await wordRect(page, 'p2', 'Taobao'));
});
