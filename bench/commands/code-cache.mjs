/**
 * `bench code-cache`: does a renderer process reuse code that another
 * one compiled for our content script? One fresh browser with the real built
 * extension, traced by Chromium itself, opens the same page on several sites
 * one after another (a.test, b.test, ... mapped to 127.0.0.1, so each gets a
 * renderer process of its own) and reports, per process, the compile of
 * content.js (its CPU time, and any cache V8 consumed) and the functions of
 * ours V8 compiled on their first call.
 *
 * Why it matters: `bench run` measures both a first page of a process
 * (everything compiled afresh) and later pages of a site (compiled code
 * reused); this tells which one a person gets on each new site.
 *
 * Env: BENCH_PAGES (comma list of corpus names, default qq), BENCH_SITES (default 4), ER_EXT_DIR.
 * Writes bench/results/code-cache.json.
 */
import path from 'node:path';
import { machine, pagesFromEnv, ROOT, sleep, startBenchServer, writeResult } from '../lib/pages.mjs';
import { renderCodeCache } from '../lib/report.mjs';
import { cpuOf, isContentScript } from '../lib/trace.mjs';
import { launchTraced, pipeClient } from '../lib/traced-chromium.mjs';

const SETTLE_MS = 4000;
const CATEGORIES = 'toplevel,devtools.timeline,v8,disabled-by-default-v8.compile,__metadata';
// The .test sites go to the local server; every other host still fails to resolve (as LOOPBACK_ONLY_ARG does).
const RESOLVER = '--host-resolver-rules=MAP *.test 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';
/** Fields V8 adds to a compile event when it consumed (or rejected) a code cache. */
const CACHE_FIELDS = ['consumedCacheSize', 'cacheConsumeOptions', 'cacheRejected'];

/** Per renderer process that ran content.js, in the order the sites were opened. */
function perProcess(events) {
  const evaluations = events
    .filter((e) => e.name === 'EvaluateScript' && isContentScript(e))
    .sort((a, b) => a.ts - b.ts);
  const firstOf = new Map();
  for (const e of evaluations) if (!firstOf.has(e.pid)) firstOf.set(e.pid, e);
  return [...firstOf.values()].map((start) => {
    const onMain = (e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X';
    const compiles = events.filter((e) => e.name === 'v8.compile' && onMain(e) && isContentScript(e));
    // The server's CSP blocks the pages' own scripts, so what V8 compiles after content.js ran is ours. (Its time
    // is not reported: the compile category slows every compile it records.)
    const lazy = events.filter((e) => e.name === 'V8.CompileCode' && onMain(e) && e.ts > start.ts);
    const first = compiles[0];
    return {
      compileCpuMs: first ? cpuOf(first) / 1000 : null,
      cacheFields: first ? CACHE_FIELDS.filter((k) => k in (first.args?.data ?? {})) : [],
      notStreamedReason: first?.args?.data?.notStreamedReason ?? null,
      lazyCompiles: lazy.length,
    };
  });
}

export default async function codeCache() {
  const EXT = path.resolve(ROOT, process.env.ER_EXT_DIR ?? '.output/chrome-mv3');
  const PAGES = pagesFromEnv(['qq']);
  const SITES = Array.from({ length: Number(process.env.BENCH_SITES ?? 4) }, (_, i) => `${'abcdefgh'[i]}.test`);
  const server = await startBenchServer();
  const port = server.port;
  const results = [];
  for (const page of PAGES) {
    const url = (site) => `http://${site}:${port}/corpus/${page}.html`;
    const browser = launchTraced({
      ext: EXT,
      url: url(SITES[0]),
      categories: CATEGORIES,
      seconds: (SITES.length + 2) * (SETTLE_MS / 1000),
      args: [RESOLVER],
      pipe: true,
    });
    try {
      const send = pipeClient(browser.child);
      await sleep(SETTLE_MS);
      for (const site of SITES.slice(1)) {
        await send('Target.createTarget', { url: url(site) });
        await sleep(SETTLE_MS);
      }
      const rows = perProcess((await browser.readTrace()).events);
      results.push({ page, sites: SITES, rows });
    } finally {
      await browser.close();
    }
  }
  await server.close();

  const result = { date: new Date().toISOString(), machine: machine(), results };
  const file = writeResult('code-cache', result);
  console.log(renderCodeCache(result));
  console.error(`wrote ${file}`);
}
