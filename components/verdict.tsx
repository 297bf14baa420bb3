/** The popup's one-line verdict about the current page. */
import { t } from '@/platform/i18n';
import type { Verdict } from './reason-model';
import { SHORT_TITLES } from './reason-model';

export function verdictText(v: Verdict): string {
  switch (v.kind) {
    case 'loading':
      return t('verdict_loading');
    case 'unavailable':
      return t('verdict_unavailable');
    case 'off':
      return t('verdict_off');
    case 'paused':
      return t('verdict_paused');
    case 'none':
      return t('verdict_none');
    case 'unlinked':
      return t('verdict_unlinked', String(v.total));
    case 'top':
      return t('verdict_top', [String(v.reason), SHORT_TITLES[v.reason]]);
  }
}

export function VerdictLine({ verdict }: { verdict: Verdict }) {
  return (
    <p class="verdict" data-testid="verdict" data-kind={verdict.kind} aria-live="polite">
      {verdictText(verdict)}
    </p>
  );
}
