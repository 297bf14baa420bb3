/**
 * The whole article: one section per reason (with a mark-read button), then
 * the closing paragraph. Search hits are <mark> elements built from the
 * article's own strings, so nothing is parsed as HTML.
 */

import { t } from '@/platform/i18n';
import { ARTICLE_TITLE, CLOSING, REASONS } from '@/utils/article';
import type { ReasonNumber } from '@/utils/types';
import { type SearchHit, segmentsFor } from './search-model';

export interface ArticleViewProps {
  active: ReasonNumber | null;
  read: readonly ReasonNumber[];
  onToggleRead: (n: ReasonNumber) => void;
  hits: readonly SearchHit[];
  currentHit: number | null;
}

function Marked({
  block,
  text,
  hits,
  currentHit,
}: { block: string; text: string } & Pick<ArticleViewProps, 'hits' | 'currentHit'>) {
  return (
    <>
      {segmentsFor(block, text, hits).map((s, i) =>
        s.hit === null ? (
          s.text
        ) : (
          <mark key={i} data-hit={s.hit} class={s.hit === currentHit ? 'current' : undefined}>
            {s.text}
          </mark>
        ),
      )}
    </>
  );
}

export function ArticleView({ active, read, onToggleRead, hits, currentHit }: ArticleViewProps) {
  return (
    <article class="article" aria-labelledby="article-title">
      <h2 id="article-title" class="article-title">
        {ARTICLE_TITLE}
      </h2>
      {REASONS.map((r) => {
        const isRead = read.includes(r.n);
        return (
          <section
            key={r.n}
            id={`reason-${r.n}`}
            class="reason-section"
            data-reason={r.n}
            data-active={active === r.n ? 'true' : undefined}
            aria-labelledby={`reason-h-${r.n}`}
            tabIndex={-1}
          >
            <h3 id={`reason-h-${r.n}`}>
              <span class="section-num">{t('reason_number', String(r.n))}</span>
              <span class="section-title">
                <Marked block={`r${r.n}-title`} text={r.title} hits={hits} currentHit={currentHit} />
              </span>
            </h3>
            {r.paragraphs.map((p, i) => (
              <p key={i}>
                <Marked block={`r${r.n}-p${i}`} text={p} hits={hits} currentHit={currentHit} />
              </p>
            ))}
            <button
              type="button"
              class="mark-read"
              data-testid="mark-read"
              aria-pressed={isRead}
              onClick={() => onToggleRead(r.n)}
            >
              <span aria-hidden="true">{isRead ? '✓ ' : ''}</span>
              {t('mark_read', String(r.n))}
            </button>
          </section>
        );
      })}
      <p class="closing">
        <Marked block="closing" text={CLOSING} hits={hits} currentHit={currentHit} />
      </p>
    </article>
  );
}
