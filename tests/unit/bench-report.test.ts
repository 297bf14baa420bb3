import { describe, expect, it } from 'vitest';
import {
  conditions,
  renderNotebook,
  renderRunMain,
  renderSections,
  renderStartup,
  renderTasks,
  replaceSections,
} from '../../bench/lib/report.mjs';

const machine = {
  cpu: 'AMD EPYC',
  cores: 2,
  loadAverage: 1.84,
  memGB: 8,
  os: 'Linux 6.1',
  node: 'v20.20.2',
  chromium: 'Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)',
};

const page = {
  name: 'qq',
  bytes: 320_512,
  textNodes: 884,
  floorMs: 1,
  floorShadowMs: 1.9,
  elements: 537,
  oursMs: 12.34,
  oursWallMs: 13,
  oursOverFloor: 12.34,
  oursOverFloorShadow: 6.5,
  markMs: 150,
  markOverOurs: 12.155,
  amarkMs: 40,
  amarkOverOurs: 3.24,
  found: 2,
  capped: false,
  markFound: 3,
  amarkFound: 2,
  probe: { longest: { longestCpuMs: 6.8, wallMs: 8.5, frame: false }, shift: { moved: 0 }, oneRule: null },
  markShift: { moved: 3 },
  amarkShift: { moved: 2 },
  cached: null,
};

const run = {
  date: '2026-12-02T16:40:12.345Z',
  machine,
  peers: { mark: { package: 'mark.js', version: '8.11.1' }, amark: { package: 'advanced-mark.js', version: '2.7.1' } },
  reps: 3,
  syntheticReps: 3,
  targets: { oursOverFloor: 1.5, markOverOurs: 10, longestTaskMs: 16, movedBoxes: 0 },
  verdict: { oursOverFloor: true, markOverOurs: true, longestTask: true, layoutShift: true },
  pages: [page],
  scroll: null,
  sizes: null,
};

describe('bench report (JSON in, markdown out)', () => {
  it('states the date and machine from the JSON', () => {
    expect(conditions(run)).toBe(
      '2026-12-02 16:40 UTC, AMD EPYC, 2 cores (load average 1.8 at the start), Chromium 156.0.8078.114 headless, Node v20.20.2',
    );
    expect(conditions({ date: '2026-12-02T16:40:00Z' })).toBe('2026-12-02 16:40 UTC');
  });

  it('renders the main table with both wrapping highlighters as peers', () => {
    const md = renderRunMain(run);
    const lines = md.split('\n');
    const header = lines.find((l) => l.startsWith('| page |'))!;
    expect(header).toContain('| mark.js ms | mark.js/ours | advanced-mark.js ms | advanced-mark.js/ours |');
    expect(lines).toContain(
      '| qq | 313 KB | 884 | 1.0 | 12.3 (13.0) | 12.34 | 150.0 | 12.2 | 40.0 | 3.2 | 2 / 3 / 2 | 6.8 (8.5) | 0 / 3 / 2 |',
    );
    expect(md).toContain('mark.js 8.11.1, advanced-mark.js 2.7.1');
    expect(md).toContain('mark.js/ours ≥ 10: met');
    // Every row has as many cells as the header.
    const cells = (l: string) => l.split('|').length;
    for (const l of lines.filter((x) => x.startsWith('|'))) expect(cells(l)).toBe(cells(header));
  });

  it('is deterministic and prints a dash for what was not measured', () => {
    const partial = { ...run, pages: [{ ...page, amarkMs: Number.NaN, amarkOverOurs: null, amarkFound: null }] };
    expect(renderRunMain(partial)).toBe(renderRunMain(structuredClone(partial)));
    expect(renderRunMain(partial)).toContain('| 150.0 | 12.2 | - | - | 2 / 3 / - |');
  });

  it('renders the other subcommands from their own JSON', () => {
    const tasks = {
      date: run.date,
      machine,
      rows: [
        { name: 'a', script: 10.6, frame: 3, mentions: 0 },
        { name: 'b', script: 2, frame: 17.25, mentions: 4 },
        { name: 'c', error: 'timeout' },
      ],
    };
    const md = renderTasks(tasks);
    expect(md).toContain('- longest script task: 10.6 ms (a)');
    expect(md).toContain('- pages with a task over 16 ms: 1\n  - b: script 2.0, frame 17.3, 4 mentions');
    expect(md).toContain('- pages that failed to load: c (timeout)');
    const startup = renderStartup({
      date: run.date,
      machine,
      reps: 3,
      rows: [{ name: 'qq', cpu: 9, cpuMax: 11.94, compile: 4, wall: 15, errors: [] }],
    });
    expect(startup).toContain('| qq | 9.0 (11.9) | 4.0 | 15.0 |');
    expect(startup).toContain('Runs over 16 ms of CPU: none.');
  });

  it('renders the notebook run: opening, paging, longest tasks and the passages in the DOM', () => {
    const notebook = {
      date: '2026-12-02T16:40:12.345Z',
      machine,
      reps: 3,
      passages: 10_000,
      importMs: 2258,
      importBytes: 4_200_000,
      pageSize: 50,
      pagesScrolled: 5,
      viewport: { width: 400, height: 900 },
      open: { median: 347.9, max: 402.12 },
      openShown: { median: 367.5, max: 420 },
      openLongest: { median: 13.5, max: 15.04 },
      perPage: { median: 64.7, max: 93.5 },
      scrollLongest: { median: 14.6, max: 16 },
      domCount: { median: 300, max: 300 },
      calls: { 'nb-balance': { median: 249.6, max: 260 }, 'nb-list': { median: 38.4, max: 40 } },
      longtasks: { open: [], scroll: [61.2, 55] },
      errors: [],
    };
    const md = renderNotebook(notebook);
    expect(md).toContain(
      '10,000 kept passages imported once through the extension; 3 fresh side-panel pages (400×900)',
    );
    expect(md).toContain('| click on Notebook → first passage in the DOM, ms | 347.9 (402.1) |');
    expect(md).toContain('| longest task from the click to that frame, CPU ms | 13.5 (15.0) |');
    expect(md).toContain('| scrolling to the end: ms per page of 50 (to the frame after it) | 64.7 (93.5) |');
    expect(md).toContain('| longest task while scrolling 5 pages, CPU ms | 14.6 (16.0) |');
    expect(md).toContain('| passages in the DOM after 5 pages | 300 (300) |');
    expect(md).toContain("longtask'): opening none; scrolling 2 (longest 61.2 ms)");
    expect(md).toContain('took 2,258 ms');
    expect(md).toContain('`nb-balance` 249.6 (260.0), `nb-list` 38.4 (40.0)');
    expect(md).not.toContain('failed');
    expect(renderNotebook({ ...notebook, errors: ['Error: no passage within 30 s'] })).toContain(
      '1 runs failed: Error: no passage within 30 s',
    );
    // A missing figure is a dash, not NaN.
    expect(renderNotebook({ ...notebook, open: null })).toContain(
      '| click on Notebook → first passage in the DOM, ms | - |',
    );
    expect(renderSections({ 'notebook.json': notebook })).toEqual({ notebook: md });
  });

  it('rewrites only the marked sections it has results for', () => {
    const doc = [
      '# Performance',
      'prose stays',
      '<!-- bench:run -->',
      'old table',
      '<!-- /bench:run -->',
      '<!-- bench:tasks -->',
      'tasks of the last run',
      '<!-- /bench:tasks -->',
      '',
    ].join('\n');
    const sections = renderSections({ 'run.json': run });
    // The run skipped the code-cached runs and the scroll run: those sections keep their last tables.
    expect(Object.keys(sections)).toEqual(['run', 'run-controls']);
    const out = replaceSections(doc, sections);
    expect(out.replaced).toEqual(['run']);
    expect(out.missing).toEqual(['run-controls']);
    expect(out.doc).toContain(`<!-- bench:run -->\n${renderRunMain(run)}\n<!-- /bench:run -->`);
    expect(out.doc).toContain('<!-- bench:tasks -->\ntasks of the last run\n<!-- /bench:tasks -->');
    expect(out.doc.startsWith('# Performance\nprose stays\n')).toBe(true);
    // Running it again on its own output changes nothing.
    expect(replaceSections(out.doc, sections).doc).toBe(out.doc);
  });
});
