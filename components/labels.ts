/** Interface labels shared by the pages: entity names and reason labels in the UI language. */
import { t } from '@/platform/i18n';
import type { EntityId, ReasonNumber } from '@/utils/types';
import { SHORT_TITLES } from './reason-model';

export function entityName(id: EntityId): string {
  return t(`entity_${id}`);
}

/** "Reason 6: Moments" */
export function reasonLabel(n: ReasonNumber): string {
  return t('reason_label', [String(n), SHORT_TITLES[n]]);
}

/** "1 mention" / "12 mentions" */
export function mentionsCount(n: number): string {
  return n === 1 ? t('mentions_one') : t('mentions_count', String(n));
}
