/** The editable list of sites where highlighting is paused: add (validated to an origin) and remove. */
import { useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { toOrigin } from '@/platform/settings';
import { SiteForm } from './site-form';

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
      <SiteForm
        class="add-origin"
        label={t('origin_add_label')}
        field={{
          id: 'add-origin',
          'data-testid': 'add-origin',
          value: input,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': 'add-origin-error',
          onInput: (e) => setInput(e.currentTarget.value),
        }}
        submit={{ testId: 'add-origin-submit', text: t('origin_add') }}
        onSubmit={() => {
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
        <p id="add-origin-error" class="error" role="alert">
          {error}
        </p>
      </SiteForm>
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
