/**
 * The page poisons its own world before any extension script runs: Range,
 * TreeWalker, Node, EventTarget, document.createTreeWalker, the highlight
 * registry's methods, String/RegExp helpers, textContent, and freezes
 * Object.prototype. Content scripts run in an isolated world with their own
 * prototypes, so the highlights must still be exactly right, no trap may
 * spring, and the page sees no error from us.
 */
import {
  bodyPausedThenLive,
  card,
  expect,
  expectBoxPainted,
  expectUnpainted,
  highlightTexts,
  hoverWord,
  mentionsOnly,
  probe,
  test,
  waitForHighlights,
  wordRect,
} from './hostile-fixtures';

const EXPECTED = {
  alibaba: ['Alibaba'],
  taobao: ['Taobao', '淘宝'],
  wechat: ['WeChat', '微信'],
};

const sorted = (t: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(mentionsOnly(t)).map(([k, v]) => [k, [...v].sort()]));

test('poisoned prototypes and frozen Object.prototype: exact highlights, working card, no trap sprung', async ({
  page,
  hostile,
  instrument,
  setStoredSettings,
}) => {
  await instrument(page);
  const ready = () => waitForHighlights(page, (h) => Object.values(mentionsOnly(h)).flat().length >= 5);
  // Control: while paused, the mention's box shows the page only.
  const unpainted = async () =>
    expectUnpainted(page, await wordRect(page, 'p1', 'WeChat'), undefined, 'WeChat while paused');
  const dom = await bodyPausedThenLive(page, hostile.url('prototypes.html'), setStoredSettings, ready, unpainted);
  expect(dom.live, 'page DOM unchanged apart from our host').toBe(dom.paused);
  // The poison is really in place in the page's world.
  expect(await page.evaluate(() => Object.isFrozen(Object.prototype))).toBe(true);

  const t = await highlightTexts(page);
  expect(sorted(t)).toEqual(EXPECTED);
  // Painted in pixels, each entity in its colour; a plain word is not tinted.
  await expectBoxPainted(page, 'wechat', await wordRect(page, 'p1', 'WeChat'));
  await expectBoxPainted(page, 'taobao', await wordRect(page, 'p2', 'Taobao'));
  await expectBoxPainted(page, 'alibaba', await wordRect(page, 'p2', 'Alibaba'));
  await expectUnpainted(page, await wordRect(page, 'p1', 'followers'));

  // Hit-testing uses caretPositionFromPoint, which the page replaced by () => null in its own world only.
  await hoverWord(page, 'p1', 'WeChat');
  await expect(card(page)).toBeVisible();
  await expect(card(page)).toHaveAttribute('data-entity', 'wechat');

  // A later change is picked up although the page's MutationObserver constructor is a trap.
  await probe(page, `document.getElementById('late').textContent = 'A late Taobao mention.'`);
  const later = await waitForHighlights(page, (h) => (h.taobao?.length ?? 0) >= 3);
  expect(sorted(later)).toEqual({ ...EXPECTED, taobao: ['Taobao', 'Taobao', '淘宝'] });

  expect(await page.evaluate(() => (window as unknown as { trapsSprung: number }).trapsSprung)).toBe(0);
});
