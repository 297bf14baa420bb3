/** The popup's model (components/reason-model.ts): reason bars and the verdict. */
import { beforeEach, describe, expect, it } from 'vitest';
import { reasonBars, verdictFor } from '@/components/reason-model';
import { mention, summaryOf } from './helpers/tab-summary';
import { useEnglish } from './helpers/ui';

beforeEach(useEnglish);

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
