/**
 * content/adopted-sheets.ts against a stand-in for what a Firefox content
 * script sees: the list behind an Xray wrapper (no length, no items, not
 * iterable, assignment throws), the page's own list behind `wrappedJSObject`,
 * and a page that has poisoned every array method. Painting and the card were
 * unstyled in Firefox because the old code called `includes` and assigned.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adoptSheet, isAdopted, sheetListOf, unadoptSheet } from '@/content/adopted-sheets';

const XRAY_ERROR = 'Accessing from Xray wrapper is not supported.';

/** The page's own list: only its index and length traps may be used; any method call is the page's code running. */
function pageList(initial: CSSStyleSheet[], pageCode: string[]): CSSStyleSheet[] {
  const items = [...initial];
  const isIndex = (p: string | symbol) => typeof p === 'string' && /^(0|[1-9]\d*)$/.test(p);
  return new Proxy(items, {
    get(target, p) {
      if (p === 'length' || isIndex(p)) return Reflect.get(target, p);
      pageCode.push(String(p));
      throw new Error(`page code ran: ${String(p)}`);
    },
    set(target, p, v) {
      if (p === 'length' || isIndex(p)) return Reflect.set(target, p, v);
      pageCode.push(`set ${String(p)}`);
      throw new Error(`page code ran: set ${String(p)}`);
    },
  });
}

/** A document or shadow root as a Firefox content script holds it. */
function firefoxLikeTarget(initial: CSSStyleSheet[] = []) {
  const pageCode: string[] = [];
  const list = pageList(initial, pageCode);
  // What the browser's getter returns across the wrapper: opaque, with the page's list behind wrappedJSObject.
  const opaque = Object.freeze(Object.create(null, { wrappedJSObject: { value: list } }));
  const nativeProto = {
    get adoptedStyleSheets(): unknown {
      return opaque;
    },
    set adoptedStyleSheets(_v: unknown) {
      throw new Error(XRAY_ERROR);
    },
  };
  // The page's view of the same object: its own overrides are visible there, and must never be used.
  const waivedTarget = Object.create(nativeProto);
  Object.defineProperty(waivedTarget, 'adoptedStyleSheets', {
    get() {
      pageCode.push('page getter');
      return [];
    },
    set() {
      pageCode.push('page setter');
    },
  });
  const target = Object.create(nativeProto);
  Object.defineProperty(target, 'wrappedJSObject', { value: waivedTarget });
  return { target: target as DocumentOrShadowRoot, list, pageCode };
}

function sheet(): CSSStyleSheet {
  return new CSSStyleSheet();
}

describe('adopted sheets behind a Firefox-like wrapper', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is what broke the old code: no includes, and assignment throws', () => {
    const { target } = firefoxLikeTarget();
    const seen = target.adoptedStyleSheets as unknown as { includes?: unknown; length?: unknown };
    expect(seen.includes).toBeUndefined();
    expect(seen.length).toBeUndefined();
    expect(() => {
      target.adoptedStyleSheets = [sheet()];
    }).toThrow(XRAY_ERROR);
  });

  it('appends our sheet after the page’s own, once, running no page code', () => {
    const own = sheet();
    const ours = sheet();
    const { target, list, pageCode } = firefoxLikeTarget([own]);
    expect(adoptSheet(target, ours)).toBe(true);
    expect(adoptSheet(target, ours)).toBe(true);
    expect(list.length).toBe(2);
    expect(list[0]).toBe(own);
    expect(list[1]).toBe(ours);
    expect(isAdopted(target, ours)).toBe(true);
    expect(pageCode).toEqual([]);
  });

  it('removes only our sheet, keeping the page’s in order', () => {
    const a = sheet();
    const b = sheet();
    const ours = sheet();
    const { target, list, pageCode } = firefoxLikeTarget([a, ours, b]);
    expect(unadoptSheet(target, ours)).toBe(true);
    expect(list.length).toBe(2);
    expect([list[0], list[1]]).toEqual([a, b]);
    expect(isAdopted(target, ours)).toBe(false);
    expect(pageCode).toEqual([]);
  });

  it('compares page objects by their unwrapped form where the browser wraps them', () => {
    const ours = sheet();
    const wrapped = { wrapperOf: ours };
    const { target } = firefoxLikeTarget([wrapped as unknown as CSSStyleSheet]);
    vi.stubGlobal('XPCNativeWrapper', (v: unknown) => (v as { wrapperOf?: unknown })?.wrapperOf ?? v);
    expect(isAdopted(target, ours)).toBe(true);
    expect(adoptSheet(target, ours)).toBe(true);
  });

  it('fails quietly on a list that cannot be read or changed', () => {
    const frozen = Object.freeze([] as CSSStyleSheet[]);
    const target = { adoptedStyleSheets: frozen } as unknown as DocumentOrShadowRoot;
    expect(sheetListOf(target)).toBeNull(); // a data property, not the browser's accessor
    const throwing = Object.create({
      get adoptedStyleSheets(): never {
        throw new Error('no');
      },
    }) as DocumentOrShadowRoot;
    expect(adoptSheet(throwing, sheet())).toBe(false);
    expect(unadoptSheet(throwing, sheet())).toBe(false);
    expect(isAdopted(throwing, sheet())).toBe(false);
  });
});

describe('adopted sheets in a plain DOM (Chrome’s isolated world)', () => {
  it('adopts into and removes from a real document', () => {
    const ours = sheet();
    expect(adoptSheet(document, ours)).toBe(true);
    expect(document.adoptedStyleSheets.includes(ours)).toBe(true);
    expect(unadoptSheet(document, ours)).toBe(true);
    expect(document.adoptedStyleSheets.includes(ours)).toBe(false);
  });
});
