import { describe, expect, it } from 'vitest';
import { createNotebookState, placeEdited } from '@/components/notebook/notebook-state';
import { fakeApi, passage } from './notebook-fake-api';

const many = (n: number) => Array.from({ length: n }, (_, i) => passage(i));

describe('createNotebookState', () => {
  it('loads the balance and a first page grouped by reason, reason 1 first, newest first', async () => {
    const fake = fakeApi(many(20));
    const s = createNotebookState(fake.api, { pageSize: 5 });
    await s.refresh();
    expect(s.balance.value?.[1].total).toBe(3);
    expect(s.items.value.map((p) => p.reason)).toEqual([1, 1, 1, 2, 2]);
    expect(s.items.value.map((p) => p.id).slice(0, 3)).toEqual(['p00016', 'p00008', 'p00000']);
    expect(s.hasMore.value).toBe(true);
    expect(s.loaded.value).toBe(true);
  });

  it('after a refresh, lists a passage under a reason that had none before (an import, a keep elsewhere)', async () => {
    const fake = fakeApi([passage(0, { reason: 1 })]);
    const s = createNotebookState(fake.api);
    await s.refresh();
    expect(s.items.value.map((p) => p.reason)).toEqual([1]);
    fake.passages.push(passage(1, { reason: 6 }));
    await s.refresh();
    expect(s.items.value.map((p) => p.reason)).toEqual([1, 6]);
    expect(s.balance.value?.[6].total).toBe(1);
  });

  it('pages 10,000 passages a page at a time and reaches the end', async () => {
    const fake = fakeApi(many(10_000));
    const s = createNotebookState(fake.api);
    await s.refresh();
    expect(s.items.value).toHaveLength(50);
    await s.loadMore();
    expect(s.items.value).toHaveLength(100);
    expect(new Set(s.items.value.map((p) => p.id)).size).toBe(100);
    // Every list call asks for at most one page.
    for (const c of fake.calls.filter((c) => c.name === 'nb-list'))
      expect((c.request as { limit: number }).limit).toBeLessThanOrEqual(50);
  });

  it('walks every reason to the end without repeats', async () => {
    const fake = fakeApi(many(37));
    const s = createNotebookState(fake.api, { pageSize: 4 });
    await s.refresh();
    while (s.hasMore.value) await s.loadMore();
    expect(s.items.value).toHaveLength(37);
    expect(new Set(s.items.value.map((p) => p.id)).size).toBe(37);
    const reasons = s.items.value.map((p) => p.reason);
    expect(reasons).toEqual([...reasons].sort((a, b) => a - b));
  });

  it('filters by search, stance, company, site, date range and reason', async () => {
    const fake = fakeApi(many(40));
    const s = createNotebookState(fake.api);
    await s.refresh();
    await s.setFilter({ search: 'number 17 ' });
    expect(s.items.value.map((p) => p.id)).toEqual(['p00017']);
    await s.setFilter({ stance: 'challenges', entity: 'taobao', site: 'site1.example' });
    expect(
      s.items.value.every((p) => p.stance === 'challenges' && p.entity === 'taobao' && p.site === 'site1.example'),
    ).toBe(true);
    expect(s.items.value.length).toBeGreaterThan(0);
    await s.setFilter({ reason: 3, search: '' });
    expect(s.items.value.map((p) => p.reason)).toEqual([3, 3, 3, 3, 3]);
    expect(s.filter.value).toEqual({ reason: 3 });
    await s.setFilter({ from: passage(10).createdAt, to: passage(12).createdAt });
    expect(s.items.value.map((p) => p.id).sort()).toEqual(['p00010', 'p00011']);
  });

  it('edits in place, deletes with undo back in place', async () => {
    const fake = fakeApi(many(6));
    const s = createNotebookState(fake.api);
    await s.refresh();
    const ids = s.items.value.map((p) => p.id);
    expect(await s.edit({ id: 'p00002', stance: 'supports', note: 'my note' })).toBeNull();
    expect(s.items.value.find((p) => p.id === 'p00002')?.note).toBe('my note');
    expect(await s.remove('p00002')).toBeNull();
    expect(s.items.value.map((p) => p.id)).not.toContain('p00002');
    expect(s.undo.value?.passage.id).toBe('p00002');
    expect(s.balance.value?.[3].total).toBe(0);
    expect(await s.undoRemove()).toBeNull();
    expect(s.items.value.map((p) => p.id)).toEqual(ids);
    expect(s.undo.value).toBeNull();
    expect(await s.remove('nope')).toBe('not-found');
  });

  it('reports an edit the store refuses, and a call that fails', async () => {
    const fake = fakeApi(many(3));
    fake.override['nb-edit'] = () => ({ ok: false, error: 'duplicate', message: 'dup' });
    const s = createNotebookState(fake.api);
    await s.refresh();
    expect(await s.edit({ id: 'p00001', stance: 'supports' })).toBe('duplicate');
    fake.override['nb-list'] = () => {
      throw new Error('disconnected');
    };
    await s.setFilter({ search: 'x' });
    expect(s.error.value).toBe('failed');
  });

  it('keeps the import outcome and never throws', async () => {
    const fake = fakeApi([]);
    const s = createNotebookState(fake.api);
    fake.override['nb-import'] = () => ({
      ok: true,
      report: { added: 2, skipped: 1, rejected: 1, reasons: ['passage 3: bad'] },
    });
    const r = await s.importText('{}');
    expect(r).toEqual(s.importOutcome.value);
    expect(r.ok && r.report.added).toBe(2);
    const failed = await s.importText(Promise.reject(new Error('unreadable')));
    expect(failed).toEqual({ ok: false, error: 'read', message: 'unreadable' });
  });

  it('drops a page that arrives for an older filter', async () => {
    const fake = fakeApi(many(20));
    const s = createNotebookState(fake.api);
    const first = s.setFilter({ search: 'number 1' });
    const second = s.setFilter({ search: 'number 2' });
    await Promise.all([first, second]);
    expect(s.items.value.every((p) => p.sentence.includes('number 2'))).toBe(true);
  });

  it('moves an edited passage to its new reason group, or leaves it for the walk to bring in', async () => {
    const fake = fakeApi(many(24));
    const s = createNotebookState(fake.api, { pageSize: 6 });
    await s.refresh();
    // Loaded: reasons 1 and 2 (three each).
    expect(s.items.value.map((p) => p.reason)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(await s.edit({ id: 'p00008', reason: 2 })).toBeNull();
    expect(s.items.value.map((p) => p.id)).toEqual(['p00016', 'p00000', 'p00017', 'p00009', 'p00008', 'p00001']);
    expect(await s.edit({ id: 'p00016', reason: 7 })).toBeNull();
    expect(s.items.value.map((p) => p.id)).not.toContain('p00016');
    while (s.hasMore.value) await s.loadMore();
    expect(s.items.value.filter((p) => p.id === 'p00016')).toHaveLength(1);
    expect(s.items.value.find((p) => p.id === 'p00016')?.reason).toBe(7);
  });

  it('drops an edited passage from a list filtered to its old reason', () => {
    const list = [passage(0), passage(8)];
    expect(placeEdited(list, { ...passage(8), reason: 4 }, null, 1).map((p) => p.id)).toEqual(['p00000']);
    expect(placeEdited(list, { ...passage(8), note: 'n' }, null, 1)[1]?.note).toBe('n');
  });
});
