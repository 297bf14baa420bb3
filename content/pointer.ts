/**
 * What a person does with the pointer and keys on the page, as callbacks: hover (once per frame), a click on a
 * mention or on our card, and "away" (Escape, scroll, blur, leaving the window). Only trusted input counts: a page
 * cannot open our card or the side panel by dispatching events.
 */
import { listen, nextFrame } from './guard';

export interface PointerCallbacks {
  /** Whether the pointer is on our own host (the card): hovering there keeps the card. */
  isOurs(target: EventTarget | null): boolean;
  /** The pointer rests at (x, y); called at most once per animation frame. */
  hover(x: number, y: number): void;
  /** A primary click at (x, y) on the page, not at the end of a text selection. */
  click(x: number, y: number): void;
  /** A primary click on our card; `action` names the part clicked ("keep", "correct"), null for the card itself. */
  clickCard(action: string | null): void;
  /** The person looked away: Escape, a scroll, the window lost focus or the pointer left it. */
  away(): void;
}

/** The `data-action` of the part of our card that was clicked (our shadow root is open, so the path shows it). */
function actionOf(e: Event): string | null {
  const first = e.composedPath()[0];
  const part = first instanceof Element ? first.closest('[data-action]') : null;
  return part?.getAttribute('data-action') ?? null;
}

/** Listens until `signal` aborts. `active()` false: the page engine is off and input is ignored. */
export function watchPointer(
  doc: Document,
  callbacks: PointerCallbacks,
  active: () => boolean,
  signal: AbortSignal,
): void {
  const win = doc.defaultView ?? window;
  const passive = { passive: true, capture: true };
  let pending = false;
  let x = 0;
  let y = 0;

  listen<PointerEvent>(
    doc,
    'pointermove',
    (e) => {
      if (!e.isTrusted || !active() || callbacks.isOurs(e.target)) return;
      x = e.clientX;
      y = e.clientY;
      if (pending) return;
      pending = true;
      nextFrame(() => {
        pending = false;
        callbacks.hover(x, y);
      }, signal);
    },
    signal,
    passive,
  );

  listen<MouseEvent>(
    doc,
    'click',
    (e) => {
      if (!e.isTrusted || e.button !== 0 || !active()) return;
      if (callbacks.isOurs(e.target)) return callbacks.clickCard(actionOf(e));
      // A drag that selected text is not a click on the mention.
      const selection = doc.getSelection();
      if (selection && !selection.isCollapsed) return;
      callbacks.click(e.clientX, e.clientY);
    },
    signal,
    { capture: true },
  );

  listen<KeyboardEvent>(win, 'keydown', (e) => e.isTrusted && e.key === 'Escape' && callbacks.away(), signal, {
    capture: true,
  });

  const away = (e: Event) => {
    if (!e.isTrusted) return;
    if (e.type === 'mouseout' && (e as MouseEvent).relatedTarget !== null) return;
    callbacks.away();
  };
  listen(win, 'scroll', away, signal, passive);
  listen(doc, 'mouseout', away, signal, passive);
  listen(win, 'blur', away, signal, passive);
}
