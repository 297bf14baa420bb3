/**
 * Store screenshots, 1280×800, made from the real extension on the demo page
 * and saved to store/screenshots/ by `npm run screenshots` (the store listing
 * uses them as they are; the default e2e run writes artifacts/screenshots/):
 *   1. the page with its highlights and the hover card over a mention;
 *   2. the page with the side panel beside it, open at the clicked reason;
 *   3. the page with the toolbar popup open.
 * Chrome draws the panel and popup outside the page, where a headless browser
 * cannot photograph them, so 2 and 3 are composed from the page and the
 * extension's own panel and popup pages rendered at their real sizes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { EntityId } from '../../utils/types';
import { centre, expect, highlightRanges, hoverCard, test } from './harness/fixtures';
import { screenshotDir } from './harness/screenshots';

const WIDTH = 1280;
const HEIGHT = 800;
const PANEL_WIDTH = 400;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function save(name: string, png: Buffer): void {
  expect(pngSize(png)).toEqual({ width: WIDTH, height: HEIGHT });
  fs.writeFileSync(path.join(screenshotDir('store/screenshots'), name), png);
}

async function mentionIn(page: Page, entity: EntityId, where: string) {
  const found = (await highlightRanges(page, entity)).find((r) => r.where === where);
  if (!found) throw new Error(`no ${entity} highlight in #${where}`);
  return found;
}

/** Lay screenshots out on one 1280×800 canvas. */
async function compose(context: BrowserContext, html: string): Promise<Buffer> {
  const canvas = await context.newPage();
  try {
    await canvas.setViewportSize({ width: WIDTH, height: HEIGHT });
    await canvas.setContent(
      `<!doctype html><body style="margin:0;width:${WIDTH}px;height:${HEIGHT}px;overflow:hidden;position:relative;background:#fff">${html}</body>`,
    );
    await canvas.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
    return await canvas.screenshot();
  } finally {
    await canvas.close();
  }
}

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

test('store screenshot 1: highlights and the hover card on the demo page', async ({ page, server, waitForScan }) => {
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const mention = await mentionIn(page, 'wechat', 'p-accounts');
  await page.mouse.move(centre(mention.rect).x, centre(mention.rect).y);
  const card = hoverCard(page);
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-reason', '2');
  await expect(card).toContainText('Reason 2');
  save('1-highlights-and-hover-card.png', await page.screenshot());
});

test('store screenshot 2: the side panel beside the page, at the clicked reason', async ({
  page,
  server,
  waitForScan,
  tabIdOf,
  openSidePanelFor,
  extContext,
}) => {
  await page.setViewportSize({ width: WIDTH - PANEL_WIDTH, height: HEIGHT });
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const tabId = await tabIdOf(page);
  // A real click on 微信 next to 朋友圈 (Moments) links to reason 6.
  const moments = await mentionIn(page, 'wechat', 'p-moments-zh');
  await page.evaluate((y) => window.scrollBy(0, y - 260), moments.rect.y);
  const now = await mentionIn(page, 'wechat', 'p-moments-zh');
  await page.mouse.click(centre(now.rect).x, centre(now.rect).y);
  await page.mouse.move(5, 5);

  const panel = await openSidePanelFor(tabId);
  await panel.setViewportSize({ width: PANEL_WIDTH, height: HEIGHT });
  const active = panel.locator('section[data-reason="6"][data-active="true"]');
  await expect(active).toBeInViewport();
  await expect(panel.locator('[data-testid="mention"]').first()).toBeAttached();

  await page.bringToFront();
  await expect(hoverCard(page)).toBeHidden();
  const pageShot = await page.screenshot();
  const panelShot = await panel.screenshot();
  save(
    '2-side-panel.png',
    await compose(
      extContext,
      `<img src="${dataUrl(pageShot)}" style="position:absolute;left:0;top:0">` +
        `<img src="${dataUrl(panelShot)}" style="position:absolute;left:${WIDTH - PANEL_WIDTH}px;top:0;box-shadow:-1px 0 0 #c9c9c9">`,
    ),
  );
});

test('store screenshot 3: the toolbar popup with the counts and the eight reasons', async ({
  page,
  server,
  waitForScan,
  tabIdOf,
  openPopup,
  extContext,
}) => {
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const tabId = await tabIdOf(page);
  const popup = await openPopup(tabId);
  await expect(popup.locator('[data-testid="entity-count"][data-entity="wechat"]')).toContainText(/[1-9]/);
  await expect(popup.locator('[data-testid="reason"]')).toHaveCount(8);

  await page.bringToFront();
  const pageShot = await page.screenshot();
  const popupShot = await popup.screenshot();
  const { width } = pngSize(popupShot);
  save(
    '3-popup.png',
    await compose(
      extContext,
      `<img src="${dataUrl(pageShot)}" style="position:absolute;left:0;top:0">` +
        `<img src="${dataUrl(popupShot)}" style="position:absolute;left:${WIDTH - width - 12}px;top:8px;border-radius:8px;box-shadow:0 6px 24px rgb(0 0 0 / 0.28),0 0 0 1px rgb(0 0 0 / 0.12)">`,
    ),
  );
});
