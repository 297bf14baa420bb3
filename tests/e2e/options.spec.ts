/**
 * "With the demo page open in one tab, change the options in another: turn
 * WeChat off and its highlights disappear at once; turn Tencent on and it is
 * highlighted; pick magenta for Taobao and the page paints it so; pause the site
 * or everything and the highlights go, with no reload."
 */
import type { Page } from '@playwright/test';
import { DEMO_MENTIONS, DEMO_RELATED } from './expected-mentions';
import {
  expect,
  expectPainted,
  expectUnpainted,
  type HighlightRange,
  highlightRanges,
  Options,
  pixelsAt,
  rangeIn,
  rangeInView,
  test,
  totalHighlighted,
} from './harness/fixtures';

const count = (entity: string) => DEMO_MENTIONS.filter((m) => m.entity === entity).length;

/** Pixels of a page region whose colour is clearly magenta (r and b well above g). */
async function magentaPixels(page: Page, rect: HighlightRange['rect']): Promise<number> {
  const pixels = await pixelsAt(page, {
    x: rect.x,
    y: rect.y,
    width: Math.max(1, rect.width),
    height: Math.max(1, rect.height + 6),
  });
  return pixels.filter(([r, g, b]) => r - g > 50 && b - g > 50).length;
}

test('entity switches apply to an open tab at once', async ({ page, server, waitForScan, openOptions }) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  expect((await highlightRanges(page, 'wechat')).length).toBe(count('wechat'));
  const wechatBox = (await rangeIn(page, 'wechat', 'p-accounts')).rect;
  await expectPainted(page, 'wechat', 'p-accounts');

  const options = new Options(await openOptions());
  await options.turnOff('wechat');
  await expect.poll(async () => (await highlightRanges(page, 'wechat')).length).toBe(0);
  await page.bringToFront();
  await expectUnpainted(page, wechatBox, undefined, 'WeChat switched off');
  expect((await highlightRanges(page, 'taobao')).length).toBe(count('taobao'));
  expect((await highlightRanges(page, 'alibaba')).length).toBe(count('alibaba'));

  await options.turnOn('tencent');
  await expect
    .poll(async () => (await highlightRanges(page, 'tencent')).map((r) => r.text))
    .toEqual(DEMO_RELATED.filter((m) => m.entity === 'tencent').map((m) => m.text));
  await page.bringToFront();
  await expectPainted(page, 'tencent', 'p-related');
  await options.turnOn('tmall');
  await expect
    .poll(async () => (await highlightRanges(page, 'tmall')).map((r) => r.text).sort())
    .toEqual(['Tmall', '天猫'].sort());
  await page.bringToFront();
  await expectPainted(page, 'tmall', 'p-related');
  await options.turnOn('alipay');
  await expect.poll(async () => (await highlightRanges(page, 'alipay')).map((r) => r.text)).toEqual(['Alipay']);
  await page.bringToFront();
  await expectPainted(page, 'alipay', 'p-related');

  await options.turnOn('wechat');
  await expect.poll(async () => (await highlightRanges(page, 'wechat')).length).toBe(count('wechat'));
  await page.bringToFront();
  await expectPainted(page, 'wechat', 'p-accounts');
});

test('a new highlight colour is painted at once', async ({ page, server, waitForScan, openOptions }) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const options = new Options(await openOptions());
  await page.bringToFront();
  const taobao = await rangeIn(page, 'taobao', 'p-taobao');
  expect(await magentaPixels(page, taobao.rect)).toBe(0);
  await expectPainted(page, 'taobao', 'p-taobao');

  await options.pickColour('taobao', '#ff00ff');
  await page.bringToFront();
  await expect.poll(() => magentaPixels(page, taobao.rect)).toBeGreaterThan(20);
  await expectPainted(page, 'taobao', 'p-taobao', { colour: '#ff00ff' });
  // The other entities keep their colours.
  const wechat = await rangeIn(page, 'wechat', 'p-accounts');
  expect(await magentaPixels(page, wechat.rect)).toBe(0);
  await expectPainted(page, 'wechat', 'p-accounts');
});

test('a colour that would be hard to see is flagged', async ({ openOptions }) => {
  const options = new Options(await openOptions());
  await expect(options.page.getByTestId('contrast-warning')).toHaveCount(0);
  await options.pickColour('wechat', '#fdfdfd');
  await expect(options.page.getByTestId('contrast-warning').first()).toBeVisible();
});

test('paused sites and pause everywhere apply at once and can be undone', async ({
  page,
  server,
  waitForScan,
  openOptions,
}) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const total = DEMO_MENTIONS.length;
  const alibabaBox = (await rangeInView(page, 'alibaba', 'p-logistics')).rect;
  await expectPainted(page, 'alibaba', 'p-logistics');
  const options = new Options(await openOptions());

  await options.pauseOrigin(server.origin);
  await expect(options.pausedOrigins()).toContainText(server.origin);
  await expect.poll(() => totalHighlighted(page)).toBe(0);
  await page.bringToFront();
  await expectUnpainted(page, alibabaBox, undefined, 'site paused');
  await options.resumeOrigin();
  await expect(options.pausedOrigins()).not.toContainText(server.origin);
  await expect.poll(() => totalHighlighted(page)).toBe(total);

  await options.pauseEverywhere();
  await expect.poll(() => totalHighlighted(page)).toBe(0);
  await options.page.reload();
  await expect(options.pauseEverywhereBox()).toBeChecked();
  await options.pauseEverywhere(false);
  await expect.poll(() => totalHighlighted(page)).toBe(total);
  await page.bringToFront();
  await expectPainted(page, 'alibaba', 'p-logistics');
});

test('settings stored by the first version are migrated, not lost', async ({ page, sw, openOptions }) => {
  await page.goto('about:blank');
  // Version 1 stored { highlight, entities } with schema version 1.
  await sw.evaluate(async () => {
    const { chrome } = globalThis as unknown as import('./harness/fixtures').ExtGlobal;
    await chrome.storage.sync.set({ settings: { highlight: false, entities: { taobao: false } }, settings$: { v: 1 } });
  });
  const options = new Options(await openOptions());
  await expect(options.pauseEverywhereBox()).toBeChecked();
  await expect(options.entityToggle('taobao')).not.toBeChecked();
  await expect(options.entityToggle('wechat')).toBeChecked();
});
