/**
 * Natural keys and the duplicate rule for import. Two items of one kind are
 * the same when their natural keys are equal; ids are local to one browser and
 * never decide. Existing data always wins over an imported duplicate.
 */
import type { Correction, HistoryEntry, KeptPassage } from './types';

/**
 * A passage is the same page, sentence, reason and stance: keeping one
 * sentence for two reasons, or as support and as challenge, is two passages.
 */
export function passageKey(p: Pick<KeptPassage, 'pageUrl' | 'sentence' | 'reason' | 'stance'>): string {
  return JSON.stringify([p.pageUrl, p.sentence, p.reason, p.stance]);
}

/** One correction per sentence on a page: a newer correction replaces the older. */
export function correctionKey(c: Pick<Correction, 'pageUrl' | 'sentence'>): string {
  return JSON.stringify([c.pageUrl, c.sentence]);
}

/** One history entry per page per (UTC) day; its id is already that key. */
export function historyKey(h: Pick<HistoryEntry, 'id'>): string {
  return h.id;
}

export interface MergePlan<T> {
  add: T[];
  /** Items whose key is already stored or appeared earlier in the same file. */
  skipped: number;
}

/** Items to add: those whose key is neither in `existing` nor earlier in `incoming`. */
export function planMerge<T>(
  incoming: readonly T[],
  existing: ReadonlySet<string>,
  keyOf: (item: T) => string,
): MergePlan<T> {
  const seen = new Set(existing);
  const add: T[] = [];
  let skipped = 0;
  for (const item of incoming) {
    const key = keyOf(item);
    if (seen.has(key)) {
      skipped++;
      continue;
    }
    seen.add(key);
    add.push(item);
  }
  return { add, skipped };
}

/** What an import did. */
export interface ImportReport {
  added: number;
  skipped: number;
  rejected: number;
  reasons: string[];
}
