/** The editable list of sites where highlighting is paused: add (validated to an origin) and remove. */
import { useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { toOrigin } from '@/platform/settings';

export interface PausedSitesProps {
  origins: readonly string[];
  onAdd: (origin: string) => void;
  onRemove: (origin: string) => void;
}

/** What adding this input would do: the origin to add, or the error to show. */
export function checkNewOrigin(input: string, existing: readonly string[]): { origin: string } | { error: string } {
  const origin = toOrigin(input);
  if (origin === null) return { error: t('origin_invalid') };
  if (existing.includes(origin)) return { error: t('origin_duplicate', origin) };
  return { origin };
}

export function PausedSites({ origins, onAdd, onRemove }: PausedSitesProps) {
  const [input, setInput] = useState('');
  const [error, setError] = useState('');
  return (
    <div class="paused-sites">
      <form
        class="add-origin"
        onSubmit={(e) => {
          e.preventDefault();
          const result = checkNewOrigin(input, origins);
          if ('error' in result) {
            setError(result.error);
            return;
          }
          setError('');
          setInput('');
          onAdd(result.origin);
        }}
      >
        <label for="add-origin">{t('origin_add_label')}</label>
        <div class="add-row">
          <input
            id="add-origin"
            type="text"
            data-testid="add-origin"
            placeholder="example.com"
            autocomplete="off"
            spellcheck={false}
            value={input}
            aria-invalid={error ? true : undefined}
            aria-describedby="add-origin-error"
            onInput={(e) => setInput(e.currentTarget.value)}
          />
          <button type="submit" data-testid="add-origin-submit">
            {t('origin_add')}
          </button>
        </div>
        <p id="add-origin-error" class="error" role="alert">
          {error}
        </p>
      </form>
      <ul class="origin-list" data-testid="paused-origins" aria-label={t('paused_list')}>
        {origins.map((o) => (
          <li key={o}>
            <span class="origin">{o}</span>
            <button
              type="button"
              data-testid="remove-origin"
              aria-label={t('origin_remove', o)}
              onClick={() => onRemove(o)}
            >
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
      {origins.length === 0 && <p class="muted">{t('paused_none')}</p>}
    </div>
  );
}
