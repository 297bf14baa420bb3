/**
 * "Hover WeChat in a paragraph about official accounts: a card says Reason 2,
 * its title, and the words that linked it. Escape, leaving or scrolling hides it. Click the Chinese
 * 微信 next to 朋友圈: the side panel opens at reason 6. A click faked by the
 * page's own script opens nothing."
 */
import { REASONS } from '../../utils/article';
import type { ReasonNumber, TabSummary } from '../../utils/types';
import { centre, expect, expectPainted, hoverCard, rangeIn, rangeInView, test } from './harness/fixtures';

function mentionWith(summary: TabSummary, snippetPart: string) {
  const m = summary.mentions.find((x) => x.snippet.includes(snippetPart));
  if (!m) throw new Error(`no mention whose snippet contains "${snippetPart}"`);
  return m;
}

function titleOf(n: ReasonNumber): string {
  return REASONS[n - 1]?.title ?? '';
}

test('hovering a mention shows its reason, title and the words that linked it; Escape, leaving and scrolling hide it', async ({
  page,
  server,
  waitForScan,
}) => {
  await page.goto(server.url('/demo.html'));
  const summary = await waitForScan(page);
  const card = hoverCard(page);

  const accounts = await rangeIn(page, 'wechat', 'p-accounts');
  await page.mouse.move(centre(accounts.rect).x, centre(accounts.rect).y);
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-entity', 'wechat');
  await expect(card).toHaveAttribute('data-reason', '2');
  await expect(card).toContainText('Reason 2');
  await expect(card).toContainText(titleOf(2));
  // Title and summary come from the locales: the real text, not a missing key.
  await expect(card).toContainText(REASONS[1]?.summary as string);
  await expect(card).not.toContainText('_summary');
  await expect(card).toContainText(/linked by/i);
  const cues = mentionWith(summary, 'official accounts say').link.cues;
  expect(cues.length).toBeGreaterThan(0);
  await expect(card).toContainText(cues[0] as string);

  // Near the mention without covering it, inside the viewport, and focus stays where it was.
  const box = await card.boundingBox();
  if (!box) throw new Error('hover card has no box');
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  const r = accounts.rect;
  const overlaps =
    box.x < r.x + r.width && r.x < box.x + box.width && box.y < r.y + r.height && r.y < box.y + box.height;
  expect(overlaps, 'the card covers the mention').toBe(false);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();

  // Another mention, another reason.
  const pay = await rangeIn(page, 'wechat', 'p-pay');
  await page.mouse.move(centre(pay.rect).x, centre(pay.rect).y);
  await expect(card).toHaveAttribute('data-reason', '7');
  await expect(card).toContainText(titleOf(7));

  // Leaving the mention hides the card.
  await page.mouse.move(5, 5);
  await expect(card).toBeHidden();

  // So does scrolling the page.
  await page.mouse.move(centre(pay.rect).x, centre(pay.rect).y);
  await expect(card).toBeVisible();
  await page.mouse.wheel(0, 120);
  await expect(card).toBeHidden();

  // The folk tale is highlighted but linked to no argument.
  const tale = await rangeInView(page, 'alibaba', 't-tale');
  await expectPainted(page, 'alibaba', 't-tale');
  await page.mouse.move(centre(tale.rect).x, centre(tale.rect).y);
  await expect(card).toBeVisible();
  await expect(card).not.toHaveAttribute('data-reason', /^[1-8]$/);
  await expect(card).toHaveAttribute('data-link', 'none');
  await expect(card).toContainText(/not about the article’s arguments/i);
  // The words that showed it is about something else, and no reason's title.
  await expect(card).toContainText(/forty thieves/);
  await expect(card).not.toContainText(/Reason \d|May relate/);
});

test('a real click on a mention opens the side panel at its reason', async ({
  page,
  server,
  waitForScan,
  realSidePanel,
}) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const moments = await rangeIn(page, 'wechat', 'p-moments-zh');
  await page.mouse.click(centre(moments.rect).x, centre(moments.rect).y);

  const panel = await realSidePanel();
  const active = panel.locator('section[data-reason="6"][data-active="true"]');
  await expect(active).toBeVisible();
  await expect(active).toBeInViewport();
  await expect(active).toContainText(titleOf(6));
  await expect(panel.locator('section[data-active="true"]')).toHaveCount(1);

  // Clicking another mention moves the open panel to its reason.
  const logistics = await rangeInView(page, 'alibaba', 'p-logistics');
  await page.mouse.click(centre(logistics.rect).x, centre(logistics.rect).y);
  await expect(panel.locator('section[data-reason="8"][data-active="true"]')).toBeInViewport();
});

test('a click on a mention about no argument opens the side panel at the page’s mentions, not at a reason', async ({
  page,
  server,
  waitForScan,
  realSidePanel,
}) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const tale = await rangeInView(page, 'alibaba', 't-tale');
  await page.mouse.click(centre(tale.rect).x, centre(tale.rect).y);

  const panel = await realSidePanel();
  // The clicked mention is the list's current one, in the group of mentions about no argument, and in view.
  const current = panel.locator('[data-testid="mention"][data-current="true"]');
  await expect(current).toBeInViewport();
  await expect(current).toHaveAttribute('data-link', 'none');
  await expect(current).toHaveAttribute('data-entity', 'alibaba');
  await expect(panel.locator('.mention-group[data-group="none"]').locator('[data-current="true"]')).toHaveCount(1);
  // No reason was opened for it.
  await expect(panel.locator('section[data-active="true"]')).toHaveCount(0);
});

test('a click dispatched by the page itself (untrusted) opens nothing', async ({
  page,
  server,
  waitForScan,
  tabIdOf,
  askBackground,
  realSidePanelOpen,
}) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const tabId = await tabIdOf(page);
  const moments = await rangeIn(page, 'wechat', 'p-moments-zh');
  const { x, y } = centre(moments.rect);
  // The page forges pointer events and a click exactly over the mention.
  await page.evaluate(
    ({ x, y }) => {
      const target = document.elementFromPoint(x, y) ?? document.body;
      for (const type of ['pointermove', 'mousemove', 'pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
        const Ctor = type.startsWith('pointer') ? PointerEvent : MouseEvent;
        target.dispatchEvent(
          new Ctor(type, { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y }),
        );
      }
    },
    { x, y },
  );
  await page.waitForTimeout(1000);
  expect(await realSidePanelOpen()).toBe(false);
  // Nor did the background record a reason to show for this tab.
  expect(await askBackground({ type: 'get-focus', tabId })).toBeNull();
});
