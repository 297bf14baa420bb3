#!/usr/bin/env node
/**
 * `npm run bench:tasks`: the longest main-thread task our pass causes, on
 * every page of ../shared/corpus (the engine's promise: no task of ours longer
 * than a 16 ms frame on any of them). Each page is loaded fresh and traced
 * from the start of our pass to the second frame after it; script tasks and
 * rendering tasks (frames: style, layout, paint, which our sheet and ranges
 * cause) are reported apart. CPU time, since on a shared machine a task's wall
 * time also counts the time it waited for a core. Writes
 * bench/results/tasks.json and prints a summary.
 *
 * Env: BENCH_PAGES (comma list of corpus names; default every page).
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadWithEngine, openBenchPage } from './browser.mjs';
import { bundleEngine } from './bundle.mjs';
import { startServer } from './server.mjs';
import { longestByKind, parseTrace, TRACE_CATEGORIES } from './trace.mjs';

const FRAME_MS = 16;
const CORPUS_DIR = path.resolve(process.cwd(), '../shared/corpus/pages');
const names = (
  process.env.BENCH_PAGES?.split(',') ??
  readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -5))
).sort((a, b) => statSync(path.join(CORPUS_DIR, `${b}.html`)).size - statSync(path.join(CORPUS_DIR, `${a}.html`)).size);

const server = await startServer({ corpusDir: CORPUS_DIR, extra: {} });
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
    rows.push({ name, bytes: statSync(path.join(CORPUS_DIR, `${name}.html`)).size, mentions: ours.total, ...l });
  } catch (e) {
    rows.push({ name, error: String(e).slice(0, 200) });
  }
}
await browser.close();
await server.close();

const ok = rows.filter((r) => !r.error);
const max = (k) => ok.reduce((m, r) => (r[k] > m[k] ? r : m), ok[0]);
const over = ok.filter((r) => r.script > FRAME_MS || r.frame > FRAME_MS);
const f1 = (x) => x.toFixed(1);
const lines = [
  `Longest task of our pass on ${ok.length} corpus pages (CPU ms, from the start of the pass to the second frame after it):`,
  `- script: max ${f1(max('script').script)} ms (${max('script').name})`,
  `- rendering frame: max ${f1(max('frame').frame)} ms (${max('frame').name})`,
  `- pages with a task over ${FRAME_MS} ms: ${over.length}${over.map((r) => `\n  - ${r.name}: script ${f1(r.script)}, frame ${f1(r.frame)}, ${r.mentions} mentions`).join('')}`,
];
const errors = rows.filter((r) => r.error);
if (errors.length) lines.push(`- pages that failed to load: ${errors.map((r) => `${r.name} (${r.error})`).join('; ')}`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/tasks.json', `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`);
console.log(lines.join('\n'));
