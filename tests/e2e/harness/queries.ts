/**
 * What the tests read from a page: the highlight registry (`CSS.highlights`),
 * pixels (screenshots decoded here in Node), and the waits built on them.
 *
 * Registry reads come in two flavours: from the page's own world (most pages),
 * or from a fresh isolated world of ours (`probe`) for the hostile pages,
 * which poison their own world's prototypes.
 *
 * "Painted" means pixels: `expectPainted` screenshots a mention's box and
 * checks its commonest colour is the entity's colour blended at the
 * highlight alpha over the background under it; `expectUnpainted` checks a
 * box shows the background only.
 */
import { inflateSync } from 'node:zlib';
import { type CDPSession, expect, type Frame, type Page } from '@playwright/test';
import { ENTITIES } from '../../../utils/entities';
import { HIGHLIGHT_ALPHA } from '../../../utils/highlight';
import type { EntityId } from '../../../utils/types';

export { HIGHLIGHT_ALPHA };

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface HighlightRange {
  text: string;
  /** id of the nearest element with an id around the range ('' when none). */
  where: string;
  /** First client rect of the range (its centre is over the text). */
  rect: Box;
}

// ---------------------------------------------------------------- registry (page world)

/** Ranges registered as CSS.highlights `eight-reasons-<entity>` (read from the page's own world). */
export async function highlightRanges(page: Page | Frame, entity: EntityId | 'flash'): Promise<HighlightRange[]> {
  return page.evaluate((name) => {
    const h = CSS.highlights.get(name);
    if (!h) return [];
    const out: { text: string; where: string; rect: { x: number; y: number; width: number; height: number } }[] = [];
    for (const r of h) {
      if (!(r instanceof Range)) continue;
      const first = r.getClientRects()[0] ?? r.getBoundingClientRect();
      const node = r.commonAncestorContainer;
      const el = node instanceof Element ? node : node.parentElement;
      out.push({
        text: r.toString(),
        where: el?.closest('[id]')?.id ?? '',
        rect: { x: first.x, y: first.y, width: first.width, height: first.height },
      });
    }
    return out;
  }, `eight-reasons-${entity}`);
}

/** The highlighted range of an entity inside the element with this id. */
export async function rangeIn(page: Page | Frame, entity: EntityId, where: string): Promise<HighlightRange> {
  const found = (await highlightRanges(page, entity)).find((r) => r.where === where);
  if (!found) throw new Error(`no ${entity} highlight in #${where}`);
  return found;
}

/** Whether a range of this entity inside the element with this id is registered right now. */
export async function isRegistered(page: Page | Frame, entity: EntityId, where: string): Promise<boolean> {
  return (await highlightRanges(page, entity)).some((r) => r.where === where);
}

/** Whether the highlighted range of an entity inside the element with this id lies wholly inside the viewport. */
export async function rangeInViewport(page: Page, entity: EntityId, where: string): Promise<boolean> {
  const vh = await page.evaluate(() => window.innerHeight);
  const { rect } = await rangeIn(page, entity, where);
  return rect.y >= 0 && rect.y + rect.height <= vh;
}

/** Scroll the element with this id to the middle of the viewport, then give its entity range (for pointer use). */
export async function rangeInView(page: Page, entity: EntityId, where: string): Promise<HighlightRange> {
  await page.evaluate((id) => document.getElementById(id)?.scrollIntoView({ block: 'center' }), where);
  return rangeIn(page, entity, where);
}

/** Number of ranges per `eight-reasons-*` highlight currently registered (names without the prefix). */
export async function highlightSizes(page: Page | Frame): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    CSS.highlights.forEach((h, name) => {
      if (name.startsWith('eight-reasons-')) out[name.slice('eight-reasons-'.length)] = h.size;
    });
    return out;
  });
}

/** Ranges over all entity highlights (the flash highlight is not a mention). */
export async function totalHighlighted(page: Page | Frame): Promise<number> {
  const sizes = await highlightSizes(page);
  return Object.entries(sizes)
    .filter(([k]) => k !== 'flash')
    .reduce((n, [, v]) => n + v, 0);
}

/** Centre of a rect in viewport coordinates. */
export function centre(rect: Box): { x: number; y: number } {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

// ---------------------------------------------------------------- registry (a clean world of ours)

/**
 * Evaluate an expression in a fresh isolated world of the frame (untouched by
 * the page's prototype poisoning). A cross-site frame has its own CDP session;
 * a same-process frame is found in the page's frame tree by its URL.
 */
export async function probe<T>(page: Page, expression: string, frame?: Frame): Promise<T> {
  const child = frame && frame !== page.mainFrame() ? frame : undefined;
  let cdp: CDPSession;
  let frameId: string;
  const ownSession = child
    ? await page
        .context()
        .newCDPSession(child)
        .catch(() => null)
    : null;
  if (ownSession) {
    cdp = ownSession;
    frameId = ((await cdp.send('Page.getFrameTree')) as FrameTree).frameTree.frame.id;
  } else {
    cdp = await page.context().newCDPSession(page);
    const tree = ((await cdp.send('Page.getFrameTree')) as FrameTree).frameTree;
    const found = child ? findFrame(tree, child.url()) : tree.frame.id;
    if (!found) throw new Error(`frame ${child?.url()} not in the page's frame tree`);
    frameId = found;
  }
  try {
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId, worldName: 'hostile-probe' });
    const r = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (r.exceptionDetails)
      throw new Error(`probe failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value as T;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

interface FrameNode {
  frame: { id: string; url: string };
  childFrames?: FrameNode[];
}
interface FrameTree {
  frameTree: FrameNode;
}
function findFrame(node: FrameNode, url: string): string | null {
  if (node.frame.url === url) return node.frame.id;
  for (const c of node.childFrames ?? []) {
    const f = findFrame(c, url);
    if (f) return f;
  }
  return null;
}

/** Texts of the ranges of every `eight-reasons-*` highlight, in registry order (read from a clean world). */
export function highlightTexts(page: Page, frame?: Frame): Promise<Record<string, string[]>> {
  return probe(
    page,
    `(() => { const out = {}; CSS.highlights.forEach((h, name) => {
      if (name.startsWith('eight-reasons-')) out[name.slice(14)] = [...h].map((r) => r.toString()); });
      return out; })()`,
    frame,
  );
}

/** Number of registered mentions (entity highlights, not the flash), read from a clean world: a count, not pixels. */
export async function registeredCount(page: Page, frame?: Frame): Promise<number> {
  const t = await highlightTexts(page, frame);
  return Object.entries(t)
    .filter(([k]) => k !== 'flash')
    .reduce((n, [, v]) => n + v.length, 0);
}

/**
 * Where each highlighted range lives: the id of its nearest ancestor element
 * with an id (crossing out of open shadow roots), per entity (clean world).
 */
export function highlightPlaces(page: Page, frame?: Frame): Promise<Record<string, string[]>> {
  return probe(
    page,
    `(() => { const out = {};
      const placeOf = (n) => { for (let el = n; el; ) {
        if (el.nodeType === 1 && el.id) return el.id;
        el = el.parentNode ?? (el instanceof ShadowRoot ? el.host : null); } return '?'; };
      CSS.highlights.forEach((h, name) => { if (!name.startsWith('eight-reasons-') || name.endsWith('-flash')) return;
        out[name.slice(14)] = [...h].map((r) => placeOf(r.startContainer)).sort(); });
      return out; })()`,
    frame,
  );
}

/**
 * Viewport rect of the first occurrence of `word` in the element `#id` (computed in a clean world);
 * in a child frame's viewport when `frame` is given (see frameBoxToPage).
 */
export function wordRect(page: Page, id: string, word: string, frame?: Frame): Promise<Box> {
  return probe(
    page,
    `(() => { const w = document.createTreeWalker(document.getElementById(${JSON.stringify(id)}), NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) { const i = n.data.indexOf(${JSON.stringify(word)});
        if (i < 0) continue; const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + ${word.length});
        const b = r.getClientRects()[0]; return { x: b.x, y: b.y, width: b.width, height: b.height }; }
      throw new Error('word not found'); })()`,
    frame,
  );
}

/** A box in a child frame's viewport, moved into the top page's viewport (past the frame element's border). */
export async function frameBoxToPage(frame: Frame, box: Box): Promise<Box> {
  const element = await frame.frameElement();
  const outer = await element.boundingBox();
  if (!outer) throw new Error(`frame ${frame.url()} has no box`);
  const [left, top] = await element.evaluate((e) => [(e as Element).clientLeft, (e as Element).clientTop]);
  return { ...box, x: box.x + outer.x + (left ?? 0), y: box.y + outer.y + (top ?? 0) };
}

// ---------------------------------------------------------------- waits

/** Poll `read` until `ok` holds; the error names the last value seen. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  { timeout = 15_000, interval = 100, what = 'condition' }: { timeout?: number; interval?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} never held; last seen: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Wait until the highlight registry stops changing (three equal reads 150 ms apart). */
export async function waitForStableHighlights(page: Page | Frame, timeout = 15_000): Promise<Record<string, number>> {
  let last = '';
  let same = 0;
  return pollUntil(
    () => highlightSizes(page),
    (sizes) => {
      const key = JSON.stringify(Object.entries(sizes).filter(([k]) => k !== 'flash'));
      same = key === last ? same + 1 : 0;
      last = key;
      return same >= 2;
    },
    { timeout, interval: 150, what: 'highlights settling' },
  );
}

/** Wait until `check` holds on the painted highlights, read from a clean world (hostile pages). */
export function waitForHighlights(
  page: Page,
  check: (t: Record<string, string[]>) => boolean,
  timeout = 15_000,
  frame?: Frame,
): Promise<Record<string, string[]>> {
  return pollUntil(() => highlightTexts(page, frame), check, { timeout, what: 'highlights matching' });
}

// ---------------------------------------------------------------- pixels

export type Rgb = [number, number, number];

export function luminance([r, g, b]: Rgb): number {
  const ch = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Pixels of a PNG (row by row), decoded here: Playwright's screenshots are
 * 8-bit RGB or RGBA, not interlaced. No page is involved, so a hostile page's
 * CSP or poisoned prototypes cannot get in the way.
 */
export function decodePng(png: Buffer): { width: number; height: number; pixels: Rgb[] } {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colourType, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
      if (depth !== 8 || !channels || interlace !== 0)
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${colourType}, interlace ${interlace}`);
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = y * (stride + 1) + 1;
    for (let i = 0; i < stride; i++) {
      const x = raw[line + i] as number;
      const a = i >= channels ? (out[y * stride + i - channels] as number) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + i] as number) : 0;
      const c = y > 0 && i >= channels ? (out[(y - 1) * stride + i - channels] as number) : 0;
      let v: number;
      switch (filter) {
        case 0:
          v = x;
          break;
        case 1:
          v = x + a;
          break;
        case 2:
          v = x + b;
          break;
        case 3:
          v = x + ((a + b) >> 1);
          break;
        case 4: {
          const p = a + b - c;
          const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
          v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default:
          throw new Error(`bad PNG filter ${filter}`);
      }
      out[y * stride + i] = v & 0xff;
    }
  }
  const pixels: Rgb[] = [];
  for (let i = 0; i < out.length; i += channels)
    pixels.push([out[i] as number, out[i + 1] as number, out[i + 2] as number]);
  return { width, height, pixels };
}

/** Pixels of a PNG. */
export function pixelsOf(png: Buffer): Rgb[] {
  return decodePng(png).pixels;
}

export function mostCommon(pixels: Rgb[]): Rgb {
  const counts = new Map<string, number>();
  for (const p of pixels) counts.set(p.join(','), (counts.get(p.join(',')) ?? 0) + 1);
  const [key] = [...counts].sort((a, b) => b[1] - a[1])[0] as [string, number];
  return key.split(',').map(Number) as Rgb;
}

/** The pixels of a viewport box. */
export async function pixelsAt(page: Page, box: Box): Promise<Rgb[]> {
  return pixelsOf(await page.screenshot({ clip: box }));
}

/** The page's own background: the commonest colour near its top left corner, with the pointer out of the way. */
export async function pageBackground(page: Page): Promise<Rgb> {
  await page.mouse.move(1, 1);
  return mostCommon(await pixelsAt(page, { x: 2, y: 2, width: 20, height: 20 }));
}

/** The pixels of a box 1 px in from its edges: a mention's highlighted area only. */
export async function pixelsInside(page: Page, box: Box): Promise<Rgb[]> {
  return pixelsAt(page, {
    x: box.x + 1,
    y: box.y + 1,
    width: Math.max(1, box.width - 2),
    height: Math.max(1, box.height - 2),
  });
}

/** Share of clearly coloured pixels (channel spread above 40) in a box and 1 px around it: black text on white has none. */
export async function colourShare(page: Page, box: Box): Promise<number> {
  const pixels = await pixelsAt(page, {
    x: Math.max(0, box.x - 1),
    y: Math.max(0, box.y - 1),
    width: box.width + 2,
    height: box.height + 2,
  });
  return pixels.filter((p) => Math.max(...p) - Math.min(...p) > 40).length / pixels.length;
}

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The configured default colour of an entity (utils/entities.ts). */
export function entityColour(entity: EntityId): Rgb {
  const e = ENTITIES.find((x) => x.id === entity);
  if (!e) throw new Error(`no entity ${entity}`);
  return hexToRgb(e.color);
}

/** A colour laid over a background at an alpha (what the highlight's `rgb(c / alpha)` wash draws). */
export function blend(colour: Rgb, under: Rgb, alpha = HIGHLIGHT_ALPHA): Rgb {
  return colour.map((c, i) => Math.round(c * alpha + (under[i] as number) * (1 - alpha))) as Rgb;
}

/** Two colours equal within `tolerance` on every channel (rounding in the compositor). */
export function near(a: Rgb, b: Rgb, tolerance = 4): boolean {
  return a.every((c, i) => Math.abs(c - (b[i] as number)) <= tolerance);
}

/** The commonest colour inside a box (1 px in from its edges): a mention's wash, or the background. */
export async function paintedColour(page: Page, box: Box): Promise<Rgb> {
  return mostCommon(await pixelsInside(page, box));
}

/**
 * The background under a box, seen beside it: the commonest colour of two
 * 4 px strips just left and right of it on the same line (word spaces, mostly
 * background; the wash stays inside the box).
 */
export async function backgroundBeside(page: Page, box: Box): Promise<Rgb> {
  const vw = await page.evaluate(() => window.innerWidth);
  const strips: Box[] = [
    { x: box.x - 5, y: box.y + 1, width: 4, height: Math.max(1, box.height - 2) },
    { x: box.x + box.width + 1, y: box.y + 1, width: 4, height: Math.max(1, box.height - 2) },
  ].filter((b) => b.x >= 0 && b.x + b.width <= vw);
  const pixels: Rgb[] = [];
  for (const strip of strips) pixels.push(...(await pixelsAt(page, strip)));
  return pixels.length ? mostCommon(pixels) : pageBackground(page);
}

export interface PaintOptions {
  /** The background under the box without a highlight; default: the colour beside it (backgroundBeside). */
  under?: Rgb;
  /** The colour the entity is painted in (hex or rgb); default: its configured colour. */
  colour?: string | Rgb;
  /** The wash's alpha; default HIGHLIGHT_ALPHA (the flash uses FLASH_ALPHA). */
  alpha?: number;
  /**
   * Leave the pointer where it is (by default it is moved to the corner first, so no hover card covers the
   * box; a pointer move also closes a card the keyboard opened, which a test may still want to see).
   */
  keepPointer?: boolean;
}

/** The reveal flash: rgb(250 204 21 / 0.9) (content/paint.ts), drawn over the mention's own wash. */
export const FLASH_COLOUR: Rgb = [250, 204, 21];
export const FLASH_ALPHA = 0.9;

/**
 * Expect a box to be washed in an entity's colour: its commonest colour is the
 * colour at HIGHLIGHT_ALPHA over the background under it. Returns the colour seen.
 */
export async function expectBoxPainted(
  page: Page,
  entity: EntityId,
  box: Box,
  options: PaintOptions = {},
  label: string = entity,
): Promise<Rgb> {
  if (!options.keepPointer) await page.mouse.move(1, 1);
  const under = options.under ?? (await backgroundBeside(page, box));
  const colour =
    options.colour === undefined
      ? entityColour(entity)
      : typeof options.colour === 'string'
        ? hexToRgb(options.colour)
        : options.colour;
  const want = blend(colour, under, options.alpha);
  const seen = await paintedColour(page, box);
  expect(
    near(seen, want),
    `${label}: box ${JSON.stringify(box)} is ${seen}, want ${want} (${colour} over ${under})`,
  ).toBe(true);
  return seen;
}

/**
 * Expect the mention of an entity inside the element with this id to be
 * painted in pixels (scrolled into view first when it is outside the viewport).
 */
export async function expectPainted(
  page: Page,
  entity: EntityId,
  where: string,
  options: PaintOptions = {},
): Promise<Rgb> {
  let { rect } = await rangeIn(page, entity, where);
  const vh = await page.evaluate(() => window.innerHeight);
  if (rect.y < 0 || rect.y + rect.height > vh) rect = (await rangeInView(page, entity, where)).rect;
  return expectBoxPainted(page, entity, rect, options, `${entity} in #${where}`);
}

/** Expect a box to show only the background under it (no wash): its commonest colour is `under`. */
export async function expectUnpainted(page: Page, box: Box, under?: Rgb, label = 'box'): Promise<Rgb> {
  await page.mouse.move(1, 1);
  const bg = under ?? (await backgroundBeside(page, box));
  const seen = await paintedColour(page, box);
  expect(near(seen, bg, 2), `${label}: ${JSON.stringify(box)} is ${seen}, want the background ${bg}`).toBe(true);
  return seen;
}

/** Expect the first `word` inside #id (scrolled into view) to be plain: not tinted by any highlight. */
export async function expectWordUnpainted(page: Page, id: string, word: string, under?: Rgb): Promise<Rgb> {
  await probe(page, `document.getElementById(${JSON.stringify(id)}).scrollIntoView({ block: 'center' })`);
  return expectUnpainted(page, await wordRect(page, id, word), under, `"${word}" in #${id}`);
}
