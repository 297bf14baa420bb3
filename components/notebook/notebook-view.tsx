/**
 * The reader's notebook as a view of the side panel: this week's reasons
 * (with history on), an overview of the eight reasons with their balance,
 * filters, and the kept passages grouped by reason, a page at a time ("load
 * more" when the end scrolls into view). Export and import at the bottom.
 * Page and imported text is rendered as text only.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { REASON_NUMBERS, reasonByNumber } from '@/utils/article';
import { ENTITY_IDS } from '@/utils/entities';
import type { ExportFormat, FileReply, MarkdownWords } from '@/utils/notebook/calls';
import type { ReadingSummary } from '@/utils/notebook/history';
import { pageUrlOf } from '@/utils/notebook/text';
import { textFragmentUrl } from '@/utils/notebook/text-fragment';
import { type KeptPassage, STANCES, type Stance } from '@/utils/notebook/types';
import type { EntityId, ReasonNumber } from '@/utils/types';
import { entityName, reasonLabel } from '../labels';
import { SiteField } from '../site-field';
import { downloadFile } from './download';
import { balanceLine, errorText, importText, stanceLabel } from './labels';
import type { ErrorCode, NotebookState, ViewFilter } from './notebook-state';
import { ReasonNoteFields } from './reason-note-fields';

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

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' from a date input to the ISO start of that UTC day; '' stays undefined. */
export function dayStart(day: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const ms = Date.parse(`${day}T00:00:00.000Z`);
  return Number.isFinite(ms) ? new Date(ms + plusDays * DAY_MS).toISOString() : undefined;
}

function markdownWords(): MarkdownWords {
  return {
    heading: t('nb_export_heading'),
    supports: t('nb_word_supports'),
    challenges: t('nb_word_challenges'),
    context: t('nb_word_context'),
    stances: {
      supports: stanceLabel('supports'),
      challenges: stanceLabel('challenges'),
      context: stanceLabel('context'),
    },
  };
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

/** The site filter: a hostname, lower-cased; empty means every site. */
function SiteInput(props: { id: string; value: string; onChange: (site: string | undefined) => void }) {
  return (
    <>
      <label for={props.id}>{t('nb_filter_site')}</label>
      <SiteField
        id={props.id}
        data-testid="nb-filter-site"
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value.trim().toLowerCase() || undefined)}
      />
    </>
  );
}

function DayInput(props: {
  id: string;
  testId: string;
  label: string;
  value: string;
  onChange: (day: string) => void;
}) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="date"
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      />
    </>
  );
}

/** A labelled filter choice with "all" first; the empty value means no filter. */
function FilterSelect(props: {
  id: string;
  testId: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">{t('nb_filter_all')}</option>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </>
  );
}

function Filters({ state, searchDelay }: { state: NotebookState; searchDelay: number }) {
  const id = useId();
  const f = state.filter.value;
  const [search, setSearch] = useState(f.search ?? '');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const apply = (next: ViewFilter) => void state.setFilter(next);
  const current = state.filter.value;

  return (
    <search class="nb-filters" aria-label={t('nb_filters_label')}>
      <label for={`${id}-q`}>{t('nb_search_label')}</label>
      <input
        id={`${id}-q`}
        type="search"
        data-testid="nb-search"
        value={search}
        maxLength={500}
        autocomplete="off"
        onInput={(e) => {
          const q = e.currentTarget.value;
          setSearch(q);
          clearTimeout(timer.current);
          const run = () => apply({ ...state.filter.value, search: q });
          if (searchDelay <= 0) run();
          else timer.current = setTimeout(run, searchDelay);
        }}
      />
      <FilterSelect
        id={`${id}-reason`}
        testId="nb-filter-reason"
        label={t('nb_filter_reason')}
        value={current.reason === undefined ? '' : String(current.reason)}
        options={REASON_NUMBERS.map((n) => [String(n), reasonLabel(n)])}
        onChange={(v) => apply({ ...current, reason: v ? (Number(v) as ReasonNumber) : undefined })}
      />
      <FilterSelect
        id={`${id}-entity`}
        testId="nb-filter-entity"
        label={t('nb_filter_company')}
        value={current.entity ?? ''}
        options={ENTITY_IDS.map((e) => [e, entityName(e)])}
        onChange={(v) => apply({ ...current, entity: v ? (v as EntityId) : undefined })}
      />
      <FilterSelect
        id={`${id}-stance`}
        testId="nb-filter-stance"
        label={t('nb_filter_stance')}
        value={current.stance ?? ''}
        options={STANCES.map((st) => [st, stanceLabel(st)])}
        onChange={(v) => apply({ ...current, stance: v ? (v as Stance) : undefined })}
      />
      <SiteInput id={`${id}-site`} value={current.site ?? ''} onChange={(site) => apply({ ...current, site })} />
      <DayInput
        id={`${id}-from`}
        testId="nb-filter-from"
        label={t('nb_filter_from')}
        value={fromDay}
        onChange={(day) => {
          setFromDay(day);
          apply({ ...current, from: dayStart(day) });
        }}
      />
      <DayInput
        id={`${id}-to`}
        testId="nb-filter-to"
        label={t('nb_filter_to')}
        value={toDay}
        onChange={(day) => {
          setToDay(day);
          // The range includes its last day: stop at the start of the next.
          apply({ ...current, to: dayStart(day, 1) });
        }}
      />
      <button
        type="button"
        data-testid="nb-filter-clear"
        onClick={() => {
          clearTimeout(timer.current);
          setSearch('');
          setFromDay('');
          setToDay('');
          apply({});
        }}
      >
        {t('nb_filter_clear')}
      </button>
    </search>
  );
}

function PassageEditor({ p, onDone, state }: { p: KeptPassage; onDone: () => void; state: NotebookState }) {
  const id = useId();
  const [stance, setStance] = useState<Stance>(p.stance);
  const [reason, setReason] = useState<ReasonNumber>(p.reason);
  const [note, setNote] = useState(p.note ?? '');
  const [error, setError] = useState('');
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <form
      class="nb-edit"
      data-testid="nb-edit-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const code = await state.edit({ id: p.id, stance, reason, note: note.trim() });
        if (code) setError(errorText(code));
        else onDone();
      }}
    >
      <label for={`${id}-stance`}>{t('nb_stance_legend')}</label>
      <select
        ref={first}
        id={`${id}-stance`}
        data-testid="nb-edit-stance"
        value={stance}
        onChange={(e) => setStance(e.currentTarget.value as Stance)}
      >
        {STANCES.map((s) => (
          <option key={s} value={s}>
            {stanceLabel(s)}
          </option>
        ))}
      </select>
      <ReasonNoteFields
        id={id}
        testPrefix="nb-edit"
        reason={reason}
        onReason={(n) => n !== null && setReason(n)}
        note={note}
        onNote={setNote}
        error={error}
      />
      <div class="nb-actions">
        <button type="submit" class="primary" data-testid="nb-edit-save">
          {t('nb_save')}
        </button>
        <button type="button" data-testid="nb-edit-cancel" onClick={onDone}>
          {t('nb_cancel')}
        </button>
      </div>
    </form>
  );
}

function PassageItem({ p, state }: { p: KeptPassage; state: NotebookState }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Closing the editor removes the focused field: hand focus back to Edit so keyboard users stay in place.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const page = pageUrlOf(p.pageUrl);
  const open = textFragmentUrl(p.pageUrl, p.sentence);
  const day = p.createdAt.slice(0, 10);
  const title = p.title || p.site || p.pageUrl;
  return (
    <li class="nb-passage" data-testid="nb-passage" data-id={p.id} data-stance={p.stance} data-reason={p.reason}>
      <blockquote class="nb-quote" data-testid="nb-sentence">
        {p.sentence}
      </blockquote>
      <p class="nb-meta">
        <span class={`nb-badge nb-stance-${p.stance}`} data-testid="nb-stance">
          {stanceLabel(p.stance)}
        </span>{' '}
        <span class="nb-entity">{entityName(p.entity)}</span> ·{' '}
        {page ? (
          <a href={page} target="_blank" rel="noopener noreferrer" data-testid="nb-title">
            {title}
          </a>
        ) : (
          <span data-testid="nb-title">{title}</span>
        )}{' '}
        · <time dateTime={p.createdAt}>{day}</time>
      </p>
      {p.note && (
        <p class="nb-note" data-testid="nb-note">
          {p.note}
        </p>
      )}
      {editing ? (
        <PassageEditor p={p} state={state} onDone={() => setEditing(false)} />
      ) : (
        <div class="nb-actions">
          <button
            ref={editButton}
            type="button"
            data-testid="nb-edit"
            aria-label={t('nb_edit_label', title)}
            onClick={() => setEditing(true)}
          >
            {t('nb_edit')}
          </button>
          <button
            type="button"
            data-testid="nb-delete"
            aria-label={t('nb_delete_label', title)}
            onClick={async () => setError(await state.remove(p.id))}
          >
            {t('nb_delete')}
          </button>
          {open && (
            <a
              class="nb-open"
              href={open}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="nb-open"
              aria-label={t('nb_open_label', title)}
            >
              {t('nb_open')}
            </a>
          )}
        </div>
      )}
      {error && (
        <p class="nb-error" role="alert">
          {errorText(error)}
        </p>
      )}
    </li>
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
  return (
    <div class="nb-undo" role="status" data-testid="nb-undo">
      <span>{t('nb_deleted')}</span>
      <button
        type="button"
        class="primary"
        data-testid="nb-undo-button"
        ref={undoButton}
        onClick={async () => {
          const code = await state.undoRemove();
          setError(code);
          if (code) return;
          // Back to the restored passage once it is rendered (found by data-id, not a selector built from the id).
          setTimeout(() => {
            const item = [...(list.current?.querySelectorAll<HTMLElement>('[data-testid="nb-passage"]') ?? [])].find(
              (li) => li.dataset.id === entry.passage.id,
            );
            item?.querySelector<HTMLElement>('[data-testid="nb-edit"]')?.focus();
          }, 0);
        }}
      >
        {t('nb_undo')}
      </button>
      <button type="button" data-testid="nb-undo-dismiss" onClick={() => state.dismissUndo()}>
        {t('nb_dismiss')}
      </button>
      {error && <span class="nb-error">{errorText(error)}</span>}
    </div>
  );
}

function ImportExport({ state, download }: { state: NotebookState; download: (file: FileReply) => void }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const outcome = state.importOutcome.value;
  const report = outcome ? importText(outcome) : null;
  const save = async (get: () => Promise<FileReply | null>) => {
    setBusy(true);
    try {
      const file = await get();
      if (file) download(file);
    } finally {
      setBusy(false);
    }
  };
  const exportAs = (format: ExportFormat) =>
    save(() => state.exportFile(format, format === 'markdown' ? markdownWords() : undefined));
  return (
    <section class="nb-files" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('nb_files_heading')}</h3>
      <div class="nb-actions">
        <button
          type="button"
          data-testid="nb-export-markdown"
          disabled={busy}
          onClick={() => void exportAs('markdown')}
        >
          {t('nb_export_markdown')}
        </button>
        <button type="button" data-testid="nb-export-json" disabled={busy} onClick={() => void exportAs('json')}>
          {t('nb_export_json')}
        </button>
        <button type="button" data-testid="nb-export-csv" disabled={busy} onClick={() => void exportAs('csv')}>
          {t('nb_export_csv')}
        </button>
        <button
          type="button"
          data-testid="nb-export-corrections"
          disabled={busy}
          onClick={() => void save(() => state.exportCorrections())}
        >
          {t('nb_export_corrections')}
        </button>
      </div>
      <label for={`${id}-import`}>{t('nb_import_label')}</label>
      <input
        id={`${id}-import`}
        type="file"
        accept=".json,application/json"
        data-testid="nb-import"
        disabled={busy}
        onChange={async (e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          if (!file) return;
          setBusy(true);
          try {
            await state.importText(file.text());
          } finally {
            setBusy(false);
            // The same file can be chosen again (after fixing it) and still fire change.
            input.value = '';
          }
        }}
      />
      <div class="nb-import-report" role="status" data-testid="nb-import-report">
        {report && (
          <>
            <p>{report.summary}</p>
            {report.reasons.length > 0 && outcome?.ok && <p>{t('nb_import_because')}</p>}
            {report.reasons.length > 0 && (
              <ul>
                {report.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}

function isFiltered(f: ViewFilter): boolean {
  return Object.values(f).some((v) => v !== undefined && v !== '');
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
