/**
 * The panel's scrolling, asked for by its state: always after the render that marks the target, and smooth unless
 * the person prefers reduced motion.
 */
function behavior(): ScrollBehavior {
  return matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

export const PANEL_SCROLL = {
  /** Scroll a reason into view; `focus` moves keyboard focus there too (contents links). */
  toReason(n: number, focus: boolean): void {
    requestAnimationFrame(() => {
      const section = document.getElementById(`reason-${n}`);
      section?.scrollIntoView({ block: 'start', behavior: behavior() });
      if (focus) section?.focus({ preventScroll: true });
    });
  },
  /** Scroll a search hit of the article into view. */
  toHit(i: number): void {
    requestAnimationFrame(() => {
      document.querySelector(`mark[data-hit="${i}"]`)?.scrollIntoView({ block: 'center', behavior: behavior() });
    });
  },
  /** Keep the current mention of the list in view. */
  toCurrentMention(): void {
    requestAnimationFrame(() => {
      document.querySelector('.mention[data-current="true"]')?.scrollIntoView({ block: 'nearest' });
    });
  },
};
export type PanelScroll = typeof PANEL_SCROLL;
