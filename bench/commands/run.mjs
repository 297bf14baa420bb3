/**
 * `bench run` (`npm run bench`): side by side in one Chromium, on the largest corpus pages and a synthetic stress
 * page, several repetitions in alternating order, each measurement on a fresh load of the page, medians of:
 *   floor             a bare TreeWalker pass reading every text node
 *   ours              createEngine().start() until it settles (scan, match, link, paint): our own time (wall time
 *                     less the time handed back to the page between slices), and the wall time
 *   mark.js           the same aliases, each text node on its own
 *   advanced-mark.js  the same aliases across inline elements (not blocks) and into open shadow roots, as ours
 * plus two controls on fresh loads: the floor with a check of every element for an open shadow root (what covering
 * shadow roots reads at least), and, traced with no engine, the frame after one universal `::highlight` rule; once
 * per page under a performance trace, the longest main-thread task of our pass and layout shift; the three engines
 * again with their code already compiled (later pages of the same site); an infinite-scroll run (incremental vs full
 * rescan); and the gzipped bundle sizes (scripts/sizes.mjs).
 *
 * Env: BENCH_REPS (default 5), BENCH_PAGES (comma list of corpus names), BENCH_SYNTHETIC=0 to skip the synthetic
 * page, BENCH_SCROLL=0 to skip the scroll run, BENCH_CACHED=0 to skip the code-cached runs, ER_OUT_DIR (build folder
 * for sizes; or the folder as the first argument). Prints markdown, writes bench/results/run.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultBuildDir, measureSizes } from '../../scripts/sizes.mjs';
import { loadWithEngine, openBenchPage } from '../lib/browser.mjs';
import { bundleEngine, umdAsGlobal } from '../lib/bundle.mjs';
import { corpusBytes, machine, pagesFromEnv, ROOT, startBenchServer, writeResult } from '../lib/pages.mjs';
import { renderRun } from '../lib/report.mjs';
import { median } from '../lib/stats.mjs';
import { feedParagraphs, syntheticPage } from '../lib/synthetic.mjs';
import { busyBetween, longestTask, parseTrace, TRACE_CATEGORIES } from '../lib/trace.mjs';

const SCROLL = { basePars: 500, batches: 100, perBatch: 10 };
export const TARGETS = { oursOverFloor: 1.5, markOverOurs: 10, longestTaskMs: 16, movedBoxes: 0 };
/** The wrapping highlighters measured beside ours: the global each is injected as, and its package. */
const PEERS = {
  mark: { global: 'Mark', file: 'mark.js/dist/mark.min.js', pkg: 'mark.js' },
  amark: { global: 'AdvancedMark', file: 'advanced-mark.js/dist/mark.min.js', pkg: 'advanced-mark.js' },
};
const versionOf = (pkg) =>
  JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;

export default async function run(args) {
  const T_START = Date.now();
  const REPS = Number(process.env.BENCH_REPS ?? 5);
  const PAGES = pagesFromEnv([
    'yahoo-3',
    'yahoo-1',
    'nytimes-5',
    'breitbart',
    'nytimes-4',
    'lazy-image-2',
    'qq',
    'gmw',
  ]);
  const WITH_SYNTHETIC = process.env.BENCH_SYNTHETIC !== '0';
  const WITH_SCROLL = process.env.BENCH_SCROLL !== '0';
  const WITH_CACHED = process.env.BENCH_CACHED !== '0';
  /** The synthetic page is big: fewer repetitions keep the whole bench within minutes. */
  const SYNTHETIC_REPS = Math.min(REPS, 3);
  const log = (...a) => console.error(`[bench ${((Date.now() - T_START) / 1000).toFixed(0)}s]`, ...a);

  // ---- pages -----------------------------------------------------------------
  const synthetic = WITH_SYNTHETIC ? syntheticPage() : null;
  const scrollBase = feedParagraphs(7, SCROLL.basePars);
  const scrollHtml = `<!doctype html><html><head><meta charset="utf-8"><title>feed</title>
<style>body{font:16px/1.5 sans-serif;max-width:50rem;margin:auto}</style></head><body><main>
${scrollBase.map((t) => `<p>${t}</p>`).join('\n')}
<div id="feed"></div></main></body></html>`;
  const feed = feedParagraphs(99, SCROLL.batches * SCROLL.perBatch);
  const batches = Array.from({ length: SCROLL.batches }, (_, i) =>
    feed.slice(i * SCROLL.perBatch, (i + 1) * SCROLL.perBatch),
  );

  const server = await startBenchServer({
    ...(synthetic ? { '/synthetic.html': synthetic.html } : {}),
    '/scroll.html': scrollHtml,
  });
  const targets = [
    ...PAGES.map((name) => ({
      name,
      url: `${server.origin}/corpus/${name}.html`,
      bytes: corpusBytes(name),
    })),
    ...(synthetic
      ? [{ name: 'synthetic', url: `${server.origin}/synthetic.html`, bytes: Buffer.byteLength(synthetic.html) }]
      : []),
  ];

  const bundle = await bundleEngine();
  if (bundle.browserImports.length) log('WARNING: the engine imports extension APIs:', bundle.browserImports);
  const peerCode = Object.fromEntries(Object.entries(PEERS).map(([k, p]) => [k, umdAsGlobal(p.file, p.global)]));

  const opened = await openBenchPage();
  const { browser } = opened;
  /** The page every measurement runs in; the scroll run gets a fresh one (below). */
  let page = opened.page;
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e).slice(0, 300)));

  /** A fresh load with our bundle and, for a peer's run, that peer alone (each peer its own load). */
  const load = (url, peer = null) => loadWithEngine(page, url, peer ? [bundle.code, peerCode[peer]] : [bundle.code]);
  const inPage = (fn, arg) => page.evaluate(fn, arg);

  // ---- timed runs: floor, ours, mark.js, advanced-mark.js ---------------------
  const runs = Object.fromEntries(
    targets.map((t) => [t.name, { floor: [], floorShadow: [], ours: [], mark: [], amark: [] }]),
  );
  /** Boxes moved by each peer's marks, on its first run of each page (ours is in the probe below). */
  const peerShift = { mark: {}, amark: {} };
  for (let rep = 0; rep < REPS; rep++) {
    for (const t of targets) {
      if (t.name === 'synthetic' && rep >= SYNTHETIC_REPS) continue;
      const r = runs[t.name];
      const reversed = rep % 2 === 1;
      const ourSide = async () => {
        // Each on a fresh load: the first walk over a page creates the script wrappers of its nodes, so whichever ran
        // second would find them made (a warm floor is several times faster than a cold one).
        const order = reversed ? ['ours', 'floorShadow', 'floor'] : ['floor', 'floorShadow', 'ours'];
        for (const m of order) {
          await load(t.url);
          if (m === 'floor') r.floor.push(await inPage(() => window.__erBench.floor()));
          else if (m === 'floorShadow') r.floorShadow.push(await inPage(() => window.__erBench.floorShadow()));
          else r.ours.push(await inPage(() => window.__erBench.ours()));
        }
      };
      const peerSide = (peer) => async () => {
        // The wrapping highlighters take seconds on the synthetic page: one run is enough to show the gap.
        if (t.name === 'synthetic' && rep > 0) return;
        await load(t.url, peer);
        if (rep === 0) await inPage(() => window.__erBench.snapshotBoxes());
        r[peer].push(
          await inPage((p) => (p === 'mark' ? window.__erBench.markjs() : window.__erBench.advancedMark()), peer),
        );
        if (rep === 0) peerShift[peer][t.name] = await inPage(() => window.__erBench.movedBoxes());
      };
      const sides = [ourSide, peerSide('mark'), peerSide('amark')];
      for (const side of reversed ? sides.reverse() : sides) await side();
    }
    log(`rep ${rep + 1}/${REPS} done`);
  }

  // ---- probe: longest task (trace) and layout shift, once per page ------------
  const probes = {};
  for (const t of targets) {
    await load(t.url);
    await inPage(() => window.__erBench.snapshotBoxes());
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const ours = await inPage(() => window.__erBench.ours({ keep: true }));
    const trace = parseTrace(await browser.stopTracing());
    const shift = await inPage(() => window.__erBench.movedBoxes());
    await inPage(() => window.__erBench.stopKept());
    const window = trace.marks.has('er-start') ? busyBetween(trace, 'er-start', 'er-painted') : null;
    // The control: one universal highlight rule and no engine, on a fresh load, traced the same way.
    await load(t.url);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await inPage(() => window.__erBench.ruleControl());
    const ruleTrace = parseTrace(await browser.stopTracing());
    probes[t.name] = {
      longest: longestTask(trace, 'er-start', 'er-painted'),
      oneRule: ruleTrace.marks.has('er-rule') ? longestTask(ruleTrace, 'er-rule', 'er-ruled') : null,
      window,
      longTasksOver50: ours.longTasks,
      shift,
    };
  }
  log('probes done');

  // ---- later pages of the same site: the code already compiled -----------------
  // In the extension Chromium compiles content.js once per renderer process, and V8 keeps the functions it compiled
  // for the later pages of the same site in that process. The runs above evaluate the bundle over the DevTools
  // protocol, which V8 does not cache, so they are the first page of a process. Here every engine comes in an init
  // script, which V8 caches: a warm-up load runs each once, then every measurement is again on a fresh load (the
  // page's node wrappers cold).
  const cached = {};
  if (WITH_CACHED) {
    const warm = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    warm.on('pageerror', (e) => pageErrors.push(String(e).slice(0, 300)));
    await warm.addInitScript({ content: [bundle.code, ...Object.values(peerCode)].join('\n') });
    const measure = {
      ours: async () => (await warm.evaluate(() => window.__erBench.ours())).ownMs,
      mark: async () => (await warm.evaluate(() => window.__erBench.markjs())).ms,
      amark: async () => (await warm.evaluate(() => window.__erBench.advancedMark())).ms,
    };
    for (const t of targets.filter((x) => x.name !== 'synthetic')) {
      const r = { ours: [], mark: [], amark: [] };
      cached[t.name] = r;
      const fresh = async () => {
        await warm.goto(t.url, { waitUntil: 'load' });
        await warm.evaluate(() => window.__erBench.settle());
      };
      for (const m of Object.keys(measure)) {
        await fresh();
        await measure[m]();
      }
      for (let rep = 0; rep < REPS; rep++) {
        const order = Object.keys(measure);
        for (const m of rep % 2 ? order.reverse() : order) {
          await fresh();
          r[m].push(await measure[m]());
        }
      }
    }
    await warm.close();
    log('code-cached runs done');
  }

  // ---- infinite scroll: incremental vs full rescan -----------------------------
  let scroll = null;
  if (WITH_SCROLL) {
    // A fresh page in a new browser context (its own renderer process): garbage left by the big pages measured before
    // (the synthetic page's 100k nodes) must not be collected during, and counted in, a batch of the scroll run.
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    fresh.on('pageerror', (e) => pageErrors.push(String(e).slice(0, 300)));
    await page.context().close();
    page = fresh;
    const perMention = batches.map((b) => b.length); // every feed paragraph holds one mention
    const traced = async (fn, arg) => {
      await load(`${server.origin}/scroll.html`);
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      const value = await inPage(fn, arg);
      return { value, trace: parseTrace(await browser.stopTracing()) };
    };
    const ctl = await traced((b) => window.__erBench.scrollControl(b), batches);
    const inc = await traced(([b, p]) => window.__erBench.scrollIncremental(b, p), [batches, perMention]);
    const full = await traced((b) => window.__erBench.scrollRescan(b), batches);
    const pos = (x) => Math.max(0, x);
    const rows = batches.map((_, i) => {
      const cb = busyBetween(ctl.trace, `er-ctl-${i}`, `er-ctlpainted-${i}`);
      const ib = busyBetween(inc.trace, `er-batch-${i}`, `er-changed-${i}`);
      const fb = busyBetween(full.trace, `er-rescan-${i}`, `er-rescanned-${i}`);
      // CPU time of the renderer's main thread. The page's own cost of the append (script,
      // layout, its frame: the control run) is subtracted; what is left is ours.
      const ctlScript = cb?.scriptCpu ?? 0;
      const ctlFrame = cb?.frameCpu ?? 0;
      return {
        batch: i,
        ctlScriptMs: ctlScript,
        ctlFrameMs: ctlFrame,
        incMs: ib ? pos(ib.cpu - ctlScript - ctlFrame) : Number.NaN,
        incScriptMs: ib ? pos(ib.scriptCpu - ctlScript) : Number.NaN,
        incFrameMs: ib ? pos(ib.frameCpu - ctlFrame) : Number.NaN,
        incLongestMs: ib?.longest ?? Number.NaN,
        incLongestCpuMs: ib?.longestCpu ?? Number.NaN,
        incWallMs: inc.value.rows[i].wallMs,
        incOk: inc.value.rows[i].ok,
        fullMs: fb ? pos(fb.cpu - ctlFrame) : Number.NaN,
        fullScriptMs: fb?.scriptCpu ?? Number.NaN,
        fullFrameMs: fb ? pos(fb.frameCpu - ctlFrame) : Number.NaN,
        fullLongestMs: fb?.longest ?? Number.NaN,
        fullLongestCpuMs: fb?.longestCpu ?? Number.NaN,
        fullWallMs: full.value.rows[i].wallMs,
        fullTotal: full.value.rows[i].total,
      };
    });
    const sum = (k) => rows.reduce((s, r) => s + (Number.isFinite(r[k]) ? r[k] : 0), 0);
    const first = rows.slice(0, 10);
    const last = rows.slice(-10);
    const med = (rs, k) => median(rs.map((r) => r[k]));
    scroll = {
      ...SCROLL,
      base: inc.value.base,
      expected: inc.value.expected,
      finalIncremental: inc.value.final,
      finalRescan: full.value.rows.at(-1)?.total ?? null,
      missedBatches: rows.filter((r) => !r.incOk).length,
      totals: Object.fromEntries(
        ['incMs', 'incScriptMs', 'incFrameMs', 'incWallMs', 'fullMs', 'fullScriptMs', 'fullFrameMs', 'fullWallMs'].map(
          (k) => [k, sum(k)],
        ),
      ),
      stats: {
        incFirst10: med(first, 'incMs'),
        incLast10: med(last, 'incMs'),
        incScriptFirst10: med(first, 'incScriptMs'),
        incScriptLast10: med(last, 'incScriptMs'),
        incFrameFirst10: med(first, 'incFrameMs'),
        incFrameLast10: med(last, 'incFrameMs'),
        fullFirst10: med(first, 'fullMs'),
        fullLast10: med(last, 'fullMs'),
        ctlFirst10: median(first.map((r) => r.ctlScriptMs + r.ctlFrameMs)),
        ctlLast10: median(last.map((r) => r.ctlScriptMs + r.ctlFrameMs)),
        medianRatio: median(rows.map((r) => r.fullMs / r.incMs)),
        incLongestMs: Math.max(...rows.map((r) => r.incLongestMs).filter(Number.isFinite)),
        incLongestCpuMs: Math.max(...rows.map((r) => r.incLongestCpuMs).filter(Number.isFinite)),
        fullLongestMs: Math.max(...rows.map((r) => r.fullLongestMs).filter(Number.isFinite)),
        fullLongestCpuMs: Math.max(...rows.map((r) => r.fullLongestCpuMs).filter(Number.isFinite)),
      },
      rows,
    };
    log('scroll done');
  }

  const browserVersion = browser.version();
  await browser.close();
  await server.close();

  // ---- sizes --------------------------------------------------------------------
  let sizes = null;
  try {
    sizes = measureSizes(args[0] ?? defaultBuildDir());
  } catch (e) {
    log(`sizes: ${e.message}`);
  }

  // ---- results ----------------------------------------------------------------
  /** Medians and ratios of the code-cached runs of one page (the floor is the first-page one: the walk has no code to cache). */
  function cachedSummary(runs, floorMs) {
    const oursMs = median(runs.ours);
    const markMs = median(runs.mark);
    const amarkMs = median(runs.amark);
    return {
      oursMs,
      markMs,
      amarkMs,
      oursOverFloor: oursMs / floorMs,
      markOverOurs: markMs / oursMs,
      amarkOverOurs: amarkMs / oursMs,
      runs,
    };
  }
  const pages = targets.map((t) => {
    const r = runs[t.name];
    const floorMs = median(r.floor.map((x) => x.ms));
    const floorShadowMs = median(r.floorShadow.map((x) => x.ms));
    // Ours: our own main-thread time (wall time less the time the sliced pass handed back to the page, where the
    // page's own tasks run); the wall time is reported beside it.
    const oursMs = median(r.ours.map((x) => x.ownMs));
    const oursWallMs = median(r.ours.map((x) => x.ms));
    const oursFrameMs = median(r.ours.map((x) => x.withFrame));
    const markMs = median(r.mark.map((x) => x.ms));
    const markFrameMs = median(r.mark.map((x) => x.withFrame));
    const amarkMs = median(r.amark.map((x) => x.ms));
    return {
      name: t.name,
      bytes: t.bytes,
      textNodes: r.floor[0]?.nodes ?? null,
      textChars: r.floor[0]?.chars ?? null,
      floorMs,
      floorShadowMs,
      elements: r.floorShadow[0]?.elements ?? null,
      openShadowRoots: r.floorShadow[0]?.shadows ?? null,
      oursMs,
      oursWallMs,
      oursFrameMs,
      markMs,
      markFrameMs,
      amarkMs,
      oursOverFloor: oursMs / floorMs,
      oursOverFloorShadow: oursMs / floorShadowMs,
      markOverOurs: markMs / oursMs,
      markOverOursWithFrame: markFrameMs / oursFrameMs,
      amarkOverOurs: amarkMs / oursMs,
      found: r.ours[0]?.total ?? null,
      painted: r.ours[0]?.painted ?? null,
      capped: r.ours[0]?.capped ?? null,
      leftAfterStop: Math.max(...r.ours.map((x) => x.leftAfterStop)),
      markFound: r.mark[0]?.total ?? null,
      amarkFound: r.amark[0]?.total ?? null,
      longTasksOver50: r.ours.flatMap((x) => x.longTasks),
      probe: probes[t.name],
      markShift: peerShift.mark[t.name] ?? null,
      amarkShift: peerShift.amark[t.name] ?? null,
      runs: r,
      cached: cached[t.name] ? cachedSummary(cached[t.name], floorMs) : null,
    };
  });

  // The ours/floor target is for the large pages; qq and gmw are small pages with a fixed start-up share.
  const largest = pages.filter((p) => p.name !== 'gmw' && p.name !== 'qq');
  const verdict = {
    oursOverFloor: largest.length ? largest.every((p) => p.oursOverFloor <= TARGETS.oursOverFloor) : null,
    markOverOurs: pages.every((p) => p.markOverOurs >= TARGETS.markOverOurs),
    // CPU time: on a shared machine a task's wall time also counts the time it waited for a core.
    longestTask: pages.every(
      (p) => (p.probe.longest?.longestCpuMs ?? Number.POSITIVE_INFINITY) <= TARGETS.longestTaskMs,
    ),
    layoutShift: pages.every((p) => p.probe.shift.moved === TARGETS.movedBoxes),
    scrollProportional: scroll
      ? scroll.stats.incLast10 <= 2 * scroll.stats.incFirst10 + 1 && scroll.missedBatches === 0
      : null,
    sizes: sizes ? sizes.ok : null,
    cached: WITH_CACHED
      ? {
          oursOverFloor: largest.length
            ? largest.every((p) => !p.cached || p.cached.oursOverFloor <= TARGETS.oursOverFloor)
            : null,
          markOverOurs: pages.every((p) => !p.cached || p.cached.markOverOurs >= TARGETS.markOverOurs),
        }
      : null,
  };

  const result = {
    date: new Date().toISOString(),
    machine: machine(browserVersion),
    peers: Object.fromEntries(
      Object.entries(PEERS).map(([k, p]) => [k, { package: p.pkg, version: versionOf(p.pkg) }]),
    ),
    engineBundleBytes: bundle.bytes,
    browserImports: bundle.browserImports,
    reps: REPS,
    syntheticReps: SYNTHETIC_REPS,
    targets: TARGETS,
    verdict,
    pages,
    synthetic: synthetic
      ? { textNodes: synthetic.textNodes, textChars: synthetic.textChars, planted: synthetic.mentions }
      : null,
    scroll,
    sizes,
    pageErrors,
    seconds: (Date.now() - T_START) / 1000,
  };
  const file = writeResult('run', result);
  console.log(renderRun(result));
  log(`wrote ${file}`);
}
