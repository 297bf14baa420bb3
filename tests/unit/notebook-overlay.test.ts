import { describe, expect, it } from 'vitest';
import { applyOverlay, overlayFor, readerLink } from '@/utils/notebook/overlay';
import type { Correction } from '@/utils/notebook/types';
import type { MentionInfo } from '@/utils/types';

function mention(id: number, sentence: string): MentionInfo {
  return {
    id,
    entity: 'wechat',
    text: 'WeChat',
    snippet: sentence,
    sentence,
    link: { reason: 2, firm: true, cues: ['official account'], confidence: 0.8, source: 'sentence' },
  };
}

function correction(sentence: string, corrected: Correction['corrected']): Correction {
  return {
    id: `c-${sentence.length}`,
    pageUrl: 'https://news.example/a',
    sentence,
    entity: 'wechat',
    lang: 'en',
    original: { reason: 2, firm: true },
    corrected,
    createdAt: '2026-12-01T10:00:00.000Z',
  };
}

describe('notebook overlay', () => {
  const a = mention(1, 'Brands   opened a WeChat account.');
  const b = mention(2, 'WeChat was blocked again.');
  const c = mention(3, 'Nothing kept here about WeChat.');

  it('says "linked by: you" for a corrected sentence (whitespace aside) and marks kept ones', () => {
    const corrections = { 'WeChat was blocked again.': correction('WeChat was blocked again.', null) };
    const kept = new Set(['Brands opened a WeChat account.']);
    const overlay = overlayFor([a, b, c], corrections, kept);
    expect(overlay).toEqual([
      { id: 1, kept: true },
      { id: 2, corrected: null, correctionId: 'c-25', kept: false },
    ]);
    const applied = applyOverlay([a, b, c], overlay);
    expect(applied[0]?.kept).toBe(true);
    expect(applied[0]?.link).toBe(a.link);
    expect(applied[1]?.link).toEqual({ reason: null, firm: false, cues: [], confidence: 1, source: 'reader' });
    expect(applied[1]?.correctionId).toBe('c-25');
    expect(applied[2]).toBe(c);
    // The linker's own link is untouched, so an undone correction brings it back.
    expect(b.link.reason).toBe(2);
    expect(applyOverlay([a, b, c], [])[1]).toBe(b);
  });

  it('a correction to a reason is firm and names no cue words', () => {
    expect(readerLink(6)).toEqual({ reason: 6, firm: true, cues: [], confidence: 1, source: 'reader' });
  });

  it('ignores keys inherited from Object.prototype', () => {
    const proto = mention(4, 'constructor');
    expect(overlayFor([proto], {}, new Set())).toEqual([]);
  });
});
