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
 * that comes near brings its own neighbours in), plus the neighbours of
 * anchors: where the viewport lies in document order, found from positions
 * once scrolling settles or the page changes size (see findAnchors), or
 * named by `focus` (a jump to a far mention). A jump by scrollbar, key or
 * link is thereby found even where nothing watched is near. The rest is
 * away. Written as a closure: its names minify, which the content script's
 * size budget needs.
 */
import { compareOrder, orderIndex } from './order';

/** One screen above and below the viewport (and around inner scrollers, where the browser supports it). */
const MARGIN = '100% 0px';
/** Neighbours watched on each side of a near element and of an anchor. */
export const RADIUS = 48;
/** Quiet time after the last scroll or size change before the anchors are placed again. */
const SETTLE_MS = 100;
/** Evenly spaced elements whose positions place the anchors. */
const PROBES = 16;

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
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: split into named parts in a following commit
export function nearView<T>(
  view: (Window & typeof globalThis) | null,
  onChange: (near: T[], away: T[]) => void,
): NearView<T> {
  const byElement = new Map<Element, Set<T>>();
  /**
   * Tracked elements in document order, and each one's index (rebuilt when null). A deleted element leaves a
   * hole (null), so indices stay valid; holes are compacted away when they are half the list or before an insert
   * in the middle. (Rebuilding the index on each delete made stopping on a page of 1,500 mentions a 141 ms task.)
   */
  let order: Array<Element | null> = [];
  let holes = 0;
  let index: Map<Element, number> | null = null;
  const near = new Set<Element>();
  /** Added, and neither reported on nor judged away yet: their items may still be shown from before. */
  const unknown = new Set<Element>();
  const watched = new Set<Element>();
  let anchors: Element[] = [];
  let pending = false;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  const unlisten: Array<() => void> = [];

  const indexOf = (el: Element): number => {
    if (!index) {
      index = new Map();
      for (let i = 0; i < order.length; i++) if (order[i]) index.set(order[i] as Element, i);
    }
    return index.get(el) ?? -1;
  };

  const compact = (): void => {
    if (!holes) return;
    order = order.filter((e) => e !== null);
    holes = 0;
    index = null;
  };

  /**
   * Where the viewport lies in document order. PROBES evenly spaced elements
   * are placed above the near region (their box ends more than a screen
   * above the viewport), in it, or below it. A probe in it is an anchor;
   * between two probes where the region may start, a binary search finds the
   * first element not above. An element that breaks the run from top to
   * bottom (sticky, fixed, laid out elsewhere) adds an anchor of its own but
   * hides no other. Boxless elements are passed over.
   */
  const findAnchors = (): number[] => {
    compact();
    const n = order.length;
    const screen = view?.innerHeight || 800;
    /** -1 above the near region, 0 in it, 1 below it; NaN without a box. */
    const side = (i: number): number => {
      const box = (order[i] as Element).getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return Number.NaN;
      return box.bottom < -screen ? -1 : box.top > 2 * screen ? 1 : 0;
    };
    const found = new Set<number>();
    let prev = -1;
    let prevSide = -1;
    for (let p = 0; p < PROBES; p++) {
      const i = Math.round((p * (n - 1)) / (PROBES - 1));
      if (i <= prev) continue;
      const at = side(i);
      if (Number.isNaN(at)) continue;
      if (at === 0) found.add(i);
      // Above, then not: the near region starts in between. In it, then below: a sticky element may have stood
      // for the region, which then starts in between too.
      if ((prevSide === -1 && at !== -1) || (prevSide === 0 && at === 1)) {
        let lo = prev + 1;
        let hi = i;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (side(mid) === -1) lo = mid + 1;
          else hi = mid;
        }
        found.add(lo);
      }
      prev = i;
      prevSide = at;
    }
    // Everything above: the last element, the first to come back when scrolling up.
    if (found.size === 0 && n > 0) found.add(prevSide === -1 ? n - 1 : 0);
    return [...found];
  };

  /** Watch the near elements' and the anchors' neighbourhoods; stop watching the rest; judge the unknown rest away. */
  const rewatch = (): void => {
    if (!observer) return;
    const n = order.length;
    const want = new Set<Element>();
    const around = (i: number) => {
      if (i < 0) return;
      for (let k = Math.max(0, i - RADIUS); k <= Math.min(n - 1, i + RADIUS); k++) {
        const el = order[k];
        if (el) want.add(el);
      }
    };
    for (const el of near) around(indexOf(el));
    anchors = anchors.filter((el) => indexOf(el) >= 0);
    // No anchors yet (or they left): placed after the next frame, and till then nothing unknown is judged away.
    const placing = anchors.length === 0 && n - holes > 0;
    if (placing) placeAnchors();
    for (const el of anchors) around(indexOf(el));
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
    if (!placing) {
      for (const el of unknown) {
        if (want.has(el)) continue;
        unknown.delete(el);
        away.push(...(byElement.get(el) as Set<T>));
      }
    }
    if (away.length) onChange([], away);
  };

  /**
   * findAnchors reads positions: after a frame, when the page's style and layout are clean, so the reads force
   * nothing. (Read at once, after our sheet had just been adopted, they forced the synthetic page's whole restyle,
   * 0.9 s, into our script.)
   */
  let placingAnchors = false;
  const placeAnchors = (): void => {
    if (placingAnchors) return;
    placingAnchors = true;
    const later = () =>
      setTimeout(() => {
        placingAnchors = false;
        if (!observer || anchors.some((el) => indexOf(el) >= 0)) return;
        let found = [0];
        try {
          found = findAnchors();
        } catch {
          // Positions unreadable: start at the top.
        }
        anchors = found.flatMap((i) => order[i] ?? []);
        rewatch();
      }, 0);
    if (typeof view?.requestAnimationFrame === 'function') view.requestAnimationFrame(later);
    else later();
  };

  /**
   * After the current task: a scan adds mentions block by block with an await between blocks, and a microtask
   * here ran the whole rewatch once per block (3,558 times on the synthetic page, 0.9 s).
   */
  const schedule = (): void => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      rewatch();
    }, 0);
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
      // moves what is in view without a scroll) place the anchors again once they settle.
      const settle = () => {
        clearTimeout(settleTimer);
        settleTimer = setTimeout(() => {
          anchors = [];
          placeAnchors();
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
      // Into document order: at the end in the usual case (a scan reads in order; trailing holes are passed
      // over), else by binary search over the list without holes.
      let j = order.length - 1;
      while (j >= 0 && !order[j]) j--;
      const last = order[j];
      if (!last || compareOrder(last, el) <= 0) {
        order.push(el);
        index?.set(el, order.length - 1);
      } else {
        compact();
        order.splice(
          orderIndex(order as Element[], el, (e) => e),
          0,
          el,
        );
        index = null;
      }
      // Watched (or judged away) once the current task's additions are in.
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
      const i = index ? (index.get(el) ?? -1) : order.indexOf(el);
      if (i >= 0) {
        order[i] = null;
        holes++;
        index?.delete(el);
        if (holes > 64 && holes * 2 > order.length) compact();
      }
      schedule();
    },
    focus(el) {
      if (!byElement.has(el)) return;
      anchors = [el];
      rewatch();
    },
    clear() {
      observer?.disconnect();
      for (const off of unlisten.splice(0)) off();
      clearTimeout(settleTimer);
      byElement.clear();
      order = [];
      holes = 0;
      index = null;
      near.clear();
      unknown.clear();
      watched.clear();
      anchors = [];
    },
  };
}
