/**
 * `bench hover`: the task in which a person's hover opens the card,
 * in the real built extension, traced by Chromium itself (--trace-startup).
 *
 * A page's first card pays for what nothing before it needed: the host and
 * its shadow root, the locale's first read, its first layout (font lookups
 * through the browser). The content script pays that in idle time once the
 * page has a mention (the card's warm-up); this measures both the hover's
 * task, which must fit a frame like any other, and the warm-up's. The pointer
 * is moved through the DevTools protocol over a pipe, with no domain enabled
 * (Playwright enables several, and an enabled client inflates some calls):
 * only Runtime.evaluate, to find the mentions and leave console.timeStamp
 * markers around each move, and Input.dispatchMouseEvent.
 *
 * Each run is a fresh browser: off a mention, onto the first mention (first
 * hover), off, onto another (second hover). Reported: the longest main-thread
 * task (CPU ms) from each move to 400 ms after it, and the longest task that
 * ran an idle callback before the pointer came (the warm-up).
 *
 * Env: BENCH_PAGES (comma list of corpus names, "demo" or "synthetic"), BENCH_REPS (default 3), ER_EXT_DIR,
 * BENCH_KEEP_TRACE (a path prefix: each page's last trace is kept there, to read in a trace viewer).
 * Writes bench/results/hover.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { machine, pagesFromEnv, pageUrl, ROOT, startBenchServer, writeResult } from '../lib/pages.mjs';
import { renderHover } from '../lib/report.mjs';
import { median } from '../lib/stats.mjs';
import { syntheticPage } from '../lib/synthetic.mjs';
import { busyBetween, cpuOf, parseTrace } from '../lib/trace.mjs';
import { launchTraced, pipeClient, repeatPerPage } from '../lib/traced-chromium.mjs';

const TRACE_SECONDS = 12;
const AFTER_MOVE_MS = 400;
const CATEGORIES = 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,cc,__metadata';
const IN_MEMORY = ['demo', 'synthetic'];
/** The synthetic page takes seconds to load and scan. */
const traceSecondsOf = (name) => (name === 'synthetic' ? 30 : TRACE_SECONDS);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Viewport centres of up to two highlighted mentions, after scrolling the first to the upper third. */
const FIND_MENTIONS = `(async () => {
  const ranges = [...CSS.highlights.values()].flatMap((h) => [...h]);
  const visible = (r) => { const b = r.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
  const first = ranges.find(visible);
  if (!first) return null;
  scrollBy(0, first.getBoundingClientRect().top - innerHeight / 3);
  await new Promise((r) => setTimeout(r, 500));
  const at = (r) => { const b = r.getClientRects()[0]; return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; };
  const inView = (r) => { const b = r.getBoundingClientRect(); return b.width > 0 && b.top > 20 && b.bottom < innerHeight - 20; };
  const second = ranges.find((r) => r !== first && inView(r) && Math.abs(at(r).y - at(first).y) > 4) ?? first;
  return JSON.stringify([at(first), at(second)]);
})()`;

/** One fresh browser: the two hovers, traced. */
async function hoverOnce(server, ext, name) {
  const browser = launchTraced({
    ext,
    url: pageUrl(server.origin, name, IN_MEMORY),
    categories: CATEGORIES,
    seconds: traceSecondsOf(name),
    args: ['--window-size=1280,900'],
    pipe: true,
  });
  const send = pipeClient(browser.child);
  const started = Date.now();
  try {
    let target = null;
    while (!target && Date.now() - started < 10_000) {
      const { targetInfos } = await send('Target.getTargets');
      target = targetInfos.find((t) => t.type === 'page' && t.url.startsWith(server.origin));
      if (!target) await sleep(100);
    }
    if (!target) throw new Error('no page');
    const { sessionId } = await send('Target.attachToTarget', { targetId: target.targetId, flatten: true });
    const evaluate = async (expression) =>
      (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId)).result.value;
    while ((await evaluate('CSS.highlights.size')) === 0) {
      if (Date.now() - started > traceSecondsOf(name) * 1000 - 5000) throw new Error('no highlights');
      await sleep(100);
    }
    // Let the page and our pass settle before the pointer arrives.
    await sleep(1000);
    const spots = await evaluate(FIND_MENTIONS);
    if (!spots) throw new Error('no visible mention');
    const [first, second] = JSON.parse(spots);
    const move = (p) =>
      send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: p.x, y: p.y, button: 'none' }, sessionId);
    const off = { x: 3, y: 3 };
    const steps = [
      ['off-1', off],
      ['hover-1', first],
      ['off-2', off],
      ['hover-2', second],
    ];
    for (const [label, p] of steps) {
      await evaluate(`console.timeStamp('er-${label}')`);
      await move(p);
      await sleep(AFTER_MOVE_MS);
      await evaluate(`console.timeStamp('er-${label}-end')`);
      await sleep(100);
    }
    // A card hidden by moving off stays in the host: the one there must be showing.
    const shown = await evaluate(
      `(() => { const c = document.querySelector('eight-reasons-ui')?.shadowRoot?.querySelector('[role=tooltip]'); return !!c && getComputedStyle(c).visibility === 'visible'; })()`,
    );
    if (!shown) throw new Error('the card did not open');
    const { buf, events } = await browser.readTrace();
    if (process.env.BENCH_KEEP_TRACE) writeFileSync(`${process.env.BENCH_KEEP_TRACE}-${name}.json`, buf);
    return { trace: parseTrace(events), idle: idleTasks(events) };
  } finally {
    await browser.close();
  }
}

/**
 * CPU ms of each task on the page's main thread that ran an idle callback (the card's warm-up; the pages' own
 * scripts are blocked by the server's CSP, so the idle callbacks there are ours).
 */
function idleTasks(events) {
  const mark = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'er-off-1');
  const onThread = (e) => e.pid === mark?.pid && e.tid === mark?.tid;
  const idle = events.filter((e) => e.name === 'FireIdleCallback' && onThread(e));
  return events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && onThread(e))
    .filter((t) => idle.some((i) => i.ts >= t.ts && i.ts < t.ts + t.dur))
    .map((t) => cpuOf(t) / 1000);
}

/** The longest task after one move, and the main thread's busy CPU time in that window. */
function afterMove(trace, label) {
  const b = busyBetween(trace, `er-${label}`, `er-${label}-end`);
  if (!b) throw new Error(`no markers for ${label}`);
  return { longest: b.longestCpu, busy: b.cpu };
}

export default async function hover() {
  const REPS = Number(process.env.BENCH_REPS ?? 3);
  const EXT = path.resolve(ROOT, process.env.ER_EXT_DIR ?? '.output/chrome-mv3');
  // The corpus pages with a visible mention (gmw's only one is in an attribute), our demo page (English and Chinese
  // mentions in one page) and the synthetic page of `bench run` (76,000 elements).
  const PAGES = pagesFromEnv(['qq', 'bug-1255978', 'demo', 'synthetic']);
  const server = await startBenchServer({
    '/demo.html': readFileSync(path.join(ROOT, 'tests/fixtures/pages/demo.html'), 'utf8'),
    ...(PAGES.includes('synthetic') ? { '/synthetic.html': syntheticPage().html } : {}),
  });
  const measured = await repeatPerPage(PAGES, REPS, 'hover', async (name) => {
    const { trace, idle } = await hoverOnce(server, EXT, name);
    return {
      first: afterMove(trace, 'hover-1'),
      second: afterMove(trace, 'hover-2'),
      off: afterMove(trace, 'off-2'),
      idle: { longest: Math.max(0, ...idle), busy: idle.reduce((a, b) => a + b, 0) },
    };
  });
  const rows = measured.map(({ name, runs, errors }) => {
    const pick = (k, f) => runs.map((r) => r[k][f]);
    const stat = (k, f) => (runs.length ? { median: median(pick(k, f)), max: Math.max(...pick(k, f)) } : null);
    return {
      name,
      runs,
      errors,
      first: stat('first', 'longest'),
      firstBusy: stat('first', 'busy'),
      second: stat('second', 'longest'),
      off: stat('off', 'longest'),
      idle: stat('idle', 'longest'),
    };
  });
  await server.close();

  const result = {
    date: new Date().toISOString(),
    machine: machine(),
    reps: REPS,
    afterMoveMs: AFTER_MOVE_MS,
    rows,
  };
  const file = writeResult('hover', result);
  console.log(renderHover(result));
  console.error(`wrote ${file}`);
}
