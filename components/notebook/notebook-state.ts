/**
 * The notebook view's state and actions over an injected NotebookApi (the
 * background's calls, or a fake in tests). Components read the signals and
 * call the actions; nothing here touches browser.*.
 *
 * Listing is "reason-major": reason 1's passages newest first, then reason
 * 2's, … each paged through the store's reason index with its cursor. One
 * list with one "load more" then shows passages grouped under their reason,
 * and 10,000 passages cost one page (default 50) per step.
 */
import { batch, type Signal, signal } from '@preact/signals';
import { REASON_NUMBERS } from '@/utils/article';
import type {
  ExportFormat,
  FileReply,
  ImportReply,
  MarkdownWords,
  NotebookApi,
  WriteReply,
} from '@/utils/notebook/calls';
import type { ReadingSummary } from '@/utils/notebook/history';
import { type Balance, compareNewestFirst, type PageCursor, type PassageFilter } from '@/utils/notebook/queries';
import type { PassageEditRequest } from '@/utils/notebook/requests';
import type { KeptPassage } from '@/utils/notebook/types';
import type { ReasonNumber } from '@/utils/types';

export const PAGE_SIZE = 50;

/** The filters the view offers (the reason, company, stance, site, date range and search). */
export type ViewFilter = Omit<PassageFilter, 'deleted'>;

/** What went wrong, for the view to word: a store error code, or 'failed' when the call itself failed. */
export type ErrorCode = 'quota' | 'unknown' | 'not-found' | 'duplicate' | 'failed';

export interface UndoEntry {
  passage: KeptPassage;
  /** Where it stood in the list, to put it back in place. */
  index: number;
}

/** An import's outcome, or 'read' when the file could not be read at all. */
export type ImportOutcome = ImportReply | { ok: false; error: 'read'; message: string };

/** Where the walk stands: a reason (by number, so a balance change cannot shift it) and its cursor. */
export interface Position {
  reason: ReasonNumber;
  after?: PageCursor;
}

export interface NotebookState {
  readonly filter: Signal<ViewFilter>;
  readonly items: Signal<KeptPassage[]>;
  /** More passages can be loaded. */
  readonly hasMore: Signal<boolean>;
  readonly loading: Signal<boolean>;
  /** Set once the first page (of the current filter) has arrived. */
  readonly loaded: Signal<boolean>;
  readonly balance: Signal<Record<ReasonNumber, Balance> | null>;
  readonly week: Signal<ReadingSummary | null>;
  readonly undo: Signal<UndoEntry | null>;
  readonly error: Signal<ErrorCode | null>;
  readonly importOutcome: Signal<ImportOutcome | null>;
  /** Reloads the balance and the first page. */
  refresh(): Promise<void>;
  /** Replaces the filter and reloads from the first page. */
  setFilter(filter: ViewFilter): Promise<void>;
  loadMore(): Promise<void>;
  /** Applies an edit; resolves to null or the error to show beside the passage. */
  edit(req: PassageEditRequest): Promise<ErrorCode | null>;
  /** Moves a passage to the trash and offers undo. */
  remove(id: string): Promise<ErrorCode | null>;
  /** Restores the passage removed last. */
  undoRemove(): Promise<ErrorCode | null>;
  dismissUndo(): void;
  loadWeek(): Promise<void>;
  exportFile(format: ExportFormat, words?: MarkdownWords): Promise<FileReply | null>;
  exportCorrections(): Promise<FileReply | null>;
  /** Imports a file's text; the outcome lands in importOutcome. Never throws. */
  importText(text: string | Promise<string>): Promise<ImportOutcome>;
}

export interface StateOptions {
  pageSize?: number;
}

function failure<T>(r: WriteReply<T>): ErrorCode | null {
  return r.ok ? null : r.error;
}

/** Drops empty strings and undefined so the request carries only real filters. */
function cleanFilter(f: ViewFilter): ViewFilter {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') out[k] = v;
  return out as ViewFilter;
}

/**
 * The list after an edit. Same reason: replaced in place. A new reason: the
 * list is grouped by reason, so the passage leaves its old group and joins
 * its new one where it sorts, if that part of the walk is loaded; otherwise
 * the walk brings it in later (its createdAt is unchanged), and under a
 * reason filter for another reason it simply leaves the list.
 */
export function placeEdited(
  list: readonly KeptPassage[],
  edited: KeptPassage,
  walk: Position | null | undefined,
  onlyReason: ReasonNumber | undefined,
): KeptPassage[] {
  const old = list.find((p) => p.id === edited.id);
  if (!old || old.reason === edited.reason) return list.map((p) => (p.id === edited.id ? edited : p));
  const rest = list.filter((p) => p.id !== edited.id);
  if (onlyReason !== undefined && onlyReason !== edited.reason) return rest;
  const loaded =
    walk === null ||
    (walk !== undefined &&
      (walk.reason > edited.reason ||
        (walk.reason === edited.reason && walk.after !== undefined && compareNewestFirst(edited, walk.after) < 0)));
  if (!loaded) return rest;
  // Reason-major, newest first within a reason: the first item that should come after it.
  const at = rest.findIndex(
    (p) => p.reason > edited.reason || (p.reason === edited.reason && compareNewestFirst(edited, p) < 0),
  );
  return at < 0 ? [...rest, edited] : [...rest.slice(0, at), edited, ...rest.slice(at)];
}

export function createNotebookState(api: NotebookApi, options: StateOptions = {}): NotebookState {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const filter = signal<ViewFilter>({});
  const items = signal<KeptPassage[]>([]);
  const hasMore = signal(false);
  const loading = signal(false);
  const loaded = signal(false);
  const balance = signal<Record<ReasonNumber, Balance> | null>(null);
  const week = signal<ReadingSummary | null>(null);
  const undo = signal<UndoEntry | null>(null);
  const error = signal<ErrorCode | null>(null);
  const importOutcome = signal<ImportOutcome | null>(null);

  /** null once every reason is walked; undefined before the first page (start at the first reason). */
  let position: Position | null | undefined;
  /** Bumped on every reset: a page that arrives for an older filter is dropped. */
  let generation = 0;
  let inFlight: Promise<void> | null = null;

  /** The reasons to walk: the filtered one, or all that hold any passage (when the balance is known). */
  function reasons(): ReasonNumber[] {
    const r = filter.value.reason;
    if (r !== undefined) return [r];
    const b = balance.value;
    return b ? REASON_NUMBERS.filter((n) => b[n].total > 0) : [...REASON_NUMBERS];
  }

  async function loadBalance(): Promise<void> {
    try {
      balance.value = await api('nb-balance', {});
    } catch {
      error.value = 'failed';
    }
  }

  async function fetchMore(gen: number): Promise<void> {
    const walk = reasons();
    const nextReason = (after?: ReasonNumber): Position | null => {
      const r = after === undefined ? walk[0] : walk.find((n) => n > after);
      return r === undefined ? null : { reason: r };
    };
    const got: KeptPassage[] = [];
    let pos = position === undefined ? nextReason() : position;
    try {
      while (pos && got.length < pageSize) {
        const page = await api('nb-list', {
          filter: { ...cleanFilter(filter.value), reason: pos.reason },
          limit: pageSize - got.length,
          ...(pos.after ? { after: pos.after } : {}),
        });
        if (gen !== generation) return;
        got.push(...page.items);
        pos = page.next ? { reason: pos.reason, after: page.next } : nextReason(pos.reason);
      }
    } catch {
      if (gen === generation) error.value = 'failed';
      return;
    }
    if (gen !== generation) return;
    position = pos;
    batch(() => {
      items.value = [...items.value, ...got];
      hasMore.value = position !== null;
      loaded.value = true;
    });
  }

  function loadMore(): Promise<void> {
    if (inFlight || position === null) return inFlight ?? Promise.resolve();
    const gen = generation;
    loading.value = true;
    inFlight = fetchMore(gen).finally(() => {
      if (gen === generation) {
        inFlight = null;
        loading.value = false;
      }
    });
    return inFlight;
  }

  async function reset(): Promise<void> {
    generation++;
    inFlight = null;
    position = undefined;
    batch(() => {
      items.value = [];
      hasMore.value = false;
      loaded.value = false;
      error.value = null;
    });
    await loadMore();
  }

  async function refresh(): Promise<void> {
    await loadBalance();
    await reset();
  }

  async function setFilter(next: ViewFilter): Promise<void> {
    filter.value = cleanFilter(next);
    await reset();
  }

  async function edit(req: PassageEditRequest): Promise<ErrorCode | null> {
    try {
      const r = await api('nb-edit', req);
      if (!r.ok) return r.error;
      items.value = placeEdited(items.value, r.value, position, filter.value.reason);
      void loadBalance();
      return null;
    } catch {
      return 'failed';
    }
  }

  async function remove(id: string): Promise<ErrorCode | null> {
    try {
      const r = await api('nb-remove', { id });
      if (!r.ok) return r.error;
      const index = items.value.findIndex((p) => p.id === id);
      const passage = items.value[index];
      batch(() => {
        items.value = items.value.filter((p) => p.id !== id);
        if (passage) undo.value = { passage, index };
      });
      void loadBalance();
      return null;
    } catch {
      return 'failed';
    }
  }

  async function undoRemove(): Promise<ErrorCode | null> {
    const entry = undo.value;
    if (!entry) return null;
    try {
      const r = await api('nb-restore', { id: entry.passage.id });
      const code = failure(r);
      if (code) return code;
      const list = [...items.value];
      list.splice(Math.min(entry.index, list.length), 0, r.ok ? r.value : entry.passage);
      batch(() => {
        items.value = list;
        undo.value = null;
      });
      void loadBalance();
      return null;
    } catch {
      return 'failed';
    }
  }

  async function loadWeek(): Promise<void> {
    try {
      week.value = await api('nb-reading-week', {});
    } catch {
      week.value = null;
    }
  }

  async function exportFile(format: ExportFormat, words?: MarkdownWords): Promise<FileReply | null> {
    try {
      return await api('nb-export', words ? { format, words } : { format });
    } catch {
      error.value = 'failed';
      return null;
    }
  }

  async function exportCorrections(): Promise<FileReply | null> {
    try {
      return await api('nb-corrections-export', {});
    } catch {
      error.value = 'failed';
      return null;
    }
  }

  async function importText(text: string | Promise<string>): Promise<ImportOutcome> {
    let outcome: ImportOutcome;
    try {
      outcome = await api('nb-import', { text: await text });
    } catch (e) {
      outcome = { ok: false, error: 'read', message: e instanceof Error ? e.message : String(e) };
    }
    importOutcome.value = outcome;
    if (outcome.ok && outcome.report.added > 0) await refresh();
    return outcome;
  }

  return {
    filter,
    items,
    hasMore,
    loading,
    loaded,
    balance,
    week,
    undo,
    error,
    importOutcome,
    refresh,
    setFilter,
    loadMore,
    edit,
    remove,
    undoRemove,
    dismissUndo: () => {
      undo.value = null;
    },
    loadWeek,
    exportFile,
    exportCorrections,
    importText,
  };
}
