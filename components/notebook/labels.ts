/** Interface wording for the notebook: stances, balances, store errors, import reports. */
import { t } from '@/platform/i18n';
import type { Balance } from '@/utils/notebook/queries';
import type { Stance } from '@/utils/notebook/types';
import type { ErrorCode, ImportOutcome } from './notebook-state';

export function stanceLabel(s: Stance): string {
  if (s === 'supports') return t('nb_stance_supports');
  if (s === 'challenges') return t('nb_stance_challenges');
  return t('nb_stance_context');
}

/** "4 support, 6 challenge, 1 context" */
export function balanceLine(b: Balance): string {
  return t('nb_balance', [String(b.supports), String(b.challenges), String(b.context)]);
}

export function errorText(code: ErrorCode): string {
  if (code === 'quota') return t('nb_error_quota');
  if (code === 'duplicate') return t('nb_error_duplicate');
  if (code === 'not-found') return t('nb_error_notFound');
  return t('nb_error_unknown');
}

/** The import report in words: "Added 3, skipped 1 duplicate(s), rejected 2 invalid", or why the file was refused. */
export function importText(outcome: ImportOutcome): { summary: string; reasons: string[] } {
  if (outcome.ok) {
    const r = outcome.report;
    return {
      summary: t('nb_import_report', [String(r.added), String(r.skipped), String(r.rejected)]),
      reasons: r.reasons,
    };
  }
  if (outcome.error === 'file' || outcome.error === 'read') {
    return { summary: t('nb_import_fileRejected'), reasons: [outcome.message] };
  }
  return { summary: errorText(outcome.error), reasons: [] };
}
