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

/**
 * A write as the view words it: null when done (after `then` has used the written value), the store's error code,
 * or 'failed' when the call itself threw (the background gone).
 */
export async function written<T>(
  call: () => Promise<WriteReply<T>>,
  then?: (value: T) => void,
): Promise<ErrorCode | null> {
  try {
    const r = await call();
    if (!r.ok) return r.error;
    then?.(r.value);
    return null;
  } catch {
    return 'failed';
  }
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

/** The notebook view's controller: signals for the view, and one short method per action. */
class NotebookController implements NotebookState {
  readonly filter = signal<ViewFilter>({});
  readonly items = signal<KeptPassage[]>([]);
  readonly hasMore = signal(false);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly balance = signal<Record<ReasonNumber, Balance> | null>(null);
  readonly week = signal<ReadingSummary | null>(null);
  readonly undo = signal<UndoEntry | null>(null);
  readonly error = signal<ErrorCode | null>(null);
  readonly importOutcome = signal<ImportOutcome | null>(null);
  /** null once every reason is walked; undefined before the first page (start at the first reason). */
  private position: Position | null | undefined;
  /** Bumped on every reset: a page that arrives for an older filter is dropped. */
  private generation = 0;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly api: NotebookApi,
    private readonly pageSize: number,
  ) {}

  /** The reasons to walk: the filtered one, or all that hold any passage (when the balance is known). */
  private reasons(): ReasonNumber[] {
    const r = this.filter.value.reason;
    if (r !== undefined) return [r];
    const b = this.balance.value;
    return b ? REASON_NUMBERS.filter((n) => b[n].total > 0) : [...REASON_NUMBERS];
  }

  private async loadBalance(): Promise<void> {
    try {
      this.balance.value = await this.api('nb-balance', {});
    } catch {
      this.error.value = 'failed';
    }
  }

  /** One page of the walk, across reasons when one runs out; null when the filter changed meanwhile. */
  private async walk(gen: number): Promise<{ got: KeptPassage[]; pos: Position | null } | null> {
    const walk = this.reasons();
    const nextReason = (after?: ReasonNumber): Position | null => {
      const r = after === undefined ? walk[0] : walk.find((n) => n > after);
      return r === undefined ? null : { reason: r };
    };
    const got: KeptPassage[] = [];
    let pos = this.position === undefined ? nextReason() : this.position;
    while (pos && got.length < this.pageSize) {
      const page = await this.api('nb-list', {
        filter: { ...cleanFilter(this.filter.value), reason: pos.reason },
        limit: this.pageSize - got.length,
        ...(pos.after ? { after: pos.after } : {}),
      });
      if (gen !== this.generation) return null;
      got.push(...page.items);
      pos = page.next ? { reason: pos.reason, after: page.next } : nextReason(pos.reason);
    }
    return { got, pos };
  }

  private async fetchMore(gen: number): Promise<void> {
    let step: Awaited<ReturnType<NotebookController['walk']>>;
    try {
      step = await this.walk(gen);
    } catch {
      if (gen === this.generation) this.error.value = 'failed';
      return;
    }
    if (!step || gen !== this.generation) return;
    const { got, pos } = step;
    this.position = pos;
    batch(() => {
      this.items.value = [...this.items.value, ...got];
      this.hasMore.value = pos !== null;
      this.loaded.value = true;
    });
  }

  loadMore(): Promise<void> {
    if (this.inFlight || this.position === null) return this.inFlight ?? Promise.resolve();
    const gen = this.generation;
    this.loading.value = true;
    this.inFlight = this.fetchMore(gen).finally(() => {
      if (gen === this.generation) {
        this.inFlight = null;
        this.loading.value = false;
      }
    });
    return this.inFlight;
  }

  private async reset(): Promise<void> {
    this.generation++;
    this.inFlight = null;
    this.position = undefined;
    batch(() => {
      this.items.value = [];
      this.hasMore.value = false;
      this.loaded.value = false;
      this.error.value = null;
    });
    await this.loadMore();
  }

  async refresh(): Promise<void> {
    // Side by side: the balance reads every passage, while the first page needs only its own. The old balance is
    // dropped first, so the walk asks every reason (empty ones answer at once) rather than skipping one newly used.
    this.balance.value = null;
    await Promise.all([this.loadBalance(), this.reset()]);
  }

  async setFilter(next: ViewFilter): Promise<void> {
    this.filter.value = cleanFilter(next);
    await this.reset();
  }

  edit(req: PassageEditRequest): Promise<ErrorCode | null> {
    return written(
      () => this.api('nb-edit', req),
      (edited) => {
        this.items.value = placeEdited(this.items.value, edited, this.position, this.filter.value.reason);
        void this.loadBalance();
      },
    );
  }

  remove(id: string): Promise<ErrorCode | null> {
    return written(
      () => this.api('nb-remove', { id }),
      () => {
        const index = this.items.value.findIndex((p) => p.id === id);
        const passage = this.items.value[index];
        batch(() => {
          this.items.value = this.items.value.filter((p) => p.id !== id);
          if (passage) this.undo.value = { passage, index };
        });
        void this.loadBalance();
      },
    );
  }

  async undoRemove(): Promise<ErrorCode | null> {
    const entry = this.undo.value;
    if (!entry) return null;
    return written(
      () => this.api('nb-restore', { id: entry.passage.id }),
      (restored) => {
        const list = [...this.items.value];
        list.splice(Math.min(entry.index, list.length), 0, restored);
        batch(() => {
          this.items.value = list;
          this.undo.value = null;
        });
        void this.loadBalance();
      },
    );
  }

  dismissUndo(): void {
    this.undo.value = null;
  }

  async loadWeek(): Promise<void> {
    try {
      this.week.value = await this.api('nb-reading-week', {});
    } catch {
      this.week.value = null;
    }
  }

  async exportFile(format: ExportFormat, words?: MarkdownWords): Promise<FileReply | null> {
    try {
      return await this.api('nb-export', words ? { format, words } : { format });
    } catch {
      this.error.value = 'failed';
      return null;
    }
  }

  async exportCorrections(): Promise<FileReply | null> {
    try {
      return await this.api('nb-corrections-export', {});
    } catch {
      this.error.value = 'failed';
      return null;
    }
  }

  async importText(text: string | Promise<string>): Promise<ImportOutcome> {
    let outcome: ImportOutcome;
    try {
      outcome = await this.api('nb-import', { text: await text });
    } catch (e) {
      outcome = { ok: false, error: 'read', message: e instanceof Error ? e.message : String(e) };
    }
    this.importOutcome.value = outcome;
    if (outcome.ok && outcome.report.added > 0) await this.refresh();
    return outcome;
  }
}

export function createNotebookState(api: NotebookApi, options: StateOptions = {}): NotebookState {
  const state = new NotebookController(api, options.pageSize ?? PAGE_SIZE);
  // Components pass the actions around unbound (onClick={state.loadMore}): bind them once here.
  for (const name of [
    'refresh',
    'setFilter',
    'loadMore',
    'edit',
    'remove',
    'undoRemove',
    'dismissUndo',
    'loadWeek',
    'exportFile',
    'exportCorrections',
    'importText',
  ] as const) {
    (state as unknown as Record<string, unknown>)[name] = (state[name] as (...a: unknown[]) => unknown).bind(state);
  }
  return state;
}
