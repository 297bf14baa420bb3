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
 * (IntersectionObserverController::computeIntersections), which on a page with
 * thousands of watched elements takes much of each scroll frame. Watched
 * are the elements near the viewport and RADIUS neighbours on each side of
 * each in document order (scrolling brings those into view first, and one
 * that comes near brings its own neighbours in), plus the neighbours of
 * anchors: where the viewport lies in document order, found from positions
 * once scrolling settles or the page changes size (see findAnchors), or
 * named by `focus` (a jump to a far mention). A jump by scrollbar, key or
 * link is thereby found even where nothing watched is near. The rest is
 * away.
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
 * The tracked elements in document order, and each one's index (rebuilt when null). A deleted element leaves a hole
 * (null), so indices stay valid; holes are compacted away when they are half the list or before an insert in the
 * middle: rebuilding the index on each delete made stopping a page of many mentions one long task.
 */
class DocOrder {
  list: Array<Element | null> = [];
  holes = 0;
  private index: Map<Element, number> | null = null;

  indexOf(el: Element): number {
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < this.list.length; i++) if (this.list[i]) this.index.set(this.list[i] as Element, i);
    }
    return this.index.get(el) ?? -1;
  }

  compact(): void {
    if (!this.holes) return;
    this.list = this.list.filter((e) => e !== null);
    this.holes = 0;
    this.index = null;
  }

  /** At the end in the usual case (a scan reads in order; trailing holes are passed over), else by binary search. */
  insert(el: Element): void {
    let j = this.list.length - 1;
    while (j >= 0 && !this.list[j]) j--;
    const last = this.list[j];
    if (!last || compareOrder(last, el) <= 0) {
      this.list.push(el);
      this.index?.set(el, this.list.length - 1);
    } else {
      this.compact();
      this.list.splice(
        orderIndex(this.list as Element[], el, (e) => e),
        0,
        el,
      );
      this.index = null;
    }
  }

  remove(el: Element): void {
    const i = this.index ? (this.index.get(el) ?? -1) : this.list.indexOf(el);
    if (i < 0) return;
    this.list[i] = null;
    this.holes++;
    this.index?.delete(el);
    if (this.holes > 64 && this.holes * 2 > this.list.length) this.compact();
  }

  clear(): void {
    this.list = [];
    this.holes = 0;
    this.index = null;
  }
}

/**
 * Where the viewport lies in document order. PROBES evenly spaced elements
 * are placed above the near region (their box ends more than a screen
 * above the viewport), in it, or below it. A probe in it is an anchor;
 * between two probes where the region may start, a binary search finds the
 * first element not above. An element that breaks the run from top to
 * bottom (sticky, fixed, laid out elsewhere) adds an anchor of its own but
 * hides no other. Boxless elements are passed over. `order` has no holes.
 */
function findAnchors(order: readonly Element[], screen: number): number[] {
  const n = order.length;
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
}

/** The elements within RADIUS places in document order of each given index. */
function neighbourhoods(order: DocOrder, indices: Iterable<number>): Set<Element> {
  const want = new Set<Element>();
  const n = order.list.length;
  for (const i of indices) {
    if (i < 0) continue;
    for (let k = Math.max(0, i - RADIUS); k <= Math.min(n - 1, i + RADIUS); k++) {
      const el = order.list[k];
      if (el) want.add(el);
    }
  }
  return want;
}

class NearViewTracker<T> implements NearView<T> {
  private readonly byElement = new Map<Element, Set<T>>();
  private readonly order = new DocOrder();
  private readonly near = new Set<Element>();
  /** Added, and neither reported on nor judged away yet: their items may still be shown from before. */
  private readonly unknown = new Set<Element>();
  private readonly watched = new Set<Element>();
  private anchors: Element[] = [];
  private pending = false;
  private placingAnchors = false;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly unlisten: Array<() => void> = [];
  private readonly observer: IntersectionObserver | null;

  constructor(
    private readonly view: (Window & typeof globalThis) | null,
    private readonly onChange: (near: T[], away: T[]) => void,
  ) {
    this.observer = this.observe();
  }

  get available(): boolean {
    return this.observer !== null;
  }

  get watching(): number {
    return this.watched.size;
  }

  add(el: Element, item: T): boolean {
    const set = this.byElement.get(el);
    if (set) {
      set.add(item);
      return this.near.has(el);
    }
    this.byElement.set(el, new Set([item]));
    this.unknown.add(el);
    this.order.insert(el);
    // Watched (or judged away) once the current task's additions are in.
    this.schedule();
    return false;
  }

  delete(el: Element, item: T): void {
    const set = this.byElement.get(el);
    if (!set?.delete(item) || set.size > 0) return;
    this.byElement.delete(el);
    this.near.delete(el);
    this.unknown.delete(el);
    if (this.watched.delete(el)) this.observer?.unobserve(el);
    this.order.remove(el);
    this.schedule();
  }

  focus(el: Element): void {
    if (!this.byElement.has(el)) return;
    this.anchors = [el];
    this.rewatch();
  }

  clear(): void {
    this.observer?.disconnect();
    for (const off of this.unlisten.splice(0)) off();
    clearTimeout(this.settleTimer);
    this.byElement.clear();
    this.order.clear();
    this.near.clear();
    this.unknown.clear();
    this.watched.clear();
    this.anchors = [];
  }

  /** The observer, and what places the anchors again: scrolling anywhere and size changes, once they settle. */
  private observe(): IntersectionObserver | null {
    try {
      const view = this.view;
      const IO = view?.IntersectionObserver;
      if (typeof IO !== 'function') return null;
      const observer = new IO((entries) => this.onEntries(entries), {
        rootMargin: MARGIN,
        scrollMargin: MARGIN,
      } as IntersectionObserverInit);
      // Capture sees inner scrollers too; content added or removed above moves what is in view without a scroll.
      const settle = () => {
        clearTimeout(this.settleTimer);
        this.settleTimer = setTimeout(() => {
          this.anchors = [];
          this.placeAnchors();
        }, SETTLE_MS);
      };
      const opts = { capture: true, passive: true };
      view?.addEventListener?.('scroll', settle, opts);
      this.unlisten.push(() => view?.removeEventListener?.('scroll', settle, opts));
      const root = view?.document?.documentElement;
      if (typeof view?.ResizeObserver === 'function' && root) {
        const ro = new view.ResizeObserver(settle);
        ro.observe(root);
        this.unlisten.push(() => ro.disconnect());
      }
      return observer;
    } catch {
      // Without these, scrolling still moves the watched set along; only far jumps wait for the next addition.
      return null;
    }
  }

  /** Watch the near elements' and the anchors' neighbourhoods; stop watching the rest; judge the unknown rest away. */
  private rewatch(): void {
    const observer = this.observer;
    if (!observer) return;
    const order = this.order;
    this.anchors = this.anchors.filter((el) => order.indexOf(el) >= 0);
    // No anchors yet (or they left): placed after the next frame, and till then nothing unknown is judged away.
    const placing = this.anchors.length === 0 && order.list.length - order.holes > 0;
    if (placing) this.placeAnchors();
    const want = neighbourhoods(
      order,
      [...this.near, ...this.anchors].map((el) => order.indexOf(el)),
    );
    for (const el of this.watched) {
      if (want.has(el)) continue;
      this.watched.delete(el);
      observer.unobserve(el);
    }
    for (const el of want) {
      if (this.watched.has(el)) continue;
      this.watched.add(el);
      // The observer reports a new target once, near or away: its items are shown or hidden then.
      observer.observe(el);
    }
    // Nothing watched near it is near, so it lies further than RADIUS elements from the view.
    const away: T[] = [];
    if (!placing) {
      for (const el of this.unknown) {
        if (want.has(el)) continue;
        this.unknown.delete(el);
        away.push(...(this.byElement.get(el) as Set<T>));
      }
    }
    if (away.length) this.onChange([], away);
  }

  /**
   * findAnchors reads positions: after a frame, when the page's style and layout are clean, so the reads force
   * nothing (read at once, right after our sheet was adopted, they forced the page's whole restyle into our script).
   */
  private placeAnchors(): void {
    if (this.placingAnchors) return;
    this.placingAnchors = true;
    const later = () =>
      setTimeout(() => {
        this.placingAnchors = false;
        const order = this.order;
        if (!this.observer || this.anchors.some((el) => order.indexOf(el) >= 0)) return;
        let found = [0];
        try {
          order.compact();
          found = findAnchors(order.list as Element[], this.view?.innerHeight || 800);
        } catch {
          // Positions unreadable: start at the top.
        }
        this.anchors = found.flatMap((i) => order.list[i] ?? []);
        this.rewatch();
      }, 0);
    if (typeof this.view?.requestAnimationFrame === 'function') this.view.requestAnimationFrame(later);
    else later();
  }

  /**
   * After the current task: a scan adds mentions block by block with an await between blocks, and a microtask here
   * would run the whole rewatch once per block.
   */
  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    setTimeout(() => {
      this.pending = false;
      this.rewatch();
    }, 0);
  }

  private onEntries(entries: IntersectionObserverEntry[]): void {
    const nearItems: T[] = [];
    const awayItems: T[] = [];
    let moved = false;
    for (const entry of entries) {
      const el = entry.target;
      const set = this.byElement.get(el);
      if (!set) continue;
      this.unknown.delete(el);
      const box = entry.boundingClientRect;
      // An element without a box of its own (display: contents) cannot be placed: count it as near.
      const isNear = entry.isIntersecting || (box.width === 0 && box.height === 0);
      if (isNear !== this.near.has(el)) moved = true;
      if (isNear) this.near.add(el);
      else this.near.delete(el);
      (isNear ? nearItems : awayItems).push(...set);
    }
    if (nearItems.length || awayItems.length) this.onChange(nearItems, awayItems);
    // What came near brings its neighbours into watch; what went away lets its own go.
    if (moved) this.rewatch();
  }
}

/**
 * @param view the window whose IntersectionObserver to use (none: `available` is false)
 * @param onChange items whose element came near the viewport, and items whose element is away from it
 */
export function nearView<T>(
  view: (Window & typeof globalThis) | null,
  onChange: (near: T[], away: T[]) => void,
): NearView<T> {
  return new NearViewTracker(view, onChange);
}
