/**
 * WCAG 2 contrast for highlight colours: the engine paints a colour at
 * HIGHLIGHT_ALPHA over the page, so we blend it over a light and a dark page
 * and check the page's text on the result. Pure.
 */

import { HIGHLIGHT_ALPHA } from '@/utils/highlight';

export { HIGHLIGHT_ALPHA };
/** WCAG AA for body text. */
export const MIN_TEXT_RATIO = 4.5;
/**
 * Below this the highlight is hard to tell from the page itself (a colour close
 * to the page's background). Not a WCAG number: a floor for "can I see it".
 */
export const MIN_VISIBLE_RATIO = 1.2;

export type Rgb = [number, number, number];

export interface PageBackground {
  id: 'light' | 'dark';
  background: string;
  text: string;
}

export const PAGE_BACKGROUNDS: readonly PageBackground[] = [
  { id: 'light', background: '#ffffff', text: '#000000' },
  { id: 'dark', background: '#121212', text: '#ffffff' },
];

export function parseHex(hex: string): Rgb | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m?.[1]) return null;
  const n = Number.parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `top` painted at `alpha` over an opaque `bottom`. */
export function blend(top: Rgb, bottom: Rgb, alpha: number): Rgb {
  return [0, 1, 2].map((i) => Math.round(top[i]! * alpha + bottom[i]! * (1 - alpha))) as Rgb;
}

export interface ContrastCheck {
  page: PageBackground['id'];
  /** Page text on the highlight. */
  textRatio: number;
  /** Highlight against the bare page. */
  visibleRatio: number;
  ok: boolean;
}

export function checkHighlight(color: string, alpha = HIGHLIGHT_ALPHA): ContrastCheck[] {
  const c = parseHex(color);
  if (!c) return [];
  return PAGE_BACKGROUNDS.map((page) => {
    const bg = parseHex(page.background) as Rgb;
    const painted = blend(c, bg, alpha);
    const textRatio = contrastRatio(parseHex(page.text) as Rgb, painted);
    const visibleRatio = contrastRatio(painted, bg);
    return {
      page: page.id,
      textRatio,
      visibleRatio,
      ok: textRatio >= MIN_TEXT_RATIO && visibleRatio >= MIN_VISIBLE_RATIO,
    };
  });
}

/** "4.52" style, floored so a value just under the threshold never reads as passing. */
export function formatRatio(r: number): string {
  return (Math.floor(r * 100) / 100).toFixed(2);
}
