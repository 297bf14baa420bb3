/**
 * What the benchmark injects into each page: the real page engine (the same
 * module the content script runs) plus small drivers that time it, the
 * TreeWalker floor, mark.js and advanced-mark.js, and look for layout shift.
 * Bundled as an IIFE by bench/lib/bundle.mjs; everything is reached through
 * `window.__erBench`.
 */
import { createEngine } from '@/content/engine';
import type { Engine } from '@/content/types';
import { waited } from '@/content/yield';
import { CORE_ENTITY_IDS, ENTITIES } from '@/utils/entities';
import type { EntityId, FrameSummary } from '@/utils/types';
import '../../tests/cue-data-setup';

const entities: readonly EntityId[] = CORE_ENTITY_IDS;
const colors = Object.fromEntries(ENTITIES.map((e) => [e.id, e.color])) as Record<EntityId, string>;
/** The aliases mark.js is asked to mark: exactly those of the entities our engine looks for. */
const aliases = ENTITIES.filter((e) => entities.includes(e.id)).flatMap((e) => e.aliases);

const now = () => performance.now();
const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
/** Resolves after the next frame has been rendered (rAF runs before paint; a posted task runs after it). */
const afterPaint = () =>
  new Promise<void>((r) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => r();
      ch.port2.postMessage(0);
    }),
  );
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Lay the page out and let it render, so no run pays for the page's first layout. */
async function settle(): Promise<void> {
  void document.body?.getBoundingClientRect();
  await nextFrame();
  await afterPaint();
}

/** The floor: a bare TreeWalker pass reading every text node's data. */
function floor() {
  const t0 = now();
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes++;
    chars += (n as Text).data.length;
  }
  return { ms: now() - t0, nodes, chars };
}

/**
 * The floor of any engine that covers open shadow roots, as the issue asks: the floor's walk plus one native query
 * over the elements, reading each one's `shadowRoot`. Reading an element from script the first time creates its
 * wrapper, which is what that costs on a fresh load.
 */
function floorShadow() {
  const t0 = now();
  const { nodes, chars } = floor();
  const all = (document.body ?? document.documentElement).querySelectorAll('*');
  let shadows = 0;
  for (let i = 0; i < all.length; i++) if ((all[i] as Element).shadowRoot) shadows++;
  return { ms: now() - t0, nodes, chars, elements: all.length, shadows };
}

/**
 * The control for paint: no engine, one range on the page's first text, and one `::highlight` rule for every
 * element, the plainest rule-based paint. On a page whose mentions sit in most of its elements (the synthetic page)
 * it is also the cheapest rule set we found; on pages with few mentions our rules name fewer elements and cost less.
 */
async function ruleControl() {
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode() as Text | null;
  while (node && node.data.trim() === '') node = walker.nextNode() as Text | null;
  if (!node) return { ms: Number.NaN };
  const range = new Range();
  range.setStart(node, 0);
  range.setEnd(node, 1);
  CSS.highlights.set('er-bench-control', new Highlight(range));
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('::highlight(er-bench-control){background-color:#ffe58a}');
  console.timeStamp('er-rule');
  const t0 = now();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  await afterPaint();
  const ms = now() - t0;
  console.timeStamp('er-ruled');
  return { ms };
}

/** Long tasks (over 50 ms, the browser's threshold) seen while fn runs. */
async function withLongTasks<T>(fn: () => Promise<T>): Promise<{ value: T; longTasks: number[] }> {
  const longTasks: number[] = [];
  let observer: PerformanceObserver | undefined;
  try {
    observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
  } catch {
    observer = undefined;
  }
  const value = await fn();
  // Long task entries are delivered after the task: give them a moment.
  await sleep(0);
  for (const e of observer?.takeRecords() ?? []) longTasks.push(e.duration);
  observer?.disconnect();
  return { value, longTasks };
}

function highlightSizes(): Record<string, number> {
  const out: Record<string, number> = {};
  CSS.highlights.forEach((h, name) => {
    if (name.startsWith('eight-reasons-')) out[name] = h.size;
  });
  return out;
}

interface Running {
  engine: Engine;
  controller: AbortController;
  last: FrameSummary | null;
  changes: number;
  waiters: Array<(s: FrameSummary) => void>;
}

function launch(): Running {
  const controller = new AbortController();
  const run: Running = { engine: null as unknown as Engine, controller, last: null, changes: 0, waiters: [] };
  run.engine = createEngine(document, {
    entities,
    colors,
    signal: controller.signal,
    onChange: (s) => {
      run.last = s;
      run.changes++;
      for (const w of run.waiters.splice(0)) w(s);
    },
  });
  return run;
}

function halt(run: Running): void {
  run.engine.stop();
  run.controller.abort();
}

/** Our full pass: createEngine().start() until its promise settles. */
async function ours(opts: { keep?: boolean } = {}) {
  let run: Running | undefined;
  const { value, longTasks } = await withLongTasks(async () => {
    console.timeStamp('er-start');
    const t0 = now();
    const w0 = waited();
    run = launch();
    await run.engine.start();
    const ms = now() - t0;
    // Our own main-thread time: the wall time less the time handed back to the page between slices.
    const ownMs = ms - (waited() - w0);
    console.timeStamp('er-end');
    await afterPaint();
    const withFrame = now() - t0;
    // On a page with many mentions the ranges near the viewport are registered after the browser's first
    // intersection report: one more frame, so the probe's window covers that task too.
    await afterPaint();
    console.timeStamp('er-painted');
    return { ms, ownMs, withFrame };
  });
  const r = run!;
  const summary = r.engine.summary();
  const painted = highlightSizes();
  const result = {
    ...value,
    longTasks,
    total: summary.total,
    listed: summary.mentions.length,
    capped: summary.capped,
    painted: Object.values(painted).reduce((a, b) => a + b, 0),
    byEntity: painted,
  };
  if (!opts.keep) {
    halt(r);
    const left = Object.values(highlightSizes()).reduce((a, b) => a + b, 0);
    return { ...result, leftAfterStop: left };
  }
  kept = r;
  return { ...result, leftAfterStop: -1 };
}
let kept: Running | undefined;
function stopKept(): void {
  if (kept) halt(kept);
  kept = undefined;
}

interface MarkOptions {
  separateWordSearch: boolean;
  diacritics: boolean;
  caseSensitive: boolean;
  accuracy: string;
  exclude: string[];
  acrossElements?: boolean;
  blockElementsBoundary?: boolean;
  shadowDOM?: boolean;
  done: (marks: number, matches?: number) => void;
}
type MarkCtor = new (ctx: Element) => { mark(words: string[], opts: MarkOptions): void };

/** The same aliases, settings and skipped regions for both wrapping highlighters. */
const MARK_OPTIONS = {
  separateWordSearch: false,
  diacritics: false,
  caseSensitive: false,
  accuracy: 'partially',
  exclude: ['script', 'style', 'noscript', 'textarea', 'input', '[contenteditable]'],
};

/**
 * One run of a wrapping highlighter (it wraps each match in a <mark>, splitting text nodes), injected by the bench
 * as `window[global]`. `total` counts matches: across elements one match can take several <mark>s.
 */
async function wrapping(global: 'Mark' | 'AdvancedMark', extra: Partial<MarkOptions>) {
  const Mark = (window as unknown as Record<string, MarkCtor | undefined>)[global];
  if (!Mark) throw new Error(`${global} not injected`);
  let count = 0;
  const t0 = now();
  new Mark(document.body).mark(aliases, {
    ...MARK_OPTIONS,
    ...extra,
    done: (marks, matches) => {
      count = matches ?? marks;
    },
  });
  const ms = now() - t0;
  await afterPaint();
  return { ms, withFrame: now() - t0, total: count };
}

/** mark.js 8: each text node on its own (it cannot match across elements or look into shadow roots). */
const markjs = () => wrapping('Mark', {});

/**
 * advanced-mark.js set to the work our engine does: a name may run across inline elements but not across blocks,
 * and open shadow roots are searched.
 */
const advancedMark = () =>
  wrapping('AdvancedMark', { acrossElements: true, blockElementsBoundary: true, shadowDOM: true });

/** Every element's box, to compare before and after highlighting. */
let boxes: { els: Element[]; rects: DOMRect[] } | undefined;
function snapshotBoxes(): number {
  const els = Array.from(document.querySelectorAll('*'));
  boxes = { els, rects: els.map((e) => e.getBoundingClientRect()) };
  return els.length;
}
function movedBoxes(): { elements: number; moved: number; examples: string[] } {
  if (!boxes) throw new Error('no snapshot');
  let moved = 0;
  const examples: string[] = [];
  boxes.els.forEach((el, i) => {
    const a = boxes!.rects[i]!;
    const b = el.getBoundingClientRect();
    const same =
      Math.abs(a.x - b.x) < 0.01 &&
      Math.abs(a.y - b.y) < 0.01 &&
      Math.abs(a.width - b.width) < 0.01 &&
      Math.abs(a.height - b.height) < 0.01;
    if (!same) {
      moved++;
      if (examples.length < 5) examples.push(`${el.tagName.toLowerCase()} ${a.y.toFixed(1)}->${b.y.toFixed(1)}`);
    }
  });
  return { elements: boxes.els.length, moved, examples };
}

/** Append paragraphs to #feed (the page's work), laid out at once so the layout is not billed to us. */
function appendBatch(texts: string[]): number {
  const feed = document.getElementById('feed')!;
  const frag = document.createDocumentFragment();
  for (const t of texts) {
    const p = document.createElement('p');
    p.textContent = t;
    frag.append(p);
  }
  const t0 = now();
  feed.append(frag);
  void document.body.offsetHeight;
  return now() - t0;
}

function waitTotal(run: Running, total: number, timeoutMs: number): Promise<boolean> {
  if (run.last && run.last.total >= total) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    const check = (s: FrameSummary) => {
      if (s.total >= total) {
        clearTimeout(timer);
        resolve(true);
      } else run.waiters.push(check);
    };
    run.waiters.push(check);
  });
}

/** Wait until onChange has been quiet for quietMs (the initial scan's summary has been sent). */
async function quiet(run: Running, quietMs: number): Promise<void> {
  let seen = -1;
  while (seen !== run.changes) {
    seen = run.changes;
    await sleep(quietMs);
  }
}

/**
 * Infinite scroll, incremental: the engine keeps running while batches are
 * appended; each batch is timed from the append until onChange reports the
 * new mentions.
 */
async function scrollIncremental(batches: string[][], perMention: number[]) {
  const run = launch();
  await run.engine.start();
  await quiet(run, 300);
  let expected = run.engine.summary().total;
  const base = expected;
  const rows: { appendMs: number; wallMs: number; ok: boolean }[] = [];
  let misses = 0;
  for (let i = 0; i < batches.length; i++) {
    expected += perMention[i]!;
    console.timeStamp(`er-batch-${i}`);
    const t0 = now();
    const appendMs = appendBatch(batches[i]!);
    // After three batches in a row go unreported, stop waiting: the engine does not see them.
    const ok = await waitTotal(run, expected, misses >= 3 ? 0 : 3000);
    misses = ok ? 0 : misses + 1;
    const wallMs = now() - t0;
    console.timeStamp(`er-changed-${i}`);
    rows.push({ appendMs, wallMs, ok });
    await afterPaint();
  }
  const final = run.engine.summary().total;
  halt(run);
  return { base, expected, final, rows };
}

/** Infinite scroll without the engine: the page's own cost of each append and its frame (the control). */
async function scrollControl(batches: string[][]) {
  for (let i = 0; i < batches.length; i++) {
    console.timeStamp(`er-ctl-${i}`);
    appendBatch(batches[i]!);
    await afterPaint();
    console.timeStamp(`er-ctlpainted-${i}`);
  }
  return batches.length;
}

/** Infinite scroll, full rescan: after each batch, stop() and start() again. */
async function scrollRescan(batches: string[][]) {
  let run = launch();
  await run.engine.start();
  const base = run.engine.summary().total;
  const rows: { appendMs: number; wallMs: number; total: number }[] = [];
  for (let i = 0; i < batches.length; i++) {
    const appendMs = appendBatch(batches[i]!);
    console.timeStamp(`er-rescan-${i}`);
    const t0 = now();
    halt(run);
    run = launch();
    await run.engine.start();
    const wallMs = now() - t0;
    console.timeStamp(`er-rescanned-${i}`);
    rows.push({ appendMs, wallMs, total: run.engine.summary().total });
    await afterPaint();
  }
  halt(run);
  return { base, rows };
}

const api = {
  settle,
  floor,
  floorShadow,
  ruleControl,
  ours,
  stopKept,
  markjs,
  advancedMark,
  snapshotBoxes,
  movedBoxes,
  scrollIncremental,
  scrollRescan,
  scrollControl,
};
(window as unknown as { __erBench: typeof api }).__erBench = api;
