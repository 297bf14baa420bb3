/**
 * `bench scroll`: what scrolling a page with thousands of mentions costs. The synthetic page is scrolled 150 px a
 * frame for 60 frames, bare and with our engine settled on it, under a trace. Reports, per frame, the main thread's
 * rendering time (ProxyMain::BeginMainFrame, median and max) and the parts that grow with what we track:
 * IntersectionObserver computations (the near-view observer, content/near-view.ts) and paint. The JSON also
 * records layout per frame, which these traces give as 0: it stays out of the table until that is understood.
 *
 * Env: BENCH_FRAMES (default 60). Writes bench/results/scroll.json.
 */
import { loadWithEngine, openBenchPage } from '../lib/browser.mjs';
import { bundleEngine } from '../lib/bundle.mjs';
import { machine, startBenchServer, writeResult } from '../lib/pages.mjs';
import { renderScroll } from '../lib/report.mjs';
import { median } from '../lib/stats.mjs';
import { syntheticPage } from '../lib/synthetic.mjs';
import { TRACE_CATEGORIES } from '../lib/trace.mjs';

const IO = 'IntersectionObserverController::computeIntersections';
const FRAME = 'ProxyMain::BeginMainFrame';
const PARTS = [FRAME, IO, 'Paint', 'PrePaint', 'Layout', 'UpdateLayoutTree'];

export default async function scroll() {
  const FRAMES = Number(process.env.BENCH_FRAMES ?? 60);
  const server = await startBenchServer({ '/synthetic.html': syntheticPage().html });
  const bundle = await bundleEngine();
  const { browser, page } = await openBenchPage();

  const rows = [];
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
    const per = (name) => total[name] / FRAMES;
    rows.push({
      run: withEngine ? 'engine' : 'bare',
      frames: frames.length,
      frameMedianMs: median(frames),
      frameMaxMs: Math.max(...frames),
      intersectionMsPerFrame: per(IO),
      paintMsPerFrame: per('Paint'),
      layoutMsPerFrame: per('Layout'),
    });
    if (withEngine) await page.evaluate(() => window.__erBench.stopKept());
  }
  const chromium = browser.version();
  await browser.close();
  await server.close();

  const result = { date: new Date().toISOString(), machine: machine(chromium), scrolledFrames: FRAMES, rows };
  const file = writeResult('scroll', result);
  console.log(renderScroll(result));
  console.error(`wrote ${file}`);
}
