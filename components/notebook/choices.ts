/** The notebook's drop-down lists as [value, text] pairs: reasons, companies, stances. */
import { REASON_NUMBERS } from '@/utils/article';
import { ENTITY_IDS } from '@/utils/entities';
import { STANCES } from '@/utils/notebook/types';
import type { ReasonNumber } from '@/utils/types';
import { entityName, reasonLabel } from '../labels';
import type { Choices } from '../select-field';
import { stanceLabel } from './labels';

export function reasonChoices(reasons: readonly ReasonNumber[] = REASON_NUMBERS): Choices {
  return reasons.map((n) => [String(n), reasonLabel(n)]);
}

export function entityChoices(): Choices {
  return ENTITY_IDS.map((e) => [e, entityName(e)]);
}

export function stanceChoices(): Choices {
  return STANCES.map((s) => [s, stanceLabel(s)]);
}
