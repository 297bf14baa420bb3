/**
 * `bench profile <page> [--top=25]`: where does our pass spend its time? Runs the engine once on one page under
 * the V8 sampling profiler and prints self and inclusive time per function.
 *
 * The page: a corpus name, `synthetic` or `scroll` (default yahoo-3). `scroll` profiles one incremental batch (10 paragraphs appended to a 2,000
 * paragraph page) and one full rescan of the same page. Prints only; writes no JSON.
 */
import path from 'node:path';
import { loadWithEngine, openBenchPage } from '../lib/browser.mjs';
import { bundleEngine } from '../lib/bundle.mjs';
import { pageUrl, startBenchServer } from '../lib/pages.mjs';
import { feedParagraphs, syntheticPage } from '../lib/synthetic.mjs';

export default async function profile(args) {
  const target = args.find((a) => !a.startsWith('--')) ?? 'yahoo-3';
  const top = Number(args.find((a) => a.startsWith('--top='))?.slice(6) ?? 25);

  const scrollHtml = `<!doctype html><html><head><meta charset="utf-8"></head><body><main>
${feedParagraphs(7, 2000)
  .map((t) => `<p>${t}</p>`)
  .join('\n')}
<div id="feed"></div></main></body></html>`;
  const server = await startBenchServer({
    ...(target === 'synthetic' ? { '/synthetic.html': syntheticPage().html } : {}),
    '/scroll.html': scrollHtml,
  });
  const url = pageUrl(server.origin, target, ['synthetic', 'scroll']);
  const bundle = await bundleEngine();
  const { browser, page } = await openBenchPage();
  await loadWithEngine(page, url, [`${bundle.code}\n//# sourceURL=er-bench.js`]);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });

  async function profiled(label, fn, arg) {
    await cdp.send('Profiler.start');
    const result = await page.evaluate(fn, arg);
    const { profile } = await cdp.send('Profiler.stop');
    console.log(`\n== ${label}: ${JSON.stringify(result).slice(0, 300)}`);
    summarize(profile, top);
  }

  function summarize(profile, top) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const self = new Map();
    const incl = new Map();
    const key = (n) => {
      const f = n.callFrame;
      const file = f.url ? path.basename(f.url) : '';
      return `${f.functionName || '(anon)'} ${file}${file ? `:${f.lineNumber + 1}` : ''}`;
    };
    let total = 0;
    profile.samples.forEach((id, i) => {
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const n = byId.get(id);
      if (!n || n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') return;
      total += dt;
      self.set(key(n), (self.get(key(n)) ?? 0) + dt);
      const seen = new Set();
      for (let p = id; p !== undefined; p = parent.get(p)) {
        const k = key(byId.get(p));
        if (seen.has(k)) continue;
        seen.add(k);
        incl.set(k, (incl.get(k) ?? 0) + dt);
      }
    });
    const rows = (m) =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`)
        .join('\n');
    console.log(`busy (sampled, excl. idle): ${total.toFixed(1)} ms\n-- self --\n${rows(self)}`);
    console.log(`-- inclusive (er-bench.js only) --`);
    const ours = new Map([...incl.entries()].filter(([k]) => k.includes('er-bench.js')));
    console.log(rows(ours));
  }

  if (target === 'scroll') {
    await profiled('scan of the scroll base', () => window.__erBench.ours({ keep: true }));
    await profiled(
      'one incremental batch (append 10 paragraphs, wait for the rescan)',
      async (texts) => {
        const feed = document.getElementById('feed');
        for (const t of texts) {
          const p = document.createElement('p');
          p.textContent = t;
          feed.append(p);
        }
        await new Promise((r) => setTimeout(r, 600));
        return 'done';
      },
      feedParagraphs(99, 10),
    );
    await page.evaluate(() => window.__erBench.stopKept());
  } else {
    await profiled('full pass', () => window.__erBench.ours());
  }
  await browser.close();
  await server.close();
}
