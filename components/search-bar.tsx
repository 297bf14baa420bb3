/** Search in the article: input, "3 of 12", previous/next; Enter and Shift+Enter step, Escape clears. */
import { t } from '@/platform/i18n';
import { MIN_QUERY } from './search-model';

export interface SearchBarProps {
  query: string;
  total: number;
  /** Index of the current hit, or null. */
  current: number | null;
  onQuery: (q: string) => void;
  onStep: (direction: 1 | -1) => void;
}

export function searchCountText(query: string, total: number, current: number | null): string {
  if (query.trim().length < MIN_QUERY) return '';
  if (total === 0) return t('search_none');
  return t('search_count', [String((current ?? 0) + 1), String(total)]);
}

export function SearchBar({ query, total, current, onQuery, onStep }: SearchBarProps) {
  return (
    <search class="search-bar">
      <label class="visually-hidden" for="article-search">
        {t('search_label')}
      </label>
      <input
        id="article-search"
        type="search"
        data-testid="search"
        placeholder={t('search_placeholder')}
        value={query}
        autocomplete="off"
        onInput={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape' && query) {
            e.preventDefault();
            onQuery('');
          }
        }}
      />
      <span class="search-count" data-testid="search-count" aria-live="polite">
        {searchCountText(query, total, current)}
      </span>
      <button
        type="button"
        class="icon-button"
        data-testid="search-prev"
        aria-label={t('search_prev')}
        title={t('search_prev')}
        disabled={total === 0}
        onClick={() => onStep(-1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        class="icon-button"
        data-testid="search-next"
        aria-label={t('search_next')}
        title={t('search_next')}
        disabled={total === 0}
        onClick={() => onStep(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
    </search>
  );
}
