/**
 * `bench phases [page ...]`: explains a miss: on each page, in fresh loads, times the parts of our pass
 * separately (medians of BENCH_REPS, default 3):
 *   floor, cold init of matcher / linker, walk only (cold and warm, sliced and
 *   not), walk + prefilter, + find (match and visibility), + link, and the
 *   whole engine.
 *
 * Pages: corpus names or "synthetic" (default yahoo-3 nytimes-5 qq synthetic). Prints only; writes no JSON.
 */
import { loadWithEngine, openBenchPage } from '../lib/browser.mjs';
import { bundleEngine } from '../lib/bundle.mjs';
import { pageUrl, startBenchServer } from '../lib/pages.mjs';
import { median } from '../lib/stats.mjs';
import { syntheticPage } from '../lib/synthetic.mjs';

export default async function phases(args) {
  const REPS = Number(process.env.BENCH_REPS ?? 3);
  const names = args.length ? args : ['yahoo-3', 'nytimes-5', 'qq', 'synthetic'];
  const server = await startBenchServer(names.includes('synthetic') ? { '/synthetic.html': syntheticPage().html } : {});
  const main = await bundleEngine();
  const phasesBundle = await bundleEngine('phases-entry.ts');
  const { browser, page } = await openBenchPage();

  const fresh = (url) => loadWithEngine(page, url, [main.code, phasesBundle.code]);

  for (const name of names) {
    const url = pageUrl(server.origin, name, ['synthetic']);
    const rows = {};
    const put = (k, v) => {
      rows[k] ??= [];
      rows[k].push(v);
    };
    let info = null;
    for (let rep = 0; rep < REPS; rep++) {
      // Load 1: the walk, cold then warm; the floor.
      await fresh(url);
      info ??= await page.evaluate(() => window.__erPhases.counts());
      put('floor (TreeWalker, text only)', (await page.evaluate(() => window.__erBench.floor())).ms);
      const cold = await page.evaluate(() => window.__erPhases.walk('none'));
      put('walk only, cold', cold.ms);
      put('walk only, warm', (await page.evaluate(() => window.__erPhases.walk('none'))).ms);
      put('walk only, warm, unsliced', (await page.evaluate(() => window.__erPhases.walkUnsliced())).ms);
      const whole = await page.evaluate(() => window.__erPhases.wholeText());
      put('idea: body.textContent (native)', whole.textContentMs);
      put('idea: one hasCandidate over it (cold matcher)', whole.prefilterMs);
      info.wholeChars = whole.chars;
      info.wholeAny = whole.any;
      info.segments = cold.segments;
      info.segmentChars = cold.chars;
      // Load 2: cold init of the pure parts, then each stage (warm walk).
      await fresh(url);
      const init = await page.evaluate(() => window.__erPhases.coldInit());
      put('cold init: matcher (first hasCandidate)', init.matcherMs);
      put('cold init: findMatches', init.findMs);
      put('cold init: linker (first linkMention)', init.linkerMs);
      await page.evaluate(() => window.__erPhases.walk('none'));
      put(
        'walk + prefilter (hasCandidate per segment)',
        (await page.evaluate(() => window.__erPhases.walk('prefilter'))).ms,
      );
      const find = await page.evaluate(() => window.__erPhases.walk('find'));
      put('walk + prefilter + find (match, visibility, locate)', find.ms);
      put('  of which find', find.findMs);
      const full = await page.evaluate(() => window.__erPhases.walk('full'));
      put('walk + prefilter + find + link', full.ms);
      put('  of which link', full.linkMs);
      info.candidates = full.candidates;
      info.found = full.found;
      // Load 3: the engine as the content script runs it (cold).
      await fresh(url);
      const ours = await page.evaluate(() => window.__erBench.ours());
      put('engine start() (cold, everything)', ours.ms);
      put('engine start() + next frame', ours.withFrame);
    }
    console.log(`\n## ${name}: ${JSON.stringify(info)}`);
    for (const [k, v] of Object.entries(rows)) console.log(`${median(v).toFixed(1).padStart(9)} ms  ${k}`);
  }
  await browser.close();
  await server.close();
}
