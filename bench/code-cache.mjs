#!/usr/bin/env node
/**
 * `npm run bench:code-cache`: does a renderer process reuse code that another
 * one compiled for our content script? One fresh browser with the real built
 * extension, traced by Chromium itself, opens the same page on several sites
 * one after another (a.test, b.test, ... mapped to 127.0.0.1, so each gets a
 * renderer process of its own) and reports, per process, the compile of
 * content.js (its CPU time, and any cache V8 consumed) and the functions of
 * ours V8 compiled on their first call.
 *
 * Why it matters: `npm run bench` measures both a first page of a process
 * (everything compiled afresh) and later pages of a site (compiled code
 * reused); this tells which one a person gets on each new site.
 *
 * Env: BENCH_PAGES (comma list of corpus names, default qq), BENCH_SITES (default 4), ER_EXT_DIR.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer } from './server.mjs';
import { cpuOf, isContentScript } from './trace.mjs';
import { launchTraced, pipeClient } from './traced-chromium.mjs';

const EXT = path.resolve(process.env.ER_EXT_DIR ?? '.output/chrome-mv3');
const PAGES = (process.env.BENCH_PAGES ?? 'qq').split(',');
const SITES = Array.from({ length: Number(process.env.BENCH_SITES ?? 4) }, (_, i) => `${'abcdefgh'[i]}.test`);
const SETTLE_MS = 4000;
const CATEGORIES = 'toplevel,devtools.timeline,v8,disabled-by-default-v8.compile,__metadata';
// The .test sites go to the local server; every other host still fails to resolve (as LOOPBACK_ONLY_ARG does).
const RESOLVER = '--host-resolver-rules=MAP *.test 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';
/** Fields V8 adds to a compile event when it consumed (or rejected) a code cache. */
const CACHE_FIELDS = ['consumedCacheSize', 'cacheConsumeOptions', 'cacheRejected'];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const server = await startServer({ corpusDir: path.resolve(process.cwd(), '../shared/corpus/pages'), extra: {} });
const port = new URL(server.origin).port;

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

const f1 = (x) => (x === null ? '-' : x.toFixed(1));
const lines = [];
for (const { page, sites, rows } of results) {
  lines.push(
    `${page}, opened on ${sites.length} sites in one browser (one renderer process each):`,
    '',
    '| site | content.js compile: CPU ms | code cache consumed | not streamed because | functions compiled on first call |',
    '|---|---:|---|---|---:|',
    ...rows.map(
      (r, i) =>
        `| ${sites[i] ?? '?'} | ${f1(r.compileCpuMs)} | ${r.cacheFields.length ? r.cacheFields.join(', ') : 'no'} | ${r.notStreamedReason ?? '-'} | ${r.lazyCompiles} |`,
    ),
    '',
  );
  if (rows.length < sites.length) lines.push(`Only ${rows.length} of ${sites.length} processes ran content.js.`, '');
}
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/code-cache.json',
  `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`,
);
console.log(lines.join('\n'));
