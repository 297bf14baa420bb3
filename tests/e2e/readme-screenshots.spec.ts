/**
 * Screenshots for the README, taken from the real extension on the demo page
 * in light and dark: the page with its highlights, the hover card, the popup,
 * the side panel and the notebook. `npm run screenshots` writes them to docs/screenshots/
 * (overwritten in place); the default e2e run writes artifacts/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { centre, expect, hoverCard, rangeInView, test } from './harness/fixtures';
import { screenshotDir } from './harness/screenshots';

for (const scheme of ['light', 'dark'] as const) {
  test(`README screenshots (${scheme})`, async ({
    page,
    server,
    waitForScan,
    tabIdOf,
    openPopup,
    openRealPanelFor,
  }) => {
    const OUT = screenshotDir('docs/screenshots');
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1100, height: 720 });
    await page.goto(server.url('/demo.html'));
    await waitForScan(page);
    await page.evaluate(() => document.getElementById('p-accounts')?.scrollIntoView({ block: 'start' }));
    // Re-assert the scheme right before each shot: attaching to the browser over CDP (tab ids, the real panel)
    // can reset a page's emulated media.
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    expect(await page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, scheme)).toBe(true);
    await page.screenshot({ path: path.join(OUT, `page-${scheme}.png`), animations: 'disabled' });

    const r = await rangeInView(page, 'wechat', 'p-moments-zh');
    await page.mouse.move(centre(r.rect).x, centre(r.rect).y);
    await expect(hoverCard(page)).toBeVisible();
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    expect(await page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, scheme)).toBe(true);
    await page.screenshot({ path: path.join(OUT, `hover-card-${scheme}.png`), animations: 'disabled' });
    await page.mouse.move(2, 2);

    const tabId = await tabIdOf(page);
    const popup = await openPopup(tabId);
    await popup.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await expect(popup.getByTestId('verdict')).toHaveAttribute('data-kind', 'top');
    await popup.screenshot({ path: path.join(OUT, `popup-${scheme}.png`), fullPage: true });
    await popup.close();

    const panel = await openRealPanelFor(page);
    await panel.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await expect(panel.getByTestId('mention').first()).toBeVisible();
    await panel.screenshot({ path: path.join(OUT, `side-panel-${scheme}.png`) });

    // The notebook with a kept passage: kept from the mention list, then the Notebook view.
    const moments = panel.getByTestId('mention').filter({ hasText: '朋友圈' }).first();
    await moments.getByTestId('mention-keep').click();
    await panel.getByTestId('keep-stance-supports').check();
    await panel.getByTestId('keep-note').fill('Friends block the sellers: the argument holds here.');
    await panel.getByTestId('keep-save').click();
    await expect(moments.getByTestId('mention-kept')).toBeVisible();
    await panel.getByTestId('view-notebook').click();
    await expect(panel.getByTestId('nb-passage').first()).toBeVisible();
    await panel
      .getByTestId('nb-passage')
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await panel.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await panel.screenshot({ path: path.join(OUT, `notebook-${scheme}.png`) });

    for (const name of ['page', 'hover-card', 'popup', 'side-panel', 'notebook']) {
      expect(fs.statSync(path.join(OUT, `${name}-${scheme}.png`)).size).toBeGreaterThan(5000);
    }
  });
}
