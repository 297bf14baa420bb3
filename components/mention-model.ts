/**
 * The side panel's mention list as data: filtering, grouping by entity, and
 * stepping through the (filtered) list. Pure.
 */
import { ENTITY_IDS } from '@/utils/entities';
import type { EntityId, MentionInfo, ReasonNumber } from '@/utils/types';

export type PanelMention = MentionInfo & { frameId: number };

/** 'none' = mentions that were not linked to any reason. */
export type ReasonFilter = ReasonNumber | 'all' | 'none';
export type EntityFilter = EntityId | 'all';

export interface MentionFilter {
  entity: EntityFilter;
  reason: ReasonFilter;
}

export const NO_FILTER: MentionFilter = { entity: 'all', reason: 'all' };

export function filterMentions<M extends MentionInfo>(mentions: readonly M[], filter: MentionFilter): M[] {
  return mentions.filter(
    (m) =>
      (filter.entity === 'all' || m.entity === filter.entity) &&
      (filter.reason === 'all' ||
        (filter.reason === 'none' ? m.link.reason === null : m.link.reason === filter.reason)),
  );
}

export interface MentionGroup<M> {
  entity: EntityId;
  mentions: M[];
}

/** Groups in the entity table's order; empty groups are left out; page order kept inside a group. */
export function groupByEntity<M extends MentionInfo>(mentions: readonly M[]): MentionGroup<M>[] {
  const groups = new Map<EntityId, M[]>();
  for (const m of mentions) {
    const list = groups.get(m.entity);
    if (list) list.push(m);
    else groups.set(m.entity, [m]);
  }
  return ENTITY_IDS.filter((id) => groups.has(id)).map((entity) => ({ entity, mentions: groups.get(entity) ?? [] }));
}

/**
 * The list order the panel steps through: grouped by entity, as shown.
 * Returns the index after stepping from `current` (null = nothing revealed yet), wrapping around.
 */
export function stepIndex(current: number | null, length: number, direction: 1 | -1): number | null {
  if (length === 0) return null;
  if (current === null || current < 0 || current >= length) return direction === 1 ? 0 : length - 1;
  return (current + direction + length) % length;
}

/** The flat order of mentions as the grouped list shows them. */
export function listOrder<M extends MentionInfo>(groups: readonly MentionGroup<M>[]): M[] {
  return groups.flatMap((g) => g.mentions);
}

/** Frame and id together identify a mention in a tab. */
export function mentionKey(m: PanelMention): string {
  return `${m.frameId}:${m.id}`;
}
