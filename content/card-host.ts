/**
 * Our one element in the page: a zero-size host with a shadow root that holds the hover card. Created when the first
 * card is warmed or shown, put back if the page removes or moves it, removed when highlighting is turned off.
 */
import type { MentionInfo } from '@/utils/types';
import { adoptSheet } from './adopted-sheets';
import { quiet, whenIdle } from './guard';
import { HOST_TAG } from './rules';
import type { PageMention } from './types';

/** The card's own drawing (components/hover-card.ts), passed in by the entry: the engine does not import the UI. */
export interface CardView {
  css: string;
  build(doc: Document, info: MentionInfo, color?: string): HTMLElement;
  show(
    container: HTMLElement,
    info: MentionInfo,
    anchor: { left: number; top: number; bottom: number },
    color?: string,
  ): void;
  warm(container: HTMLElement, card: HTMLElement): void;
  hide(container: HTMLElement): void;
}

interface Ui {
  host: HTMLElement;
  container: HTMLElement;
}

/** Zero-size, fixed, on top: adds no box to the page's layout. Inline !important beats page rules. */
function styleHost(host: HTMLElement): void {
  host.style.cssText =
    'all:initial!important;position:fixed!important;top:0!important;left:0!important;width:0!important;' +
    'height:0!important;overflow:visible!important;display:block!important;z-index:2147483647!important;' +
    'pointer-events:none!important;contain:style!important;';
}

/** The rectangle of a mention's line under the pointer (a mention can wrap), else its whole box. */
function anchorRect(m: PageMention, x: number, y: number): DOMRect {
  const rects = m.range.getClientRects();
  for (const r of rects) if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return r;
  return m.range.getBoundingClientRect();
}

export class CardHost {
  private ui: Ui | null = null;
  /** The mention whose card is showing. */
  shown: PageMention | null = null;

  constructor(
    private readonly doc: Document,
    private readonly view: CardView,
  ) {}

  /** Is this event target our host (the pointer is on the card)? */
  isHost(target: EventTarget | null): boolean {
    return !!this.ui && target === this.ui.host;
  }

  show(m: PageMention, x: number, y: number, color: string | undefined): void {
    const { container } = this.ensure();
    this.shown = m;
    const r = anchorRect(m, x, y);
    this.view.show(container, m.info, { left: r.left, top: r.top, bottom: r.bottom }, color);
  }

  hide(): void {
    if (!this.shown) return;
    this.shown = null;
    if (this.ui) this.view.hide(this.ui.container);
  }

  /** Builds a card now (the costly first layout happens when `warm` lays it out hidden). */
  build(info: MentionInfo, color: string | undefined): HTMLElement {
    this.ensure();
    return this.view.build(this.doc, info, color);
  }

  warm(card: HTMLElement): void {
    if (this.ui) this.view.warm(this.ui.container, card);
  }

  /** Off leaves the page as it was: the host goes too (the next card puts it back). */
  remove(): void {
    this.hide();
    this.ui?.host.remove();
  }

  private ensure(): Ui {
    if (!this.ui) this.ui = this.create();
    const root = this.doc.documentElement;
    if (this.ui.host.parentNode !== root) {
      styleHost(this.ui.host);
      root.append(this.ui.host);
    }
    return this.ui;
  }

  private create(): Ui {
    const host = this.doc.createElement(HOST_TAG);
    styleHost(host);
    const shadow = host.attachShadow({ mode: 'open' });
    try {
      // A constructed sheet: a page's CSP on <style> elements does not apply to it.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(this.view.css);
      adoptSheet(shadow, sheet);
    } catch (e) {
      quiet(e);
    }
    const container = this.doc.createElement('div');
    shadow.append(container);
    return { host, container };
  }
}

/**
 * A page's first card pays once for what later cards do not: our host and shadow root, the locale's first read and
 * the browser's font lookups in its first layout. Once the page has a mention, that is done in idle time with that
 * mention's card, laid out hidden and removed at once, so a person's first hover costs what a second one does. Two
 * idle tasks, so that neither is long: the host and the card's text, then its layout. `wanted()` false (highlighting
 * went off, or a card is showing) skips what is left.
 */
export function warmUp(
  host: CardHost,
  info: MentionInfo,
  color: string | undefined,
  wanted: () => boolean,
  signal: AbortSignal,
): void {
  whenIdle(() => {
    if (!wanted() || host.shown) return;
    const card = host.build(info, color);
    whenIdle(() => {
      if (wanted() && !host.shown) host.warm(card);
    }, signal);
  }, signal);
}
