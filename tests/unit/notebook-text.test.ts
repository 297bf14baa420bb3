import { describe, expect, it } from 'vitest';
import {
  cut,
  dayOf,
  detectLang,
  hasCjk,
  hostnameOf,
  normalizeText,
  pageUrlOf,
  toIsoDate,
} from '../../utils/notebook/text';

describe('normalizeText', () => {
  it('collapses whitespace of every kind and trims', () => {
    expect(normalizeText('  WeChat\n\t stores\u00a0 sell  ')).toBe('WeChat stores sell');
  });
  it('composes to NFC so the same sentence matches whatever the page encoding', () => {
    expect(normalizeText('Cafe\u0301')).toBe('Caf\u00e9');
    expect(normalizeText('Cafe\u0301')).toBe(normalizeText('Caf\u00e9'));
  });
});

describe('detectLang and hasCjk', () => {
  it('is zh with any CJK character, en otherwise', () => {
    expect(detectLang('微信的电商')).toBe('zh');
    expect(detectLang('WeChat 小程序 stores')).toBe('zh');
    expect(detectLang('WeChat stores')).toBe('en');
    expect(hasCjk('𠀀')).toBe(true);
    expect(hasCjk('Ünïcödé')).toBe(false);
  });
});

describe('pageUrlOf', () => {
  it('drops the fragment of http(s) URLs', () => {
    expect(pageUrlOf('https://example.com/a?b=1#frag')).toBe('https://example.com/a?b=1');
    expect(pageUrlOf('http://example.com')).toBe('http://example.com/');
    expect(pageUrlOf('https://example.com/#:~:text=WeChat')).toBe('https://example.com/');
  });
  it('refuses other schemes, junk and over-long URLs', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<b>x</b>',
      'file:///etc/passwd',
      'chrome://settings',
      'not a url',
      '',
      `https://example.com/${'a'.repeat(3000)}`,
    ]) {
      expect(pageUrlOf(bad)).toBeNull();
    }
  });
  it('hostnameOf', () => {
    expect(hostnameOf('https://News.Example.com:8080/x')).toBe('news.example.com');
    expect(hostnameOf('nope')).toBe('');
  });
});

describe('cut', () => {
  it('never splits a surrogate pair', () => {
    expect(cut('ab😀', 3)).toBe('ab');
    expect(cut('abc', 3)).toBe('abc');
    expect(cut('abcd', 2)).toBe('ab');
  });
});

describe('toIsoDate', () => {
  it('accepts UTC ISO dates and returns the toISOString form', () => {
    expect(toIsoDate('2026-01-02T03:04:05Z')).toBe('2026-01-02T03:04:05.000Z');
    expect(toIsoDate('2026-01-02T03:04:05.123Z')).toBe('2026-01-02T03:04:05.123Z');
  });
  it('refuses impossible, local, non-string and NaN dates', () => {
    for (const bad of [
      '2026-02-30T00:00:00Z',
      '2026-01-02',
      '2026-01-02T03:04:05+08:00',
      'NaN',
      'Invalid Date',
      Number.NaN,
      1700000000000,
      null,
      {},
    ]) {
      expect(toIsoDate(bad)).toBeNull();
    }
  });
  it('dayOf', () => {
    expect(dayOf('2026-01-02T23:59:59.000Z')).toBe('2026-01-02');
  });
});
