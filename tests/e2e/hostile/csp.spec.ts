/**
 * A page under the strictest policy: default-src 'none', Trusted Types
 * required, no policy allowed. Our code runs in the content script's isolated
 * world and our styles are not page resources, so the page's CSP must not stop
 * us, and nothing we do may cause a violation report on the page.
 */
import {
  bodyPausedThenLive,
  card,
  colourShare,
  expect,
  expectBoxPainted,
  expectUnpainted,
  highlightTexts,
  hoverWord,
  mentionsOnly,
  pageRecord,
  STRICT_CSP,
  test,
  waitForHighlights,
  wordRect,
} from './hostile-fixtures';

test('strict CSP + Trusted Types: highlights painted, card styled, no violations, no page errors', async ({
  page,
  hostile,
  instrument,
  cspConsole,
  setStoredSettings,
}) => {
  await instrument(page);
  const response = await page.request.get(hostile.url('csp.html'));
  expect(response.headers()['content-security-policy']).toBe(STRICT_CSP);

  // Loaded with highlighting off, then switched on in place: the page DOM (our host aside) is unchanged.
  const ready = () => waitForHighlights(page, (h) => Object.keys(mentionsOnly(h)).length >= 3);
  // Control: while paused, the mentions' boxes show the page only.
  const unpainted = async () => {
    await expectUnpainted(page, await wordRect(page, 'p1', 'WeChat'), undefined, 'WeChat while paused');
    await expectUnpainted(page, await wordRect(page, 'p2', 'Taobao'), undefined, 'Taobao while paused');
  };
  const dom = await bodyPausedThenLive(page, hostile.url('csp.html'), setStoredSettings, ready, unpainted);
  expect(dom.pausedRegistered).toBe(0);
  expect(dom.live).toBe(dom.paused);
  const t = await highlightTexts(page);
  expect(mentionsOnly(t)).toEqual({ alibaba: ['阿里巴巴'], taobao: ['Taobao'], wechat: ['WeChat'] });

  // The ::highlight() styles really paint (a CSP-blocked <style> would leave the text plain):
  // each mention's box is its colour washed over the page, a plain word's box is not tinted.
  expect(await colourShare(page, await wordRect(page, 'p1', 'WeChat'))).toBeGreaterThan(0.2);
  expect(await colourShare(page, await wordRect(page, 'p1', 'followers'))).toBe(0);
  await expectBoxPainted(page, 'wechat', await wordRect(page, 'p1', 'WeChat'));
  await expectBoxPainted(page, 'taobao', await wordRect(page, 'p2', 'Taobao'));
  await expectBoxPainted(page, 'alibaba', await wordRect(page, 'p3', '阿里巴巴'));
  await expectUnpainted(page, await wordRect(page, 'p1', 'followers'));

  // The hover card shows, and its own styles applied (not a bare unstyled block).
  await hoverWord(page, 'p1', 'WeChat');
  await expect(card(page)).toBeVisible();
  await expect(card(page)).toHaveAttribute('data-entity', 'wechat');
  expect(await card(page).evaluate((el) => getComputedStyle(el).position)).not.toBe('static');

  const rec = await pageRecord(page);
  expect(rec.violations, 'violation reports on the page').toEqual([]);
  expect(cspConsole, 'CSP / Trusted Types console errors').toEqual([]);

  // Control: the recorder does see a violation when one happens (a Trusted Types sink in the page world).
  await page.evaluate(() => {
    try {
      document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
    } catch {
      /* blocked, as intended */
    }
  });
  await expect.poll(async () => (await pageRecord(page)).violations.length).toBeGreaterThan(0);
  // And the highlights outlived all of it.
  expect(mentionsOnly(await highlightTexts(page)).wechat).toEqual(['WeChat']);
});
