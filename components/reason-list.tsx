/** The eight reasons by number, title and summary; each expands to its full text. */
import { useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { REASONS } from '@/utils/article';
import type { ReasonNumber } from '@/utils/types';

export interface ReasonListProps {
  /** Reasons open at first render (tests, or a remembered state). */
  initiallyOpen?: readonly ReasonNumber[];
}

export function ReasonList({ initiallyOpen = [] }: ReasonListProps) {
  const [open, setOpen] = useState<ReadonlySet<ReasonNumber>>(() => new Set(initiallyOpen));
  const toggle = (n: ReasonNumber) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(n)) next.delete(n);
      else next.add(n);
      return next;
    });
  return (
    <ol class="reason-list">
      {REASONS.map((r) => {
        const expanded = open.has(r.n);
        const bodyId = `reason-body-${r.n}`;
        return (
          <li key={r.n} class="reason-item" data-testid="reason" data-reason={r.n}>
            <h3 class="reason-heading">
              <button
                type="button"
                class="reason-toggle"
                aria-expanded={expanded}
                aria-controls={bodyId}
                onClick={() => toggle(r.n)}
              >
                <span class="reason-num" aria-hidden="true">
                  {r.n}
                </span>
                <span class="visually-hidden">{t('reason_number', String(r.n))} </span>
                <span class="reason-title">{r.title}</span>
                <span class="chevron" aria-hidden="true" />
              </button>
            </h3>
            <p class="reason-summary">{r.summary}</p>
            <div id={bodyId} class="reason-body" hidden={!expanded}>
              {r.paragraphs.map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
