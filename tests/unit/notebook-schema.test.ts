// @vitest-environment node
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { deleteNotebookDatabase, NotebookStore } from '../../platform/notebook-db';
import { createV1, NOTEBOOK_DB_VERSION, type NotebookDB } from '../../platform/notebook-schema';
import type { KeptPassage } from '../../utils/notebook/types';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** A version 1 database, laid out by the schema's own version 1 step, holding `passages` as version 1 stored them. */
async function createV1Database(name: string, passages: object[]): Promise<void> {
  const db = await openDB<NotebookDB>(name, 1, { upgrade: (db) => createV1(db) });
  const tx = db.transaction('passages', 'readwrite');
  // Version 1 passages have no `site`: the store's type is version 2's.
  for (const p of passages) void tx.store.put(p as KeptPassage);
  await tx.done;
  db.close();
}

function v1Passage(i: number, reason: number, url: string) {
  return {
    id: `p${i}`,
    sentence: `WeChat sentence ${i}.`,
    title: 'Old',
    pageUrl: url,
    entity: 'wechat',
    reason,
    stance: 'supports',
    createdAt: new Date(Date.UTC(2025, 5, i)).toISOString(),
    updatedAt: new Date(Date.UTC(2025, 5, i)).toISOString(),
  };
}

describe('notebook schema migrations', () => {
  it('is at version 2', () => {
    expect(NOTEBOOK_DB_VERSION).toBe(2);
  });

  it('creates a fresh database with every store and index', async () => {
    const name = 'schema-fresh';
    const store = await NotebookStore.open({ name });
    store.close();
    const db = await request(indexedDB.open(name));
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['corrections', 'history', 'passages']);
    const tx = db.transaction(['passages', 'corrections', 'history']);
    expect([...tx.objectStore('passages').indexNames].sort()).toEqual([
      'createdAt',
      'deletedAt',
      'page',
      'reason',
      'site',
    ]);
    expect([...tx.objectStore('corrections').indexNames].sort()).toEqual(['page', 'sentence']);
    expect([...tx.objectStore('history').indexNames].sort()).toEqual(['site', 'visitedAt']);
    db.close();
    await deleteNotebookDatabase(name);
  });

  it('migrates version 1 data: keeps every passage, backfills site, and the new indexes answer', async () => {
    const name = 'schema-v1';
    await createV1Database(name, [
      v1Passage(1, 3, 'https://a.example.com/x'),
      v1Passage(2, 3, 'https://b.example.org/y?q=1'),
      v1Passage(3, 5, 'https://a.example.com/z'),
    ]);
    const store = await NotebookStore.open({ name });
    try {
      const all = await store.listPassages({ limit: 10 });
      expect(all.items.map((p) => [p.id, p.site])).toEqual([
        ['p3', 'a.example.com'],
        ['p2', 'b.example.org'],
        ['p1', 'a.example.com'],
      ]);
      expect(all.items[2]).toMatchObject({ title: 'Old', sentence: 'WeChat sentence 1.', reason: 3 });
      const reason3 = await store.listPassages({ filter: { reason: 3 } });
      expect(reason3.items.map((p) => p.id)).toEqual(['p2', 'p1']);
      const db = await request(indexedDB.open(name));
      const bySite = await request(
        db.transaction('passages').objectStore('passages').index('site').getAllKeys('a.example.com'),
      );
      expect(bySite.sort()).toEqual(['p1', 'p3']);
      db.close();
    } finally {
      store.close();
      await deleteNotebookDatabase(name);
    }
  });

  it('a failing migration step aborts the upgrade and leaves version 1 intact', async () => {
    const name = 'schema-v1-bad';
    await createV1Database(name, [v1Passage(1, 3, 'https://a.example.com/x')]);
    // The backfill's write fails (a full disk), so the whole upgrade must roll back.
    const proto = IDBCursor.prototype;
    const original = proto.update;
    proto.update = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      await expect(NotebookStore.open({ name })).rejects.toBeTruthy();
    } finally {
      proto.update = original;
    }
    const db = await request(indexedDB.open(name));
    expect(db.version).toBe(1);
    const kept = await request(db.transaction('passages').objectStore('passages').getAll());
    expect(kept).toHaveLength(1);
    expect(kept[0]).not.toHaveProperty('site');
    db.close();
    await deleteNotebookDatabase(name);
  });
});
