/**
 * Text that is not the page's to show, or not ours to reach: contenteditable
 * regions, inputs, textareas, selects, noscript, a closed shadow root. None is
 * highlighted, typing works and leaves exactly what was typed. SVG <text> is
 * page text (content/rules.ts reads <text>, with <tspan> inline): highlighted.
 * An open shadow root is scanned (its own adopted sheet), a closed one is not.
 */
import {
  bodyPausedThenLive,
  expect,
  expectBoxPainted,
  expectUnpainted,
  highlightPlaces,
  probe,
  test,
  waitForHighlights,
  wordRect,
} from './hostile-fixtures';

const EXPECTED_PLACES = { alibaba: ['in-open', 'svg-text'], wechat: ['outside'] };

test('editable, form fields, SVG text, closed shadow root: only page text is highlighted, typing works', async ({
  page,
  hostile,
  setStoredSettings,
}) => {
  const ready = () => waitForHighlights(page, (h) => (h.alibaba?.length ?? 0) >= 2 && !!h.wechat?.length);
  const { paused, live, pausedRegistered } = await bodyPausedThenLive(
    page,
    hostile.url('editable.html'),
    setStoredSettings,
    ready,
  );
  expect(pausedRegistered).toBe(0);
  expect(live, 'the page DOM, apart from our host, is unchanged by highlighting').toBe(paused);
  expect(await highlightPlaces(page)).toEqual(EXPECTED_PLACES);
  // In pixels: page text and SVG text are painted, a mention inside an editable area is not.
  await expectBoxPainted(page, 'wechat', await wordRect(page, 'outside', 'WeChat'));
  await expectBoxPainted(page, 'alibaba', await wordRect(page, 'svg-text', 'Alibaba'));
  await expectUnpainted(page, await wordRect(page, 'editor', 'Taobao'), undefined, 'Taobao in an editable area');

  // Typing mentions into every kind of field works and paints nothing there.
  await page.locator('#field').press('End');
  await page.locator('#field').pressSequentially(' WeChat');
  await page.locator('#area').press('Control+End');
  await page.locator('#area').pressSequentially(' Taobao');
  await page.locator('#editor').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Alibaba and WeChat');
  await page.locator('#plain').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' 淘宝');

  expect(await page.locator('#field').inputValue()).toBe('WeChat Taobao Alibaba WeChat');
  expect(await page.locator('#area').inputValue()).toBe('微信 淘宝 阿里巴巴 WeChat Taobao');
  expect(await page.locator('#editor').textContent()).toBe(
    'An editor that already says Taobao and 微信. Alibaba and WeChat',
  );
  expect(await page.locator('#plain').textContent()).toBe('Plain editing about Alibaba. 淘宝');
  expect(await page.evaluate(() => (window as unknown as { closedText(): string }).closedText())).toBe(
    'Hidden inside a closed shadow root: Taobao.',
  );

  // Past the mutation debounce: still nothing inside the fields.
  await page.waitForTimeout(800);
  expect(await highlightPlaces(page)).toEqual(EXPECTED_PLACES);
  expect(await probe(page, `document.activeElement?.id`)).toBe('plain');
});
