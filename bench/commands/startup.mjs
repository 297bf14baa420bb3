/**
 * `bench startup`: the task in which the content script starts, in
 * the real built extension, traced by Chromium itself (--trace-startup) with
 * no DevTools client attached.
 *
 * The other benchmarks inject the engine through the DevTools protocol: they
 * time the pass, but not the task that evaluates content.js (compiling the
 * bundle, the polyfill, WXT's context, the start of our main), which is ours
 * on every page and frame. A DevTools client also inflates that task: with
 * one attached and tracing, V8 records stack traces on some calls (see
 * docs/performance.md), so each page here gets a fresh browser with the
 * extension loaded and nothing attached.
 *
 * Env: BENCH_PAGES (comma list), BENCH_REPS (default 3), ER_EXT_DIR (default .output/chrome-mv3).
 * Writes bench/results/startup.json.
 */
import path from 'node:path';
import { machine, pagesFromEnv, ROOT, startBenchServer, writeResult } from '../lib/pages.mjs';
import { renderStartup } from '../lib/report.mjs';
import { median } from '../lib/stats.mjs';
import { cpuOf, isContentScript } from '../lib/trace.mjs';
import { launchTraced, repeatPerPage } from '../lib/traced-chromium.mjs';

const TRACE_SECONDS = 5;
const CATEGORIES = 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8,cc,__metadata';

/** One fresh browser on one page; resolves to the parsed trace events. */
async function traceOnce(server, EXT, name) {
  const browser = launchTraced({
    ext: EXT,
    url: `${server.origin}/corpus/${name}.html`,
    categories: CATEGORIES,
    seconds: TRACE_SECONDS,
  });
  try {
    return (await browser.readTrace()).events;
  } finally {
    await browser.close();
  }
}

/** The task that evaluated content.js (the first frame's): CPU and wall ms, and how much of it was compiling. */
function measure(events) {
  const start = events.find((e) => e.name === 'EvaluateScript' && isContentScript(e));
  if (!start) throw new Error('the content script did not run');
  // DevTools' RunTask holds the microtask checkpoint after the task (where WXT's and our first awaits resume); the
  // scheduler's own ThreadControllerImpl::RunTask ends before it.
  const task = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === start.pid && e.tid === start.tid)
    .filter((e) => e.ts <= start.ts && start.ts < e.ts + e.dur)
    .sort((a, b) => b.dur - a.dur)[0];
  if (!task) throw new Error('no task around the content script');
  const compile = events.find(
    (e) =>
      e.name === 'v8.compile' &&
      e.pid === start.pid &&
      e.tid === start.tid &&
      e.ts >= task.ts &&
      e.ts < task.ts + task.dur &&
      isContentScript(e),
  );
  return {
    cpu: cpuOf(task) / 1000,
    wall: task.dur / 1000,
    compileCpu: compile ? cpuOf(compile) / 1000 : 0,
  };
}

export default async function startup() {
  const REPS = Number(process.env.BENCH_REPS ?? 3);
  const EXT = path.resolve(ROOT, process.env.ER_EXT_DIR ?? '.output/chrome-mv3');
  const PAGES = pagesFromEnv([
    'yahoo-3',
    'yahoo-1',
    'nytimes-5',
    'breitbart',
    'nytimes-4',
    'lazy-image-2',
    'qq',
    'gmw',
    'bug-1255978',
  ]);
  const server = await startBenchServer();
  const rows = (
    await repeatPerPage(PAGES, REPS, 'startup', async (name) => measure(await traceOnce(server, EXT, name)))
  ).map(({ name, runs, errors }) => {
    const med = (k) => (runs.length ? median(runs.map((r) => r[k])) : null);
    const max = (k) => (runs.length ? Math.max(...runs.map((r) => r[k])) : null);
    return { name, runs, errors, cpu: med('cpu'), cpuMax: max('cpu'), wall: med('wall'), compile: med('compileCpu') };
  });
  await server.close();

  const result = { date: new Date().toISOString(), machine: machine(), reps: REPS, rows };
  const file = writeResult('startup', result);
  console.log(renderStartup(result));
  console.error(`wrote ${file}`);
}
