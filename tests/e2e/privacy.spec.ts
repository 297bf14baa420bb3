/**
 * "Use every part of the extension on local pages: nothing is sent anywhere."
 * Our fixture pages load nothing from outside, so any request to an address
 * other than 127.0.0.1 during this walk-through would be the extension's.
 */
import { centre, expect, rangeInView, test } from './harness/fixtures';

test('no network request leaves the machine while every surface is used', async ({
  page,
  server,
  waitForScan,
  tabIdOf,
  openPopup,
  openOptions,
  openRealPanelFor,
  externalRequests,
}) => {
  for (const file of ['demo.html', 'traps-en.html', 'traps-zh.html', 'dynamic.html']) {
    await page.goto(server.url(`/${file}`));
    await waitForScan(page);
  }
  await page.click('#add');
  await page.click('#iframe');
  await page.click('#srcdoc');
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const r = await rangeInView(page, 'wechat', 'p-accounts');
  await page.mouse.move(centre(r.rect).x, centre(r.rect).y);
  await page.mouse.click(centre(r.rect).x, centre(r.rect).y);
  const panel = await openRealPanelFor(page);
  await panel.getByTestId('search').fill('WeChat');
  await panel.getByTestId('mention').first().getByTestId('jump').click();
  const popup = await openPopup(await tabIdOf(page));
  await expect(popup.getByTestId('reason-bar')).toHaveCount(8);
  const options = await openOptions();
  await options.locator('[data-testid="entity-toggle"][data-entity="alipay"]').check();
  await page.waitForTimeout(500);
  expect(externalRequests).toEqual([]);
});

test('extension pages keep a strict content security policy', async ({ openOptions }) => {
  const options = await openOptions();
  // An inline script is refused on our pages (no 'unsafe-inline', no remote code).
  const ran = await options.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true;';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
});
