/**
 * The benchmark's tables, rendered from the JSON its subcommands write to bench/results/: pure functions (result
 * in, markdown out), used both to print a run and by `bench report` to rewrite the generated sections of
 * docs/performance.md. Nothing here reads the clock or the machine: the same JSON gives the same markdown.
 */
import { sizesMarkdown } from '../../scripts/sizes.mjs';

const num = (x) => typeof x === 'number' && Number.isFinite(x);
export const f1 = (x) => (num(x) ? x.toFixed(1) : '-');
export const f2 = (x) => (num(x) ? x.toFixed(2) : '-');

/** `2026-12-02 15:40 UTC` from an ISO date. */
export function when(iso) {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : 'unknown date';
}

/** The run's date and machine, as stored in its JSON. */
export function conditions(result) {
  const m = result.machine;
  if (!m) return when(result.date);
  const version = /\d+\.\d+\.\d+\.\d+/.exec(m.chromium ?? '')?.[0];
  const parts = [
    when(result.date),
    `${m.cpu}, ${m.cores} cores${num(m.loadAverage) ? ` (load average ${m.loadAverage.toFixed(1)} at the start)` : ''}`,
    version ? `Chromium ${version} headless` : null,
    m.node ? `Node ${m.node}` : null,
  ];
  return parts.filter(Boolean).join(', ');
}

const table = (head, align, rows) => [`| ${head.join(' | ')} |`, `|${align.join('|')}|`, ...rows].join('\n');
const row = (cells) => `| ${cells.join(' | ')} |`;

// ---- bench run ----------------------------------------------------------------

const peerName = (result, key) => result.peers?.[key]?.package ?? (key === 'mark' ? 'mark.js' : 'advanced-mark.js');
const peerLabel = (result, key) => {
  const p = result.peers?.[key];
  return p ? `${p.package} ${p.version}` : peerName(result, key);
};

/** The main table: floor, ours, mark.js and advanced-mark.js on fresh loads. */
export function renderRunMain(result) {
  const mk = peerName(result, 'mark');
  const am = peerName(result, 'amark');
  const hasSynthetic = result.pages.some((p) => p.name === 'synthetic');
  const reps = `medians of ${result.reps} runs in alternating order, each on a fresh load${
    hasSynthetic ? ` (synthetic page: ${result.syntheticReps ?? result.reps}; ${mk} and ${am} on it: 1)` : ''
  }`;
  const lines = [
    `Measured ${conditions(result)}; ${reps}; ${peerLabel(result, 'mark')}, ${peerLabel(result, 'amark')}.`,
    '',
    table(
      [
        'page',
        'size',
        'text nodes',
        'floor ms',
        'ours ms: own (wall)',
        'ours/floor',
        `${mk} ms`,
        `${mk}/ours`,
        `${am} ms`,
        `${am}/ours`,
        `mentions: ours / ${mk} / ${am}`,
        'longest task ms: cpu (wall)',
        `moved boxes: ours / ${mk} / ${am}`,
      ],
      ['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:'],
      result.pages.map((p) => {
        const l = p.probe?.longest;
        return row([
          p.name,
          `${(p.bytes / 1024).toFixed(0)} KB`,
          p.textNodes ?? '-',
          f1(p.floorMs),
          `${f1(p.oursMs)} (${f1(p.oursWallMs)})`,
          f2(p.oursOverFloor),
          f1(p.markMs),
          f1(p.markOverOurs),
          f1(p.amarkMs),
          f1(p.amarkOverOurs),
          `${p.found ?? '-'}${p.capped ? ' (capped)' : ''} / ${p.markFound ?? '-'} / ${p.amarkFound ?? '-'}`,
          `${f1(l?.longestCpuMs)} (${f1(l?.wallMs)}${l?.frame ? ', frame' : ''})`,
          `${p.probe?.shift?.moved ?? '-'} / ${p.markShift?.moved ?? '-'} / ${p.amarkShift?.moved ?? '-'}`,
        ]);
      }),
    ),
  ];
  const t = result.targets;
  const v = result.verdict;
  if (t && v) {
    const met = (ok) => (ok === null || ok === undefined ? 'not measured' : ok ? 'met' : 'missed');
    lines.push(
      '',
      `Targets: ours/floor ≤ ${t.oursOverFloor} on the largest pages: ${met(v.oursOverFloor)}; ` +
        `${mk}/ours ≥ ${t.markOverOurs}: ${met(v.markOverOurs)}; ` +
        `longest task ≤ ${t.longestTaskMs} ms (CPU): ${met(v.longestTask)}; ` +
        `layout shift ${t.movedBoxes}: ${met(v.layoutShift)}.`,
    );
  }
  if (result.browserImports?.length)
    lines.push('', `The engine imports extension APIs: ${result.browserImports.join(', ')}.`);
  if (result.pageErrors?.length) lines.push('', `Page errors: ${result.pageErrors.slice(0, 5).join(' | ')}`);
  return lines.join('\n');
}

/** The controls: the floor plus a shadow-root check, and one universal `::highlight` rule with no engine. */
export function renderRunControls(result) {
  return [
    `Measured ${conditions(result)}; medians of ${result.reps} fresh loads.`,
    '',
    table(
      [
        'page',
        'elements',
        'floor ms',
        'floor + shadow check ms',
        '(floor + shadow check) / floor',
        'ours / (floor + shadow check)',
        'one rule, no engine: longest task ms',
        'ours: longest task ms',
      ],
      ['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:'],
      result.pages.map((p) =>
        row([
          p.name,
          p.elements ?? '-',
          f1(p.floorMs),
          f1(p.floorShadowMs),
          f2(p.floorShadowMs / p.floorMs),
          f2(p.oursOverFloorShadow),
          f1(p.probe?.oneRule?.longestCpuMs),
          f1(p.probe?.longest?.longestCpuMs),
        ]),
      ),
    ),
  ].join('\n');
}

/** Later pages of a site: every engine's code already compiled in the renderer. */
export function renderRunCached(result) {
  const withCache = result.pages.filter((p) => p.cached);
  if (!withCache.length) return `Not measured in the run of ${when(result.date)} (BENCH_CACHED=0).`;
  const mk = peerName(result, 'mark');
  const am = peerName(result, 'amark');
  return [
    `Measured ${conditions(result)}; medians of ${result.reps} fresh loads after a warm-up load; floor from the main table.`,
    '',
    table(
      ['page', 'ours ms', 'ours/floor', `${mk} ms`, `${mk}/ours`, `${am} ms`, `${am}/ours`],
      ['---', '---:', '---:', '---:', '---:', '---:', '---:'],
      withCache.map((p) =>
        row([
          p.name,
          f1(p.cached.oursMs),
          f2(p.cached.oursOverFloor),
          f1(p.cached.markMs),
          f1(p.cached.markOverOurs),
          f1(p.cached.amarkMs),
          f1(p.cached.amarkOverOurs),
        ]),
      ),
    ),
  ].join('\n');
}

/** Infinite scroll: incremental updates against a full rescan, the page's own cost subtracted. */
export function renderRunScroll(result) {
  const s = result.scroll;
  if (!s) return `Not measured in the run of ${when(result.date)} (BENCH_SCROLL=0).`;
  const st = s.stats;
  return [
    `Measured ${conditions(result)}: ${s.basePars} paragraphs, then ${s.batches} batches of ${s.perBatch} appended ` +
      '(one mention each); main-thread CPU ms per batch, the control run subtracted.',
    '',
    table(
      [
        '',
        'total ms',
        'per batch, first 10 (median)',
        'per batch, last 10 (median)',
        'of which script, first / last',
        'of which rendering, first / last',
        'longest task ms: cpu (wall)',
      ],
      ['---', '---:', '---:', '---:', '---:', '---:', '---:'],
      [
        row([
          'incremental',
          f1(s.totals.incMs),
          f2(st.incFirst10),
          f2(st.incLast10),
          `${f2(st.incScriptFirst10)} / ${f2(st.incScriptLast10)}`,
          `${f2(st.incFrameFirst10)} / ${f2(st.incFrameLast10)}`,
          `${f1(st.incLongestCpuMs)} (${f1(st.incLongestMs)})`,
        ]),
        row([
          'full rescan',
          f1(s.totals.fullMs),
          f2(st.fullFirst10),
          f2(st.fullLast10),
          '',
          '',
          `${f1(st.fullLongestCpuMs)} (${f1(st.fullLongestMs)})`,
        ]),
        row(['page itself (control)', '', f2(st.ctlFirst10), f2(st.ctlLast10), '', '', '']),
      ],
    ),
    '',
    `Full / incremental per batch: median ${f1(st.medianRatio)}×, total ${f1(s.totals.fullMs / s.totals.incMs)}×. ` +
      `Mentions after the run: incremental ${s.finalIncremental}, rescan ${s.finalRescan}, expected ${s.expected}; ` +
      `batches not reported within 3 s: ${s.missedBatches}.`,
  ].join('\n');
}

/** Gzipped bundle sizes against their budgets: the release gate's own table. */
export const renderSizes = sizesMarkdown;

/** Everything `bench run` measured, as it prints it. */
export function renderRun(result) {
  const parts = [renderRunMain(result), 'Controls:', renderRunControls(result)];
  parts.push('Later pages of a site (code compiled):', renderRunCached(result));
  if (result.scroll) parts.push('Infinite scroll:', renderRunScroll(result));
  if (result.sizes) parts.push('Bundle sizes (gzip):', renderSizes(result.sizes));
  if (num(result.seconds)) parts.push(`(whole bench: ${result.seconds.toFixed(0)} s)`);
  return parts.join('\n\n');
}

// ---- the other subcommands ---------------------------------------------------------

const FRAME_MS = 16;

/** `bench tasks`: the longest script task and rendering frame of our pass on each corpus page. */
export function renderTasks(result) {
  const ok = result.rows.filter((r) => !r.error);
  const failed = result.rows.filter((r) => r.error);
  if (!ok.length) return `No page measured in the run of ${when(result.date)}.`;
  const max = (k) => ok.reduce((m, r) => (r[k] > m[k] ? r : m), ok[0]);
  const over = ok.filter((r) => r.script > FRAME_MS || r.frame > FRAME_MS);
  const lines = [
    `Measured ${conditions(result)}; ${ok.length} corpus pages, CPU ms from the start of the pass to the second frame after it.`,
    '',
    `- longest script task: ${f1(max('script').script)} ms (${max('script').name})`,
    `- longest rendering frame: ${f1(max('frame').frame)} ms (${max('frame').name})`,
    `- pages with a task over ${FRAME_MS} ms: ${over.length}${over
      .map((r) => `\n  - ${r.name}: script ${f1(r.script)}, frame ${f1(r.frame)}, ${r.mentions} mentions`)
      .join('')}`,
  ];
  if (failed.length)
    lines.push(`- pages that failed to load: ${failed.map((r) => `${r.name} (${r.error})`).join('; ')}`);
  return lines.join('\n');
}

const failures = (r) => (r.errors?.length ? ` ${r.errors.length} failed: ${r.errors[0]}` : '');

/** `bench startup`: the task that starts the real content script. */
export function renderStartup(result) {
  const over = result.rows.filter((r) => num(r.cpuMax) && r.cpuMax > FRAME_MS);
  return [
    `Measured ${conditions(result)}; ${result.reps} fresh browsers per page, real extension, no DevTools client.`,
    '',
    table(
      ['page', 'start task CPU ms: median (max)', 'of which compiling content.js', 'wall ms (median)'],
      ['---', '---:', '---:', '---:'],
      result.rows.map((r) => row([r.name, `${f1(r.cpu)} (${f1(r.cpuMax)})`, f1(r.compile), f1(r.wall)]) + failures(r)),
    ),
    '',
    `Runs over ${FRAME_MS} ms of CPU: ${over.length ? over.map((r) => r.name).join(', ') : 'none'}.`,
  ].join('\n');
}

/** `bench hover`: the task in which a hover opens the card, and the card's warm-up. */
export function renderHover(result) {
  const cell = (s) => (s ? `${f1(s.median)} (${f1(s.max)})` : '-');
  const over = result.rows.filter((r) => r.first && Math.max(r.first.max, r.second.max) > FRAME_MS);
  return [
    `Measured ${conditions(result)}; ${result.reps} fresh browsers per page, real extension; longest main-thread ` +
      `task within ${result.afterMoveMs ?? 400} ms of the move, CPU ms, median (max).`,
    '',
    table(
      ['page', 'first hover', 'main thread busy after it', 'second hover', 'moving off', 'idle-time warm-up before'],
      ['---', '---:', '---:', '---:', '---:', '---:'],
      result.rows.map(
        (r) => row([r.name, cell(r.first), cell(r.firstBusy), cell(r.second), cell(r.off), cell(r.idle)]) + failures(r),
      ),
    ),
    '',
    `Pages with a hover task over ${FRAME_MS} ms: ${over.length ? over.map((r) => r.name).join(', ') : 'none'}.`,
  ].join('\n');
}

/** `bench code-cache`: per renderer process, the compile of content.js and what was compiled on first call. */
export function renderCodeCache(result) {
  const lines = [`Measured ${conditions(result)}.`];
  for (const { page, sites, rows } of result.results) {
    lines.push(
      '',
      `${page}, opened on ${sites.length} sites in one browser (one renderer process each):`,
      '',
      table(
        [
          'site',
          'content.js compile: CPU ms',
          'code cache consumed',
          'not streamed because',
          'functions compiled on first call',
        ],
        ['---', '---:', '---', '---', '---:'],
        rows.map((r, i) =>
          row([
            sites[i] ?? '?',
            f1(r.compileCpuMs),
            r.cacheFields.length ? r.cacheFields.join(', ') : 'no',
            r.notStreamedReason ?? '-',
            r.lazyCompiles,
          ]),
        ),
      ),
    );
    if (rows.length < sites.length) lines.push('', `Only ${rows.length} of ${sites.length} processes ran content.js.`);
  }
  return lines.join('\n');
}

/** `bench scroll`: frames while the synthetic page scrolls, bare and with the engine. */
export function renderScroll(result) {
  const label = { bare: 'bare page', engine: 'with the engine' };
  return [
    `Measured ${conditions(result)}; the synthetic page scrolled 150 px a frame for ${result.scrolledFrames} frames; ` +
      'main-thread ms from a trace.',
    '',
    table(
      ['run', 'frames', 'frame ms: median', 'max', 'per frame: IntersectionObserver ms', 'paint ms'],
      ['---', '---:', '---:', '---:', '---:', '---:'],
      result.rows.map((r) =>
        row([
          label[r.run] ?? r.run,
          r.frames,
          f1(r.frameMedianMs),
          f1(r.frameMaxMs),
          f2(r.intersectionMsPerFrame),
          f2(r.paintMsPerFrame),
        ]),
      ),
    ),
  ].join('\n');
}

/** `bench notebook`: the side panel's Notebook view with many kept passages. */
export function renderNotebook(result) {
  const cell = (s) => (s ? `${f1(s.median)} (${f1(s.max)})` : '-');
  const n = (x) => (num(x) ? x.toLocaleString('en-US') : '-');
  const over = (xs) => (xs?.length ? `${xs.length} (longest ${f1(Math.max(...xs))} ms)` : 'none');
  const lines = [
    `Measured ${conditions(result)}; ${n(result.passages)} kept passages imported once through the extension; ` +
      `${result.reps} fresh side-panel pages (${result.viewport?.width ?? '?'}×${result.viewport?.height ?? '?'}), ` +
      "the page's own clock and CPU ms of its main thread from a trace; median (max).",
    '',
    table(
      ['measure', 'value'],
      ['---', '---:'],
      [
        row(['click on Notebook → first passage in the DOM, ms', cell(result.open)]),
        row(['click on Notebook → the frame after it, ms', cell(result.openShown)]),
        row(['longest task from the click to that frame, CPU ms', cell(result.openLongest)]),
        row([`scrolling to the end: ms per page of ${result.pageSize} (to the frame after it)`, cell(result.perPage)]),
        row([`longest task while scrolling ${result.pagesScrolled} pages, CPU ms`, cell(result.scrollLongest)]),
        row([`passages in the DOM after ${result.pagesScrolled} pages`, cell(result.domCount).replace(/\.0/g, '')]),
      ],
    ),
    '',
    `Tasks over 50 ms seen by the page's PerformanceObserver('longtask'): opening ${over(result.longtasks?.open)}; ` +
      `scrolling ${over(result.longtasks?.scroll)}. The import of ${n(result.passages)} passages ` +
      `(${f1((result.importBytes ?? Number.NaN) / 2 ** 20)} MB of JSON) took ${n(result.importMs)} ms.` +
      (result.calls
        ? ` The background's answer to each call the view makes on opening, timed from a page, ms: ${Object.entries(
            result.calls,
          )
            .map(([k, v]) => `\`${k}\` ${cell(v)}`)
            .join(', ')}.`
        : '') +
      (result.errors?.length ? ` ${result.errors.length} runs failed: ${result.errors[0]}` : ''),
  ];
  return lines.join('\n');
}

// ---- docs/performance.md ------------------------------------------------------------

/** Each generated section of docs/performance.md: the results file it is rendered from, and how. */
export const SECTIONS = {
  run: { file: 'run.json', render: renderRunMain },
  'run-controls': { file: 'run.json', render: renderRunControls },
  // A run that skipped a part (BENCH_CACHED=0, BENCH_SCROLL=0) leaves that part's tables of an earlier run in place.
  'run-cached': { file: 'run.json', render: (r) => (r.pages.some((p) => p.cached) ? renderRunCached(r) : null) },
  'run-scroll': { file: 'run.json', render: (r) => (r.scroll ? renderRunScroll(r) : null) },
  sizes: {
    file: 'run.json',
    render: (r) => (r.sizes ? `Measured ${when(r.date)}.\n\n${renderSizes(r.sizes)}` : null),
  },
  tasks: { file: 'tasks.json', render: renderTasks },
  startup: { file: 'startup.json', render: renderStartup },
  hover: { file: 'hover.json', render: renderHover },
  'code-cache': { file: 'code-cache.json', render: renderCodeCache },
  scroll: { file: 'scroll.json', render: renderScroll },
  notebook: { file: 'notebook.json', render: renderNotebook },
};

/**
 * The markdown of every section whose results file is there.
 * @param {Record<string, unknown>} results parsed JSON by file name ('run.json': {...}); missing files are absent
 * @returns {Record<string, string>}
 */
export function renderSections(results) {
  const out = {};
  for (const [name, { file, render }] of Object.entries(SECTIONS)) {
    if (!results[file]) continue;
    const md = render(results[file]);
    if (md) out[name] = md;
  }
  return out;
}

/**
 * `doc` with the text between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` replaced by `sections[NAME]`, for each
 * section given; other sections keep what they hold (the tables of their last run).
 * @param {string} doc @param {Record<string, string>} sections
 * @returns {{ doc: string, replaced: string[], missing: string[] }} missing: sections given that have no markers
 */
export function replaceSections(doc, sections) {
  const replaced = [];
  const missing = [];
  let out = doc;
  for (const [name, md] of Object.entries(sections)) {
    const open = `<!-- bench:${name} -->`;
    const close = `<!-- /bench:${name} -->`;
    const a = out.indexOf(open);
    const b = out.indexOf(close);
    if (a < 0 || b < a) {
      missing.push(name);
      continue;
    }
    out = `${out.slice(0, a + open.length)}\n${md.trim()}\n${out.slice(b)}`;
    replaced.push(name);
  }
  return { doc: out, replaced, missing };
}
