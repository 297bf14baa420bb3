/**
 * `bench notebook`: the side panel's Notebook view with 10,000 kept passages, in the real built extension.
 *
 * One fresh browser (Playwright, a persistent profile with the extension loaded). The notebook is seeded once through
 * the extension's own import: a valid notebook export (docs/notebook-format.md) of 10,000 passages, generated with a
 * fixed seed, sent from an extension page as the panel sends it (`notebook` / `nb-import`); the reply must say
 * `added` 10,000. Then, per repetition, a fresh side-panel page (sidepanel.html?tab=<a page tab>) is opened and, with
 * the page's own clock (performance.now(), 0 = navigation start):
 *
 * - open: from the click on the Notebook tab to the first passage in the DOM, and to the frame after it;
 * - the longest main-thread task from the click to that frame;
 * - 5 times: the end of the list scrolled into view (the view's IntersectionObserver asks for the next page of 50),
 *   until 50 more passages are in the DOM and a frame has passed: ms per page, and the longest task while scrolling;
 * - the passages in the DOM after those 5 pages (paged: 300, not 10,000).
 *
 * Longest tasks are CPU ms of the panel's main thread from a Chromium trace (Tracing over the page's DevTools
 * session, console.timeStamp markers); a PerformanceObserver('longtask') in the page counts tasks over 50 ms as a
 * check independent of the trace.
 *
 * Env: BENCH_REPS (default 3), ER_EXT_DIR (default .output/chrome-mv3), BENCH_PASSAGES (default 10000).
 * Writes bench/results/notebook.json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, LOOPBACK_ONLY_ARG, QUIET_ARGS } from '../../scripts/chromium.mjs';
import { machine, ROOT, sleep, startBenchServer, writeResult } from '../lib/pages.mjs';
import { renderNotebook } from '../lib/report.mjs';
import { median } from '../lib/stats.mjs';
import { prng } from '../lib/synthetic.mjs';
import { busyBetween, parseTrace, TRACE_CATEGORIES } from '../lib/trace.mjs';

const PAGES_SCROLLED = 5;
const PAGE_SIZE = 50;
const VIEWPORT = { width: 400, height: 900 };

// ---- the seed: a valid notebook export --------------------------------------------------------------------

const ENTITIES = ['wechat', 'taobao', 'alibaba', 'tencent', 'tmall', 'alipay'];
const NAMES = {
  wechat: 'WeChat',
  taobao: 'Taobao',
  alibaba: 'Alibaba',
  tencent: 'Tencent',
  tmall: 'Tmall',
  alipay: 'Alipay',
};
const STANCES = ['supports', 'challenges', 'context'];
const SITES = [
  'www.example-news.com',
  'tech.example.org',
  'blog.example.net',
  'finance.example.com',
  'www.example.cn',
  'research.example.edu',
  'magazine.example.io',
  'daily.example.co.uk',
];
const OPENINGS = [
  'Analysts at the conference argued that',
  'In its latest quarterly report, the company said',
  'Several merchants we spoke to complained that',
  'According to a survey of 2,000 shoppers,',
  'The article makes the point that',
  'Critics have long maintained that',
  'A former product manager recalled that',
  'Data from the first half of the year suggest that',
];
const MIDDLES = [
  'mini-programs inside {E} still struggle to keep buyers coming back after the first purchase',
  'social sharing on {E} drives discovery but rarely turns into repeat orders',
  'payments through {E} are convenient, yet the storefronts lack search and reviews',
  'merchants on {E} pay less for traffic but must build their own audience from scratch',
  '{E} keeps commerce at arm’s length to protect the chat experience its users expect',
  'logistics and after-sales service remain the weak point for sellers relying on {E}',
  'group buying through {E} spreads quickly among friends and fades just as fast',
  'brands treat {E} as a customer-service channel more than as a place to sell',
];
const ENDINGS = [
  'which is exactly what the eight reasons predict.',
  'though the numbers for this year tell a more mixed story.',
  'a claim the company disputes.',
  'and few expect that to change soon.',
  'especially outside the largest cities.',
  'according to people familiar with the matter.',
  'even as the platform adds new features every quarter.',
  'while competitors keep investing in search and recommendations.',
];

/**
 * The export's text: `count` passages over 8 reasons, 3 stances, 6 companies, 8 sites and two years of dates; every
 * (pageUrl, sentence, reason, stance) distinct, so none is skipped as a duplicate. Sentences of 120–260 characters;
 * one in five has a note.
 */
export function notebookExport(count, seed = 20261202) {
  const r = prng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const start = Date.parse('2025-01-01T00:00:00.000Z');
  const span = Date.parse('2026-12-01T00:00:00.000Z') - start;
  const passages = [];
  for (let i = 0; i < count; i++) {
    const entity = pick(ENTITIES);
    const site = pick(SITES);
    const sentence = `${pick(OPENINGS)} ${pick(MIDDLES).replace('{E}', NAMES[entity])}, ${pick(ENDINGS)} (item ${i + 1})`;
    const createdAt = new Date(start + Math.floor(r() * span)).toISOString();
    passages.push({
      sentence,
      title: `${NAMES[entity]} and the limits of social commerce, part ${1 + (i % 40)}`,
      pageUrl: `${r() < 0.2 ? 'http' : 'https'}://${site}/${2025 + (i % 2)}/story-${i % 700}`,
      entity,
      reason: 1 + Math.floor(r() * 8),
      stance: pick(STANCES),
      ...(r() < 0.2 ? { note: 'Worth quoting in the summary; check the figures against the annual report.' } : {}),
      createdAt,
    });
  }
  return JSON.stringify({
    format: 'eight-reasons-notebook',
    version: 1,
    exportedAt: '2026-12-02T00:00:00.000Z',
    passages,
    corrections: [],
    history: [],
  });
}

// ---- in the panel page --------------------------------------------------------------------------------------

/** Installed before the panel's own scripts: every longtask the page reports (over 50 ms). */
const OBSERVE = `(() => {
  window.__nbLong = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__nbLong.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})()`;

/** The next frame after now: a rAF, then a task after it (the frame has been produced). */
const NEXT_FRAME = 'new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))';

/** Click the Notebook tab; the page's clock at the click, at the first passage in the DOM, and a frame later. */
const OPEN = `(async () => {
  const count = () => document.querySelectorAll('[data-testid="nb-passage"]').length;
  console.timeStamp('er-open');
  const click = performance.now();
  let inDom = null;
  const seen = new Promise((resolve) => {
    const done = () => { inDom = performance.now(); mo.disconnect(); resolve(); };
    const mo = new MutationObserver(() => { if (count() > 0) done(); });
    mo.observe(document.body, { childList: true, subtree: true });
  });
  document.querySelector('[data-testid="view-notebook"]').click();
  if (count() > 0) inDom = performance.now(); else await Promise.race([seen, new Promise((r) => setTimeout(r, 30000))]);
  if (inDom === null) throw new Error('no passage within 30 s');
  await ${NEXT_FRAME};
  const shown = performance.now();
  console.timeStamp('er-open-end');
  return { click, inDom, shown, count: count() };
})()`;

/** Scroll the end of the list into view and wait for `want` passages and a frame: the page's clock around it. */
const scrollPage = (n, want) => `(async () => {
  const count = () => document.querySelectorAll('[data-testid="nb-passage"]').length;
  const more = document.querySelector('[data-testid="nb-load-more"]');
  if (!more) throw new Error('no more pages at page ${n}');
  console.timeStamp('er-page-${n}');
  const t0 = performance.now();
  more.scrollIntoView({ block: 'end' });
  const deadline = t0 + 15000;
  while (count() < ${want}) {
    if (performance.now() > deadline) throw new Error('page ${n}: ' + count() + ' passages after 15 s');
    await new Promise((r) => setTimeout(r, 0));
  }
  const inDom = performance.now();
  await ${NEXT_FRAME};
  const t1 = performance.now();
  console.timeStamp('er-page-${n}-end');
  return { ms: t1 - t0, inDomMs: inDom - t0, count: count() };
})()`;

// ---- the run --------------------------------------------------------------------------------------------------

/** Trace the browser over a page's DevTools session while `fn` runs; returns fn's value and the trace's events. */
async function traced(context, page, fn) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const e of value) events.push(e);
  });
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES.join(','), transferMode: 'ReportEvents' });
  let value;
  try {
    value = await fn();
  } finally {
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach().catch(() => {});
  }
  return { value, events };
}

async function oneRep(context, panelUrl) {
  const page = await context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.addInitScript(OBSERVE);
  try {
    const { value, events } = await traced(context, page, async () => {
      await page.goto(panelUrl, { waitUntil: 'load' });
      await page.waitForSelector('[data-testid="view-notebook"]', { timeout: 15_000 });
      const ready = await page.evaluate('performance.now()');
      await sleep(500); // let the panel settle: the measurement starts from a quiet page
      const open = await page.evaluate(OPEN);
      await sleep(300);
      const pages = [];
      for (let n = 1; n <= PAGES_SCROLLED; n++) {
        pages.push(await page.evaluate(scrollPage(n, open.count + n * PAGE_SIZE)));
        await sleep(200);
      }
      const domCount = await page.evaluate('document.querySelectorAll(\'[data-testid="nb-passage"]\').length');
      const long = await page.evaluate('window.__nbLong');
      return { ready, open, pages, domCount, long };
    });
    const trace = parseTrace(events);
    const openBusy = busyBetween(trace, 'er-open', 'er-open-end');
    if (!openBusy) throw new Error('no markers in the trace');
    const scrollBusy = value.pages.map((_, i) => busyBetween(trace, `er-page-${i + 1}`, `er-page-${i + 1}-end`));
    const { open, pages, long } = value;
    const inWindow = (from, to) => long.filter((l) => l.start < to && l.start + l.duration > from);
    const scrollFrom = open.shown;
    return {
      readyMs: value.ready,
      openMs: open.inDom - open.click,
      openShownMs: open.shown - open.click,
      navToPassageMs: open.inDom,
      firstCount: open.count,
      openLongestCpuMs: openBusy.longestCpu,
      openLongestWallMs: openBusy.longest,
      openBusyCpuMs: openBusy.cpu,
      pageMs: pages.map((p) => p.ms),
      pageInDomMs: pages.map((p) => p.inDomMs),
      scrollLongestCpuMs: Math.max(0, ...scrollBusy.map((b) => b?.longestCpu ?? 0)),
      scrollLongestWallMs: Math.max(0, ...scrollBusy.map((b) => b?.longest ?? 0)),
      domCount: value.domCount,
      longtasksOpen: inWindow(open.click, open.shown).map((l) => l.duration),
      longtasksScroll: inWindow(scrollFrom, Number.POSITIVE_INFINITY).map((l) => l.duration),
    };
  } finally {
    await page.close();
  }
}

export default async function notebook() {
  const REPS = Number(process.env.BENCH_REPS ?? 3);
  const COUNT = Number(process.env.BENCH_PASSAGES ?? 10_000);
  const EXT = path.resolve(ROOT, process.env.ER_EXT_DIR ?? '.output/chrome-mv3');
  const t0 = Date.now();
  const server = await startBenchServer({ '/article.html': '<!doctype html><title>article</title><p>An article.</p>' });
  const profile = mkdtempSync(path.join(os.tmpdir(), 'er-nb-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...QUIET_ARGS, LOOPBACK_ONLY_ARG, `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`],
    viewport: { width: 1280, height: 900 },
  });
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const id = new URL(sw.url()).host;
    const home = context.pages()[0] ?? (await context.newPage());
    await home.goto(`${server.origin}/article.html`);
    const tabId = await sw.evaluate(async (url) => {
      const tabs = await chrome.tabs.query({});
      // Without the tabs permission a tab's url may be hidden: then the only tab is the article.
      return (tabs.find((t) => t.url === url) ?? (tabs.length === 1 ? tabs[0] : undefined))?.id;
    }, `${server.origin}/article.html`);
    if (typeof tabId !== 'number') throw new Error('no tab id for the article');
    const panelUrl = `chrome-extension://${id}/sidepanel.html?tab=${tabId}`;

    // Seed through the extension's own import, from one of its pages.
    const text = notebookExport(COUNT);
    const seeder = await context.newPage();
    await seeder.goto(panelUrl);
    const seedStart = Date.now();
    const reply = await seeder.evaluate(
      (t) => chrome.runtime.sendMessage({ type: 'notebook', name: 'nb-import', request: { text: t } }),
      text,
    );
    const seedMs = Date.now() - seedStart;
    await seeder.close();
    const report = reply?.value ?? reply?.reply ?? reply;
    const added = report?.added ?? report?.report?.added;
    if (added !== COUNT) throw new Error(`import did not add ${COUNT}: ${JSON.stringify(reply).slice(0, 500)}`);
    console.error(`[notebook ${Math.round((Date.now() - t0) / 1000)}s] imported ${added} passages in ${seedMs} ms`);

    const runs = [];
    const errors = [];
    for (let rep = 0; rep < REPS; rep++) {
      try {
        runs.push(await oneRep(context, panelUrl));
      } catch (e) {
        errors.push(String(e).slice(0, 300));
      }
      console.error(`[notebook ${Math.round((Date.now() - t0) / 1000)}s] rep ${rep + 1}: ${runs.length} ok`);
    }
    // Where the opening's time goes: the background's answer to each call the view makes, timed from a page.
    const prober = await context.newPage();
    await prober.goto(panelUrl);
    const calls = await prober.evaluate(async (reps) => {
      const ask = (name, request) => chrome.runtime.sendMessage({ type: 'notebook', name, request });
      const out = {};
      for (const [name, request] of [
        ['nb-balance', {}],
        ['nb-list', { filter: { reason: 1 }, limit: 50 }],
        ['nb-reading-week', {}],
      ]) {
        out[name] = [];
        for (let i = 0; i < reps; i++) {
          const t = performance.now();
          await ask(name, request);
          out[name].push(performance.now() - t);
        }
      }
      return out;
    }, REPS);
    await prober.close();
    const stat = (xs) => (xs.length ? { median: median(xs), max: Math.max(...xs) } : null);
    const result = {
      date: new Date().toISOString(),
      machine: machine(),
      reps: REPS,
      passages: COUNT,
      importMs: seedMs,
      importBytes: text.length,
      pageSize: PAGE_SIZE,
      pagesScrolled: PAGES_SCROLLED,
      viewport: VIEWPORT,
      open: stat(runs.map((r) => r.openMs)),
      openShown: stat(runs.map((r) => r.openShownMs)),
      ready: stat(runs.map((r) => r.readyMs)),
      openLongest: stat(runs.map((r) => r.openLongestCpuMs)),
      perPage: stat(runs.flatMap((r) => r.pageMs)),
      scrollLongest: stat(runs.map((r) => r.scrollLongestCpuMs)),
      firstCount: stat(runs.map((r) => r.firstCount)),
      domCount: stat(runs.map((r) => r.domCount)),
      calls: Object.fromEntries(Object.entries(calls).map(([k, v]) => [k, stat(v)])),
      longtasks: {
        open: runs.flatMap((r) => r.longtasksOpen),
        scroll: runs.flatMap((r) => r.longtasksScroll),
      },
      runs,
      errors,
      seconds: (Date.now() - t0) / 1000,
    };
    const file = writeResult('notebook', result);
    console.log(renderNotebook(result));
    console.error(`wrote ${file}`);
    return runs.length ? 0 : 1;
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
