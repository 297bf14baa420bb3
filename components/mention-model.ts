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

/** A company's linked mentions, or (`'none'`) every mention about none of the article's arguments. */
export interface MentionGroup<M> {
  key: EntityId | 'none';
  mentions: M[];
}

/**
 * Linked mentions by company in the entity table's order, then the mentions about none of the arguments in a group
 * of their own: still listed, never shown as a reason. Empty groups are left out; page order is kept inside a group.
 */
export function groupMentions<M extends MentionInfo>(mentions: readonly M[]): MentionGroup<M>[] {
  const groups = new Map<EntityId | 'none', M[]>();
  for (const m of mentions) {
    const key = m.link.reason === null ? 'none' : m.entity;
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  }
  return [...ENTITY_IDS, 'none' as const]
    .filter((key) => groups.has(key))
    .map((key) => ({ key, mentions: groups.get(key) ?? [] }));
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
