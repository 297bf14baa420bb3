/**
 * Which of many tracked items lie near the viewport, judged by the element
 * holding each, through one IntersectionObserver. The painter uses it on
 * pages with many mentions: Chromium rebuilds the marks of every registered
 * highlight range at each change of the page's DOM or style
 * (HighlightRegistry::ValidateHighlightMarkers), so registering only the
 * ranges within a screen of the viewport keeps each of the page's own
 * changes cheap, however many mentions the page holds.
 */

/** One screen above and below the viewport (and around inner scrollers, where the browser supports it). */
const MARGIN = '100% 0px';

export class NearView<T> {
  private readonly byElement = new Map<Element, Set<T>>();
  private readonly near = new Set<Element>();
  private readonly observer: IntersectionObserver | null;

  /**
   * @param view the window whose IntersectionObserver to use (none: `available` is false)
   * @param onChange items whose element came near the viewport, and items whose element is away from it
   */
  constructor(
    view: (Window & typeof globalThis) | null,
    private readonly onChange: (near: T[], away: T[]) => void,
  ) {
    let observer: IntersectionObserver | null = null;
    try {
      const IO = view?.IntersectionObserver;
      if (typeof IO === 'function') {
        const options = { rootMargin: MARGIN, scrollMargin: MARGIN } as IntersectionObserverInit;
        observer = new IO((entries) => this.onEntries(entries), options);
      }
    } catch {
      observer = null;
    }
    this.observer = observer;
  }

  get available(): boolean {
    return this.observer !== null;
  }

  /** Track `item` by `el`. True when `el` is already known to be near (the item may be shown at once). */
  add(el: Element, item: T): boolean {
    let set = this.byElement.get(el);
    if (set) {
      set.add(item);
      return this.near.has(el);
    }
    set = new Set([item]);
    this.byElement.set(el, set);
    // The observer reports every new target once, near or away: the item is shown or hidden then.
    this.observer?.observe(el);
    return false;
  }

  delete(el: Element, item: T): void {
    const set = this.byElement.get(el);
    if (!set?.delete(item) || set.size > 0) return;
    this.byElement.delete(el);
    this.near.delete(el);
    this.observer?.unobserve(el);
  }

  clear(): void {
    this.observer?.disconnect();
    this.byElement.clear();
    this.near.clear();
  }

  private onEntries(entries: IntersectionObserverEntry[]): void {
    const near: T[] = [];
    const away: T[] = [];
    for (const entry of entries) {
      const set = this.byElement.get(entry.target);
      if (!set) continue;
      const box = entry.boundingClientRect;
      // An element without a box of its own (display: contents) cannot be placed: count it as near.
      const isNear = entry.isIntersecting || (box.width === 0 && box.height === 0);
      if (isNear) this.near.add(entry.target);
      else this.near.delete(entry.target);
      (isNear ? near : away).push(...set);
    }
    if (near.length || away.length) this.onChange(near, away);
  }
}
