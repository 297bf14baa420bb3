/**
 * "On the demo page, open the toolbar popup: it counts the mentions per
 * company, charts them per reason and says which argument the page touches
 * most. Switch highlighting off: the page loses its highlights at once, and
 * gets them back when switched on. Pause the site. Click a bar: the side
 * panel opens at that reason."
 */
import type { Page } from '@playwright/test';
import { REASON_NUMBERS, REASONS } from '../../utils/article';
import { countsOf, DEMO_MENTIONS } from './expected-mentions';
import { expect, expectPainted, expectUnpainted, rangeIn, test, totalHighlighted } from './harness/fixtures';

const EXPECTED_COUNTS = countsOf(DEMO_MENTIONS);
const BY_REASON = new Map<number, number>();
for (const m of DEMO_MENTIONS)
  if (typeof m.reason === 'number') BY_REASON.set(m.reason, (BY_REASON.get(m.reason) ?? 0) + 1);

async function highlightsBecome(page: Page, n: number): Promise<void> {
  await expect.poll(() => totalHighlighted(page), { timeout: 10_000 }).toBe(n);
}

test('the popup shows counts per entity, the chart per reason and a verdict', async ({
  page,
  server,
  waitForScan,
  tabIdOf,
  openPopup,
}) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const popup = await openPopup(await tabIdOf(page));

  for (const [entity, n] of Object.entries(EXPECTED_COUNTS)) {
    await expect(popup.locator(`[data-testid="entity-count"][data-entity="${entity}"]`)).toContainText(String(n));
  }

  const bars = popup.locator('[data-testid="reason-bar"]');
  await expect(bars).toHaveCount(8);
  for (const n of REASON_NUMBERS) {
    await expect(popup.locator(`[data-testid="reason-bar"][data-reason="${n}"]`)).toHaveAttribute(
      'data-count',
      String(BY_REASON.get(n) ?? 0),
    );
  }

  // Firm and tentative links add up to each bar's count; the mentions about no argument are counted apart.
  for (const n of REASON_NUMBERS) {
    const bar = popup.locator(`[data-testid="reason-bar"][data-reason="${n}"]`);
    const read = async (a: string) => Number(await bar.getAttribute(a));
    expect((await read('data-firm')) + (await read('data-tentative')), `reason ${n}`).toBe(await read('data-count'));
  }
  const unlinked = DEMO_MENTIONS.filter((m) => m.reason === null).length;
  expect(unlinked).toBeGreaterThan(0);
  await expect(popup.getByTestId('unlinked-count')).toHaveAttribute('data-count', String(unlinked));
  await expect(popup.getByTestId('unlinked-count')).toContainText(`Not about the article’s arguments: ${unlinked}`);

  const top = Math.max(...BY_REASON.values());
  const leaders = [...BY_REASON].filter(([, c]) => c === top).map(([n]) => n);
  const verdict = popup.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-kind', 'top');
  const said = Number((await verdict.textContent())?.match(/reason (\d)/i)?.[1]);
  expect(leaders).toContain(said);

  // The eight reasons, each expandable to its full text.
  const reasons = popup.getByTestId('reason');
  await expect(reasons).toHaveCount(8);
  const third = popup.locator('[data-testid="reason"][data-reason="3"]');
  await expect(third).toContainText(REASONS[2]?.title ?? '');
  const expand = third.locator('button[aria-expanded]').first();
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  const firstWords = (REASONS[2]?.paragraphs[0] ?? '').slice(0, 60);
  await expect(third.getByText(firstWords)).toBeHidden();
  await expand.click();
  await expect(expand).toHaveAttribute('aria-expanded', 'true');
  await expect(third.getByText(firstWords)).toBeVisible();
});

test('the switch turns highlighting off and on again without a reload, and is remembered', async ({
  page,
  server,
  waitForScan,
  tabIdOf,
  openPopup,
}) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const before = await totalHighlighted(page);
  expect(before).toBe(DEMO_MENTIONS.length);
  const marker = await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
    return true;
  });
  expect(marker).toBe(true);
  const taobaoBox = (await rangeIn(page, 'taobao', 'p-taobao')).rect;
  await expectPainted(page, 'taobao', 'p-taobao');

  const popup = await openPopup(await tabIdOf(page));
  const toggle = popup.getByTestId('toggle-highlighting');
  await expect(toggle).toHaveAttribute('role', 'switch');
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await highlightsBecome(page, 0);
  await expect(popup.getByTestId('verdict')).toHaveAttribute('data-kind', 'off');
  await page.bringToFront();
  await expectUnpainted(page, taobaoBox, undefined, 'highlighting off');
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // Remembered: a new popup shows it off.
  await popup.reload();
  await expect(popup.getByTestId('toggle-highlighting')).toHaveAttribute('aria-checked', 'false');

  await popup.getByTestId('toggle-highlighting').click();
  await highlightsBecome(page, before);
  await page.bringToFront();
  await expectPainted(page, 'taobao', 'p-taobao');
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test('pause on this site clears the highlights here, and resuming brings them back', async ({
  page,
  server,
  waitForScan,
  tabIdOf,
  openPopup,
}) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const wechatBox = (await rangeIn(page, 'wechat', 'p-accounts')).rect;
  await expectPainted(page, 'wechat', 'p-accounts');
  const popup = await openPopup(await tabIdOf(page));
  const pause = popup.getByTestId('pause-site');
  await expect(pause).toHaveAttribute('aria-pressed', 'false');
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
  await highlightsBecome(page, 0);
  await expect(popup.getByTestId('verdict')).toHaveAttribute('data-kind', 'paused');
  await page.bringToFront();
  await expectUnpainted(page, wechatBox, undefined, 'site paused');

  // Another page of the same site stays paused.
  const other = await page.context().newPage();
  await other.goto(server.url('/traps-en.html'));
  await other.waitForTimeout(1000);
  expect(await totalHighlighted(other)).toBe(0);

  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'false');
  await highlightsBecome(page, DEMO_MENTIONS.length);
  await page.bringToFront();
  await expectPainted(page, 'wechat', 'p-accounts');
});

test('a chart bar opens the side panel at its reason', async ({
  page,
  server,
  waitForScan,
  tabIdOf,
  openPopup,
  realSidePanel,
}) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const popup = await openPopup(await tabIdOf(page));
  await popup.locator('[data-testid="reason-bar"][data-reason="7"]').click();
  const panel = await realSidePanel();
  await expect(panel.locator('section[data-reason="7"][data-active="true"]')).toBeInViewport();
});

test('the open-panel button opens the side panel with this tab’s mentions', async ({
  page,
  server,
  waitForScan,
  tabIdOf,
  openPopup,
  realSidePanel,
}) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const popup = await openPopup(await tabIdOf(page));
  await popup.getByTestId('open-panel').click();
  const panel = await realSidePanel();
  // Here the popup is a tab of its own; back on the page, the panel shows the page's mentions.
  await page.bringToFront();
  await expect(panel.getByTestId('mention')).toHaveCount(DEMO_MENTIONS.length);
});
