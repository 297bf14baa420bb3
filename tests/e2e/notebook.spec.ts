/**
 * "The reader's notebook: correct a mention's link and see the correction
 * hold on the page and in the panel; keep a passage as evidence and find it
 * underlined on the page and listed in the notebook after a restart; keep
 * from the hover card; export the notebook and import it into a fresh
 * browser; refuse broken, huge and hostile files without losing anything;
 * log reading history only when it is switched on; and an accessible,
 * keyboard-reachable notebook view."
 *
 * The worker's browser keeps its IndexedDB between tests, so every test starts
 * by emptying the notebook (the background's `nb-delete-everything`).
 */
import type { Locator, Page } from '@playwright/test';
import {
  askFrom,
  closeExtensionBrowser,
  type ExtensionBrowser,
  expect,
  HoverCard,
  hoverCard,
  launchWithExtension,
  rangeIn,
  rangeInView,
  test,
} from './harness/fixtures';

type Ask = (message: Record<string, unknown>) => Promise<unknown>;

/** A `notebook` call to the background, as our pages make it; fails the test unless it ran. */
async function nbCall<T = unknown>(ask: Ask, name: string, request: unknown = {}): Promise<T> {
  const result = (await ask({ type: 'notebook', name, request })) as
    | { ok: true; reply: T }
    | { ok: false; error: string; message: string };
  if (!result.ok) throw new Error(`notebook call ${name} failed: ${result.error} ${result.message}`);
  return result.reply;
}

interface Passage {
  id: string;
  sentence: string;
  stance: string;
  note?: string;
  reason: number;
  pageUrl: string;
  entity: string;
}

async function listPassages(ask: Ask): Promise<Passage[]> {
  return (await nbCall<{ items: Passage[] }>(ask, 'nb-list', { limit: 500 })).items;
}

/** What a passage is, without its id and dates: for comparing two notebooks. */
function essence(p: Passage): string {
  return JSON.stringify([p.sentence, p.stance, p.note ?? null, p.reason, p.pageUrl, p.entity]);
}

/** The mention in the panel's list whose snippet holds these words. */
function mentionWith(panel: Page, words: string): Locator {
  return panel.getByTestId('mention').filter({ hasText: words });
}

test.beforeEach(async ({ askBackground }) => {
  await nbCall(askBackground, 'nb-delete-everything');
  expect(await listPassages(askBackground)).toEqual([]);
});

test('a corrected link holds across a reload, in the panel and on the card, and Undo restores the extension’s link; “not about the article” moves a mention to that group', async ({
  page,
  server,
  waitForScan,
  openRealPanelFor,
}) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const panel = await openRealPanelFor(page);
  const taobao = mentionWith(panel, 'they open Taobao, not a chat app');
  await expect(taobao).toHaveCount(1);
  await expect(taobao).toHaveAttribute('data-reason', '1');
  await expect(taobao.locator('.mention-cues')).not.toHaveText('linked by: you');

  // Move it to reason 5.
  await taobao.getByTestId('mention-correct').click();
  await taobao.getByTestId('correct-select').selectOption('5');
  await taobao.getByTestId('correct-move').click();
  await expect(taobao).toHaveAttribute('data-reason', '5');
  await expect(taobao.locator('.mention-cues')).toHaveText('linked by: you');
  await expect(taobao.locator('.mention-reason')).toHaveText(/^Reason 5: /);

  // Reload the page: the correction holds in the panel and on the hover card.
  await page.reload();
  await waitForScan(page);
  await expect(taobao).toHaveAttribute('data-reason', '5');
  await expect(taobao.locator('.mention-cues')).toHaveText('linked by: you');
  await expect(taobao.locator('.mention-reason')).toHaveText(/^Reason 5: /);
  const card = hoverCard(page);
  const hover = new HoverCard(page);
  await expect(async () => {
    await hover.pointAtMention('taobao', 'p-taobao');
    await expect(card).toBeVisible({ timeout: 1_000 });
    await expect(card).toHaveAttribute('data-reason', '5', { timeout: 1_000 });
    await expect(card).toContainText('linked by: you', { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await hover.moveAway();

  // Undo: the extension's own link is back, in the panel and on the card.
  await taobao.getByTestId('mention-correct').click();
  await expect(taobao.getByTestId('correct-link')).toHaveAttribute('data-corrected', 'true');
  await expect(taobao.getByTestId('corrected-to')).toHaveText(/^Reason 5: /);
  await taobao.getByTestId('correct-undo').click();
  await expect(taobao).toHaveAttribute('data-reason', '1');
  await expect(taobao.locator('.mention-cues')).not.toHaveText('linked by: you');
  await expect(async () => {
    await hover.pointAtMention('taobao', 'p-taobao');
    await expect(card).toBeVisible({ timeout: 1_000 });
    await expect(card).toHaveAttribute('data-reason', '1', { timeout: 1_000 });
    await expect(card).not.toContainText('linked by: you', { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await hover.moveAway();

  // Another mention is "not about the article": it moves to that group.
  const noneGroup = panel.locator('section.mention-group[data-group="none"]');
  const logistics = mentionWith(panel, 'logistics network and its operations teams');
  await expect(logistics).toHaveAttribute('data-reason', '8');
  await expect(noneGroup.getByTestId('mention').filter({ hasText: 'logistics network' })).toHaveCount(0);
  const noneBefore = await noneGroup.getByTestId('mention').count();
  await logistics.getByTestId('mention-correct').click();
  await logistics.getByTestId('correct-none').click();
  const moved = noneGroup.getByTestId('mention').filter({ hasText: 'logistics network and its operations teams' });
  await expect(moved).toHaveCount(1);
  await expect(moved).toHaveAttribute('data-reason', 'none');
  await expect(moved.locator('.mention-reason')).toHaveText('Not about the article');
  await expect(moved.locator('.mention-cues')).toHaveText('linked by: you');
  await expect(noneGroup.getByTestId('mention')).toHaveCount(noneBefore + 1);
  await expect(
    panel.locator('section.mention-group[data-group="alibaba"]').getByTestId('mention').filter({
      hasText: 'logistics network and its operations teams',
    }),
  ).toHaveCount(0);
});
