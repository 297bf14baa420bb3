import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../utils/notebook/limits';
import {
  cleanCounts,
  editPassage,
  historyId,
  makeCorrection,
  makeHistoryEntry,
  makePassage,
} from '../../utils/notebook/records';

const NOW = '2026-03-04T05:06:07.000Z';

describe('makePassage', () => {
  it('normalises the sentence and title, strips the fragment and records the site', () => {
    const p = makePassage(
      {
        pageUrl: 'https://Example.com/a#x',
        title: '  A\n title ',
        sentence: ' WeChat\n stores ',
        entity: 'wechat',
        reason: 2,
        stance: 'context',
        note: '  ',
      },
      'id1',
      NOW,
    );
    expect(p).toEqual({
      id: 'id1',
      sentence: 'WeChat stores',
      title: 'A title',
      pageUrl: 'https://example.com/a',
      site: 'example.com',
      entity: 'wechat',
      reason: 2,
      stance: 'context',
      createdAt: NOW,
      updatedAt: NOW,
    });
  });
  it('cuts a long page title to the cap', () => {
    const p = makePassage(
      {
        pageUrl: 'https://e.com/',
        title: 't'.repeat(1500),
        sentence: 's',
        entity: 'wechat',
        reason: 1,
        stance: 'supports',
      },
      'i',
      NOW,
    );
    expect(p.title).toHaveLength(LIMITS.title);
  });
  it('throws on a URL that skipped validation', () => {
    expect(() =>
      makePassage(
        { pageUrl: 'javascript:x', title: '', sentence: 's', entity: 'wechat', reason: 1, stance: 'supports' },
        'i',
        NOW,
      ),
    ).toThrow(TypeError);
  });
});

describe('editPassage', () => {
  const base = makePassage(
    {
      pageUrl: 'https://e.com/',
      title: 'T',
      sentence: 's',
      entity: 'wechat',
      reason: 1,
      stance: 'supports',
      note: 'n',
    },
    'i',
    '2026-01-01T00:00:00.000Z',
  );
  it('changes only what is given and bumps updatedAt', () => {
    expect(editPassage(base, { stance: 'challenges' }, NOW)).toMatchObject({
      stance: 'challenges',
      note: 'n',
      reason: 1,
      updatedAt: NOW,
    });
  });
  it('clears the note with an empty string', () => {
    expect('note' in editPassage(base, { note: ' ' }, NOW)).toBe(false);
  });
});

describe('makeCorrection', () => {
  it('derives lang from the text when absent and caps the paragraph', () => {
    const c = makeCorrection(
      {
        pageUrl: 'https://e.com/p#f',
        sentence: '微信 做不好电商',
        entity: 'wechat',
        paragraph: 'p'.repeat(10_000),
        original: { reason: 5, firm: true },
        corrected: null,
      },
      'c1',
      NOW,
    );
    expect(c).toMatchObject({
      lang: 'zh',
      pageUrl: 'https://e.com/p',
      corrected: null,
      original: { reason: 5, firm: true },
    });
    expect(c.paragraph).toHaveLength(LIMITS.paragraph);
  });
  it('keeps an explicit lang and omits an empty paragraph', () => {
    const c = makeCorrection(
      {
        pageUrl: 'https://e.com/',
        sentence: 'WeChat',
        entity: 'wechat',
        lang: 'zh',
        paragraph: ' ',
        original: { reason: null, firm: false },
        corrected: 4,
      },
      'c',
      NOW,
    );
    expect(c.lang).toBe('zh');
    expect('paragraph' in c).toBe(false);
  });
});

describe('history entries', () => {
  it('keys a visit by UTC day and URL and keeps positive counts only', () => {
    const h = makeHistoryEntry({ url: 'https://e.com/x#y', title: 'T', counts: { 1: 2, 3: 0 }, none: 4 }, NOW);
    expect(h).toEqual({
      id: historyId('2026-03-04', 'https://e.com/x'),
      url: 'https://e.com/x',
      title: 'T',
      site: 'e.com',
      day: '2026-03-04',
      visitedAt: NOW,
      counts: { 1: 2 },
      none: 4,
    });
  });
  it('cleanCounts copies into a fresh object', () => {
    const hostile = JSON.parse('{"1": 2, "__proto__": {"x": 1}}');
    const clean = cleanCounts(hostile);
    expect(clean).toEqual({ 1: 2 });
    expect(Object.getPrototypeOf(clean)).toBe(Object.prototype);
  });
});
