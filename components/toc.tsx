/** The article's table of contents with reading progress ("3/8 read", a tick per read reason). */

import { t } from '@/platform/i18n';
import { REASON_NUMBERS } from '@/utils/article';
import type { ReasonNumber } from '@/utils/types';
import { readCount } from './read-progress';
import { SHORT_TITLES } from './reason-model';

export interface TocProps {
  active: ReasonNumber | null;
  read: readonly ReasonNumber[];
  onGo: (n: ReasonNumber) => void;
}

export function Toc({ active, read, onGo }: TocProps) {
  const progress = readCount(read);
  return (
    <nav class="toc" aria-labelledby="toc-heading">
      <div class="toc-head">
        <h2 id="toc-heading">{t('toc_heading')}</h2>
        <span class="toc-progress" data-testid="read-progress">
          {t('read_progress', [String(progress.read), String(progress.total)])}
        </span>
      </div>
      <div class="progress-track" aria-hidden="true">
        <span class="progress-fill" style={{ width: `${(progress.read / progress.total) * 100}%` }} />
      </div>
      <ol class="toc-list">
        {REASON_NUMBERS.map((n) => {
          const isRead = read.includes(n);
          return (
            <li key={n}>
              <a
                href={`#reason-${n}`}
                class="toc-item"
                data-testid="toc-item"
                data-reason={n}
                data-read={isRead ? 'true' : undefined}
                aria-current={active === n ? 'location' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  onGo(n);
                }}
              >
                <span class="toc-num">{n}</span>
                <span class="toc-title">{SHORT_TITLES[n]}</span>
                <span class="tick" aria-hidden="true">
                  {isRead ? '✓' : ''}
                </span>
                {isRead && <span class="visually-hidden"> ({t('read_done')})</span>}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
