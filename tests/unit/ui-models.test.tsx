/** The UI's pure logic: verdict and chart, mention filters and stepping, search, contrast, progress, snippets, origins. */
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
import {
  filterMentions,
  groupMentions,
  listOrder,
  NO_FILTER,
  type PanelMention,
  stepIndex,
} from '@/components/mention-model';
import { checkNewOrigin } from '@/components/paused-sites';
import { readCount, toggleRead } from '@/components/read-progress';
import { reasonBars, verdictFor } from '@/components/reason-model';
import { ARTICLE_BLOCKS, findInText, searchBlocks, segmentsFor } from '@/components/search-model';
import { splitSnippet } from '@/components/snippet';
import { ENTITIES } from '@/utils/entities';
import type { EntityId, ReasonNumber, TabSummary } from '@/utils/types';
import { useEnglish } from './helpers/ui';

beforeEach(useEnglish);

let nextId = 0;
function mention(entity: EntityId, reason: ReasonNumber | null, extra: Partial<PanelMention> = {}): PanelMention {
  nextId += 1;
  return {
    id: nextId,
    frameId: 0,
    entity,
    text: entity,
    snippet: `about ${entity} here`,
    sentence: `about ${entity} here.`,
    link: {
      reason,
      firm: reason !== null,
      cues: reason ? ['cue'] : [],
      confidence: 0.5,
      source: reason ? 'sentence' : 'unrelated',
    },
    ...extra,
  };
}

function summaryOf(mentions: PanelMention[], extra: Partial<TabSummary> = {}): TabSummary {
  const countsByEntity: TabSummary['countsByEntity'] = {};
  const countsByReason: TabSummary['countsByReason'] = {};
  const firmByReason: TabSummary['firmByReason'] = {};
  let unlinked = 0;
  for (const m of mentions) {
    countsByEntity[m.entity] = (countsByEntity[m.entity] ?? 0) + 1;
    if (m.link.reason) countsByReason[m.link.reason] = (countsByReason[m.link.reason] ?? 0) + 1;
    if (m.link.reason && m.link.firm) firmByReason[m.link.reason] = (firmByReason[m.link.reason] ?? 0) + 1;
    if (!m.link.reason) unlinked++;
  }
  return {
    tabId: 1,
    url: 'https://example.com/a',
    title: 'A page',
    mentions,
    total: mentions.length,
    capped: false,
    paused: false,
    countsByEntity,
    countsByReason,
    firmByReason,
    unlinked,
    ...extra,
  };
}

describe('reason bars and verdict', () => {
  it('gives eight bars with counts and shares of the largest', () => {
    const s = summaryOf([mention('wechat', 6), mention('wechat', 6), mention('taobao', 1), mention('alibaba', null)]);
    const bars = reasonBars(s);
    expect(bars.map((b) => b.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(bars.map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 2, 0, 0]);
    expect(bars[5]?.share).toBe(1);
    expect(bars[0]?.share).toBe(0.5);
    expect(reasonBars(undefined).every((b) => b.count === 0 && b.share === 0)).toBe(true);
  });

  it('names the reason with most mentions, the lower number on a tie', () => {
    expect(verdictFor(summaryOf([mention('wechat', 6), mention('wechat', 6), mention('taobao', 1)]), null)).toEqual({
      kind: 'top',
      reason: 6,
      count: 2,
      total: 3,
    });
    expect(verdictFor(summaryOf([mention('wechat', 7), mention('wechat', 3)]), null)).toMatchObject({ reason: 3 });
  });

  it('says loading, unavailable, none, unlinked, paused and off', () => {
    expect(verdictFor(undefined, null).kind).toBe('loading');
    expect(verdictFor(null, null).kind).toBe('unavailable');
    expect(verdictFor(summaryOf([]), null).kind).toBe('none');
    expect(verdictFor(summaryOf([mention('alibaba', null)]), null)).toEqual({ kind: 'unlinked', total: 1 });
    expect(verdictFor(summaryOf([mention('wechat', 1)]), 'site').kind).toBe('paused');
    expect(verdictFor(summaryOf([mention('wechat', 1)], { paused: true }), null).kind).toBe('paused');
    expect(verdictFor(undefined, 'off').kind).toBe('off');
  });
});

describe('mention list model', () => {
  const list = [
    mention('taobao', 1),
    mention('wechat', 2),
    mention('alibaba', null),
    mention('wechat', 6),
    mention('tencent', 7),
  ];

  it('groups linked mentions by entity in the table order, then those about no argument, keeping page order', () => {
    const groups = groupMentions(list);
    expect(groups.map((g) => g.key)).toEqual(['wechat', 'taobao', 'tencent', 'none']);
    expect(groups[0]?.mentions.map((m) => m.link.reason)).toEqual([2, 6]);
    expect(listOrder(groups).map((m) => m.entity)).toEqual(['wechat', 'wechat', 'taobao', 'tencent', 'alibaba']);
  });

  it('filters by entity, by reason and by "not linked"', () => {
    expect(filterMentions(list, NO_FILTER)).toHaveLength(5);
    expect(filterMentions(list, { entity: 'wechat', reason: 'all' })).toHaveLength(2);
    expect(filterMentions(list, { entity: 'wechat', reason: 6 }).map((m) => m.link.reason)).toEqual([6]);
    expect(filterMentions(list, { entity: 'all', reason: 'none' }).map((m) => m.entity)).toEqual(['alibaba']);
    expect(filterMentions(list, { entity: 'taobao', reason: 6 })).toEqual([]);
  });

  it('steps forward and back with wrap-around, starting at either end', () => {
    expect(stepIndex(null, 3, 1)).toBe(0);
    expect(stepIndex(null, 3, -1)).toBe(2);
    expect(stepIndex(0, 3, 1)).toBe(1);
    expect(stepIndex(2, 3, 1)).toBe(0);
    expect(stepIndex(0, 3, -1)).toBe(2);
    expect(stepIndex(7, 3, 1)).toBe(0);
    expect(stepIndex(null, 0, 1)).toBeNull();
  });
});

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

describe('reading progress', () => {
  it('toggles a reason, keeps the list sorted, and counts', () => {
    let read: ReasonNumber[] = [];
    read = toggleRead(read, 5);
    read = toggleRead(read, 2);
    expect(read).toEqual([2, 5]);
    expect(readCount(read)).toEqual({ read: 2, total: 8 });
    read = toggleRead(read, 5);
    expect(read).toEqual([2]);
  });
});

describe('snippet emphasis', () => {
  it('splits at the occurrence nearest the middle, case-insensitively', () => {
    expect(splitSnippet('WeChat is big; wechat is big', 'WeChat')).toEqual(['WeChat is big; ', 'wechat', ' is big']);
    expect(splitSnippet('说微信朋友圈', '微信')).toEqual(['说', '微信', '朋友圈']);
    expect(splitSnippet('nothing here', 'WeChat')).toEqual(['nothing here', '', '']);
  });
});

describe('adding a paused site', () => {
  it('accepts a domain or address as its origin and refuses junk and duplicates', () => {
    expect(checkNewOrigin('example.com', [])).toEqual({ origin: 'https://example.com' });
    expect(checkNewOrigin('http://a.test:8080/path?q', [])).toEqual({ origin: 'http://a.test:8080' });
    expect(checkNewOrigin('javascript:alert(1)', [])).toHaveProperty('error');
    expect(checkNewOrigin('', [])).toHaveProperty('error');
    expect(checkNewOrigin('example.com', ['https://example.com'])).toEqual({
      error: 'https://example.com is already paused.',
    });
  });
});
