import { describe, expect, it } from 'vitest';
import { correctionKey, historyKey, passageKey, planMerge } from '../../utils/notebook/merge';

const p = { pageUrl: 'https://e.com/', sentence: 'WeChat, "quoted"', reason: 3 as const, stance: 'supports' as const };

describe('natural keys', () => {
  it('a passage is page, sentence, reason and stance', () => {
    expect(passageKey(p)).toBe(passageKey({ ...p }));
    expect(passageKey(p)).not.toBe(passageKey({ ...p, reason: 4 }));
    expect(passageKey(p)).not.toBe(passageKey({ ...p, stance: 'challenges' }));
    expect(passageKey(p)).not.toBe(passageKey({ ...p, pageUrl: 'https://e.com/x' }));
  });
  it('keys cannot collide through separators in the text', () => {
    expect(correctionKey({ pageUrl: 'a|b', sentence: 'c' })).not.toBe(correctionKey({ pageUrl: 'a', sentence: 'b|c' }));
    expect(correctionKey({ pageUrl: 'a","b', sentence: 'c' })).not.toBe(
      correctionKey({ pageUrl: 'a', sentence: 'b","c' }),
    );
  });
  it('history is keyed by its id (day and url)', () => {
    expect(historyKey({ id: '2026-01-01|https://e.com/' })).toBe('2026-01-01|https://e.com/');
  });
});

describe('planMerge', () => {
  it('skips what is stored and repeats within the file, keeping the first', () => {
    const incoming = [
      { k: 'a', n: 1 },
      { k: 'b', n: 2 },
      { k: 'b', n: 3 },
      { k: 'c', n: 4 },
    ];
    const plan = planMerge(incoming, new Set(['a']), (x) => x.k);
    expect(plan).toEqual({
      add: [
        { k: 'b', n: 2 },
        { k: 'c', n: 4 },
      ],
      skipped: 2,
    });
  });
  it('does not change the existing set', () => {
    const existing = new Set(['a']);
    planMerge([{ k: 'b' }], existing, (x) => x.k);
    expect([...existing]).toEqual(['a']);
  });
});
