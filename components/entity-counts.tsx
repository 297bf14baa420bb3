/** Mentions per entity on the current tab. Rows keep their place while counts load (no layout jump). */
import type { EntityId } from '@/utils/types';
import { entityName } from './labels';

export interface EntityCountsProps {
  entities: readonly EntityId[];
  colors: Readonly<Record<EntityId, string>>;
  /** undefined while loading. */
  counts: Partial<Record<EntityId, number>> | undefined;
}

export function EntityCounts({ entities, colors, counts }: EntityCountsProps) {
  return (
    <ul class="entity-counts" aria-busy={counts === undefined}>
      {entities.map((id) => (
        <li key={id} class="entity-count" data-testid="entity-count" data-entity={id}>
          <span class="swatch" aria-hidden="true" style={{ background: colors[id] }} />
          <span class="entity-name">{entityName(id)}</span>
          <strong class="entity-number">{counts === undefined ? '–' : (counts[id] ?? 0)}</strong>
        </li>
      ))}
    </ul>
  );
}
