/**
 * The reader's notebook as a view of the side panel: this week's reasons
 * (with history on), an overview of the eight reasons with their balance,
 * filters, and the kept passages grouped by reason, a page at a time ("load
 * more" when the end scrolls into view). Export and import at the bottom.
 * The filters, a passage and the files section are their own modules
 * (notebook-filters, passage-item, notebook-files). Page and imported text is
 * rendered as text only.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { REASON_NUMBERS, reasonByNumber } from '@/utils/article';
import type { FileReply } from '@/utils/notebook/calls';
import type { ReadingSummary } from '@/utils/notebook/history';
import type { KeptPassage } from '@/utils/notebook/types';
import type { ReasonNumber } from '@/utils/types';
import { reasonLabel } from '../labels';
import { downloadFile } from './download';
import { balanceLine, errorText } from './labels';
import { ImportExport } from './notebook-files';
import { Filters } from './notebook-filters';
import type { ErrorCode, NotebookState, ViewFilter } from './notebook-state';
import { PassageItem } from './passage-item';

export interface NotebookViewProps {
  state: NotebookState;
  /** Reading history switched on: shows "This week's reasons". */
  historyEnabled: boolean;
  /** Shows reason n's text (the side panel's article view). */
  onShowReason: (n: ReasonNumber) => void;
  /** Milliseconds between the last keystroke and the search (0 in tests). */
  searchDelay?: number;
  /** Saves an export; downloadFile by default. */
  download?: (file: FileReply) => void;
}

export function WeekStrip({ week }: { week: ReadingSummary }) {
  const top = REASON_NUMBERS.filter((n) => week.counts[n] > 0).sort((a, b) => week.counts[b] - week.counts[a]);
  return (
    <section class="nb-week" data-testid="nb-week" aria-label={t('nb_week_heading')}>
      <h3>{t('nb_week_heading')}</h3>
      {top.length === 0 ? (
        <p class="muted">{t('nb_week_none')}</p>
      ) : (
        <ol class="nb-week-list">
          {top.map((n) => (
            <li key={n} data-reason={n}>
              <span>{reasonLabel(n)}</span>{' '}
              <span class="nb-week-count">{t('nb_week_mentions', String(week.counts[n]))}</span>
            </li>
          ))}
        </ol>
      )}
      <p class="muted">{t('nb_week_pages', String(week.pages))}</p>
    </section>
  );
}

/** Asks for the next page when the end of the list comes near; the button stays for keyboards and old engines. */
function LoadMore({ state }: { state: NotebookState }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const hasMore = state.hasMore.value;
  // Observing afresh after each page: a new observer reports at once if the end is still in view (a tall panel), where the old one would wait for a crossing.
  const count = state.items.value.length;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasMore || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void state.loadMore();
      },
      { rootMargin: '400px 0px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [hasMore, count, state]);
  if (!hasMore) return null;
  return (
    <div ref={sentinel} class="nb-more">
      <button
        type="button"
        data-testid="nb-load-more"
        disabled={state.loading.value}
        onClick={() => void state.loadMore()}
      >
        {t('nb_load_more')}
      </button>
    </div>
  );
}

function PassageList({ state, onShowReason }: { state: NotebookState; onShowReason: (n: ReasonNumber) => void }) {
  const items = state.items.value;
  const balance = state.balance.value;
  // Items arrive reason by reason, so a heading goes wherever the reason changes.
  const groups: { reason: ReasonNumber; passages: KeptPassage[] }[] = [];
  for (const p of items) {
    const last = groups[groups.length - 1];
    if (last && last.reason === p.reason) last.passages.push(p);
    else groups.push({ reason: p.reason, passages: [p] });
  }
  return (
    <div class="nb-list" data-testid="nb-list">
      {groups.map((g) => (
        <section key={g.reason} class="nb-group" data-reason={g.reason} aria-labelledby={`nb-group-${g.reason}`}>
          <h3 id={`nb-group-${g.reason}`} class="nb-group-heading">
            {reasonLabel(g.reason)}
          </h3>
          {balance && <p class="nb-balance">{balanceLine(balance[g.reason])}</p>}
          <button type="button" class="link-button" onClick={() => onShowReason(g.reason)}>
            {t('nb_read_reason', String(g.reason))}
          </button>
          <ul class="nb-passages">
            {g.passages.map((p) => (
              <PassageItem key={p.id} p={p} state={state} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Overview({ state, onShowReason }: { state: NotebookState; onShowReason: (n: ReasonNumber) => void }) {
  const balance = state.balance.value;
  if (!balance) return null;
  return (
    <ol class="nb-overview" data-testid="nb-overview" aria-label={t('nb_overview_label')}>
      {REASON_NUMBERS.map((n) => (
        <li key={n} data-reason={n}>
          <span class="nb-overview-title">
            {n}. {reasonByNumber(n).title}
          </span>
          <span class="nb-balance" data-testid="nb-balance">
            {balanceLine(balance[n])}
          </span>
          <span class="nb-actions">
            <button type="button" data-testid="nb-read-reason" onClick={() => onShowReason(n)}>
              {t('nb_read_reason', String(n))}
            </button>
            {balance[n].total > 0 && (
              <button
                type="button"
                data-testid="nb-show-reason-passages"
                onClick={() => void state.setFilter({ ...state.filter.value, reason: n })}
              >
                {t('nb_show_passages', String(balance[n].total))}
              </button>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Focuses the Edit button of the listed passage with this id (found by data-id, not a selector built from the id). */
function focusEdit(list: HTMLElement | null, id: string): void {
  const item = [...(list?.querySelectorAll<HTMLElement>('[data-testid="nb-passage"]') ?? [])].find(
    (li) => li.dataset.id === id,
  );
  item?.querySelector<HTMLElement>('[data-testid="nb-edit"]')?.focus();
}

function UndoBar({ state, list }: { state: NotebookState; list: { current: HTMLElement | null } }) {
  const entry = state.undo.value;
  const [error, setError] = useState<ErrorCode | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const deletedId = entry?.passage.id;
  // The deleted item took the focus with it: Undo is the natural next step, so focus goes there.
  useEffect(() => {
    if (deletedId) undoButton.current?.focus();
  }, [deletedId]);
  // No auto-dismiss: a timed undo shuts out slow readers (WCAG 2.2.1); it goes when dismissed or replaced.
  if (!entry) return null;
  const undo = async () => {
    const code = await state.undoRemove();
    setError(code);
    // Back to the restored passage once it is rendered.
    if (!code) setTimeout(() => focusEdit(list.current, entry.passage.id), 0);
  };
  return (
    <div class="nb-undo" role="status" data-testid="nb-undo">
      <span>{t('nb_deleted')}</span>
      <button type="button" class="primary" data-testid="nb-undo-button" ref={undoButton} onClick={undo}>
        {t('nb_undo')}
      </button>
      <button type="button" data-testid="nb-undo-dismiss" onClick={() => state.dismissUndo()}>
        {t('nb_dismiss')}
      </button>
      {error && <span class="nb-error">{errorText(error)}</span>}
    </div>
  );
}

/** The state keeps only the filters in use (setFilter drops empty ones). */
function isFiltered(f: ViewFilter): boolean {
  return Object.keys(f).length > 0;
}

export function NotebookView({
  state,
  historyEnabled,
  onShowReason,
  searchDelay = 250,
  download = downloadFile,
}: NotebookViewProps) {
  useEffect(() => {
    void state.refresh();
  }, [state]);
  useEffect(() => {
    if (historyEnabled) void state.loadWeek();
  }, [historyEnabled, state]);

  const root = useRef<HTMLDivElement>(null);
  const week = state.week.value;
  const empty = state.loaded.value && state.items.value.length === 0;
  return (
    <div class="nb-view" data-testid="notebook" ref={root}>
      <h2 class="nb-heading">{t('nb_heading')}</h2>
      {historyEnabled && week && <WeekStrip week={week} />}
      <Overview state={state} onShowReason={onShowReason} />
      <Filters state={state} searchDelay={searchDelay} />
      {state.error.value && (
        <p class="nb-error" role="alert">
          {errorText(state.error.value)}
        </p>
      )}
      <UndoBar state={state} list={root} />
      {empty ? (
        <p class="empty" data-testid="nb-empty">
          {isFiltered(state.filter.value) ? t('nb_empty_filtered') : t('nb_empty')}
        </p>
      ) : (
        <PassageList state={state} onShowReason={onShowReason} />
      )}
      <LoadMore state={state} />
      <p class="visually-hidden" aria-live="polite">
        {state.loading.value ? t('nb_loading') : ''}
      </p>
      <ImportExport state={state} download={download} />
    </div>
  );
}
