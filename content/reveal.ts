/**
 * Jump to a mention: scroll it to the middle of the view and flash it with
 * the flash highlight. Smooth scrolling and blinking only when the reader
 * has not asked for reduced motion.
 */
import type { EntityId, ReasonNumber } from '@/utils/types';
import { styleElementOf } from './find';

export function prefersReducedMotion(doc: Document): boolean {
  try {
    return !!doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  } catch {
    return false;
  }
}

/** Scrolls so the range is in the middle of its scroll container(s). */
export function scrollToRange(range: Range, doc: Document): void {
  const el = styleElementOf(range.startContainer);
  if (!el) return;
  const behavior: ScrollBehavior = prefersReducedMotion(doc) ? 'auto' : 'smooth';
  const view = doc.defaultView;
  const tall = view && el.getBoundingClientRect().height > view.innerHeight * 0.8;
  if (!tall || !view) {
    el.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
    return;
  }
  // A long element: bring it in at once, then centre the mention itself.
  el.scrollIntoView({ block: 'start', inline: 'nearest', behavior: 'auto' });
  const r = range.getBoundingClientRect();
  view.scrollBy({ top: r.top - view.innerHeight / 2 + r.height / 2, behavior });
}

/** Runs a flash: on/off a few times (or one steady glow with reduced motion). Returns a cancel function. */
export function flash(set: (on: boolean) => void, reducedMotion: boolean): () => void {
  const timers: ReturnType<typeof setTimeout>[] = [];
  const steps = reducedMotion
    ? [
        [true, 0],
        [false, 1600],
      ]
    : [
        [true, 0],
        [false, 350],
        [true, 550],
        [false, 900],
        [true, 1100],
        [false, 1800],
      ];
  for (const [on, at] of steps as [boolean, number][]) timers.push(setTimeout(() => set(on), at));
  return () => {
    for (const t of timers) clearTimeout(t);
    set(false);
  };
}

export interface StepFilter {
  entities?: readonly EntityId[];
  reasons?: readonly ReasonNumber[];
}

/**
 * Index in `items` of the next (1) or previous (-1) item after position
 * `from` (-1 when nothing was revealed yet) that passes the filter, wrapping
 * around; -1 when none does.
 */
export function stepIndex<T extends { entity: EntityId; reason: ReasonNumber | null }>(
  items: readonly T[],
  from: number,
  direction: 1 | -1,
  filter?: StepFilter,
): number {
  const n = items.length;
  if (n === 0) return -1;
  const ok = (t: T) =>
    (!filter?.entities?.length || filter.entities.includes(t.entity)) &&
    (!filter?.reasons?.length || (t.reason !== null && filter.reasons.includes(t.reason)));
  let i = from < 0 ? (direction === 1 ? -1 : n) : from;
  for (let k = 0; k < n; k++) {
    i = (((i + direction) % n) + n) % n;
    if (ok(items[i] as T)) return i;
  }
  return -1;
}
