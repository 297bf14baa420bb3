/**
 * "On a page that changes after load, the highlights keep up: a new paragraph
 * is highlighted, a changed text is rescanned, a removed paragraph takes its
 * mention with it, text inside an open shadow root (and later changes there) and inside same-origin and
 * srcdoc frames is found and reported to the same tab, and a history
 * navigation starts afresh." Behaviour only; timings belong to the benchmark.
 */
import type { Frame, Page } from '@playwright/test';
import {
  expect,
  expectBoxPainted,
  expectPainted,
  expectUnpainted,
  frameBoxToPage,
  type HighlightRange,
  highlightRanges,
  rangeInView,
  test,
  totalHighlighted,
} from './harness/fixtures';

const texts = async (page: Page | Frame, entity: 'wechat' | 'taobao' | 'alibaba') =>
  (await highlightRanges(page, entity)).map((r) => r.text);

async function frameById(page: Page, id: string): Promise<Frame> {
  const handle = await page.waitForSelector(`#${id}`);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`#${id} has no frame`);
  await frame.waitForLoadState('load');
  return frame;
}

test('appended, changed and removed text is rescanned where it changed', async ({ page, server, waitForScan }) => {
  await page.goto(server.url('/dynamic.html'));
  await waitForScan(page);
  expect(await texts(page, 'taobao')).toEqual(['Taobao']);
  expect(await texts(page, 'alibaba')).toEqual(['Alibaba']);
  expect(await texts(page, 'wechat')).toEqual([]);
  await expectPainted(page, 'taobao', 'static');
  await expectPainted(page, 'alibaba', (await highlightRanges(page, 'alibaba'))[0]?.where ?? '');

  // Keep a reference to the painted range of the static paragraph: an incremental rescan leaves it alone.
  await page.evaluate(() => {
    const h = CSS.highlights.get('eight-reasons-taobao');
    (window as unknown as { keptRange: AbstractRange | undefined }).keptRange = h ? [...h][0] : undefined;
  });

  await page.click('#add');
  await expect.poll(() => highlightRanges(page, 'wechat')).toEqual([expect.objectContaining({ where: 'added-1' })]);
  await page.click('#add');
  await expect
    .poll(async () => (await highlightRanges(page, 'wechat')).map((r) => r.where).sort())
    .toEqual(['added-1', 'added-2']);
  await expectPainted(page, 'wechat', 'added-1');

  await page.click('#change');
  await expect
    .poll(async () => (await highlightRanges(page, 'taobao')).map((r) => r.where).sort())
    .toEqual(['p-change', 'static']);
  await expectPainted(page, 'taobao', 'p-change');

  await page.click('#remove');
  await expect.poll(() => texts(page, 'alibaba')).toEqual([]);

  // The untouched paragraph's range is the very same object: it was not rescanned.
  const kept = await page.evaluate(() => {
    const h = CSS.highlights.get('eight-reasons-taobao');
    const keptRange = (window as unknown as { keptRange?: AbstractRange }).keptRange;
    return !!h && !!keptRange && h.has(keptRange);
  });
  expect(kept, 'the static paragraph kept its range (no full rescan)').toBe(true);

  // Infinite scroll: twenty more items, twenty more mentions.
  await page.click('#more');
  await expect.poll(async () => (await texts(page, 'wechat')).length).toBe(22);
  expect((await texts(page, 'wechat')).filter((t) => t === 'WeChat Pay')).toHaveLength(20);
});

test('text in an open shadow root is found', async ({ page, server, waitForScan }) => {
  await page.goto(server.url('/dynamic.html'));
  await waitForScan(page);
  await page.click('#shadow');
  await expect
    .poll(async () => (await highlightRanges(page, 'wechat')).map((r) => [r.text, r.where]))
    .toEqual([['WeChat', 'in-shadow-host']]);
  await expectPainted(page, 'wechat', 'in-shadow-host');
  // The shadow root is watched too.
  await page.click('#shadow-more');
  await expect
    .poll(async () => (await highlightRanges(page, 'taobao')).map((r) => r.where).sort())
    .toEqual(['in-shadow-2', 'static']);
  await expectPainted(page, 'taobao', 'in-shadow-2');
});

test('text in the shadow root of an added element that is itself the host is found', async ({
  page,
  server,
  waitForScan,
}) => {
  await page.goto(server.url('/dynamic.html'));
  await waitForScan(page);
  await page.click('#shadow-direct');
  await expect
    .poll(async () => (await highlightRanges(page, 'wechat')).map((r) => [r.text, r.where]))
    .toEqual([['WeChat', 'in-shadow-direct-host']]);
  await expectPainted(page, 'wechat', 'in-shadow-direct-host');
});

test('same-origin and srcdoc frames are covered and counted in the tab summary', async ({
  page,
  server,
  waitForScan,
  tabIdOf,
  summaryOf,
}) => {
  await page.goto(server.url('/dynamic.html'));
  await waitForScan(page);
  const tabId = await tabIdOf(page);
  const atFirst = (await summaryOf(tabId))?.total ?? 0;
  expect(atFirst).toBe(2);

  await page.click('#iframe');
  const frame = await frameById(page, 'same-origin-frame');
  await expect.poll(() => texts(frame, 'taobao')).toEqual(['Taobao']);
  await expect.poll(() => texts(frame, 'alibaba')).toEqual(['Alibaba']);

  await page.click('#srcdoc');
  const srcdoc = await frameById(page, 'srcdoc-frame');
  await expect.poll(() => texts(srcdoc, 'wechat')).toEqual(['微信']);

  await expect.poll(async () => (await summaryOf(tabId))?.total).toBe(atFirst + 3);
  const summary = await summaryOf(tabId);
  expect(new Set(summary?.mentions.map((m) => m.frameId)).size).toBe(3);
  expect(summary?.countsByEntity).toEqual({ taobao: 2, alibaba: 2, wechat: 1 });

  // Each frame paints its own mentions: their boxes, moved into the page's viewport, are washed in their colours.
  const paintedIn = async (f: Frame, entity: 'wechat' | 'taobao' | 'alibaba') => {
    await (await f.frameElement()).scrollIntoViewIfNeeded();
    const [first] = await highlightRanges(f, entity);
    expect(first, `${entity} in ${f.url()}`).toBeTruthy();
    await expectBoxPainted(page, entity, await frameBoxToPage(f, (first as HighlightRange).rect));
  };
  await paintedIn(frame, 'taobao');
  await paintedIn(frame, 'alibaba');
  await paintedIn(srcdoc, 'wechat');
});

test('a history navigation replaces the mentions with the new view’s', async ({
  page,
  server,
  waitForScan,
  tabIdOf,
  summaryOf,
}) => {
  await page.goto(server.url('/dynamic.html'));
  await waitForScan(page);
  const tabId = await tabIdOf(page);
  await page.click('#spa');
  await expect.poll(() => texts(page, 'alibaba')).toEqual(['Alibaba Group']);
  expect(await texts(page, 'taobao')).toEqual([]);
  await expectPainted(page, 'alibaba', (await highlightRanges(page, 'alibaba'))[0]?.where ?? '');
  await expect.poll(async () => (await summaryOf(tabId))?.mentions.map((m) => m.text)).toEqual(['Alibaba Group']);
});

test('switching highlighting off releases everything and leaves the page as it was; on again repaints', async ({
  page,
  server,
  waitForScan,
  setStoredSettings,
}) => {
  await page.goto(server.url('/dynamic.html'));
  await waitForScan(page);
  await page.click('#shadow');
  await page.click('#add');
  await expect.poll(() => totalHighlighted(page)).toBe(4);
  const html = () =>
    page.evaluate(() => {
      const clone = document.documentElement.cloneNode(true) as Element;
      for (const host of clone.querySelectorAll('eight-reasons-ui')) host.remove();
      return clone.outerHTML + (document.getElementById('shadow-host')?.shadowRoot?.innerHTML ?? '');
    });
  const before = await html();
  const taobaoBox = (await rangeInView(page, 'taobao', 'static')).rect;
  await expectPainted(page, 'taobao', 'static');

  await setStoredSettings({ enabled: false });
  await expect.poll(() => totalHighlighted(page)).toBe(0);
  await expectUnpainted(page, taobaoBox, undefined, 'highlighting off');
  expect(await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('eight-reasons-')))).toEqual(
    [],
  );
  expect(await html()).toBe(before);
  expect(await page.evaluate(() => document.querySelectorAll('eight-reasons-ui').length), 'our host is gone').toBe(0);

  // While off, changes are not watched…
  await page.click('#add');
  await page.waitForTimeout(500);
  expect(await totalHighlighted(page)).toBe(0);
  // …and on again, the whole page is found, including what changed meanwhile.
  await setStoredSettings({ enabled: true });
  await expect.poll(() => totalHighlighted(page)).toBe(5);
  await expectPainted(page, 'taobao', 'static');
});
