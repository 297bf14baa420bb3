/**
 * "Open the popup: the eight reasons are there on its first frame and nothing
 * moves when the counts arrive. Zoom the page to 150 %: the hover card grows
 * with the text, and near the bottom right corner it opens above the mention,
 * inside the window. Press Alt+Shift+H, J, K and E: highlighting goes off and
 * on, the next and previous mentions are revealed, the side panel opens. Ask
 * for reduced motion: jump-to moves the page in one step and the mention glows
 * once. Read a dark page, then a light one: every highlight stands out from
 * the page, its text stays readable, and the card follows the colour scheme."
 * (The interface in Chinese needs its own browser: locale-zh.spec.ts.)
 */
import type { CDPSession, Page, Worker } from '@playwright/test';
import type { EntityId } from '../../utils/types';
import { DEMO_MENTIONS } from './expected-mentions';
import {
  centre,
  contrast,
  type ExtGlobal,
  expect,
  expectBoxPainted,
  type HighlightRange,
  highlightRanges,
  hoverCard,
  luminance,
  mostCommon,
  pageBackground,
  pixelsInside,
  type Rgb,
  rangeIn,
  rangeInView,
  test,
  totalHighlighted,
} from './harness/fixtures';

type Rect = HighlightRange['rect'];

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function viewportOf(page: Page): Promise<{ width: number; height: number; dpr: number }> {
  return page.evaluate(() => ({ width: innerWidth, height: innerHeight, dpr: devicePixelRatio }));
}

/** Hover a mention's first line and give the card's box (CSS px of the page). */
async function hoverAndMeasure(page: Page, rect: Rect): Promise<Rect> {
  // Any scroll that brought the mention into view has dispatched its event (which hides the card) by now.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.mouse.move(centre(rect).x, centre(rect).y);
  const card = hoverCard(page);
  await expect(card).toBeVisible();
  const box = await card.boundingBox();
  if (!box) throw new Error('the hover card has no box');
  return box;
}

function expectInside(box: Rect, view: { width: number; height: number }): void {
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(view.width);
  expect(box.y + box.height).toBeLessThanOrEqual(view.height);
}

// ---------------------------------------------------------------- popup

interface FrameSample {
  reasons: number;
  loading: boolean;
  boxes: Record<'card' | 'counts' | 'chart' | 'list', Rect | null>;
}
interface PopupProbe {
  erFrames: FrameSample[];
  erShift: number;
}

test('the popup paints the eight reasons on its first frame and nothing moves when the counts arrive', async ({
  page,
  server,
  waitForScan,
  tabIdOf,
  extContext,
  extensionId,
}) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const tabId = await tabIdOf(page);

  const popup = await extContext.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  // Every animation frame from the first one after DOMContentLoaded (each is a frame the browser is about to
  // paint), and every layout shift since the document started. The toolbar popup is only shown once its document
  // has loaded; as a tab, Chromium sometimes runs one frame of the bare page before the module script.
  await popup.addInitScript(() => {
    const w = window as unknown as PopupProbe;
    w.erFrames = [];
    w.erShift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!e.hadRecentInput) w.erShift += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
    const box = (selector: string) => {
      const r = document.querySelector(selector)?.getBoundingClientRect();
      return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    };
    const sample = () => {
      w.erFrames.push({
        reasons: document.querySelectorAll('[data-testid="reason"]').length,
        loading: document.querySelector('[data-testid="verdict"]')?.getAttribute('data-kind') === 'loading',
        boxes: {
          card: box('.page-card'),
          counts: box('.entity-counts'),
          chart: box('.reason-chart'),
          list: box('.reasons'),
        },
      });
      if (w.erFrames.length < 90) requestAnimationFrame(sample);
    };
    document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(sample));
  });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.getByTestId('verdict')).toHaveAttribute('data-kind', 'top');
  await expect(popup.locator('[data-testid="entity-count"][data-entity="wechat"]')).toContainText(/\d/);
  // A few more frames after the counts landed.
  await popup.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await popup.waitForTimeout(200);

  const { erFrames: frames, erShift: shift } = await popup.evaluate(() => {
    const w = window as unknown as PopupProbe;
    return { erFrames: w.erFrames, erShift: w.erShift };
  });
  expect(frames.length).toBeGreaterThan(1);
  const first = frames[0] as FrameSample;
  const last = frames.at(-1) as FrameSample;
  // The first frame already lists the eight reasons (no empty popup flashes by).
  expect(first.reasons).toBe(8);
  for (const f of frames) expect(f.reasons).toBe(8);
  expect(last.loading).toBe(false);
  // The counts area and the chart had their final size from the first frame, and the list below did not move.
  for (const key of ['card', 'counts', 'chart', 'list'] as const) {
    const a = first.boxes[key];
    const b = last.boxes[key];
    expect(a, `${key} is on the first frame`).not.toBeNull();
    expect(b).not.toBeNull();
    if (!a || !b) continue;
    expect(Math.abs(a.y - b.y), `${key} moved`).toBeLessThanOrEqual(0.5);
    expect(Math.abs(a.height - b.height), `${key} changed height`).toBeLessThanOrEqual(0.5);
    expect(Math.abs(a.width - b.width), `${key} changed width`).toBeLessThanOrEqual(0.5);
  }
  expect(shift, 'cumulative layout shift of the popup').toBeLessThan(0.01);
});

// ---------------------------------------------------------------- hover card and zoom

/** The browser's own zoom for this tab (per tab, so no other test inherits it; it needs no permission). */
async function zoomTab(sw: Worker, page: Page, tabId: number, factor: number): Promise<void> {
  await sw.evaluate(
    async ({ id, factor }) => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          tabs: {
            setZoomSettings(id: number, s: object): Promise<void>;
            setZoom(id: number, z: number): Promise<void>;
          };
        };
      };
      await chrome.tabs.setZoomSettings(id, { scope: 'per-tab' });
      await chrome.tabs.setZoom(id, factor);
    },
    { id: tabId, factor },
  );
  await expect.poll(async () => (await viewportOf(page)).dpr).toBe(factor);
}

test('the hover card follows the page zoom: at 150 % it is 1.5 times as large on screen, beside the mention', async ({
  page,
  server,
  waitForScan,
  tabIdOf,
  sw,
}) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const tabId = await tabIdOf(page);

  // At 100 %.
  const mention1 = (await rangeIn(page, 'wechat', 'p-accounts')).rect;
  const card1 = await hoverAndMeasure(page, mention1);
  const view1 = await viewportOf(page);
  expect(view1.dpr).toBe(1);
  await page.keyboard.press('Escape');
  await expect(hoverCard(page)).toBeHidden();

  // The reader zooms this tab to 150 %.
  await zoomTab(sw, page, tabId, 1.5);
  const view2 = await viewportOf(page);
  const mention2 = (await rangeIn(page, 'wechat', 'p-accounts')).rect;
  const card2 = await hoverAndMeasure(page, mention2);
  // On screen (device pixels) the card is 1.5 times as tall, like the text it explains: it follows the zoom
  // rather than keeping a fixed screen size (nor does it grow twice).
  const screenRatio = (card2.height * view2.dpr) / (card1.height * view1.dpr);
  expect(screenRatio).toBeGreaterThan(1.4);
  expect(screenRatio).toBeLessThan(1.6);
  expect(Math.abs(card2.height / mention2.height / (card1.height / mention1.height) - 1)).toBeLessThan(0.1);
  expectInside(card2, view2);
  expect(overlaps(card2, mention2), 'the card covers the mention').toBe(false);
  expect(card2.y).toBeGreaterThanOrEqual(mention2.y + mention2.height);
});

test('near the bottom right corner of a zoomed window the card opens above the mention, inside the window', async ({
  page,
  server,
  waitForScan,
  tabIdOf,
  sw,
}) => {
  await page.goto(server.url('/dark.html'));
  await waitForScan(page);
  await zoomTab(sw, page, await tabIdOf(page), 1.5);
  const view = await viewportOf(page);

  // The reader scrolls until the flush-right mention sits just above the bottom edge.
  const mention = await page.evaluate(() => {
    const h = CSS.highlights.get('eight-reasons-taobao');
    const range = [...(h ?? [])].find(
      (r): r is Range => r instanceof Range && !!r.startContainer.parentElement?.closest('#d-edge'),
    );
    if (!range) return null;
    const before = range.getClientRects()[0] as DOMRect;
    window.scrollBy({ top: before.bottom - (innerHeight - 14), behavior: 'instant' });
    const r = range.getClientRects()[0] as DOMRect;
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  if (!mention) throw new Error('no Taobao highlight in #d-edge');
  // A card starting at the mention would leave the window on the right, and there is no room below.
  expect(mention.x + 200).toBeGreaterThan(view.width);
  expect(mention.y + mention.height).toBeGreaterThan(view.height - 20);
  await page.waitForTimeout(200); // the scroll has been handled before the pointer arrives

  const card = await hoverAndMeasure(page, mention);
  await expect(hoverCard(page)).toHaveAttribute('data-side', 'above');
  expectInside(card, view);
  expect(overlaps(card, mention), 'the card covers the mention').toBe(false);
  expect(card.y + card.height).toBeLessThanOrEqual(mention.y);
});

// ---------------------------------------------------------------- keyboard shortcuts

/** A browser-level shortcut: Alt+Shift+<letter>, sent as a raw key event through the DevTools protocol. */
async function pressAltShift(session: CDPSession, letter: string): Promise<void> {
  const code = letter.toUpperCase().charCodeAt(0);
  const key = {
    modifiers: 1 | 8,
    key: letter.toUpperCase(),
    code: `Key${letter.toUpperCase()}`,
    windowsVirtualKeyCode: code,
    nativeVirtualKeyCode: code,
  };
  await session.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
  await session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
}

test('the four keyboard shortcuts are registered and work: toggle, next, previous, open the side panel', async ({
  page,
  server,
  waitForScan,
  sw,
  realSidePanel,
}) => {
  const commands = await sw.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };
    };
    return (await chrome.commands.getAll()).map((c) => ({ name: c.name, shortcut: c.shortcut }));
  });
  expect(commands).toEqual(
    expect.arrayContaining([
      { name: 'open-panel', shortcut: 'Alt+Shift+E' },
      { name: 'toggle-highlighting', shortcut: 'Alt+Shift+H' },
      { name: 'next-mention', shortcut: 'Alt+Shift+J' },
      { name: 'prev-mention', shortcut: 'Alt+Shift+K' },
    ]),
  );

  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  await page.bringToFront();
  const keys = await page.context().newCDPSession(page);

  // Alt+Shift+H: highlighting off everywhere (and remembered), then on again.
  await pressAltShift(keys, 'h');
  await expect.poll(() => totalHighlighted(page)).toBe(0);
  const stored = await sw.evaluate(async () => {
    const { chrome } = globalThis as unknown as ExtGlobal;
    return (await chrome.storage.sync.get('settings')).settings as { enabled?: boolean } | undefined;
  });
  expect(stored?.enabled).toBe(false);
  await pressAltShift(keys, 'h');
  await expect.poll(() => totalHighlighted(page)).toBe(DEMO_MENTIONS.length);

  // Alt+Shift+J reveals the first mention; Alt+Shift+K then goes back round to the last one, far down the page.
  // (Reduced motion: the revealed mention glows steadily instead of blinking, which is easier to catch.)
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await pressAltShift(keys, 'j');
  await expect.poll(async () => (await highlightRanges(page, 'flash'))[0]?.where ?? '').toBe('p-accounts');
  await pressAltShift(keys, 'k');
  await expect.poll(async () => (await highlightRanges(page, 'flash'))[0]?.where ?? '').toBe('p-far');
  // The page has scrolled it into view.
  const view = await viewportOf(page);
  await expect
    .poll(async () => {
      const far = (await rangeIn(page, 'alibaba', 'p-far')).rect;
      return far.y > 0 && far.y + far.height < view.height;
    })
    .toBe(true);

  // Alt+Shift+E opens the side panel beside the page.
  await pressAltShift(keys, 'e');
  const panel = await realSidePanel();
  await expect(panel.getByTestId('mention')).toHaveCount(DEMO_MENTIONS.length);
  await keys.detach();
});

// ---------------------------------------------------------------- reduced motion

interface MotionProbe {
  erFrames: { y: number; flash: boolean }[];
  erDone: Promise<void>;
}

interface Motion {
  /** scrollY on each frame from just before the jump until the page has been still for a while. */
  positions: number[];
  /** How many times the flash highlight came on. */
  flashes: number;
}

/** Jump to the far mention from the side panel, recording the page's scroll position and flash on every frame. */
async function jumpAndRecord(page: Page, panel: Page): Promise<Motion> {
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await page.evaluate(
    () =>
      new Promise<void>((started) => {
        const w = window as unknown as MotionProbe;
        w.erFrames = [];
        const end = performance.now() + 3200;
        w.erDone = new Promise((done) => {
          const sample = () => {
            w.erFrames.push({ y: window.scrollY, flash: (CSS.highlights.get('eight-reasons-flash')?.size ?? 0) > 0 });
            if (w.erFrames.length === 1) started();
            if (performance.now() < end) requestAnimationFrame(sample);
            else done();
          };
          requestAnimationFrame(sample);
        });
      }),
  );
  await panel.getByTestId('mention').filter({ hasText: 'Far down the page' }).getByTestId('jump').click();
  const frames = await page.evaluate(async () => {
    const w = window as unknown as MotionProbe;
    await w.erDone;
    return w.erFrames;
  });
  const positions = frames.map((f) => f.y);
  // The page has come to rest well before the recording ends.
  expect(positions.slice(-15).every((y) => y === positions.at(-1))).toBe(true);
  const flashes = frames.filter((f, i) => f.flash && !frames[i - 1]?.flash).length;
  return { positions, flashes };
}

test('with reduced motion, jump-to moves the page in one step and the mention glows once; without, both animate', async ({
  page,
  server,
  waitForScan,
  openRealPanelFor,
}) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  const panel = await openRealPanelFor(page);
  await expect(panel.getByTestId('mention')).toHaveCount(DEMO_MENTIONS.length);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
  const still = await jumpAndRecord(page, panel);
  const stillFinal = still.positions.at(-1) ?? 0;
  expect(still.positions[0]).toBe(0);
  expect(stillFinal).toBeGreaterThan(300);
  // Every frame shows either where the page was or where it ends: no frame in between.
  expect(new Set(still.positions)).toEqual(new Set([0, stillFinal]));
  expect(still.flashes).toBe(1);

  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(false);
  const glide = await jumpAndRecord(page, panel);
  const glideFinal = glide.positions.at(-1) ?? 0;
  expect(Math.abs(glideFinal - stillFinal)).toBeLessThanOrEqual(2);
  const between = new Set(glide.positions.filter((y) => y > 0 && y !== glideFinal));
  expect(between.size, 'frames showing the page on its way').toBeGreaterThanOrEqual(2);
  expect(glide.flashes).toBeGreaterThanOrEqual(2);
});

// ---------------------------------------------------------------- dark page

/** Each mention's highlight against the page's own background, and the page's text on the highlight. */
async function expectReadableHighlights(page: Page, mentions: readonly (readonly [EntityId, string])[]): Promise<Rgb> {
  const pageBg = await pageBackground(page);
  for (const [entity, where] of mentions) {
    const { rect } = await rangeInView(page, entity, where);
    const pixels = await pixelsInside(page, rect);
    const wash = mostCommon(pixels);
    const text = pixels.reduce((best, p) => (contrast(p, wash) > contrast(best, wash) ? p : best), wash);
    expect(contrast(wash, pageBg), `${entity}: highlight ${wash} against the page ${pageBg}`).toBeGreaterThanOrEqual(
      1.2,
    );
    expect(contrast(text, wash), `${entity}: text ${text} on the highlight ${wash}`).toBeGreaterThanOrEqual(4.5);
    // And the wash is the entity's colour at the highlight alpha over this page.
    await expectBoxPainted(page, entity, rect, { under: pageBg });
  }
  return pageBg;
}

/** The hover card's own background and text colours (computed, "rgb(r, g, b)"). */
async function cardColours(page: Page): Promise<{ bg: Rgb; fg: Rgb }> {
  const [bg, fg] = await hoverCard(page).evaluate((el) => {
    const cs = getComputedStyle(el);
    return [cs.backgroundColor, cs.color];
  });
  const parse = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number) as Rgb;
  return { bg: parse(bg), fg: parse(fg) };
}

test('on a dark page every highlight stands out from the page and its text stays readable; the card is dark too', async ({
  page,
  server,
  waitForScan,
}) => {
  await page.goto(server.url('/dark.html'));
  await waitForScan(page);
  // After the navigation: set before it, the emulation is lost when the page moves into the site's renderer.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
  const pageBg = await expectReadableHighlights(page, [
    ['wechat', 'd-wechat'],
    ['taobao', 'd-taobao'],
    ['alibaba', 'd-alibaba'],
  ]);
  expect(luminance(pageBg)).toBeLessThan(0.05);

  const mention = (await rangeInView(page, 'wechat', 'd-wechat')).rect;
  await hoverAndMeasure(page, mention);
  const card = await cardColours(page);
  expect(luminance(card.bg)).toBeLessThan(0.05);
  expect(contrast(card.fg, card.bg)).toBeGreaterThanOrEqual(4.5);
});

test('on a light page the same highlights stay readable, and the card is light', async ({
  page,
  server,
  waitForScan,
}) => {
  await page.goto(server.url('/demo.html'));
  await waitForScan(page);
  // After the navigation: set before it, the emulation is lost when the page moves into the site's renderer.
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: light)').matches)).toBe(true);
  const pageBg = await expectReadableHighlights(page, [
    ['wechat', 'p-accounts'],
    ['taobao', 'p-taobao'],
    ['alibaba', 'p-logistics'],
  ]);
  expect(luminance(pageBg)).toBeGreaterThan(0.8);

  await hoverAndMeasure(page, (await rangeInView(page, 'wechat', 'p-accounts')).rect);
  const card = await cardColours(page);
  expect(luminance(card.bg)).toBeGreaterThan(0.8);
  expect(contrast(card.fg, card.bg)).toBeGreaterThanOrEqual(4.5);
});
