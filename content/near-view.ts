/**
 * Which of many tracked items lie near the viewport, judged by the element
 * holding each, through one IntersectionObserver. The painter uses it on
 * pages with many mentions: Chromium rebuilds the marks of every registered
 * highlight range at each change of the page's DOM or style
 * (HighlightRegistry::ValidateHighlightMarkers), so registering only the
 * ranges within a screen of the viewport keeps each of the page's own
 * changes cheap, however many mentions the page holds.
 *
 * The observer watches a bounded set of elements, not all of them: Chromium
 * computes every watched target again on each frame that scrolls or lays out
 * (IntersectionObserverController::computeIntersections), which cost 13.9 ms
 * per scroll frame with the synthetic page's 3,558 elements watched. Watched
 * are the elements near the viewport and RADIUS neighbours on each side of
 * each in document order (scrolling brings those into view first, and one
 * that comes near brings its own neighbours in), plus the neighbours of an
 * anchor: the first element at or below a screen above the viewport, found
 * by a binary search over positions in document order once scrolling
 * settles or the page changes size, or named by `focus` (a jump to a far
 * mention). A jump by scrollbar, key or link is thereby found even where
 * nothing watched is near. The rest is away. Written as a closure: its
 * names minify, which the content script's size budget needs.
 */
import { compareOrder } from './order';

/** One screen above and below the viewport (and around inner scrollers, where the browser supports it). */
const MARGIN = '100% 0px';
/** Neighbours watched on each side of a near element and of the anchor. */
export const RADIUS = 48;
/** Quiet time after the last scroll or size change before the anchor is placed again. */
const SETTLE_MS = 100;

export interface NearView<T> {
  /** Whether the browser has IntersectionObserver (else nothing is tracked). */
  readonly available: boolean;
  /** How many elements the observer watches. */
  readonly watching: number;
  /** Track `item` by `el`. True when `el` is already known to be near (the item may be shown at once). */
  add(el: Element, item: T): boolean;
  delete(el: Element, item: T): void;
  /** Watch around `el` at once: the page is about to show it (a jump to a mention). */
  focus(el: Element): void;
  clear(): void;
}

/**
 * @param view the window whose IntersectionObserver to use (none: `available` is false)
 * @param onChange items whose element came near the viewport, and items whose element is away from it
 */
export function nearView<T>(
  view: (Window & typeof globalThis) | null,
  onChange: (near: T[], away: T[]) => void,
): NearView<T> {
  const byElement = new Map<Element, Set<T>>();
  /** Tracked elements in document order, and each one's index (rebuilt when null). */
  let order: Element[] = [];
  let index: Map<Element, number> | null = null;
  const near = new Set<Element>();
  /** Added, and neither reported on nor judged away yet: their items may still be shown from before. */
  const unknown = new Set<Element>();
  const watched = new Set<Element>();
  let anchor: Element | null = null;
  let pending = false;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  const unlisten: Array<() => void> = [];

  const indexOf = (el: Element): number => {
    index ??= new Map(order.map((e, i) => [e, i]));
    return index.get(el) ?? -1;
  };

  /** The first element whose box ends below one screen above the viewport; boxless ones are passed over. */
  const findAnchor = (): number => {
    const screen = view?.innerHeight || 800;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      let bottom = Number.NaN;
      for (let k = mid; k < hi && k < mid + 8 && Number.isNaN(bottom); k++) {
        const box = (order[k] as Element).getBoundingClientRect();
        if (box.width > 0 || box.height > 0) bottom = box.bottom;
      }
      if (Number.isNaN(bottom) || bottom < -screen) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  /** Watch the near elements' and the anchor's neighbourhoods; stop watching the rest; judge the unknown rest away. */
  const rewatch = (): void => {
    if (!observer) return;
    const n = order.length;
    const want = new Set<Element>();
    const around = (i: number) => {
      if (i < 0) return;
      for (let k = Math.max(0, i - RADIUS); k <= Math.min(n - 1, i + RADIUS); k++) want.add(order[k] as Element);
    };
    for (const el of near) around(indexOf(el));
    let a = anchor ? indexOf(anchor) : -1;
    if (a < 0 && n > 0) {
      try {
        a = Math.min(findAnchor(), n - 1);
      } catch {
        a = 0;
      }
      anchor = order[a] as Element;
    }
    around(a);
    for (const el of watched) {
      if (want.has(el)) continue;
      watched.delete(el);
      observer.unobserve(el);
    }
    for (const el of want) {
      if (watched.has(el)) continue;
      watched.add(el);
      // The observer reports a new target once, near or away: its items are shown or hidden then.
      observer.observe(el);
    }
    // Nothing watched near it is near, so it lies further than RADIUS elements from the view.
    const away: T[] = [];
    for (const el of unknown) {
      if (want.has(el)) continue;
      unknown.delete(el);
      away.push(...(byElement.get(el) as Set<T>));
    }
    if (away.length) onChange([], away);
  };

  const schedule = (): void => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      rewatch();
    });
  };

  const onEntries = (entries: IntersectionObserverEntry[]): void => {
    const nearItems: T[] = [];
    const awayItems: T[] = [];
    let moved = false;
    for (const entry of entries) {
      const el = entry.target;
      const set = byElement.get(el);
      if (!set) continue;
      unknown.delete(el);
      const box = entry.boundingClientRect;
      // An element without a box of its own (display: contents) cannot be placed: count it as near.
      const isNear = entry.isIntersecting || (box.width === 0 && box.height === 0);
      if (isNear !== near.has(el)) moved = true;
      if (isNear) near.add(el);
      else near.delete(el);
      (isNear ? nearItems : awayItems).push(...set);
    }
    if (nearItems.length || awayItems.length) onChange(nearItems, awayItems);
    // What came near brings its neighbours into watch; what went away lets its own go.
    if (moved) rewatch();
  };

  let observer: IntersectionObserver | null = null;
  try {
    const IO = view?.IntersectionObserver;
    if (typeof IO === 'function') {
      observer = new IO(onEntries, { rootMargin: MARGIN, scrollMargin: MARGIN } as IntersectionObserverInit);
      // Scrolling anywhere (capture sees inner scrollers too) and size changes (content added or removed above
      // moves what is in view without a scroll) place the anchor again once they settle.
      const settle = () => {
        clearTimeout(settleTimer);
        settleTimer = setTimeout(() => {
          anchor = null;
          rewatch();
        }, SETTLE_MS);
      };
      const opts = { capture: true, passive: true };
      view?.addEventListener?.('scroll', settle, opts);
      unlisten.push(() => view?.removeEventListener?.('scroll', settle, opts));
      const root = view?.document?.documentElement;
      if (typeof view?.ResizeObserver === 'function' && root) {
        const ro = new view.ResizeObserver(settle);
        ro.observe(root);
        unlisten.push(() => ro.disconnect());
      }
    }
  } catch {
    // Without these, scrolling still moves the watched set along; only far jumps wait for the next addition.
  }

  return {
    available: observer !== null,
    get watching() {
      return watched.size;
    },
    add(el, item) {
      let set = byElement.get(el);
      if (set) {
        set.add(item);
        return near.has(el);
      }
      set = new Set([item]);
      byElement.set(el, set);
      unknown.add(el);
      // Into document order: at the end in the usual case (a scan reads in order), else by binary search.
      const last = order[order.length - 1];
      if (!last || compareOrder(last, el) <= 0) {
        order.push(el);
        index?.set(el, order.length - 1);
      } else {
        let lo = 0;
        let hi = order.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (compareOrder(order[mid] as Element, el) <= 0) lo = mid + 1;
          else hi = mid;
        }
        order.splice(lo, 0, el);
        index = null;
      }
      // Watched (or judged away) once the current batch of additions is in.
      schedule();
      return false;
    },
    delete(el, item) {
      const set = byElement.get(el);
      if (!set?.delete(item) || set.size > 0) return;
      byElement.delete(el);
      near.delete(el);
      unknown.delete(el);
      if (watched.delete(el)) observer?.unobserve(el);
      const i = indexOf(el);
      if (i >= 0) order.splice(i, 1);
      index = null;
      if (anchor === el) anchor = null;
      schedule();
    },
    focus(el) {
      if (!byElement.has(el)) return;
      anchor = el;
      rewatch();
    },
    clear() {
      observer?.disconnect();
      for (const off of unlisten.splice(0)) off();
      clearTimeout(settleTimer);
      byElement.clear();
      order = [];
      index = null;
      near.clear();
      unknown.clear();
      watched.clear();
      anchor = null;
    },
  };
}
