/**
 * Our constructed sheet in a document's or shadow root's adopted sheets,
 * added and removed without running a line of the page's code.
 *
 * Firefox shows a content script the list through an Xray wrapper that hides
 * it: no length, no items, and assigning to it throws. The page's own view
 * (`wrappedJSObject`) is usable but also shows the page's overrides. So the
 * list is read through the browser's own accessor (found on the wrapped
 * prototype chain, which page scripts cannot change) and changed only
 * through the list's own index and length traps: no array method, iterator
 * or setter that a page could have replaced is ever called, and the page
 * never sees our sheet in a value of its own making.
 *
 * In Chrome the content script's world is isolated, so the same steps are
 * plain reads and writes of the list.
 */

/** What these functions need of the list: indexed items and a settable length. */
interface SheetList {
  length: number;
  [index: number]: CSSStyleSheet | undefined;
}

/** Firefox's way from a wrapper to the page's own object; elsewhere the object itself. */
function waived<T>(value: T): T {
  const w = (value as { wrappedJSObject?: T } | null)?.wrappedJSObject;
  return w ?? value;
}

/** Firefox compares page objects by their wrapped form; elsewhere identity. */
function isSame(item: unknown, sheet: CSSStyleSheet): boolean {
  const unwrap = (globalThis as { XPCNativeWrapper?: (v: unknown) => unknown }).XPCNativeWrapper;
  return (typeof unwrap === 'function' ? unwrap(item) : item) === sheet;
}

/** The browser's own `adoptedStyleSheets` getter, from the target's (wrapped) prototype chain. */
function nativeGetter(target: object): ((this: unknown) => unknown) | null {
  for (let p = Object.getPrototypeOf(target); p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, 'adoptedStyleSheets');
    if (d) return typeof d.get === 'function' ? d.get : null;
  }
  return null;
}

/** The target's list of adopted sheets as the page holds it, or null when it cannot be read. */
export function sheetListOf(target: DocumentOrShadowRoot): SheetList | null {
  const get = nativeGetter(target);
  if (!get) return null;
  const list = waived(get.call(waived(target)) as SheetList | null);
  return list && typeof list.length === 'number' ? list : null;
}

/** Whether `sheet` is in the target's adopted sheets. */
export function isAdopted(target: DocumentOrShadowRoot, sheet: CSSStyleSheet): boolean {
  try {
    const list = sheetListOf(target);
    if (!list) return false;
    for (let i = 0; i < list.length; i++) if (isSame(list[i], sheet)) return true;
  } catch {
    // Unreadable: treated as not adopted.
  }
  return false;
}

/** Runs `change` on the target's list; false when the list could not be read or changed (frozen, foreign). */
function changeList(target: DocumentOrShadowRoot, change: (list: SheetList) => void): boolean {
  try {
    const list = sheetListOf(target);
    if (!list) return false;
    change(list);
    return true;
  } catch {
    // The highlights stay registered, unstyled in this tree.
    return false;
  }
}

/** Append `sheet` after the page's own sheets (once). False when the list could not be changed. */
export function adoptSheet(target: DocumentOrShadowRoot, sheet: CSSStyleSheet): boolean {
  return changeList(target, (list) => {
    const n = list.length;
    for (let i = 0; i < n; i++) if (isSame(list[i], sheet)) return;
    list[n] = sheet;
  });
}

/** Take `sheet` out of the target's adopted sheets, keeping the page's own in their order. */
export function unadoptSheet(target: DocumentOrShadowRoot, sheet: CSSStyleSheet): boolean {
  return changeList(target, (list) => {
    const n = list.length;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const item = list[i];
      if (isSame(item, sheet)) continue;
      if (kept !== i) list[kept] = item;
      kept++;
    }
    if (kept !== n) list.length = kept;
  });
}
