/** Highlight contrast (components/contrast.ts): WCAG ratios on light and dark pages. */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  blend,
  checkHighlight,
  contrastRatio,
  formatRatio,
  luminance,
  MIN_TEXT_RATIO,
  parseHex,
} from '@/components/contrast';
import { ENTITIES } from '@/utils/entities';
import { useEnglish } from './helpers/ui';

beforeEach(useEnglish);

describe('contrast', () => {
  it('computes WCAG ratios', () => {
    const black = parseHex('#000000')!;
    const white = parseHex('#FFFFFF')!;
    expect(contrastRatio(black, white)).toBeCloseTo(21, 5);
    expect(contrastRatio(white, white)).toBe(1);
    // #767676 on white is the well-known 4.54:1.
    expect(contrastRatio(parseHex('#767676')!, white)).toBeCloseTo(4.54, 2);
    expect(luminance(white)).toBe(1);
    expect(parseHex('nope')).toBeNull();
    expect(parseHex('#12b76a')).toEqual([18, 183, 106]);
  });

  it('blends a colour at an alpha over the page', () => {
    expect(blend([255, 0, 0], [0, 0, 255], 0.5)).toEqual([128, 0, 128]);
    expect(blend([10, 20, 30], [200, 200, 200], 1)).toEqual([10, 20, 30]);
  });

  it('passes the default colours on light and dark pages', () => {
    for (const e of ENTITIES) {
      const checks = checkHighlight(e.color);
      expect(checks.map((c) => c.page)).toEqual(['light', 'dark']);
      expect(checks.every((c) => c.ok && c.textRatio >= MIN_TEXT_RATIO)).toBe(true);
    }
  });

  it('fails a colour that cannot be seen on one of the pages', () => {
    const white = checkHighlight('#ffffff');
    expect(white.find((c) => c.page === 'light')?.ok).toBe(false);
    expect(white.find((c) => c.page === 'dark')?.ok).toBe(true);
    const black = checkHighlight('#000000');
    expect(black.find((c) => c.page === 'dark')?.ok).toBe(false);
  });

  it('fails text contrast when the highlight is painted strongly', () => {
    // At full strength, black text on pure blue is about 2.4:1.
    const [light] = checkHighlight('#0000ff', 1);
    expect(light?.textRatio).toBeLessThan(MIN_TEXT_RATIO);
    expect(light?.ok).toBe(false);
  });

  it('formats ratios without rounding a failure up to a pass', () => {
    expect(formatRatio(4.499)).toBe('4.49');
    expect(formatRatio(21)).toBe('21.00');
  });
});
