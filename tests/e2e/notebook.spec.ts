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
import fs from 'node:fs';
import { chromium, type Locator, type Page } from '@playwright/test';
import type { EntityId } from '../../utils/types';
import {
  askFrom,
  type Box,
  CHROMIUM,
  chromiumArgs,
  closeExtensionBrowser,
  decodePng,
  EXTENSION_DIR,
  type ExtensionBrowser,
  expect,
  HoverCard,
  highlightRanges,
  hoverCard,
  launchWithExtension,
  mostCommon,
  near,
  pollUntil,
  type Rgb,
  rangeIn,
  rangeInView,
  SidePanel,
  serviceWorkerOf,
  tabIdOfPage,
  test,
  waitForStableHighlights,
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

// ---------------------------------------------------------------- a browser of the test's own (restarts, fresh profiles)

/** Launch the extension's browser, on a fresh profile or again on an existing one (a restart). */
async function ownBrowser(profileDir?: string): Promise<ExtensionBrowser> {
  if (!profileDir) return launchWithExtension(EXTENSION_DIR, { profilePrefix: 'er-e2e-notebook-' });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(EXTENSION_DIR),
    viewport: { width: 1280, height: 800 },
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(sw.url()).host;
  const home = context.pages()[0] ?? (await context.newPage());
  return { context, extensionId, profileDir, home };
}

/** A page of the fixture server in the own browser, its tab id, and the side panel (pop-out view) for it, once scanned. */
async function openWithPanel(b: ExtensionBrowser, url: string): Promise<{ page: Page; panel: Page; tabId: number }> {
  const page = await b.context.newPage();
  await page.goto(url);
  const sw = await serviceWorkerOf(b.context, b.extensionId);
  const tabId = await tabIdOfPage(sw, page);
  const panel = (await SidePanel.openFor(b.context, b.extensionId, tabId)).page;
  await pollUntil(
    () => askFrom(panel, { type: 'get-summary', tabId }) as Promise<{ url?: string } | null>,
    (s) => s?.url === url,
    { what: `the summary of ${url}` },
  );
  await waitForStableHighlights(page);
  return { page, panel, tabId };
}

/** Errors thrown on our pages or by our scripts in a browser of the test's own. */
function collectErrors(b: ExtensionBrowser): string[] {
  const errors: string[] = [];
  b.context.on('weberror', (e) => {
    const stack = e.error().stack ?? String(e.error());
    const url = e.page()?.url() ?? '';
    if (url.startsWith('chrome-extension://') || stack.includes('chrome-extension://') || url.includes('127.0.0.1'))
      errors.push(stack);
  });
  return errors;
}

/** The pixels of a box, as PNG bytes. */
async function shot(page: Page, box: Box): Promise<Buffer> {
  return page.screenshot({ clip: box });
}

test('a passage kept from the panel is marked kept, underlined on the page, and listed with its stance and note after a restart', async ({
  server,
}) => {
  test.setTimeout(120_000);
  const first = await ownBrowser();
  const errors = collectErrors(first);
  const url = server.url('/demo.html');
  const profileDir = first.profileDir;
  let second: ExtensionBrowser | undefined;
  try {
    const { page, panel } = await openWithPanel(first, url);
    await page.bringToFront();
    const { rect } = await rangeInView(page, 'wechat', 'p-service');
    await page.mouse.move(1, 1);
    // The mention's box and the rows just under it: the kept mark (a grey over the wash, a dotted underline).
    const under: Box = {
      x: Math.floor(rect.x),
      y: Math.floor(rect.y),
      width: Math.ceil(rect.width),
      height: Math.ceil(rect.height) + 6,
    };
    const before = await shot(page, under);
    expect(await highlightRanges(page, 'kept' as EntityId)).toEqual([]);

    const note = 'Followers are not buyers: the store converts few of them.';
    const mention = mentionWith(panel, 'few of them ever convert into buyers in their WeChat store');
    await expect(mention).toHaveCount(1);
    await expect(mention.getByTestId('mention-kept')).toHaveCount(0);
    await mention.getByTestId('mention-keep').click();
    const form = mention.getByTestId('keep-form');
    await expect(form).toBeVisible();
    await expect(form.getByTestId('keep-save')).toBeDisabled();
    await form.getByTestId('keep-stance-challenges').check();
    await expect(form.getByTestId('keep-reason')).toHaveValue('3');
    await form.getByTestId('keep-note').fill(note);
    await form.getByTestId('keep-save').click();
    await expect(form).toHaveCount(0);
    await expect(mention.getByTestId('mention-kept')).toHaveText('Kept as evidence');
    await expect(mention).toHaveAttribute('data-kept', 'true');

    // On the page: the kept mention is underlined (its highlight, and its pixels).
    await expect
      .poll(async () => (await highlightRanges(page, 'kept' as EntityId)).map((r) => `${r.where}:${r.text}`))
      .toEqual(['p-service:WeChat']);
    await page.bringToFront();
    await page.mouse.move(1, 1);
    expect((await rangeIn(page, 'wechat', 'p-service')).rect).toEqual(rect);
    await expect.poll(async () => (await shot(page, under)).equals(before)).toBe(false);
    const after = await shot(page, under);
    // Every row of the box takes the grey; nothing outside the box changes.
    expect(diffRows(before, after)).toEqual([...Array(Math.ceil(rect.height)).keys()]);
    // And under the letters (WeChat has no descenders) a row that was plain wash now carries the dotted line.
    expect(underlineRows(before, after, Math.ceil(rect.height / 2), Math.ceil(rect.height))).not.toEqual([]);

    // Restart the browser on the same profile.
    await first.context.close();
    second = await ownBrowser(profileDir);
    const again = collectErrors(second);
    const { panel: panel2 } = await openWithPanel(second, url);
    await panel2.getByTestId('view-notebook').click();
    const passages = panel2.getByTestId('nb-passage');
    await expect(passages).toHaveCount(1);
    const kept = passages.first();
    await expect(kept.getByTestId('nb-sentence')).toHaveText(
      'A service account can gather thousands of followers, yet merchants report that few of them ever convert into buyers in their WeChat store.',
    );
    await expect(kept).toHaveAttribute('data-stance', 'challenges');
    await expect(kept).toHaveAttribute('data-reason', '3');
    await expect(kept.getByTestId('nb-stance')).toHaveText('Challenges');
    await expect(kept.getByTestId('nb-note')).toHaveText(note);
    // And the reader view still shows the mention as kept after the restart.
    await panel2.getByTestId('view-reader').click();
    await expect(
      mentionWith(panel2, 'few of them ever convert into buyers in their WeChat store').getByTestId('mention-kept'),
    ).toBeVisible();
    expect(again).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    if (second) await closeExtensionBrowser(second);
    else {
      await first.context.close().catch(() => {});
      fs.rmSync(profileDir, { recursive: true, force: true });
    }
  }
});

/** Pixels of one row of a decoded PNG. */
function row(png: { width: number; pixels: Rgb[] }, y: number): Rgb[] {
  return png.pixels.slice(y * png.width, (y + 1) * png.width);
}

/** Share of a row's pixels that are (nearly) its commonest colour. */
function uniformShare(pixels: Rgb[]): number {
  const common = mostCommon(pixels);
  return pixels.filter((p) => near(p, common, 8)).length / pixels.length;
}

/**
 * Rows in [from, to) that were one plain colour before (the wash under the letters) and now show a broken line:
 * a good share of the row differs from its commonest colour (the dots), the rest is the wash between them.
 */
function underlineRows(a: Buffer, b: Buffer, from: number, to: number): number[] {
  const pa = decodePng(a);
  const pb = decodePng(b);
  const out: number[] = [];
  for (let y = from; y < to; y++) {
    const share = uniformShare(row(pb, y));
    if (uniformShare(row(pa, y)) >= 0.95 && share <= 0.85 && share >= 0.2) out.push(y);
  }
  return out;
}

/** Rows (0 = top) where two PNGs of the same size differ. */
function diffRows(a: Buffer, b: Buffer): number[] {
  const pa = decodePng(a);
  const pb = decodePng(b);
  expect([pa.width, pa.height]).toEqual([pb.width, pb.height]);
  const rows = new Set<number>();
  pa.pixels.forEach((p, i) => {
    const q = pb.pixels[i] as Rgb;
    if (p.some((c, k) => c !== q[k])) rows.add(Math.floor(i / pa.width));
  });
  return [...rows].sort((x, y) => x - y);
}

/** Point at a mention, then click the card's part (a real click: the panel may only open on a user gesture). */
async function clickCardPart(page: Page, entity: EntityId, where: string, part: 'keep' | 'correct'): Promise<void> {
  const hover = new HoverCard(page);
  const card = hoverCard(page);
  await expect(async () => {
    await hover.pointAtMention(entity, where);
    await expect(card).toBeVisible({ timeout: 1_000 });
    await expect(card).toHaveAttribute('data-entity', entity, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  const target = card.getByTestId(`card-${part}`);
  await expect(target).toHaveText(part === 'keep' ? 'Keep…' : 'Correct…');
  const box = await target.boundingBox();
  expect(box).not.toBeNull();
  if (!box) return;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  await expect(card).toBeVisible();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

test('the hover card’s “Keep…” opens the side panel at that mention with the keep form open', async ({
  page,
  server,
  waitForScan,
  realSidePanel,
  realSidePanelOpen,
}) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  expect(await realSidePanelOpen()).toBe(false);

  await clickCardPart(page, 'wechat', 'p-accounts', 'keep');
  const panel = await realSidePanel();
  await expect(panel.getByTestId('view-reader')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.getByTestId('keep-form')).toHaveCount(1);
  const accounts = mentionWith(panel, 'large followings on WeChat official accounts');
  const form = accounts.getByTestId('keep-form');
  await expect(form).toBeVisible();
  await expect(accounts.getByTestId('mention-keep')).toHaveAttribute('aria-expanded', 'true');
  await expect(form.locator('blockquote')).toContainText(
    'Brands that built large followings on WeChat official accounts',
  );
  await expect(form.getByTestId('keep-reason')).toHaveValue('2');
  await expect(form).toBeInViewport();
});

// FIXME product bug: platform/tab-link.ts onBroadcast() registers handlers for 'summary-changed' and 'show-reason'
// only, so the background's 'show-mentions' (and 'notebook-changed') broadcasts never reach an open panel's
// PanelState.onBroadcast: a card's Keep…/Correct… clicked while the panel is open leaves the panel as it was (the
// request waits in the background until the panel next loads the tab).
test.fixme('with the side panel already open (on the notebook view), the card’s “Keep…” shows that mention with its keep form open', async ({
  page,
  server,
  waitForScan,
  openRealPanelFor,
}) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const panel = await openRealPanelFor(page);
  await panel.getByTestId('view-notebook').click();
  await expect(panel.getByTestId('notebook')).toBeVisible();
  await page.bringToFront();

  await clickCardPart(page, 'alibaba', 'p-far', 'keep');
  await expect(panel.getByTestId('view-reader')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.getByTestId('keep-form')).toHaveCount(1);
  const far = mentionWith(panel, 'Far down the page');
  await expect(far.getByTestId('keep-form')).toBeVisible();
  await expect(far.getByTestId('keep-reason')).toHaveValue('8');
  await expect(far.getByTestId('keep-form')).toBeInViewport();
});
