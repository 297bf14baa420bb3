/**
 * Is the text of an element visible to a reader? Asked only for the few
 * elements whose text holds a candidate name, never per node of the walk.
 * Editable regions (contenteditable, designMode) count as not visible: that
 * text is the user's, and painting it would fight the editor.
 */

export type VisibilityCheck = (el: Element) => boolean;

interface CheckVisibilityOptions {
  visibilityProperty?: boolean;
  contentVisibilityAuto?: boolean;
  opacityProperty?: boolean;
}

/** visibility: hidden counts; content-visibility: auto does not (text skipped only because it is off-screen is still on the page). */
const CHECK_OPTIONS: CheckVisibilityOptions = { visibilityProperty: true, contentVisibilityAuto: false };

type Checkable = Element & { checkVisibility?: (o?: CheckVisibilityOptions) => boolean; isContentEditable?: boolean };

/** Inside a closed <details>, outside its summary. */
function inClosedDetails(el: Element): boolean {
  for (let d = el.closest('details:not([open])'); d; d = d.parentElement?.closest('details:not([open])') ?? null) {
    const summary = d.querySelector(':scope > summary');
    if (!summary?.contains(el)) return true;
  }
  return false;
}

/** Without checkVisibility (old engines, test DOMs): the hidden attribute, display and visibility by computed style. */
function styleVisible(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (el.closest('[hidden]')) return false;
  if (!view) return true;
  const own = view.getComputedStyle(el);
  if (own.visibility === 'hidden' || own.visibility === 'collapse') return false;
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (view.getComputedStyle(e).display === 'none') return false;
  }
  return true;
}

/**
 * checkVisibility says "not visible" for an element without a box of its own
 * (display: contents), yet its text is laid out in its parent's box: ask the
 * nearest ancestor with a box, unless the element itself hides its text.
 */
function shownThroughParent(el: Checkable): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  // A loop, not recursion: a page may nest thousands of display: contents elements.
  for (let e: Checkable = el; ; ) {
    const style = view.getComputedStyle(e);
    if (style.display !== 'contents' || style.visibility === 'hidden' || style.visibility === 'collapse') return false;
    const parent = e.parentElement as Checkable | null;
    if (!parent || typeof parent.checkVisibility !== 'function') return true;
    if (parent.checkVisibility(CHECK_OPTIONS)) return true;
    e = parent;
  }
}

/** The browser's own answer where it has one (Chrome 121+, Firefox 125+: visibility property included). */
export const defaultVisibility: VisibilityCheck = (el) => {
  const c = el as Checkable;
  if (c.isContentEditable || el.ownerDocument.designMode === 'on') return false;
  // Without checkVisibility (very old engines): the hidden attribute and closed details only.
  if (typeof c.checkVisibility !== 'function') return !el.closest('[hidden]') && !inClosedDetails(el);
  if (!c.checkVisibility(CHECK_OPTIONS) && !shownThroughParent(c)) {
    return false;
  }
  // Engines that render closed <details> without content-visibility say "visible": check it ourselves.
  return !inClosedDetails(el);
};

/** Style-only check for engines without checkVisibility, and for test DOMs without layout. */
export const fallbackVisibility: VisibilityCheck = (el) => {
  const c = el as Checkable;
  if (c.isContentEditable || el.ownerDocument.designMode === 'on') return false;
  return styleVisible(el) && !inClosedDetails(el);
};

/** Caches answers per element for one pass (styles do not change inside a slice). */
export function cachedVisibility(check: VisibilityCheck): VisibilityCheck & { clear(): void } {
  const cache = new Map<Element, boolean>();
  const fn = ((el: Element) => {
    let v = cache.get(el);
    if (v === undefined) {
      v = check(el);
      cache.set(el, v);
    }
    return v;
  }) as VisibilityCheck & { clear(): void };
  fn.clear = () => cache.clear();
  return fn;
}
