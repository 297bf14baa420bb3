// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteNotebookDatabase, NotebookStore, writeFailure } from '../../platform/notebook-db';
import type { CorrectionRequest, HistoryVisitRequest, KeepRequest } from '../../utils/notebook/requests';
import { NOTEBOOK_FORMAT } from '../../utils/notebook/types';

/**
 * Counts cursor steps. Installed before any idb call: idb recognises cursor
 * methods by identity, remembered on first use, so a later patch would break it.
 */
let cursorSteps = 0;
const originalContinue = IDBCursor.prototype.continue;
IDBCursor.prototype.continue = function (this: IDBCursor, ...args: Parameters<IDBCursor['continue']>) {
  cursorSteps++;
  return originalContinue.apply(this, args);
};

let n = 0;
let name = '';
let store: NotebookStore;

beforeEach(async () => {
  name = `notebook-test-${++n}`;
  store = await NotebookStore.open({ name });
});
afterEach(async () => {
  store.close();
  await deleteNotebookDatabase(name);
});

function keepReq(over: Partial<KeepRequest> = {}): KeepRequest {
  return {
    pageUrl: 'https://example.com/a#section',
    title: 'A page',
    sentence: 'WeChat  stores rarely convert followers.',
    entity: 'wechat',
    reason: 3,
    stance: 'supports',
    ...over,
  };
}

function correctionReq(over: Partial<CorrectionRequest> = {}): CorrectionRequest {
  return {
    pageUrl: 'https://example.com/a',
    sentence: 'Taobao got there first.',
    entity: 'taobao',
    original: { reason: 8, firm: false },
    corrected: 1,
    ...over,
  };
}

function visitReq(over: Partial<HistoryVisitRequest> = {}): HistoryVisitRequest {
  return { url: 'https://news.example.org/story#top', title: 'Story', counts: { 1: 2, 6: 1 }, none: 3, ...over };
}

const T = (d: number, h = 12) => new Date(Date.UTC(2026, 0, d, h)).toISOString();

describe('kept passages', () => {
  it('keeps a passage with a normalised sentence and a fragment-free URL', async () => {
    const r = await store.keep(keepReq(), T(1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.pageUrl).toBe('https://example.com/a');
    expect(r.value.sentence).toBe('WeChat stores rarely convert followers.');
    expect(r.value.site).toBe('example.com');
    expect(await store.isKept('https://example.com/a#other', 'WeChat stores rarely convert followers.')).toBe(true);
    expect(await store.isKept('https://example.com/b', 'WeChat stores rarely convert followers.')).toBe(false);
  });

  it('keeping the same sentence, reason and stance again updates instead of duplicating', async () => {
    const a = await store.keep(keepReq(), T(1));
    const b = await store.keep(keepReq({ note: 'again', title: 'New title' }), T(2));
    expect(a.ok && b.ok && a.value.id === b.value.id).toBe(true);
    const page = await store.listPassages();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ note: 'again', title: 'New title', createdAt: T(1), updatedAt: T(2) });
    await store.keep(keepReq({ stance: 'challenges' }), T(3));
    expect((await store.listPassages()).items).toHaveLength(2);
  });

  it('soft-deletes, restores and purges', async () => {
    const r = await store.keep(keepReq(), T(1));
    if (!r.ok) throw new Error('keep failed');
    await store.removePassage(r.value.id, T(2));
    expect(await store.isKept('https://example.com/a', r.value.sentence)).toBe(false);
    expect((await store.listPassages()).items).toHaveLength(0);
    expect((await store.listPassages({ filter: { deleted: 'only' } })).items).toHaveLength(1);
    await store.restorePassage(r.value.id);
    expect(await store.isKept('https://example.com/a', r.value.sentence)).toBe(true);
    await store.removePassage(r.value.id, T(2));
    const purged = await store.purgeDeleted(T(2));
    expect(purged).toEqual({ ok: true, value: 0 }); // deleted at T(2), not before it
    expect(await store.purgeDeleted()).toEqual({ ok: true, value: 1 });
    expect(await store.getPassage(r.value.id)).toBeUndefined();
  });

  it('reopens after close, one connection for concurrent calls', async () => {
    store.close();
    const [a, b] = await Promise.all([
      store.keep(keepReq({ sentence: 'First WeChat.' }), T(1)),
      store.keep(keepReq({ sentence: 'Second WeChat.' }), T(2)),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect((await store.listPassages()).items).toHaveLength(2);
  });

  it('reports a missing passage as not-found', async () => {
    const r = await store.removePassage('nope');
    expect(r).toMatchObject({ ok: false, error: 'not-found' });
  });

  it('edits stance, reason and note', async () => {
    const r = await store.keep(keepReq({ note: 'n' }), T(1));
    if (!r.ok) throw new Error('keep failed');
    const e = await store.editPassage({ id: r.value.id, stance: 'context', reason: 4, note: '' }, T(2));
    expect(e.ok && e.value).toMatchObject({ stance: 'context', reason: 4, updatedAt: T(2) });
    expect(e.ok && 'note' in e.value).toBe(false);
  });

  it('refuses an edit that would duplicate another passage', async () => {
    await store.keep(keepReq({ stance: 'supports' }), T(1));
    const other = await store.keep(keepReq({ stance: 'challenges' }), T(2));
    if (!other.ok) throw new Error('keep failed');
    const r = await store.editPassage({ id: other.value.id, stance: 'supports' }, T(3));
    expect(r).toMatchObject({ ok: false, error: 'duplicate' });
    expect((await store.getPassage(other.value.id))?.stance).toBe('challenges');
  });

  it('lists the kept passages of one page', async () => {
    await store.keep(keepReq({ sentence: 'One about WeChat.' }), T(1));
    await store.keep(keepReq({ sentence: 'Two about WeChat.' }), T(2));
    await store.keep(keepReq({ pageUrl: 'https://example.com/ab', sentence: 'Other page WeChat.' }), T(3));
    const kept = await store.keptOnPage('https://example.com/a');
    expect(kept.map((p) => p.sentence).sort()).toEqual(['One about WeChat.', 'Two about WeChat.']);
  });
});

describe('paged queries', () => {
  beforeEach(async () => {
    for (let i = 0; i < 30; i++) {
      await store.keep(
        keepReq({
          sentence: `Sentence ${i} about WeChat 微信${i % 3 === 0 ? ' 朋友圈' : ''}.`,
          reason: ((i % 4) + 1) as 1 | 2 | 3 | 4,
          stance: i % 2 ? 'supports' : 'challenges',
          pageUrl: i % 5 === 0 ? 'https://other.net/x' : 'https://example.com/a',
          entity: i % 6 === 0 ? 'taobao' : 'wechat',
        }),
        T(1 + i),
      );
    }
  });

  it('pages newest first through every passage without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: { createdAt: string; id: string } | undefined;
    let pages = 0;
    do {
      const page = await store.listPassages({ limit: 7, after });
      seen.push(...page.items.map((p) => p.createdAt));
      after = page.next;
      pages++;
    } while (after);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(30);
    expect(seen).toEqual([...seen].sort().reverse());
  });

  it('pages one reason through the reason index', async () => {
    const first = await store.listPassages({ filter: { reason: 2 }, limit: 5 });
    expect(first.items.every((p) => p.reason === 2)).toBe(true);
    expect(first.items).toHaveLength(5);
    const second = await store.listPassages({ filter: { reason: 2 }, limit: 5, after: first.next });
    expect(second.items.map((p) => p.reason)).toEqual([2, 2, 2]);
    expect(second.next).toBeUndefined();
  });

  it('filters by company, stance, site, date range and search (Chinese too)', async () => {
    const all = async (filter: Parameters<NotebookStore['listPassages']>[0]) =>
      (await store.listPassages({ limit: 500, ...filter })).items;
    expect(await all({ filter: { entity: 'taobao' } })).toHaveLength(5);
    expect(await all({ filter: { stance: 'supports' } })).toHaveLength(15);
    expect(await all({ filter: { site: 'other.net' } })).toHaveLength(6);
    expect(await all({ filter: { from: T(11), to: T(21) } })).toHaveLength(10);
    expect(await all({ filter: { reason: 1, from: T(1), to: T(11) } })).toHaveLength(3);
    expect(await all({ filter: { search: '朋友圈' } })).toHaveLength(10);
    expect(await all({ filter: { search: 'SENTENCE 2' } })).toHaveLength(11);
    const dated = await store.listPassages({ filter: { to: T(21) }, limit: 4 });
    const next = await store.listPassages({ filter: { to: T(21) }, limit: 4, after: dated.next });
    expect(next.items[0]?.createdAt).toBe(T(16));
  });

  it('an empty date range or a cursor before the range gives no items', async () => {
    expect((await store.listPassages({ filter: { from: T(20), to: T(10) } })).items).toEqual([]);
    expect((await store.listPassages({ filter: { from: T(10), to: T(10) } })).items).toEqual([]);
    const after = { createdAt: T(5), id: 'x' };
    expect((await store.listPassages({ filter: { from: T(10), reason: 1 }, after })).items).toEqual([]);
  });

  it('balances per reason', async () => {
    const b = await store.balance();
    expect(b[1]).toEqual({ supports: 0, challenges: 8, context: 0, total: 8 });
    expect(b[2]).toEqual({ supports: 8, challenges: 0, context: 0, total: 8 });
    expect(b[5].total).toBe(0);
  });
});

describe('corrections', () => {
  it('records, replaces per page and sentence, and undoes', async () => {
    const a = await store.correct(correctionReq(), T(1));
    const b = await store.correct(correctionReq({ corrected: null }), T(2));
    expect(a.ok && b.ok && a.value.id === b.value.id).toBe(true);
    const list = await store.listCorrections();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ corrected: null, lang: 'en' });
    if (!b.ok) return;
    expect(await store.undoCorrection(b.value.id)).toEqual({ ok: true, value: undefined });
    expect(await store.listCorrections()).toHaveLength(0);
    expect(await store.undoCorrection(b.value.id)).toMatchObject({ ok: false, error: 'not-found' });
  });

  it('finds a correction by page first, then by sentence on another page', async () => {
    await store.correct(correctionReq({ pageUrl: 'https://x.com/1', corrected: 2 }), T(1));
    await store.correct(correctionReq({ pageUrl: 'https://x.com/2', corrected: 5 }), T(2));
    const here = await store.correctionsFor('https://x.com/1#frag', ['Taobao   got there first.', 'Unrelated.']);
    expect(Object.keys(here)).toEqual(['Taobao got there first.']);
    expect(here['Taobao got there first.']?.corrected).toBe(2);
    const elsewhere = await store.correctionsFor('https://y.com/', ['Taobao got there first.']);
    expect(elsewhere['Taobao got there first.']?.corrected).toBe(5);
  });
});

describe('reading history', () => {
  it('upserts one entry per page per day with the latest counts', async () => {
    await store.logVisit(visitReq(), T(5, 9));
    await store.logVisit(visitReq({ counts: { 2: 1 }, none: 0 }), T(5, 18));
    await store.logVisit(visitReq(), T(6, 9));
    const list = await store.listHistory();
    expect(list).toHaveLength(2);
    expect(list[1]).toMatchObject({ day: '2026-01-05', counts: { 2: 1 }, none: 0, visitedAt: T(5, 18) });
    expect(list[0]?.url).toBe('https://news.example.org/story');
  });

  it("sums this week's reasons over the last 7 days", async () => {
    await store.logVisit(visitReq(), T(1));
    await store.logVisit(visitReq({ url: 'https://b.org/' }), T(9));
    await store.logVisit(visitReq({ url: 'https://c.org/', counts: { 6: 4 } }), T(10));
    const week = await store.readingThisWeek(T(10, 13));
    expect(week.pages).toBe(2);
    expect(week.counts).toMatchObject({ 1: 2, 6: 5, 2: 0 });
    expect(week.none).toBe(6);
  });

  it('forgets a site, prunes by retention and clears', async () => {
    await store.logVisit(visitReq(), T(1));
    await store.logVisit(visitReq({ url: 'https://b.org/x' }), T(1));
    await store.logVisit(visitReq({ url: 'https://b.org/y' }), T(20));
    await store.logVisit(visitReq({ url: 'https://c.org/' }), T(20));
    expect(await store.forgetSite('b.org')).toEqual({ ok: true, value: 2 });
    expect(await store.pruneHistory(7, T(21))).toEqual({ ok: true, value: 1 });
    expect((await store.listHistory()).map((h) => h.site)).toEqual(['c.org']);
    await store.clearHistory();
    expect(await store.listHistory()).toEqual([]);
  });
});

describe('export, import and delete everything', () => {
  async function fill(s: NotebookStore) {
    await s.keep(keepReq(), T(1));
    await s.keep(keepReq({ sentence: '淘宝早就占了先机。', entity: 'taobao', reason: 1 }), T(2));
    await s.correct(correctionReq(), T(3));
    await s.logVisit(visitReq(), T(4));
  }

  it('exports everything and imports it into another notebook without duplicates', async () => {
    await fill(store);
    const exported = await store.exportAll(T(9));
    expect(exported).toMatchObject({ format: NOTEBOOK_FORMAT, version: 1, exportedAt: T(9) });
    expect(exported.passages).toHaveLength(2);
    const other = await NotebookStore.open({ name: `${name}-other` });
    try {
      const text = JSON.stringify(exported);
      expect(await other.importNotebook(text)).toEqual({
        ok: true,
        report: { added: 4, skipped: 0, rejected: 0, reasons: [] },
      });
      expect(await other.importNotebook(text)).toEqual({
        ok: true,
        report: { added: 0, skipped: 4, rejected: 0, reasons: [] },
      });
      expect(await other.isKept('https://example.com/a', '淘宝早就占了先机。')).toBe(true);
      const again = await other.exportAll(T(9));
      expect(again.passages.map((p) => p.sentence)).toEqual(exported.passages.map((p) => p.sentence));
    } finally {
      other.close();
      await deleteNotebookDatabase(`${name}-other`);
    }
  });

  it('rejects a whole bad file and changes nothing', async () => {
    await fill(store);
    const before = await store.exportAll(T(9));
    for (const text of [
      'not json',
      '{"format":"other","version":1}',
      '{"format":"eight-reasons-notebook","version":9}',
    ]) {
      const r = await store.importNotebook(text);
      expect(r.ok).toBe(false);
      expect(r.ok === false && r.error).toBe('file');
    }
    expect(await store.exportAll(T(9))).toEqual(before);
  });

  it('rejects invalid items only and reports why', async () => {
    const file = {
      format: NOTEBOOK_FORMAT,
      version: 1,
      passages: [
        { ...keepReq(), createdAt: T(1) },
        { ...keepReq({ pageUrl: 'javascript:alert(1)' }), createdAt: T(1) },
      ],
      corrections: [],
      history: [],
    };
    const r = await store.importNotebook(JSON.stringify(file));
    expect(r).toEqual({
      ok: true,
      report: { added: 1, skipped: 0, rejected: 1, reasons: ['passage 2: pageUrl is not an http(s) URL'] },
    });
  });

  it('deletes everything', async () => {
    await fill(store);
    expect(await store.deleteEverything()).toEqual({ ok: true, value: undefined });
    const all = await store.exportAll(T(9));
    expect([all.passages, all.corrections, all.history]).toEqual([[], [], []]);
  });
});

describe('write failures', () => {
  function failPutsAfter(count: number, error: () => unknown): () => void {
    const proto = IDBObjectStore.prototype;
    const original = proto.put;
    let calls = 0;
    proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls > count) throw error();
      return original.apply(this, args);
    };
    return () => {
      proto.put = original;
    };
  }

  it('a quota error during import leaves the notebook as it was', async () => {
    await store.keep(keepReq(), T(1));
    const before = await store.exportAll(T(9));
    const file = {
      format: NOTEBOOK_FORMAT,
      version: 1,
      passages: [1, 2, 3].map((i) => ({ ...keepReq({ sentence: `Imported WeChat ${i}.` }), createdAt: T(i) })),
    };
    // Two puts succeed inside the transaction, the third hits a full disk.
    const restore = failPutsAfter(2, () => new DOMException('full', 'QuotaExceededError'));
    let r: Awaited<ReturnType<NotebookStore['importNotebook']>>;
    try {
      r = await store.importNotebook(JSON.stringify(file));
    } finally {
      restore();
    }
    expect(r).toMatchObject({ ok: false, error: 'quota' });
    expect(await store.exportAll(T(9))).toEqual(before);
  });

  it('a quota error on keep returns a typed failure and keeps what was there', async () => {
    const first = await store.keep(keepReq({ note: 'original' }), T(1));
    const restore = failPutsAfter(0, () => new DOMException('full', 'QuotaExceededError'));
    try {
      const r = await store.keep(keepReq({ note: 'changed' }), T(2));
      expect(r).toEqual({ ok: false, error: 'quota', message: expect.any(String) });
    } finally {
      restore();
    }
    const page = await store.listPassages();
    expect(first.ok && page.items[0]).toMatchObject({ note: 'original', updatedAt: T(1) });
  });

  it('other errors are unknown', async () => {
    const restore = failPutsAfter(0, () => new Error('disk on fire'));
    try {
      expect(await store.logVisit(visitReq(), T(1))).toEqual({ ok: false, error: 'unknown', message: 'disk on fire' });
    } finally {
      restore();
    }
    expect(await store.listHistory()).toEqual([]);
  });

  it('classifies a quota error carried by an aborted transaction', () => {
    const abort = new DOMException('aborted', 'AbortError');
    expect(writeFailure(abort, new DOMException('full', 'QuotaExceededError')).error).toBe('quota');
    expect(writeFailure(abort, null).error).toBe('unknown');
  });
});

describe('a large notebook', () => {
  it('opens the first page of 10,000 passages reading only that page', async () => {
    const passages = Array.from({ length: 10_000 }, (_, i) => ({
      ...keepReq({ sentence: `WeChat sentence number ${i}.`, reason: ((i % 8) + 1) as 1 }),
      createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    }));
    const r = await store.importNotebook(JSON.stringify({ format: NOTEBOOK_FORMAT, version: 1, passages }));
    expect(r).toMatchObject({ ok: true, report: { added: 10_000 } });
    cursorSteps = 0;
    const first = await store.listPassages({ limit: 50 });
    expect(first.items).toHaveLength(50);
    expect(first.items[0]?.sentence).toBe('WeChat sentence number 9999.');
    const reason = await store.listPassages({ filter: { reason: 8 }, limit: 50, after: first.next });
    expect(reason.items.every((p) => p.reason === 8)).toBe(true);
    expect(reason.items).toHaveLength(50);
    const steps = cursorSteps;
    // 50 items plus one look-ahead per page: the index walk never touches the rest.
    expect(steps).toBeGreaterThan(90);
    expect(steps).toBeLessThanOrEqual(2 * 51);
  }, 30_000);
});
