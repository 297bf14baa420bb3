#!/usr/bin/env node
/**
 * What scrolling a page with thousands of mentions costs: the synthetic page
 * is scrolled 150 px a frame for 60 frames, bare and with our engine
 * settled on it, under a trace. Prints, per frame, the main thread's
 * rendering time (ProxyMain::BeginMainFrame, median and max) and the parts
 * that grow with what we track: IntersectionObserver computations (the
 * near-view observer, content/near-view.ts) and paint.
 *
 *   node bench/scroll-frames.mjs
 */
import { loadWithEngine, openBenchPage } from './browser.mjs';
import { bundleEngine } from './bundle.mjs';
import { startServer } from './server.mjs';
import { median } from './stats.mjs';
import { syntheticPage } from './synthetic.mjs';
import { TRACE_CATEGORIES } from './trace.mjs';

const FRAMES = 60;
const IO = 'IntersectionObserverController::computeIntersections';
const FRAME = 'ProxyMain::BeginMainFrame';
const PARTS = [FRAME, IO, 'Paint', 'PrePaint', 'Layout', 'UpdateLayoutTree'];

const server = await startServer({ corpusDir: '/tmp', extra: { '/synthetic.html': syntheticPage().html } });
const bundle = await bundleEngine();
const { browser, page } = await openBenchPage();

console.log('| run | frames | frame ms: median | max | per frame: IntersectionObserver ms | paint ms | layout ms |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const withEngine of [false, true]) {
  await loadWithEngine(page, `${server.origin}/synthetic.html`, [bundle.code], 120_000);
  if (withEngine) {
    await page.evaluate(async () => {
      await window.__erBench.ours({ keep: true });
      // Let the near-view observer's first reports and the summary settle.
      await new Promise((r) => setTimeout(r, 1500));
    });
  }
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.evaluate(async (frames) => {
    for (let i = 0; i < frames; i++) {
      window.scrollBy(0, 150);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    console.timeStamp('er-scrolled');
  }, FRAMES);
  const json = JSON.parse((await browser.stopTracing()).toString('utf8'));
  const events = Array.isArray(json) ? json : json.traceEvents;
  const marker = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'er-scrolled');
  const thread = `${marker.pid}:${marker.tid}`;
  const total = Object.fromEntries(PARTS.map((p) => [p, 0]));
  const frames = [];
  for (const e of events) {
    if (e.ph !== 'X' || `${e.pid}:${e.tid}` !== thread || !PARTS.includes(e.name)) continue;
    total[e.name] += e.dur / 1000;
    if (e.name === FRAME) frames.push(e.dur / 1000);
  }
  const per = (name) => (total[name] / FRAMES).toFixed(2);
  console.log(
    `| ${withEngine ? 'with the engine' : 'bare page'} | ${frames.length} | ${median(frames).toFixed(1)} | ${Math.max(...frames).toFixed(1)} | ${per(IO)} | ${per('Paint')} | ${per('Layout')} |`,
  );
  if (withEngine) await page.evaluate(() => window.__erBench.stopKept());
}
await browser.close();
server.close?.();
process.exit(0);
