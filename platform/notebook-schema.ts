/**
 * The notebook's IndexedDB schema and its step-by-step migrations. Each
 * version's step runs once, in order, inside the upgrade transaction, so a
 * browser several versions behind walks every step and a failed step aborts
 * the upgrade (the database stays at its old version, data intact).
 *
 * v1: stores passages, corrections, history.
 *   passages    key id; indexes createdAt [createdAt, id], page [pageUrl, sentence], deletedAt
 *   corrections key id; indexes page [pageUrl, sentence] (unique), sentence
 *   history     key id (`${day}|${url}`); indexes visitedAt, site
 * v2: passages gain `site` (hostname of pageUrl, backfilled) with a `site`
 *   index, and a `reason` index [reason, createdAt, id] so one reason's
 *   passages page newest-first without reading the others.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { hostnameOf } from '../utils/notebook/text';
import type { Correction, HistoryEntry, KeptPassage } from '../utils/notebook/types';

export const NOTEBOOK_DB_NAME = 'eight-reasons-notebook';
export const NOTEBOOK_DB_VERSION = 2;

export interface NotebookDB extends DBSchema {
  passages: {
    key: string;
    value: KeptPassage;
    indexes: {
      createdAt: [string, string];
      page: [string, string];
      deletedAt: string;
      site: string;
      reason: [number, string, string];
    };
  };
  corrections: {
    key: string;
    value: Correction;
    indexes: { page: [string, string]; sentence: string };
  };
  history: {
    key: string;
    value: HistoryEntry;
    indexes: { visitedAt: string; site: string };
  };
}

type UpgradeTx = IDBPTransaction<NotebookDB, StoreNames<NotebookDB>[], 'versionchange'>;

/** Version 1's stores and indexes. Exported so the migration test builds a real version 1 database from it. */
export function createV1(db: IDBPDatabase<NotebookDB>): void {
  const passages = db.createObjectStore('passages', { keyPath: 'id' });
  passages.createIndex('createdAt', ['createdAt', 'id']);
  passages.createIndex('page', ['pageUrl', 'sentence']);
  // Sparse: only passages in the trash carry deletedAt, so purging reads just those.
  passages.createIndex('deletedAt', 'deletedAt');
  const corrections = db.createObjectStore('corrections', { keyPath: 'id' });
  corrections.createIndex('page', ['pageUrl', 'sentence'], { unique: true });
  corrections.createIndex('sentence', 'sentence');
  const history = db.createObjectStore('history', { keyPath: 'id' });
  history.createIndex('visitedAt', 'visitedAt');
  history.createIndex('site', 'site');
}

/** Adds the site and reason indexes and fills in `site` on every stored passage. */
async function migrateV1toV2(tx: UpgradeTx): Promise<void> {
  const passages = tx.objectStore('passages');
  passages.createIndex('site', 'site');
  passages.createIndex('reason', ['reason', 'createdAt', 'id']);
  let cursor = await passages.openCursor();
  while (cursor) {
    const p = cursor.value;
    if (typeof p.site !== 'string') await cursor.update({ ...p, site: hostnameOf(p.pageUrl) });
    cursor = await cursor.continue();
  }
}

async function migrate(db: IDBPDatabase<NotebookDB>, oldVersion: number, tx: UpgradeTx): Promise<void> {
  if (oldVersion < 1) createV1(db);
  if (oldVersion < 2) await migrateV1toV2(tx);
}

/**
 * The upgrade callback for openDB. The steps run in order in one upgrade
 * transaction, kept alive by their requests; if one fails the transaction is
 * aborted so the open fails instead of leaving a half-migrated database.
 */
export function upgradeNotebook(db: IDBPDatabase<NotebookDB>, oldVersion: number, tx: UpgradeTx): void {
  // An aborted upgrade fails the open itself, which reports it; this promise need not.
  tx.done.catch(() => {});
  migrate(db, oldVersion, tx).catch(() => {
    try {
      tx.abort();
    } catch {
      // Already finished or aborting: the open reports the failure.
    }
  });
}
