/**
 * The reader's notebook in IndexedDB (via idb). Used by the background only:
 * content scripts and pages send requests, the background checks them
 * (utils/notebook/requests.ts) and calls this plain async API.
 *
 * Every write runs in one transaction and returns a WriteResult instead of
 * throwing: on any failure (full disk: 'quota') the transaction is aborted,
 * so what was stored before stays as it was.
 */
import { deleteDB, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import { pickCorrection } from '../utils/notebook/corrections';
import { buildNotebookExport } from '../utils/notebook/export-json';
import {
  type ReadingSummary,
  readingThisWeek,
  retentionCutoff,
  summarizeReading,
  weekStart,
} from '../utils/notebook/history';
import type { RetentionDays } from '../utils/notebook/limits';
import { correctionKey, type ImportReport, passageKey, planMerge } from '../utils/notebook/merge';
import {
  type Balance,
  balanceByReason,
  type Page,
  type PageCursor,
  type PassageFilter,
  passageMatcher,
} from '../utils/notebook/queries';
import { editPassage, makeCorrection, makeHistoryEntry, makePassage } from '../utils/notebook/records';
import type {
  CorrectionRequest,
  HistoryVisitRequest,
  KeepRequest,
  PassageEditRequest,
} from '../utils/notebook/requests';
import { normalizeText, pageUrlOf } from '../utils/notebook/text';
import type { Correction, HistoryEntry, KeptPassage, NotebookExport } from '../utils/notebook/types';
import { parseNotebookFile } from '../utils/notebook/validate';
import type { ReasonNumber } from '../utils/types';
import { NOTEBOOK_DB_NAME, NOTEBOOK_DB_VERSION, type NotebookDB, upgradeNotebook } from './notebook-schema';

/**
 * quota: the browser's storage is full; not-found: no item with that id;
 * duplicate: an edit would make a passage identical (same natural key) to another; unknown: anything else.
 */
export type WriteError = 'quota' | 'unknown' | 'not-found' | 'duplicate';
export interface WriteFailure {
  ok: false;
  error: WriteError;
  message: string;
}
export type WriteResult<T> = { ok: true; value: T } | WriteFailure;

/** An import either changes nothing (file rejected, or the write failed) or writes every accepted item. */
export type ImportResult =
  | { ok: true; report: ImportReport }
  | { ok: false; error: 'file'; message: string }
  | WriteFailure;

export interface PassageQuery {
  filter?: PassageFilter;
  /** Page size, 1..500 (default 50). */
  limit?: number;
  /** The `next` of the previous page. */
  after?: PageCursor;
}

type Store = StoreNames<NotebookDB>;
type WriteTx<S extends Store[]> = IDBPTransaction<NotebookDB, S, 'readwrite'>;

const ALL_STORES: Store[] = ['passages', 'corrections', 'history'];
const MAX_PAGE = 500;

function isQuota(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'QuotaExceededError';
}

/** Sorts a failure into quota (the browser's storage is full) or anything else. */
export function writeFailure(error: unknown, txError?: unknown): WriteFailure {
  if (isQuota(error) || isQuota(txError)) {
    return { ok: false, error: 'quota', message: 'The browser has no storage space left for the notebook.' };
  }
  const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  return { ok: false, error: 'unknown', message: message || 'The notebook could not be saved.' };
}

function notFound(what: string): WriteFailure {
  return { ok: false, error: 'not-found', message: `No such ${what}.` };
}

class NotFound extends Error {}
class Duplicate extends Error {}

/**
 * Queues every request at once and waits for all. If queuing one throws
 * (the caller then aborts the transaction), the requests already queued
 * fail with AbortError; they are marked handled so that is not reported twice.
 */
async function runAll(ops: readonly (() => Promise<unknown>)[]): Promise<void> {
  const pending: Promise<unknown>[] = [];
  try {
    for (const op of ops) pending.push(op());
  } catch (e) {
    for (const p of pending) p.catch(() => {});
    throw e;
  }
  await Promise.all(pending);
}

function newId(): string {
  return crypto.randomUUID();
}

function nowIso(): string {
  return new Date().toISOString();
}

export interface OpenOptions {
  /** Database name; tests use their own. */
  name?: string;
}

export class NotebookStore {
  /** The connection, opening or open; null once closed (the next call reopens). */
  private db: Promise<IDBPDatabase<NotebookDB>> | null = null;

  private constructor(private readonly name: string) {}

  /** Opens (creating or migrating) the database. */
  static async open(options: OpenOptions = {}): Promise<NotebookStore> {
    const store = new NotebookStore(options.name ?? NOTEBOOK_DB_NAME);
    await store.conn();
    return store;
  }

  /**
   * The open connection. One promise is shared so concurrent calls open one
   * connection; it is reopened after another context's upgrade closed it.
   */
  private conn(): Promise<IDBPDatabase<NotebookDB>> {
    if (this.db) return this.db;
    const opening = openDB<NotebookDB>(this.name, NOTEBOOK_DB_VERSION, {
      upgrade: (database, oldVersion, _newVersion, tx) => upgradeNotebook(database, oldVersion, tx),
      // A newer version wants to upgrade: step aside; the next call reopens (and fails loudly if we are the old code).
      blocking: () => this.close(),
      terminated: () => {
        this.db = null;
      },
    });
    this.db = opening;
    // A failed open is not kept: the next call tries again.
    opening.catch(() => {
      if (this.db === opening) this.db = null;
    });
    return opening;
  }

  close(): void {
    const db = this.db;
    this.db = null;
    db?.then((d) => d.close()).catch(() => {});
  }

  /** write() for one store. */
  private writeTo<S extends Store, T>(
    name: S,
    fn: (store: IDBPObjectStore<NotebookDB, [S], S, 'readwrite'>) => Promise<T>,
  ): Promise<WriteResult<T>> {
    return this.write([name], (tx) => fn(tx.objectStore(name)));
  }

  /** Runs fn in one readwrite transaction; any throw or failed request aborts it (nothing written). */
  private async write<S extends Store[], T>(stores: S, fn: (tx: WriteTx<S>) => Promise<T>): Promise<WriteResult<T>> {
    let tx: WriteTx<S> | undefined;
    try {
      tx = (await this.conn()).transaction(stores, 'readwrite');
      // Failures are read below; this keeps an early abort from surfacing as an unhandled rejection.
      tx.done.catch(() => {});
      const value = await fn(tx);
      await tx.done;
      return { ok: true, value };
    } catch (e) {
      try {
        tx?.abort();
      } catch {
        // Already aborted by the failed request, or already finished.
      }
      if (e instanceof NotFound) return notFound(e.message);
      if (e instanceof Duplicate) return { ok: false, error: 'duplicate', message: e.message };
      return writeFailure(e, tx?.error);
    }
  }

  // --- Kept passages ---

  /**
   * Keeps a passage. Keeping the same sentence again for the same reason and
   * stance updates that passage (title, note, restored from the trash)
   * instead of adding a duplicate.
   */
  keep(req: KeepRequest, now = nowIso()): Promise<WriteResult<KeptPassage>> {
    return this.writeTo('passages', async (store) => {
      const fresh = makePassage(req, newId(), now);
      const key = passageKey(fresh);
      const same = await store.index('page').getAll([fresh.pageUrl, fresh.sentence]);
      const old = same.find((p) => passageKey(p) === key);
      const value: KeptPassage = old ? { ...old, title: fresh.title, entity: fresh.entity, updatedAt: now } : fresh;
      if (old) {
        delete value.deletedAt;
        if (fresh.note) value.note = fresh.note;
      }
      await store.put(value);
      return value;
    });
  }

  editPassage(req: PassageEditRequest, now = nowIso()): Promise<WriteResult<KeptPassage>> {
    return this.writeTo('passages', async (store) => {
      const p = await store.get(req.id);
      if (!p) throw new NotFound('passage');
      const next = editPassage(p, req, now);
      const key = passageKey(next);
      const same = await store.index('page').getAll([next.pageUrl, next.sentence]);
      if (same.some((o) => o.id !== next.id && passageKey(o) === key)) {
        throw new Duplicate('This sentence is already kept for that reason and stance.');
      }
      await store.put(next);
      return next;
    });
  }

  /** Moves a passage to the trash (undo with restorePassage). */
  removePassage(id: string, now = nowIso()): Promise<WriteResult<KeptPassage>> {
    return this.writeTo('passages', async (store) => {
      const p = await store.get(id);
      if (!p) throw new NotFound('passage');
      const next = { ...p, deletedAt: now };
      await store.put(next);
      return next;
    });
  }

  restorePassage(id: string): Promise<WriteResult<KeptPassage>> {
    return this.writeTo('passages', async (store) => {
      const p = await store.get(id);
      if (!p) throw new NotFound('passage');
      const next = { ...p };
      delete next.deletedAt;
      await store.put(next);
      return next;
    });
  }

  /** Deletes for good the passages in the trash since before `before` (all of the trash when omitted). */
  purgeDeleted(before?: string): Promise<WriteResult<number>> {
    return this.writeTo('passages', async (store) => {
      const range = before === undefined ? undefined : IDBKeyRange.upperBound(before, true);
      const keys = await store.index('deletedAt').getAllKeys(range);
      await runAll(keys.map((key) => () => store.delete(key)));
      return keys.length;
    });
  }

  async getPassage(id: string): Promise<KeptPassage | undefined> {
    return (await this.conn()).get('passages', id);
  }

  /** Whether this sentence on this page is kept (not in the trash), for marking mentions. */
  async isKept(pageUrl: string, sentence: string): Promise<boolean> {
    const url = pageUrlOf(pageUrl);
    if (url === null) return false;
    const found = await (await this.conn()).getAllFromIndex('passages', 'page', [url, normalizeText(sentence)]);
    return found.some((p) => p.deletedAt === undefined);
  }

  /** The kept passages of one page (not in the trash), so its content script can mark them at once. */
  async keptOnPage(pageUrl: string): Promise<KeptPassage[]> {
    const url = pageUrlOf(pageUrl);
    if (url === null) return [];
    // [url] sorts before every [url, sentence] and [url, []] after them (arrays sort after strings).
    const range = IDBKeyRange.bound([url], [url, []]);
    const found = await (await this.conn()).getAllFromIndex('passages', 'page', range);
    return found.filter((p) => p.deletedAt === undefined);
  }

  /**
   * One page of passages, newest first, filtered. Walks the createdAt index
   * (or the reason index when a reason is given) from the cursor, within the
   * date range, and stops after `limit` matches, so the first page of 10,000
   * passages reads only what it shows (plus any filtered out on the way).
   */
  async listPassages(query: PassageQuery = {}): Promise<Page<KeptPassage>> {
    const filter = query.filter ?? {};
    const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(query.limit ?? 50)));
    const match = passageMatcher(filter);
    const prefix: number[] = filter.reason === undefined ? [] : [filter.reason];
    // Upper bound (exclusive): the cursor, or the end of the range, whichever comes first.
    let upper: unknown[] | undefined;
    if (query.after) upper = [...prefix, query.after.createdAt, query.after.id];
    if (filter.to !== undefined && (upper === undefined || filter.to <= (upper[prefix.length] as string))) {
      upper = [...prefix, filter.to];
    }
    const lower = filter.from !== undefined ? [...prefix, filter.from] : prefix.length ? prefix : undefined;
    const top = upper ?? (prefix.length ? [...prefix, []] : undefined);
    let range: IDBKeyRange | undefined;
    if (lower && top) {
      // An empty range (from after to, or a cursor before from) is an error for IDBKeyRange: no items.
      const order = indexedDB.cmp(lower, top);
      if (order > 0 || (order === 0 && upper !== undefined)) return { items: [] };
      range = IDBKeyRange.bound(lower, top, false, upper !== undefined);
    } else if (lower) range = IDBKeyRange.lowerBound(lower);
    else if (top) range = IDBKeyRange.upperBound(top, upper !== undefined);
    const tx = (await this.conn()).transaction('passages');
    const index = filter.reason === undefined ? tx.store.index('createdAt') : tx.store.index('reason');
    const items: KeptPassage[] = [];
    let more = false;
    let cursor = await index.openCursor(range, 'prev');
    while (cursor) {
      if (match(cursor.value)) {
        if (items.length === limit) {
          more = true;
          break;
        }
        items.push(cursor.value);
      }
      cursor = await cursor.continue();
    }
    const last = items[items.length - 1];
    return more && last ? { items, next: { createdAt: last.createdAt, id: last.id } } : { items };
  }

  /** Support/challenge/context counts per reason, over passages not in the trash. */
  async balance(): Promise<Record<ReasonNumber, Balance>> {
    return balanceByReason(await (await this.conn()).getAll('passages'));
  }

  // --- Corrections ---

  /** Records a correction; a second one for the same sentence on the same page replaces the first. */
  correct(req: CorrectionRequest, now = nowIso()): Promise<WriteResult<Correction>> {
    return this.writeTo('corrections', async (store) => {
      const fresh = makeCorrection(req, newId(), now);
      const old = await store.index('page').get([fresh.pageUrl, fresh.sentence]);
      const value = old ? { ...fresh, id: old.id } : fresh;
      await store.put(value);
      return value;
    });
  }

  /** Undo: the correction is deleted and the extension's own link applies again. */
  undoCorrection(id: string): Promise<WriteResult<void>> {
    return this.writeTo('corrections', async (store) => {
      if (!(await store.getKey(id))) throw new NotFound('correction');
      await store.delete(id);
    });
  }

  /**
   * The corrections that apply to these sentences on this page: one made on
   * the page wins, otherwise the newest made for the same sentence elsewhere.
   * Keys of the result are the normalised sentences.
   */
  async correctionsFor(pageUrl: string, sentences: readonly string[]): Promise<Record<string, Correction>> {
    const url = pageUrlOf(pageUrl) ?? '';
    const tx = (await this.conn()).transaction('corrections');
    const index = tx.store.index('sentence');
    const out: Record<string, Correction> = Object.create(null);
    for (const s of new Set(sentences.map(normalizeText))) {
      const found = pickCorrection(await index.getAll(s), url, s);
      if (found) out[s] = found;
    }
    return out;
  }

  /** Every correction, newest first. */
  async listCorrections(): Promise<Correction[]> {
    const all = await (await this.conn()).getAll('corrections');
    return all.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  // --- Reading history ---

  /** Logs a visit; a later visit to the same page the same (UTC) day replaces it with the latest counts. */
  logVisit(req: HistoryVisitRequest, now = nowIso()): Promise<WriteResult<HistoryEntry>> {
    return this.writeTo('history', async (store) => {
      const entry = makeHistoryEntry(req, now);
      await store.put(entry);
      return entry;
    });
  }

  /** Visits at or after `since` (all when omitted), newest first, at most `limit`. */
  async listHistory(since?: string, limit = Number.POSITIVE_INFINITY): Promise<HistoryEntry[]> {
    const range = since === undefined ? undefined : IDBKeyRange.lowerBound(since);
    const out: HistoryEntry[] = [];
    let cursor = await (await this.conn()).transaction('history').store.index('visitedAt').openCursor(range, 'prev');
    while (cursor && out.length < limit) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  }

  /** This week's reasons across all reading: visits in the 7 days before now. */
  async readingThisWeek(now = nowIso()): Promise<ReadingSummary> {
    const entries = await (await this.conn()).getAllFromIndex(
      'history',
      'visitedAt',
      IDBKeyRange.lowerBound(weekStart(now)),
    );
    return readingThisWeek(entries, now);
  }

  /** Reading summed over visits since an instant (all when omitted). */
  async readingSince(since?: string): Promise<ReadingSummary> {
    return summarizeReading(await this.listHistory(since), since);
  }

  /** "Forget this site": every visit to the hostname. */
  forgetSite(hostname: string): Promise<WriteResult<number>> {
    return this.writeTo('history', async (store) => {
      const keys = await store.index('site').getAllKeys(hostname.toLowerCase());
      await runAll(keys.map((key) => () => store.delete(key)));
      return keys.length;
    });
  }

  clearHistory(): Promise<WriteResult<void>> {
    return this.writeTo('history', (store) => store.clear());
  }

  /** Deletes visits older than the retention period. */
  pruneHistory(days: RetentionDays, now = nowIso()): Promise<WriteResult<number>> {
    return this.writeTo('history', async (store) => {
      const range = IDBKeyRange.upperBound(retentionCutoff(now, days), true);
      const keys = await store.index('visitedAt').getAllKeys(range);
      await runAll(keys.map((key) => () => store.delete(key)));
      return keys.length;
    });
  }

  // --- Whole notebook ---

  /** Everything, read in one transaction, in the JSON export shape. */
  async exportAll(now = nowIso()): Promise<NotebookExport> {
    const tx = (await this.conn()).transaction(ALL_STORES);
    const [passages, corrections, history] = await Promise.all([
      tx.objectStore('passages').index('createdAt').getAll(),
      tx.objectStore('corrections').getAll(),
      tx.objectStore('history').index('visitedAt').getAll(),
    ]);
    return buildNotebookExport({ passages: passages.reverse(), corrections, history: history.reverse() }, now);
  }

  /**
   * Reads an export file and merges it: items already stored (same natural
   * key, see utils/notebook/merge.ts) or repeated in the file are skipped,
   * invalid items rejected. All accepted items are written in one
   * transaction, or none.
   */
  async importNotebook(text: unknown): Promise<ImportResult> {
    const parsed = parseNotebookFile(text);
    if (!parsed.ok) return { ok: false, error: 'file', message: parsed.message };
    const result = await this.write(ALL_STORES, async (tx) => {
      const passages = tx.objectStore('passages');
      const corrections = tx.objectStore('corrections');
      const history = tx.objectStore('history');
      const [oldPassages, oldCorrections, oldHistory] = await Promise.all([
        passages.getAll(),
        corrections.getAll(),
        history.getAllKeys(),
      ]);
      const p = planMerge(parsed.passages, new Set(oldPassages.map(passageKey)), passageKey);
      const c = planMerge(parsed.corrections, new Set(oldCorrections.map(correctionKey)), correctionKey);
      const h = planMerge(parsed.history, new Set(oldHistory), (e) => e.id);
      // Imported ids are another browser's: new ones avoid clashing with ours.
      // Requests are queued at once (not awaited one by one): one round trip for the lot.
      await runAll([
        ...p.add.map((item) => () => passages.put({ ...item, id: newId() })),
        ...c.add.map((item) => () => corrections.put({ ...item, id: newId() })),
        ...h.add.map((item) => () => history.put(item)),
      ]);
      return {
        added: p.add.length + c.add.length + h.add.length,
        skipped: p.skipped + c.skipped + h.skipped,
        rejected: parsed.rejected,
        reasons: parsed.reasons,
      };
    });
    return result.ok ? { ok: true, report: result.value } : result;
  }

  /** Deletes every passage, correction and visit (the database itself stays, empty). */
  deleteEverything(): Promise<WriteResult<void>> {
    return this.write(ALL_STORES, async (tx) => {
      await Promise.all(ALL_STORES.map((s) => tx.objectStore(s).clear()));
    });
  }
}

/** Removes the whole database (e.g. when the extension resets); close every store first. */
export function deleteNotebookDatabase(name = NOTEBOOK_DB_NAME): Promise<void> {
  return deleteDB(name);
}
