/**
 * The notebook's filters: a search (run after a pause in typing), reason,
 * company, stance, site and a range of days, and Clear. Each change sets the
 * notebook state's filter, which reloads the list.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { REASON_NUMBERS } from '@/utils/article';
import { ENTITY_IDS } from '@/utils/entities';
import { STANCES } from '@/utils/notebook/types';
import { entityName, reasonLabel } from '../labels';
import { type Choices, SelectField } from '../select-field';
import { stanceLabel } from './labels';
import type { NotebookState, ViewFilter } from './notebook-state';

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' from a date input to the ISO start of that UTC day; '' stays undefined. */
export function dayStart(day: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const ms = Date.parse(`${day}T00:00:00.000Z`);
  return Number.isFinite(ms) ? new Date(ms + plusDays * DAY_MS).toISOString() : undefined;
}

type ChoiceKey = 'reason' | 'entity' | 'stance';

/** The filters chosen from a list ("All" first): the key each sets, its label and its options. */
function choiceFilters(): [key: ChoiceKey, label: string, options: Choices][] {
  return [
    ['reason', t('nb_filter_reason'), REASON_NUMBERS.map((n) => [String(n), reasonLabel(n)])],
    ['entity', t('nb_filter_company'), ENTITY_IDS.map((e) => [e, entityName(e)])],
    ['stance', t('nb_filter_stance'), STANCES.map((s) => [s, stanceLabel(s)])],
  ];
}

const DAY_ENDS = ['from', 'to'] as const;
type DayEnd = (typeof DAY_ENDS)[number];

/** The site filter: a hostname, lower-cased; empty means every site. */
function SiteInput(props: { id: string; value: string; onChange: (site: string | undefined) => void }) {
  return (
    <>
      <label for={props.id}>{t('nb_filter_site')}</label>
      <input
        id={props.id}
        type="text"
        data-testid="nb-filter-site"
        placeholder="example.com"
        autocomplete="off"
        spellcheck={false}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value.trim().toLowerCase() || undefined)}
      />
    </>
  );
}

/** One end of the range of days. */
function DayInput(props: { id: string; end: DayEnd; value: string; onChange: (day: string) => void }) {
  return (
    <>
      <label for={props.id}>{props.end === 'from' ? t('nb_filter_from') : t('nb_filter_to')}</label>
      <input
        id={props.id}
        type="date"
        data-testid={`nb-filter-${props.end}`}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      />
    </>
  );
}

const NO_DAYS: Record<DayEnd, string> = { from: '', to: '' };

export function Filters({ state, searchDelay }: { state: NotebookState; searchDelay: number }) {
  const id = useId();
  const current = state.filter.value;
  const [search, setSearch] = useState(current.search ?? '');
  const [days, setDays] = useState(NO_DAYS);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const apply = (next: ViewFilter) => void state.setFilter(next);

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
      {choiceFilters().map(([key, label, options]) => (
        <SelectField
          key={key}
          id={`${id}-${key}`}
          testId={`nb-filter-${key}`}
          label={label}
          value={String(current[key] ?? '')}
          options={options}
          empty={t('nb_filter_all')}
          // The list offers only the key's own values: a reason's number, a company's id, a stance.
          onChange={(v) => apply({ ...current, [key]: v ? (key === 'reason' ? Number(v) : v) : undefined })}
        />
      ))}
      <SiteInput id={`${id}-site`} value={current.site ?? ''} onChange={(site) => apply({ ...current, site })} />
      {DAY_ENDS.map((end) => (
        <DayInput
          key={end}
          id={`${id}-${end}`}
          end={end}
          value={days[end]}
          onChange={(day) => {
            setDays((d) => ({ ...d, [end]: day }));
            // The range includes its last day: it stops at the start of the next.
            apply({ ...current, [end]: dayStart(day, end === 'to' ? 1 : 0) });
          }}
        />
      ))}
      <button
        type="button"
        data-testid="nb-filter-clear"
        onClick={() => {
          clearTimeout(timer.current);
          setSearch('');
          setDays(NO_DAYS);
          apply({});
        }}
      >
        {t('nb_filter_clear')}
      </button>
    </search>
  );
}
