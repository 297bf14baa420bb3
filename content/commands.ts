/**
 * The commands our own pages give the page (the panel's jump-to and previous/next, the keyboard shortcuts): reveal a
 * mention, step to the next one, then open its card beside it once the scroll has settled. The card takes no focus;
 * the panel announces the mention. Who may give commands is checked where they arrive (platform/content-messages.ts).
 */
import type { EntityId, ReasonNumber } from '@/utils/types';
import { later, listen } from './guard';
import type { Engine, PageMention } from './types';

/** How long without scroll events before a revealed mention's card opens. */
export const SCROLL_QUIET_MS = 250;

export interface CommandTarget {
  engine(): Engine | null;
  hideCard(): void;
  /** Opens the card for a mention at a point inside it. */
  showCard(m: PageMention, x: number, y: number): void;
}

export class Commands {
  /** Each reveal takes a ticket; a card whose scroll settles after a newer reveal is not shown. */
  private ticket = 0;
  private readonly win: Window;

  constructor(
    private readonly target: CommandTarget,
    private readonly signal: AbortSignal,
    win: Window = window,
  ) {
    this.win = win;
  }

  /** True when this frame has the mention; a sub-frame without it answers undefined so the frame that has it answers. */
  reveal(mentionId: number): boolean | undefined {
    this.target.hideCard();
    const found = this.target.engine()?.reveal(mentionId) ?? false;
    if (found) this.showAfterScroll(mentionId);
    if (!found && this.win !== this.win.top) return undefined;
    return found;
  }

  /** The id revealed, or null when there is none in that direction (or highlighting is off). */
  step(direction: 1 | -1, filter: { entities?: EntityId[]; reasons?: ReasonNumber[] }): number | null {
    this.target.hideCard();
    const id = this.target.engine()?.step(direction, filter) ?? null;
    if (id !== null) this.showAfterScroll(id);
    return id;
  }

  /** Opens the mention's card on scrollend, or once no scroll event came for a moment (an instant or no scroll). */
  private showAfterScroll(id: number): void {
    const ticket = ++this.ticket;
    const done = new AbortController();
    const signal = AbortSignal.any([this.signal, done.signal]);
    let cancelQuiet = () => {};
    const settle = () => {
      if (done.signal.aborted) return;
      done.abort();
      if (ticket !== this.ticket) return;
      const m = this.target.engine()?.mentionById(id);
      if (!m) return;
      const r = m.range.getBoundingClientRect();
      this.target.showCard(m, r.left + 1, r.top + 1);
    };
    const restart = () => {
      cancelQuiet();
      cancelQuiet = later(settle, SCROLL_QUIET_MS, signal);
    };
    listen(this.win, 'scroll', restart, signal, { passive: true });
    listen(this.win, 'scrollend', settle, signal, { passive: true });
    restart();
  }
}
