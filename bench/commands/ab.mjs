/**
 * `bench ab <other checkout> [page ...]`: did a change make our pass faster? Times the engine of another checkout
 * (A) and of this one (B) on the same pages in one browser, alternating which goes first, each on a fresh load, and
 * prints the medians and B/A. On shared machines a run of this tree against itself (A/A) is the noise to compare
 * with: a B/A near 1 means nothing when the load average is high.
 *
 *   git worktree add /tmp/old <commit> && ln -s "$PWD/node_modules" /tmp/old/node_modules
 *   node bench/cli.mjs ab /tmp/old [page ...]        (corpus names; default qq yahoo-3 gmw)
 *
 * Env: BENCH_REPS (default 9). Prints only; writes no JSON.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadWithEngine, openBenchPage } from '../lib/browser.mjs';
import { bundleEngine } from '../lib/bundle.mjs';
import { startBenchServer } from '../lib/pages.mjs';
import { median } from '../lib/stats.mjs';

/** The other checkout's bundler: bench/lib/bundle.mjs, or bench/bundle.mjs in checkouts from before the move. */
async function otherBundler(other) {
  const file = ['bench/lib/bundle.mjs', 'bench/bundle.mjs'].map((f) => path.resolve(other, f)).find(existsSync);
  if (!file) throw new Error(`no bench bundler in ${other}`);
  return (await import(pathToFileURL(file).href)).bundleEngine;
}

export default async function ab([other, ...pages]) {
  if (!other) {
    console.error('usage: node bench/cli.mjs ab <other checkout> [corpus page ...]');
    return 2;
  }
  const names = pages.length ? pages : ['qq', 'yahoo-3', 'gmw'];
  const REPS = Number(process.env.BENCH_REPS ?? 9);
  const server = await startBenchServer();
  const A = await (await otherBundler(other))();
  const B = await bundleEngine();
  const { browser, page } = await openBenchPage();

  console.log('| page | floor ms | A ms | B ms | B/A |\n|---|---:|---:|---:|---:|');
  for (const name of names) {
    const url = `${server.origin}/corpus/${name}.html`;
    const ms = { A: [], B: [], floor: [] };
    for (let i = 0; i < REPS; i++) {
      const order = i % 2 ? { A, B } : { B, A };
      for (const [key, bundle] of Object.entries(order)) {
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
  await server.close();
}
