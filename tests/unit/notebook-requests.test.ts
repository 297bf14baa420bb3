import { describe, expect, it } from 'vitest';
import {
  isCorrectionRequest,
  isHistoryVisitRequest,
  isKeepRequest,
  isPassageEditRequest,
  isPlainObject,
  isReasonCounts,
} from '../../utils/notebook/requests';

const keep = {
  pageUrl: 'https://example.com/a',
  title: 'T',
  sentence: 'WeChat stores.',
  entity: 'wechat',
  reason: 3,
  stance: 'supports',
};
const correction = {
  pageUrl: 'https://example.com/a',
  sentence: 'Taobao got there first.',
  entity: 'taobao',
  original: { reason: null, firm: false },
  corrected: 1,
};
const visit = { url: 'https://example.com/', title: 'T', counts: { 1: 2, 8: 0 }, none: 1 };

describe('isKeepRequest', () => {
  it('accepts a valid request, with or without a note', () => {
    expect(isKeepRequest(keep)).toBe(true);
    expect(isKeepRequest({ ...keep, note: 'why' })).toBe(true);
  });
  it.each([
    ['javascript URL', { pageUrl: 'javascript:alert(1)' }],
    ['data URL', { pageUrl: 'data:text/html,x' }],
    ['reason 0', { reason: 0 }],
    ['reason 9', { reason: 9 }],
    ['reason 2.5', { reason: 2.5 }],
    ['reason NaN', { reason: Number.NaN }],
    ['reason as string', { reason: '3' }],
    ['null reason', { reason: null }],
    ['unknown entity', { entity: 'jd' }],
    ['unknown stance', { stance: 'neutral' }],
    ['empty sentence', { sentence: '   ' }],
    ['huge sentence', { sentence: 'x'.repeat(2001) }],
    ['huge note', { note: 'x'.repeat(5001) }],
    ['note not text', { note: { toString: 'x' } }],
    ['title not text', { title: ['T'] }],
    ['huge title', { title: 'x'.repeat(2001) }],
  ])('refuses %s', (_label, over) => {
    expect(isKeepRequest({ ...keep, ...over })).toBe(false);
  });
  it('refuses non-objects, arrays and class instances', () => {
    for (const v of [null, undefined, 'x', 3, [keep], new Date(), Object.assign(new Map(), keep)]) {
      expect(isKeepRequest(v)).toBe(false);
    }
  });
  it('is not fooled by prototype pollution keys', () => {
    const hostile = JSON.parse(`{"__proto__": ${JSON.stringify(keep)}}`);
    expect(isKeepRequest(hostile)).toBe(false);
    expect(({} as Record<string, unknown>).pageUrl).toBeUndefined();
  });
});

describe('isCorrectionRequest', () => {
  it('accepts a valid request, including "not about the article" (null)', () => {
    expect(isCorrectionRequest(correction)).toBe(true);
    expect(isCorrectionRequest({ ...correction, corrected: null, lang: 'zh', paragraph: 'p' })).toBe(true);
  });
  it.each([
    ['original without firm', { original: { reason: 2 } }],
    ['firm not boolean', { original: { reason: 2, firm: 'yes' } }],
    ['corrected 0', { corrected: 0 }],
    ['corrected undefined', { corrected: undefined }],
    ['lang fr', { lang: 'fr' }],
    ['absurd paragraph', { paragraph: 'x'.repeat(20_001) }],
    ['ftp URL', { pageUrl: 'ftp://example.com/' }],
  ])('refuses %s', (_label, over) => {
    expect(isCorrectionRequest({ ...correction, ...over })).toBe(false);
  });
});

describe('isPassageEditRequest', () => {
  it('accepts partial edits and refuses bad ids or values', () => {
    expect(isPassageEditRequest({ id: 'a' })).toBe(true);
    expect(isPassageEditRequest({ id: 'a', stance: 'context', reason: 2, note: '' })).toBe(true);
    expect(isPassageEditRequest({ id: '' })).toBe(false);
    expect(isPassageEditRequest({ id: 'x'.repeat(101) })).toBe(false);
    expect(isPassageEditRequest({ id: 'a', reason: 9 })).toBe(false);
  });
});

describe('isHistoryVisitRequest and isReasonCounts', () => {
  it('accepts counts keyed 1..8', () => {
    expect(isHistoryVisitRequest(visit)).toBe(true);
    expect(isReasonCounts({})).toBe(true);
  });
  it.each([
    ['key 0', { 0: 1 }],
    ['key 9', { 9: 1 }],
    ['key "01"', { '01': 1 }],
    ['key 1.0', { '1.0': 1 }],
    ['negative', { 1: -1 }],
    ['fraction', { 1: 0.5 }],
    ['NaN', { 1: Number.NaN }],
    ['Infinity', { 1: Number.POSITIVE_INFINITY }],
    ['too many', { 1: 100_001 }],
    ['string count', { 1: '2' }],
    ['__proto__ key', JSON.parse('{"__proto__": {"polluted": 1}}')],
    ['constructor key', { constructor: 1 }],
    ['array', [1, 2]],
  ])('refuses counts with %s', (_label, counts) => {
    expect(isHistoryVisitRequest({ ...visit, counts })).toBe(false);
  });
  it('refuses a bad none count or URL', () => {
    expect(isHistoryVisitRequest({ ...visit, none: -1 })).toBe(false);
    expect(isHistoryVisitRequest({ ...visit, url: 'about:blank' })).toBe(false);
  });
  it('isPlainObject accepts null-prototype objects', () => {
    expect(isPlainObject(Object.create(null))).toBe(true);
  });
});
