#!/usr/bin/env node
/**
 * Did a change make our pass faster? Times the engine of another checkout (A)
 * and of this one (B) on the same pages in one browser, alternating which goes
 * first, each on a fresh load, and prints the medians and B/A. On these shared
 * machines a run of this tree against itself (A/A) is the noise to compare with:
 * B/A within about ±20 % of 1 means nothing when the load average is high.
 *
 *   git worktree add /tmp/old <commit> && ln -s "$PWD/node_modules" /tmp/old/node_modules
 *   node bench/ab.mjs /tmp/old [page ...]        (corpus names; default qq yahoo-3 gmw)
 *
 * Env: BENCH_REPS (default 9).
 */
import path from 'node:path';
import { loadWithEngine, openBenchPage } from './browser.mjs';
import { bundleEngine } from './bundle.mjs';
import { startServer } from './server.mjs';
import { median } from './stats.mjs';

const [other, ...pages] = process.argv.slice(2);
if (!other) {
  console.error('usage: node bench/ab.mjs <other checkout> [corpus page ...]');
  process.exit(2);
}
const names = pages.length ? pages : ['qq', 'yahoo-3', 'gmw'];
const REPS = Number(process.env.BENCH_REPS ?? 9);
const { bundleEngine: bundleOther } = await import(path.resolve(other, 'bench/bundle.mjs'));
const server = await startServer({ corpusDir: path.resolve('../shared/corpus/pages'), extra: {} });
const A = await bundleOther();
const B = await bundleEngine();
const { browser, page } = await openBenchPage();

console.log('| page | floor ms | A ms | B ms | B/A |\n|---|---:|---:|---:|---:|');
for (const name of names) {
  const url = `${server.origin}/corpus/${name}.html`;
  const ms = { A: [], B: [], floor: [] };
  for (let i = 0; i < REPS; i++) {
    const order =
      i % 2
        ? [
            ['A', A],
            ['B', B],
          ]
        : [
            ['B', B],
            ['A', A],
          ];
    for (const [key, bundle] of order) {
      await loadWithEngine(page, url, [bundle.code]);
      ms[key].push((await page.evaluate(() => window.__erBench.ours())).ownMs);
    }
    await loadWithEngine(page, url, [B.code]);
    ms.floor.push((await page.evaluate(() => window.__erBench.floor())).ms);
  }
  const [f, a, b] = [median(ms.floor), median(ms.A), median(ms.B)];
  console.log(`| ${name} | ${f.toFixed(1)} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(b / a).toFixed(2)} |`);
}
await browser.close();
server.close?.();
process.exit(0);
