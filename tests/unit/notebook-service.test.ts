// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteNotebookDatabase, NotebookStore } from '../../platform/notebook-db';
import { createNotebookService, dispatchNotebookCall, type NotebookHandlers } from '../../platform/notebook-service';
import { NOTEBOOK_CALL_NAMES, NOTEBOOK_CALL_VALIDATORS } from '../../utils/notebook/calls';
import type { KeepRequest } from '../../utils/notebook/requests';
import {
  DEFAULT_NOTEBOOK_SETTINGS,
  type NotebookSettings,
  normalizeNotebookSettings,
} from '../../utils/notebook/settings';

let n = 0;
let name = '';
let store: NotebookStore;
let svc: NotebookHandlers;
let settings: NotebookSettings;
let clock = '2026-03-10T12:00:00.000Z';

beforeEach(async () => {
  name = `nb-service-${++n}`;
  store = await NotebookStore.open({ name });
  settings = { historyEnabled: true, retentionDays: 90 };
  clock = '2026-03-10T12:00:00.000Z';
  svc = createNotebookService(store, { settings: async () => settings, now: () => clock });
});
afterEach(async () => {
  store.close();
  await deleteNotebookDatabase(name);
});

function keep(over: Partial<KeepRequest> = {}): KeepRequest {
  return {
    pageUrl: 'https://example.com/a#x',
    title: 'A page',
    sentence: 'WeChat stores rarely convert followers.',
    entity: 'wechat',
    reason: 3,
    stance: 'supports',
    ...over,
  };
}

const visit = { url: 'https://news.example/a', title: 'News', counts: { 3: 2 }, none: 1 };
const here = { incognito: false, paused: false };

describe('notebook service', () => {
  it('keeps, edits, removes and restores a passage; balance and kept-on-page follow', async () => {
    const kept = await svc['nb-keep'](keep());
    expect(kept.ok).toBe(true);
    if (!kept.ok) return;
    expect((await svc['nb-is-kept']({ pageUrl: 'https://example.com/a', sentence: kept.value.sentence })).kept).toBe(
      true,
    );
    expect((await svc['nb-kept-on-page']({ pageUrl: 'https://example.com/a' })).sentences).toEqual([
      'WeChat stores rarely convert followers.',
    ]);
    const edited = await svc['nb-edit']({ id: kept.value.id, stance: 'challenges', note: 'hmm' });
    expect(edited.ok && edited.value.stance).toBe('challenges');
    expect((await svc['nb-balance']({}))[3]).toEqual({ supports: 0, challenges: 1, context: 0, total: 1 });
    await svc['nb-remove']({ id: kept.value.id });
    expect((await svc['nb-list']({})).items).toEqual([]);
    expect((await svc['nb-balance']({}))[3].total).toBe(0);
    await svc['nb-restore']({ id: kept.value.id });
    expect((await svc['nb-list']({})).items.map((p) => p.note)).toEqual(['hmm']);
    expect((await svc['nb-remove']({ id: 'missing' })).ok).toBe(false);
  });

  it('pages the list with a cursor and filters', async () => {
    for (let i = 0; i < 5; i++) {
      clock = `2026-03-0${i + 1}T00:00:00.000Z`;
      await svc['nb-keep'](keep({ sentence: `Sentence ${i}`, stance: i % 2 ? 'challenges' : 'supports' }));
    }
    const first = await svc['nb-list']({ limit: 2 });
    expect(first.items.map((p) => p.sentence)).toEqual(['Sentence 4', 'Sentence 3']);
    const second = await svc['nb-list']({ limit: 2, after: first.next });
    expect(second.items.map((p) => p.sentence)).toEqual(['Sentence 2', 'Sentence 1']);
    const filtered = await svc['nb-list']({ filter: { stance: 'challenges' } });
    expect(filtered.items.map((p) => p.sentence)).toEqual(['Sentence 3', 'Sentence 1']);
  });

  it('corrects a link, finds it for the page, undoes it, exports corrections as labelled items', async () => {
    const req = {
      pageUrl: 'https://example.com/a',
      sentence: 'Taobao got there first.',
      entity: 'taobao' as const,
      original: { reason: 8 as const, firm: false },
      corrected: 1 as const,
    };
    const c = await svc['nb-correct'](req);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    const found = await svc['nb-corrections-for']({ pageUrl: req.pageUrl, sentences: ['Taobao  got there first.'] });
    expect(found.corrections['Taobao got there first.']?.corrected).toBe(1);
    const file = await svc['nb-corrections-export']({});
    expect(file.filename).toBe('eight-reasons-corrections-2026-03-10.json');
    expect(JSON.parse(file.text)).toEqual([
      {
        lang: 'en',
        entity: 'taobao',
        sentence: 'Taobao got there first.',
        paragraph: 'Taobao got there first.',
        source: 'https://example.com/a',
        label: 1,
        confidence: 'clear',
      },
    ]);
    expect(await svc['nb-undo-correction']({ id: c.value.id })).toEqual({ ok: true, value: null });
    expect((await svc['nb-corrections-for']({ pageUrl: req.pageUrl, sentences: [req.sentence] })).corrections).toEqual(
      {},
    );
  });

  it('logs a visit only with history on, not paused, not private, and a known context', async () => {
    settings = { ...settings, historyEnabled: false };
    expect(await svc['nb-log-visit'](visit, here)).toEqual({ ok: true, value: { logged: false } });
    settings = { ...settings, historyEnabled: true };
    expect(await svc['nb-log-visit'](visit, { incognito: true, paused: false })).toEqual({
      ok: true,
      value: { logged: false },
    });
    expect(await svc['nb-log-visit'](visit, { incognito: false, paused: true })).toEqual({
      ok: true,
      value: { logged: false },
    });
    expect(await svc['nb-log-visit'](visit)).toEqual({ ok: true, value: { logged: false } });
    expect((await svc['nb-reading-week']({})).pages).toBe(0);
    expect(await svc['nb-log-visit'](visit, here)).toEqual({ ok: true, value: { logged: true } });
    const week = await svc['nb-reading-week']({});
    expect(week.counts[3]).toBe(2);
    expect(week.none).toBe(1);
  });

  it('forgets a site, prunes by retention and clears history', async () => {
    clock = '2026-01-01T00:00:00.000Z';
    await svc['nb-log-visit']({ ...visit, url: 'https://old.example/x' }, here);
    clock = '2026-03-10T12:00:00.000Z';
    await svc['nb-log-visit'](visit, here);
    await svc['nb-log-visit']({ ...visit, url: 'https://other.example/' }, here);
    expect(await svc['nb-prune-history']({ days: 30 })).toEqual({ ok: true, value: 1 });
    expect(await svc['nb-forget-site']({ hostname: ' NEWS.example ' })).toEqual({ ok: true, value: 1 });
    expect((await svc['nb-reading-week']({})).pages).toBe(1);
    expect(await svc['nb-clear-history']({})).toEqual({ ok: true, value: null });
    expect((await svc['nb-reading-week']({})).pages).toBe(0);
  });

  it('exports markdown, json and csv, imports with a report, and deletes everything', async () => {
    await svc['nb-keep'](keep({ note: 'see <b>this</b>' }));
    const md = await svc['nb-export']({
      format: 'markdown',
      words: { supports: '支持', stances: { supports: '支持' } },
    });
    expect(md.filename).toBe('eight-reasons-notebook-2026-03-10.md');
    expect(md.text).toContain('## 3. The conversion rate');
    expect(md.text).toContain('1 支持, 0 challenge, 0 context');
    expect(md.text).toContain('支持 · see &lt;b\\>this&lt;/b\\>');
    expect(md.text).not.toContain('<b>');
    const csv = await svc['nb-export']({ format: 'csv' });
    expect(csv.text.split('\r\n')[0]).toBe('reason,stance,company,sentence,note,title,url,createdAt,updatedAt');
    const json = await svc['nb-export']({ format: 'json' });
    expect(json.count).toBe(1);

    expect(await svc['nb-delete-everything']({})).toEqual({ ok: true, value: null });
    expect((await svc['nb-list']({})).items).toEqual([]);
    const again = await svc['nb-import']({ text: json.text });
    expect(again).toEqual({ ok: true, report: { added: 1, skipped: 0, rejected: 0, reasons: [] } });
    const twice = await svc['nb-import']({ text: json.text });
    expect(twice.ok && twice.report.skipped).toBe(1);
    expect(await svc['nb-import']({ text: 'not json' })).toEqual({
      ok: false,
      error: 'file',
      message: 'The file is not JSON.',
    });
  });

  it('dispatches only known calls with valid requests', async () => {
    expect(await dispatchNotebookCall(svc, 'nb-nope', {})).toMatchObject({ ok: false, error: 'unknown-call' });
    expect(await dispatchNotebookCall(svc, '__proto__', {})).toMatchObject({ ok: false, error: 'unknown-call' });
    expect(await dispatchNotebookCall(svc, 'nb-keep', { ...keep(), pageUrl: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      error: 'invalid-request',
    });
    expect(await dispatchNotebookCall(svc, 'nb-list', { limit: 10_000 })).toMatchObject({ ok: false });
    expect(await dispatchNotebookCall(svc, 'nb-prune-history', { days: 3 })).toMatchObject({ ok: false });
    const r = await dispatchNotebookCall(svc, 'nb-keep', keep());
    expect(r.ok && (r.reply as { ok: boolean }).ok).toBe(true);
    expect(NOTEBOOK_CALL_NAMES.every((k) => typeof svc[k] === 'function')).toBe(true);
    expect(NOTEBOOK_CALL_VALIDATORS['nb-list']({ filter: { from: '2026-01-01' } })).toBe(false);
    expect(await dispatchNotebookCall(svc, 'nb-export', { format: 'json' }, { fromContent: true })).toMatchObject({
      ok: false,
      error: 'not-allowed',
    });
    const fromPage = await dispatchNotebookCall(svc, 'nb-log-visit', visit, { fromContent: true, ...here });
    expect(fromPage).toEqual({ ok: true, reply: { ok: true, value: { logged: true } } });
    const broken = { ...svc, 'nb-balance': async () => Promise.reject(new Error('read failed')) } as NotebookHandlers;
    expect(await dispatchNotebookCall(broken, 'nb-balance', {})).toEqual({
      ok: false,
      error: 'failed',
      message: 'read failed',
    });
  });
});

describe('notebook settings', () => {
  it('normalises anything to valid settings, history off unless exactly true', () => {
    expect(normalizeNotebookSettings(undefined)).toEqual(DEFAULT_NOTEBOOK_SETTINGS);
    expect(normalizeNotebookSettings({ historyEnabled: 'yes', retentionDays: 12 })).toEqual({
      historyEnabled: false,
      retentionDays: 90,
    });
    expect(normalizeNotebookSettings({ historyEnabled: true, retentionDays: 7, extra: 1 })).toEqual({
      historyEnabled: true,
      retentionDays: 7,
    });
  });
});
