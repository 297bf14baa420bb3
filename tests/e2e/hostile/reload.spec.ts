/**
 * The extension is reloaded (as on an update) while a page is open: the same
 * unpacked folder is loaded again over CDP (Extensions.loadUnpacked, which
 * needs --enable-unsafe-extension-debugging; chrome.runtime.reload() and the
 * chrome://extensions reload button unload a command-line extension for good
 * in this headless Chromium, so they cannot stand in for an update). Chrome
 * does not inject the new content script into open pages, so the old one is
 * orphaned: its runtime is gone. It must stop cleanly: no error on the page
 * (not even "Extension context invalidated" from a later click, hover or
 * mutation), its highlights removed, and the page keeps working. A reload of
 * the page then brings the new script: one host element, fresh highlights.
 * The old script notices on its next contact with the page (a mutation it
 * would report, a pointer move it would hit-test): sending fails or WXT's
 * ctx.isInvalid is true, and it stops (entrypoints/content.ts).
 * Runs in a browser of its own, so the reload cannot disturb other specs.
 */
import type { ConsoleMessage } from '@playwright/test';
import { closeExtensionBrowser, connectCdp, EXTENSION_DIR, launchWithExtension } from '../harness/fixtures';
import {
  card,
  expect,
  hostCount,
  hoverWord,
  mentionsOnly,
  registeredCount,
  test,
  waitForHighlights,
} from './hostile-fixtures';

test('extension reloaded under an open page: the old script stops without a trace, the new one takes over', async ({
  hostile,
}) => {
  test.setTimeout(60_000);
  const b = await launchWithExtension(EXTENSION_DIR, {
    extraArgs: ['--enable-unsafe-extension-debugging'],
    viewport: { width: 1280, height: 720 },
    profilePrefix: 'er-hostile-reload-',
  });
  const { extensionId, profileDir } = b;
  const errors: string[] = [];
  b.context.on('weberror', (e) => errors.push(e.error().stack ?? String(e.error())));
  try {
    const page = await b.context.newPage();
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' && !m.location().url.includes('favicon.ico')) errors.push(`console: ${m.text()}`);
    });
    await page.goto(hostile.url('reload.html'));
    const first = await waitForHighlights(page, (h) => !!mentionsOnly(h).wechat && !!mentionsOnly(h).taobao);
    expect(mentionsOnly(first)).toEqual({ taobao: ['Taobao'], wechat: ['WeChat'] });
    await hoverWord(page, 'p1', 'WeChat');
    await expect(card(page)).toBeVisible();
    expect(await hostCount(page)).toBe(1);

    const cdp = await connectCdp(profileDir);
    const session = await cdp.newBrowserCDPSession();
    const loaded = (await session.send(
      'Extensions.loadUnpacked' as 'Browser.getVersion',
      {
        path: EXTENSION_DIR,
      } as never,
    )) as unknown as { id: string };
    expect(loaded.id, 'the same extension, loaded again').toBe(extensionId);
    await cdp.close();
    await page.waitForTimeout(500);

    // The orphaned script meets the page going on: a mutation, a hover, a real click.
    await page.evaluate(() =>
      (window as unknown as { addMention(t: string): void }).addMention('Alibaba arrives late.'),
    );
    await hoverWord(page, 'p2', 'Taobao');
    await page.mouse.down();
    await page.mouse.up();
    expect(await page.evaluate(() => (window as unknown as { counter: number }).counter)).toBe(1);

    // It notices and steps aside: its highlights go, and so does its card.
    await expect.poll(() => registeredCount(page), { timeout: 5_000, message: 'old highlights removed' }).toBe(0);
    await expect(card(page)).toBeHidden();

    // The new script arrives with a page reload: one host, fresh highlights including the late paragraph's absence.
    await page.reload();
    const fresh = await waitForHighlights(page, (h) => !!mentionsOnly(h).wechat && !!mentionsOnly(h).taobao);
    expect(mentionsOnly(fresh)).toEqual({ taobao: ['Taobao'], wechat: ['WeChat'] });
    await hoverWord(page, 'p1', 'WeChat');
    await expect(card(page)).toBeVisible();
    expect(await hostCount(page)).toBe(1);

    // Not even "Extension context invalidated" from the orphaned script's cleanup.
    expect(errors, 'errors on the page (main world or console)').toEqual([]);
  } finally {
    await closeExtensionBrowser(b);
  }
});
