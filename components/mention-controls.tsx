/** Filters (entity, reason) and previous/next mention for the panel's mention list. */

import { t } from '@/platform/i18n';
import { REASON_NUMBERS } from '@/utils/article';
import { isEntityId, isReasonNumber } from '@/utils/entities';
import type { EntityId } from '@/utils/types';
import { entityName, reasonLabel } from './labels';
import type { MentionFilter } from './mention-model';

export interface MentionControlsProps {
  filter: MentionFilter;
  entities: readonly EntityId[];
  onFilter: (f: MentionFilter) => void;
  onStep: (direction: 1 | -1) => void;
  canStep: boolean;
  /** "3 of 12" position in the filtered list, or null. */
  position: string | null;
}

export function MentionControls({ filter, entities, onFilter, onStep, canStep, position }: MentionControlsProps) {
  return (
    <div class="mention-controls">
      <div class="filters">
        <label class="field">
          <span class="field-label">{t('filter_entity')}</span>
          <select
            data-testid="filter-entity"
            value={filter.entity}
            onChange={(e) => {
              const v = e.currentTarget.value;
              onFilter({ ...filter, entity: isEntityId(v) ? v : 'all' });
            }}
          >
            <option value="all">{t('filter_all')}</option>
            {entities.map((id) => (
              <option key={id} value={id}>
                {entityName(id)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field-label">{t('filter_reason')}</span>
          <select
            data-testid="filter-reason"
            value={String(filter.reason)}
            onChange={(e) => {
              const v = e.currentTarget.value;
              const n = Number(v);
              onFilter({ ...filter, reason: v === 'none' ? 'none' : isReasonNumber(n) ? n : 'all' });
            }}
          >
            <option value="all">{t('filter_all')}</option>
            {REASON_NUMBERS.map((n) => (
              <option key={n} value={String(n)}>
                {reasonLabel(n)}
              </option>
            ))}
            <option value="none">{t('mention_noReason')}</option>
          </select>
        </label>
      </div>
      <div class="stepper">
        <button type="button" data-testid="mention-prev" disabled={!canStep} onClick={() => onStep(-1)}>
          <span aria-hidden="true">↑ </span>
          {t('mention_prev')}
        </button>
        <button type="button" data-testid="mention-next" disabled={!canStep} onClick={() => onStep(1)}>
          <span aria-hidden="true">↓ </span>
          {t('mention_next')}
        </button>
        <span class="position">{position ?? ''}</span>
      </div>
    </div>
  );
}
