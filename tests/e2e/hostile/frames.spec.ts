/**
 * A cross-origin, cross-site frame (http://localhost:<other port> inside
 * http://127.0.0.1:<port>). The frame's own content script paints its own
 * mentions in its own document; the top frame's script never reaches into
 * it; the background merges both frames' counts for the tab.
 */
import {
  bodyPausedThenLive,
  bodyWithoutHost,
  expect,
  expectBoxPainted,
  expectUnpainted,
  frameBoxToPage,
  highlightPlaces,
  highlightTexts,
  mentionsOnly,
  test,
  waitForHighlights,
  wordRect,
} from './hostile-fixtures';

test('cross-origin frame: each frame paints its own text, the tab summary merges them', async ({
  page,
  hostile,
  tabIdOf,
  summaryOf,
  setStoredSettings,
}) => {
  const ready = () => waitForHighlights(page, (h) => !!mentionsOnly(h).wechat);
  const dom = await bodyPausedThenLive(page, hostile.url('frames.html'), setStoredSettings, ready);
  expect(dom.live, 'top page DOM unchanged apart from our host').toBe(dom.paused);
  const child = page.frames().find((f) => f.url().includes('frame-child.html'));
  expect(child, 'the child frame loaded').toBeTruthy();
  expect(new URL(child!.url()).origin).not.toBe(new URL(page.url()).origin);

  expect(mentionsOnly(await highlightTexts(page))).toEqual({ wechat: ['WeChat'] });
  const inner = await waitForHighlights(page, (h) => Object.keys(mentionsOnly(h)).length >= 2, 15_000, child);
  expect(mentionsOnly(inner)).toEqual({ alibaba: ['Alibaba'], taobao: ['淘宝'] });
  expect(await highlightPlaces(page, child)).toEqual({ alibaba: ['child-text'], taobao: ['child-text'] });
  // Painted in pixels: the top frame's mention, and the child frame's, each in its entity's colour.
  await expectBoxPainted(page, 'wechat', await wordRect(page, 'top-text', 'WeChat'));
  const inChild = async (word: string) => frameBoxToPage(child!, await wordRect(page, 'child-text', word, child));
  await expectBoxPainted(page, 'alibaba', await inChild('Alibaba'));
  await expectBoxPainted(page, 'taobao', await inChild('淘宝'));
  await expectUnpainted(page, await inChild('mentions'));
  const before = await bodyWithoutHost(page);

  const tabId = await tabIdOf(page);
  await expect.poll(async () => (await summaryOf(tabId))?.total, { timeout: 10_000 }).toBe(3);
  const summary = await summaryOf(tabId);
  const frames = new Set(summary?.mentions.map((m) => m.frameId));
  expect(frames.size, 'mentions come from two frames').toBe(2);
  expect(summary?.countsByEntity).toMatchObject({ wechat: 1, alibaba: 1, taobao: 1 });
  expect(await bodyWithoutHost(page)).toBe(before);
});
