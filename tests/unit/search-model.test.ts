/** Article search (components/search-model.ts). */
import { beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_BLOCKS, findInText, searchBlocks, segmentsFor } from '@/components/search-model';
import { useEnglish } from './helpers/ui';

beforeEach(useEnglish);

describe('article search', () => {
  it('finds every occurrence, case-insensitive, without overlaps', () => {
    expect(findInText('WeChat and wechat and WECHAT', 'wechat')).toEqual([
      [0, 6],
      [11, 17],
      [22, 28],
    ]);
    expect(findInText('aaaa', 'aa')).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });

  it('ignores queries shorter than two characters and trims spaces', () => {
    expect(findInText('a b c', 'a')).toEqual([]);
    expect(findInText('a b c', '   ')).toEqual([]);
    expect(findInText('the Moments', '  moments ')).toEqual([[4, 11]]);
  });

  it('matches straight and curly apostrophes alike', () => {
    expect(findInText('WeChat’s ecosystem', "wechat's")).toEqual([[0, 8]]);
  });

  it('searches the whole article in reading order, titles included', () => {
    const hits = searchBlocks(ARTICLE_BLOCKS, 'Moments');
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.map((h) => h.block)).toContain('r6-title');
    const order = hits.map((h) => ARTICLE_BLOCKS.findIndex((b) => b.id === h.block));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(searchBlocks(ARTICLE_BLOCKS, 'castle in the air').map((h) => h.block)).toEqual(['closing']);
    expect(searchBlocks(ARTICLE_BLOCKS, 'zzzz-not-there')).toEqual([]);
  });

  it('splits a block into plain and hit segments that join back to the text', () => {
    const text = 'WeChat and Taobao and WeChat';
    const hits = [
      { block: 'x', start: 0, end: 6 },
      { block: 'other', start: 0, end: 3 },
      { block: 'x', start: 22, end: 28 },
    ];
    const segs = segmentsFor('x', text, hits);
    expect(segs).toEqual([
      { text: 'WeChat', hit: 0 },
      { text: ' and Taobao and ', hit: null },
      { text: 'WeChat', hit: 2 },
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segmentsFor('y', text, hits)).toEqual([{ text, hit: null }]);
  });
});
