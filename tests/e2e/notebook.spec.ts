/**
 * "The reader's notebook: correct a mention's link and see the correction
 * hold on the page and in the panel; keep a passage as evidence and find it
 * underlined on the page and listed in the notebook after a restart; keep
 * from the hover card; export the notebook and import it into a fresh
 * browser; refuse broken, huge and hostile files without losing anything;
 * log reading history only when it is switched on; and an accessible,
 * keyboard-reachable notebook view."
 *
 * The worker's browser keeps its IndexedDB between tests (and specs), so every
 * test starts and ends by emptying the notebook (`nb-delete-everything`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
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

// The worker's browser goes on to other specs: leave no correction, passage or visit behind for them.
test.afterEach(async ({ askBackground }) => {
  await nbCall(askBackground, 'nb-delete-everything');
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

/**
 * Launch the extension's browser, on a fresh profile or again on an existing one (a restart). Downloads go to a
 * folder of the browser's own: the runner's shared artifacts folder is emptied when another browser of the run closes.
 */
async function ownBrowser(profileDir?: string): Promise<ExtensionBrowser & { downloads: string }> {
  const dir = profileDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'er-e2e-notebook-'));
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'er-e2e-downloads-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(EXTENSION_DIR),
    viewport: { width: 1280, height: 800 },
    downloadsPath: downloads,
    acceptDownloads: true,
  });
  context.on('close', () => fs.rmSync(downloads, { recursive: true, force: true }));
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(sw.url()).host;
  const home = context.pages()[0] ?? (await context.newPage());
  return { context, extensionId, profileDir: dir, home, downloads };
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

    // Its hover card says so too.
    const card = hoverCard(page);
    await expect(async () => {
      await new HoverCard(page).pointAtMention('wechat', 'p-service');
      await expect(card).toBeVisible({ timeout: 1_000 });
      await expect(card).toHaveAttribute('data-kept', 'true', { timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
    await expect(card.locator('.kept')).toHaveText('Kept as evidence');
    await page.mouse.move(1, 1);

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

test('with the side panel already open (on the notebook view), the card’s “Keep…” shows that mention with its keep form open', async ({
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

// ---------------------------------------------------------------- export, import, hostile files

const SAMPLE: readonly Record<string, unknown>[] = [
  {
    pageUrl: 'https://news.example.com/social-commerce',
    title: 'Can a chat app sell?',
    sentence: 'A service account can gather thousands of followers, yet few of them ever buy in the WeChat store.',
    entity: 'wechat',
    reason: 3,
    stance: 'supports',
    note: 'Followers are not buyers.',
  },
  {
    pageUrl: 'https://news.example.com/habits',
    title: 'Old habits',
    sentence: 'When shoppers want to buy something they open Taobao, not a chat app.',
    entity: 'taobao',
    reason: 1,
    stance: 'challenges',
  },
  {
    pageUrl: 'https://zh.example.com/pay',
    title: '付款',
    sentence: '微信支付解决了付款问题，但电商还需要大数据和云计算的支撑。',
    entity: 'wechat',
    reason: 7,
    stance: 'context',
    note: '支付不是平台',
  },
];

async function keepSample(ask: Ask): Promise<void> {
  for (const p of SAMPLE) await nbCall(ask, 'nb-keep', p);
  expect(await listPassages(ask)).toHaveLength(SAMPLE.length);
}

/** What the notebook view shows of each passage: sentence, stance, reason and note, sorted. */
async function shownPassages(panel: Page): Promise<string[]> {
  const out: string[] = [];
  for (const item of await panel.getByTestId('nb-passage').all()) {
    const note = item.getByTestId('nb-note');
    out.push(
      JSON.stringify([
        await item.getByTestId('nb-sentence').textContent(),
        await item.getAttribute('data-stance'),
        await item.getAttribute('data-reason'),
        (await note.count()) ? await note.textContent() : null,
      ]),
    );
  }
  return out.sort();
}

test('a JSON export imported into a fresh profile lists the same passages, and the report says how many were added', async ({
  server,
}) => {
  test.setTimeout(120_000);
  // Exported from a browser of the test's own (its downloads in its own folder), imported into another, fresh one.
  const source = await ownBrowser();
  const errors = collectErrors(source);
  let fresh: ExtensionBrowser | undefined;
  const saved = fs.mkdtempSync(path.join(os.tmpdir(), 'er-nb-export-'));
  try {
    const { panel } = await openWithPanel(source, server.url('/demo.html'));
    const ask: Ask = (m) => askFrom(panel, m);
    await keepSample(ask);
    await panel.getByTestId('view-notebook').click();
    await expect(panel.getByTestId('nb-passage')).toHaveCount(SAMPLE.length);
    const shown = await shownPassages(panel);

    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('nb-export-json').click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const file = path.join(saved, download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      format: string;
      version: number;
      passages: Passage[];
    };
    expect(exported.format).toBe('eight-reasons-notebook');
    expect(exported.version).toBe(1);
    const original = (await listPassages(ask)).map(essence).sort();
    expect(exported.passages.map(essence).sort()).toEqual(original);

    fresh = await ownBrowser();
    errors.push(...collectErrors(fresh));
    const { panel: other } = await openWithPanel(fresh, server.url('/demo.html'));
    await other.getByTestId('view-notebook').click();
    await expect(other.getByTestId('nb-empty')).toBeVisible();
    await other.getByTestId('nb-import').setInputFiles(file);
    await expect(other.getByTestId('nb-import-report')).toContainText(
      `Added ${SAMPLE.length}, skipped 0 duplicates, rejected 0 invalid.`,
    );
    await expect(other.getByTestId('nb-passage')).toHaveCount(SAMPLE.length);
    expect(await shownPassages(other)).toEqual(shown);
    expect((await listPassages((m) => askFrom(other, m))).map(essence).sort()).toEqual(original);

    // Importing the same file again adds nothing: every passage is a duplicate.
    await other.getByTestId('nb-import').setInputFiles(file);
    await expect(other.getByTestId('nb-import-report')).toContainText(
      `Added 0, skipped ${SAMPLE.length} duplicates, rejected 0 invalid.`,
    );
    await expect(other.getByTestId('nb-passage')).toHaveCount(SAMPLE.length);
    expect(errors).toEqual([]);
  } finally {
    await closeExtensionBrowser(source);
    if (fresh) await closeExtensionBrowser(fresh);
    fs.rmSync(saved, { recursive: true, force: true });
  }
});

test('a corrupted, an oversized and a hostile file are refused or cleaned with a clear message, and nothing kept is lost', async ({
  page,
  server,
  askBackground,
  tabIdOf,
  openSidePanelFor,
  sw,
}) => {
  test.setTimeout(120_000);
  await keepSample(askBackground);
  const before = (await listPassages(askBackground)).map(essence).sort();
  await page.goto(server.url('/demo.html'));
  const panel = await openSidePanelFor(await tabIdOf(page));
  await panel.getByTestId('view-notebook').click();
  const passages = panel.getByTestId('nb-passage');
  await expect(passages).toHaveCount(SAMPLE.length);
  const input = panel.getByTestId('nb-import');
  const report = panel.getByTestId('nb-import-report');
  const json = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const refused = async (name: string, text: string, why: string) => {
    await input.setInputFiles(json(name, text));
    await expect(report).toContainText('The file was not imported; nothing changed:');
    await expect(report.locator('li')).toHaveText([why]);
    await expect(passages).toHaveCount(SAMPLE.length);
    expect((await listPassages(askBackground)).map(essence).sort()).toEqual(before);
    await expect(report).toHaveAttribute('role', 'status');
  };

  // Not JSON.
  await refused(
    'broken.json',
    '{"format": "eight-reasons-notebook", "version": 1, "passages": [',
    'The file is not JSON.',
  );
  // Larger than 20 MB of text.
  const big = JSON.stringify({
    format: 'eight-reasons-notebook',
    version: 1,
    passages: [],
    pad: 'x'.repeat(21 * 1024 * 1024),
  });
  expect(big.length).toBeGreaterThan(20 * 1024 * 1024);
  await refused('big.json', big, 'The file is larger than 20 MB.');
  // More than 50,000 items.
  const many = JSON.stringify({
    format: 'eight-reasons-notebook',
    version: 1,
    passages: Array.from({ length: 50_001 }, () => ({})),
  });
  await refused('many.json', many, '"passages" has more than 50000 items.');

  // Hostile: a javascript: address (rejected), markup in a sentence and a note (kept as text), __proto__ keys (dropped).
  const markup = '<img src=x onerror="window.__pwned = 1">Alibaba logistics <b>bold</b> claim.';
  const noteMarkup = '<script>window.__pwned = 2</script> a note';
  const hostile = `{
    "format": "eight-reasons-notebook", "version": 1, "exportedAt": "2026-11-30T10:00:00.000Z",
    "__proto__": { "polluted": "top" },
    "passages": [
      { "pageUrl": "javascript:alert(document.domain)", "title": "x", "sentence": "Taobao habits are hard to change.",
        "entity": "taobao", "reason": 1, "stance": "supports", "createdAt": "2026-11-30T10:00:00.000Z" },
      { "pageUrl": "https://evil.example.com/page", "title": "<img src=x onerror=alert(1)>", "sentence": ${JSON.stringify(markup)},
        "entity": "alibaba", "reason": 8, "stance": "challenges", "note": ${JSON.stringify(noteMarkup)},
        "createdAt": "2026-11-30T10:00:00.000Z", "__proto__": { "polluted": "item" }, "constructor": { "prototype": { "polluted": "ctor" } } }
    ],
    "corrections": [], "history": []
  }`;
  await input.setInputFiles(json('hostile.json', hostile));
  await expect(report).toContainText('Added 1, skipped 0 duplicates, rejected 1 invalid.');
  await expect(report).toContainText('Rejected because:');
  await expect(report.locator('li')).toHaveText(['passage 1: pageUrl is not an http(s) URL']);
  await expect(passages).toHaveCount(SAMPLE.length + 1);
  const evil = passages.filter({ has: panel.getByTestId('nb-sentence').filter({ hasText: 'Alibaba logistics' }) });
  await expect(evil).toHaveCount(1);
  await expect(evil.getByTestId('nb-sentence')).toHaveText(markup);
  await expect(evil.getByTestId('nb-note')).toHaveText(noteMarkup);
  await expect(evil.getByTestId('nb-title')).toHaveText('<img src=x onerror=alert(1)>');
  // Text only: no element was injected, nothing ran, no prototype was touched.
  await expect(
    panel.locator('[data-testid="notebook"] img, [data-testid="notebook"] script, [data-testid="notebook"] b'),
  ).toHaveCount(0);
  expect(await panel.evaluate(() => (globalThis as Record<string, unknown>).__pwned)).toBeUndefined();
  expect(await sw.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  expect(await panel.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  for (const href of await panel
    .locator('[data-testid="notebook"] a[href]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
    expect(href).toMatch(/^https:\/\//);
  }
  // Nothing kept before was lost; the one accepted item carries only the fields of the format.
  const after = await listPassages(askBackground);
  expect(after.map(essence)).toEqual(expect.arrayContaining(before));
  expect(after).toHaveLength(SAMPLE.length + 1);
  const added = after.find((p) => p.sentence === markup);
  expect(Object.keys(added ?? {}).sort()).toEqual(
    [
      'createdAt',
      'entity',
      'id',
      'note',
      'pageUrl',
      'reason',
      'sentence',
      'site',
      'stance',
      'title',
      'updatedAt',
    ].sort(),
  );
});

// ---------------------------------------------------------------- reading history

interface Week {
  counts: Record<string, number>;
  none: number;
  pages: number;
}

test('reading history logs nothing while off; switched on in the options a visit is logged with its reasons; “Clear history” removes it', async ({
  page,
  server,
  waitForScan,
  askBackground,
  tabIdOf,
  openOptions,
  openSidePanelFor,
  extContext,
}) => {
  const week = () => nbCall<Week>(askBackground, 'nb-reading-week');
  const empty = { counts: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0 }, none: 0, pages: 0 };

  // Off by default: reading a page with mentions logs nothing.
  await page.goto(server.url('/demo.html'));
  const summary = await waitForScan(page);
  expect(summary.mentions.length).toBeGreaterThan(0);
  await page.waitForTimeout(1_500);
  expect(await week()).toEqual(empty);

  // The reasons this page's mentions are linked to, as the week should count them.
  const expected: Record<string, number> = { ...empty.counts };
  let none = 0;
  for (const m of summary.mentions) {
    if (m.link.reason === null) none++;
    else expected[m.link.reason] = (expected[m.link.reason] ?? 0) + 1;
  }

  // Switch it on in the options.
  const options = await openOptions();
  const section = options.getByTestId('history-settings');
  await expect(section).toBeVisible();
  const toggle = section.getByTestId('history-switch');
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');

  // Visit the page again in a new tab: it is logged.
  const again = await extContext.newPage();
  await again.goto(server.url('/demo.html'));
  await waitForScan(again);
  await expect.poll(week, { timeout: 10_000 }).toEqual({ counts: expected, none, pages: 1 });

  // The notebook's week strip shows this week's reasons with their counts.
  const panel = await openSidePanelFor(await tabIdOf(again));
  await panel.getByTestId('view-notebook').click();
  const strip = panel.getByTestId('nb-week');
  await expect(strip).toBeVisible();
  const top = Object.entries(expected).filter(([, n]) => n > 0);
  await expect(strip.locator('li')).toHaveCount(top.length);
  for (const [reason, n] of top)
    await expect(strip.locator(`li[data-reason="${reason}"] .nb-week-count`)).toHaveText(`${n} mentions`);
  await expect(strip).toContainText('From 1 pages in the last 7 days.');

  // Clear history in the options: the visit is gone.
  await options.bringToFront();
  await section.getByTestId('clear-history').click();
  await expect(section.getByTestId('history-status')).toHaveText('Reading history cleared.');
  expect(await week()).toEqual(empty);
  await panel.getByTestId('view-reader').click();
  await panel.getByTestId('view-notebook').click();
  await expect(strip).toContainText('No linked mentions read in the last 7 days.');
  await expect(strip.locator('li')).toHaveCount(0);
});

test('switched on after a first visit, reloading the same tab logs the page', async ({
  page,
  server,
  waitForScan,
  askBackground,
  openOptions,
}) => {
  const week = () => nbCall<Week>(askBackground, 'nb-reading-week');
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  await page.waitForTimeout(1_500);
  expect((await week()).pages).toBe(0);
  const options = await openOptions();
  const toggle = options.getByTestId('history-settings').getByTestId('history-switch');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await page.bringToFront();
  await page.reload();
  await waitForScan(page);
  await expect.poll(async () => (await week()).pages, { timeout: 10_000 }).toBe(1);
});

// ---------------------------------------------------------------- accessibility

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the notebook view with passages (${scheme})`, async ({
    page,
    server,
    askBackground,
    tabIdOf,
    openSidePanelFor,
  }) => {
    await keepSample(askBackground);
    await page.goto(server.url('/demo.html'));
    const panel = await openSidePanelFor(await tabIdOf(page));
    await panel.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await panel.getByTestId('view-notebook').click();
    await expect(panel.getByTestId('nb-passage')).toHaveCount(SAMPLE.length);
    await expect(panel.getByTestId('nb-overview')).toBeVisible();
    // The pointer rests away from the buttons (hovering the pressed view button: its own test below).
    await panel.mouse.move(1, 1);
    const results = await new AxeBuilder({ page: panel }).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary).toEqual([]);
  });
}

// Under the pointer the pressed view button keeps its own colours (a generic button hover once outranked them).
for (const scheme of ['light', 'dark'] as const) {
  test(`the pressed view button stays readable under the pointer (${scheme})`, async ({
    page,
    server,
    tabIdOf,
    openSidePanelFor,
  }) => {
    await page.goto(server.url('/demo.html'));
    const panel = await openSidePanelFor(await tabIdOf(page));
    await panel.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await panel.getByTestId('view-notebook').click();
    await panel.getByTestId('view-notebook').hover();
    const results = await new AxeBuilder({ page: panel }).include('#view-notebook').analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
}

test('Tab reaches the view buttons, the notebook’s search and filters, and a passage’s Edit and Delete', async ({
  page,
  server,
  askBackground,
  tabIdOf,
  openSidePanelFor,
}) => {
  await keepSample(askBackground);
  await page.goto(server.url('/demo.html'));
  const panel = await openSidePanelFor(await tabIdOf(page));
  await panel.getByTestId('view-notebook').click();
  await expect(panel.getByTestId('nb-passage')).toHaveCount(SAMPLE.length);
  await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  const reached: string[] = [];
  for (let i = 0; i < 120; i++) {
    await panel.keyboard.press('Tab');
    const id = await panel.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return '';
      const item = el.closest('[data-testid="nb-passage"]');
      const tid = el.getAttribute('data-testid') ?? el.tagName.toLowerCase();
      return item ? `${tid}@${item.getAttribute('data-id')}` : tid;
    });
    reached.push(id);
  }
  const wanted = [
    'view-reader',
    'view-notebook',
    'nb-search',
    'nb-filter-reason',
    'nb-filter-entity',
    'nb-filter-stance',
    'nb-filter-site',
    'nb-filter-clear',
    'nb-import',
  ];
  for (const w of wanted) expect(reached, `Tab reaches ${w}`).toContain(w);
  const first = await panel.getByTestId('nb-passage').first().getAttribute('data-id');
  expect(reached).toContain(`nb-edit@${first}`);
  expect(reached).toContain(`nb-delete@${first}`);
  // In order: the views, then the search, then the filters, then the passage's Edit before its Delete.
  // Tab cycles through the page; read one round from its first control.
  const round = reached.slice(reached.indexOf('text-size'));
  const at = (id: string) => round.indexOf(id);
  expect(at('text-size')).toBe(0);
  expect(at('view-reader')).toBeLessThan(at('view-notebook'));
  expect(at('view-notebook')).toBeLessThan(at('nb-search'));
  expect(at('nb-search')).toBeLessThan(at('nb-filter-reason'));
  expect(at(`nb-edit@${first}`)).toBeLessThan(at(`nb-delete@${first}`));

  // Enter on Edit opens the editor with the focus inside it; Cancel hands the focus back to Edit.
  await panel.getByTestId('nb-edit').first().focus();
  await panel.keyboard.press('Enter');
  await expect(panel.getByTestId('nb-edit-stance')).toBeFocused();
  await panel.getByTestId('nb-edit-cancel').focus();
  await panel.keyboard.press('Enter');
  await expect(panel.getByTestId('nb-edit').first()).toBeFocused();
});

test('the open notebook view shows a passage kept elsewhere without being reopened', async ({
  page,
  server,
  askBackground,
  tabIdOf,
  openSidePanelFor,
}) => {
  await page.goto(server.url('/demo.html'));
  const panel = await openSidePanelFor(await tabIdOf(page));
  await panel.getByTestId('view-notebook').click();
  await expect(panel.getByTestId('nb-empty')).toBeVisible();
  // Kept from another of our pages (as the hover card's form does through the background).
  await nbCall(askBackground, 'nb-keep', SAMPLE[0]);
  await expect(panel.getByTestId('nb-passage')).toHaveCount(1);
  await expect(panel.getByTestId('nb-sentence')).toHaveText(String(SAMPLE[0]?.sentence));
  await expect(panel.getByTestId('nb-overview').locator('li[data-reason="3"] [data-testid="nb-balance"]')).toHaveText(
    '1 support, 0 challenge, 0 context',
  );
});
