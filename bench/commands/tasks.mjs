/**
 * `bench tasks`: the longest main-thread task our pass causes, on every page of the corpus (the engine's promise:
 * no task of ours longer than a 16 ms frame on any of them). Each page is loaded fresh and traced from the start of
 * our pass to the second frame after it; script tasks and rendering tasks (frames: style, layout, paint, which our
 * sheet and ranges cause) are reported apart. CPU time, since on a shared machine a task's wall time also counts
 * the time it waited for a core.
 *
 * Env: BENCH_PAGES (comma list of corpus names; default every page). Writes bench/results/tasks.json.
 */
import { loadWithEngine, openBenchPage } from '../lib/browser.mjs';
import { bundleEngine } from '../lib/bundle.mjs';
import { corpusBytes, corpusNames, machine, pagesFromEnv, startBenchServer, writeResult } from '../lib/pages.mjs';
import { renderTasks } from '../lib/report.mjs';
import { longestByKind, parseTrace, TRACE_CATEGORIES } from '../lib/trace.mjs';

export default async function tasks() {
  const names = pagesFromEnv(null) ?? corpusNames();
  const server = await startBenchServer();
  const bundle = await bundleEngine();
  const { browser, page } = await openBenchPage();

  const rows = [];
  for (const name of names) {
    try {
      await loadWithEngine(page, `${server.origin}/corpus/${name}.html`, [bundle.code], 30_000);
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      const ours = await page.evaluate(() => window.__erBench.ours({ keep: true }));
      const trace = parseTrace(await browser.stopTracing());
      await page.evaluate(() => window.__erBench.stopKept());
      const l = longestByKind(trace, 'er-start', 'er-painted');
      rows.push({ name, bytes: corpusBytes(name), mentions: ours.total, ...l });
    } catch (e) {
      rows.push({ name, error: String(e).slice(0, 200) });
    }
  }
  const chromium = browser.version();
  await browser.close();
  await server.close();

  const result = { date: new Date().toISOString(), machine: machine(chromium), rows };
  const file = writeResult('tasks', result);
  console.log(renderTasks(result));
  console.error(`wrote ${file}`);
}
