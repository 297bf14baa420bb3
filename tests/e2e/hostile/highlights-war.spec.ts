/**
 * The page fights over the shared highlight registry: it clears CSS.highlights,
 * registers our names with its own Highlight and deletes them, every 5 ms for
 * a second. The engine re-asserts its highlights on each paint, mutation
 * batch and hover (content/paint.ts Painter.assert), so: the page keeps
 * working, nobody throws, and ours come back on the next change or hover.
 */
import {
  card,
  expect,
  expectBoxPainted,
  expectUnpainted,
  hoverWord,
  mentionsOnly,
  pageRecord,
  test,
  waitForHighlights,
  wordRect,
} from './hostile-fixtures';

const OURS = { taobao: ['Taobao'], wechat: ['WeChat'] };

test('page clears and re-registers our highlight names: ours come back on the next change', async ({
  page,
  hostile,
  instrument,
}) => {
  await instrument(page);
  await page.goto(hostile.url('highlights-war.html'));
  expect(mentionsOnly(await waitForHighlights(page, (h) => !!h.wechat?.length && !!h.taobao?.length))).toEqual(OURS);

  const ticks = await page.evaluate(() =>
    (window as unknown as { startWar(ms: number): Promise<number> }).startWar(1000),
  );
  expect(ticks).toBeGreaterThan(20);
  // The page won the last round: its own range sits under our name.
  await expect
    .poll(() => page.evaluate(() => [...(CSS.highlights.get('eight-reasons-wechat') ?? [])].map((r) => r.toString())))
    .toEqual(['page']);

  // The page changes: the mutation batch repaints and re-registers ours (the page's impostor is replaced).
  await page.evaluate(() =>
    (window as unknown as { addMention(t: string): void }).addMention('Later, Alibaba joined.'),
  );
  const after = await waitForHighlights(page, (h) => !!h.alibaba?.length && h.wechat?.[0] === 'WeChat');
  expect(mentionsOnly(after)).toEqual({ alibaba: ['Alibaba'], ...OURS });
  // Ours are painted again in pixels, each in its colour; a plain word is not.
  await expectBoxPainted(page, 'wechat', await wordRect(page, 'p1', 'WeChat'));
  await expectBoxPainted(page, 'taobao', await wordRect(page, 'p2', 'Taobao'));
  await expectBoxPainted(page, 'alibaba', await wordRect(page, 'more', 'Alibaba'));
  await expectUnpainted(page, await wordRect(page, 'p1', 'followers'));

  // The page still works, and its heartbeat never stalled during the fight.
  expect(await page.evaluate(() => (window as unknown as { pageWorks(): number }).pageWorks())).toBeGreaterThan(0);
  expect((await pageRecord(page)).maxGap).toBeLessThan(1000);
});

test('page clears the registry: hovering a mention re-asserts ours and still shows the card', async ({
  page,
  hostile,
  instrument,
}) => {
  await instrument(page);
  await page.goto(hostile.url('highlights-war.html'));
  await waitForHighlights(page, (h) => !!h.wechat?.length && !!h.taobao?.length);
  await page.evaluate(() => (window as unknown as { startWar(ms: number): Promise<number> }).startWar(300));
  await page.evaluate(() => CSS.highlights.clear());

  await hoverWord(page, 'p1', 'WeChat');
  await expect(card(page)).toBeVisible();
  await expect(card(page)).toHaveAttribute('data-entity', 'wechat');
  expect(mentionsOnly(await waitForHighlights(page, (h) => h.wechat?.[0] === 'WeChat' && !!h.taobao?.length))).toEqual(
    OURS,
  );
});
