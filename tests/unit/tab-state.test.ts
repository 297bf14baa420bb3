import { describe, expect, it } from 'vitest';
import { badgeText, TabState } from '@/utils/tab-state';
import type { FrameSummary, MentionInfo } from '@/utils/types';

function mention(id: number, entity: MentionInfo['entity'], reason: MentionInfo['link']['reason']): MentionInfo {
  return {
    id,
    entity,
    text: entity,
    snippet: `about ${entity}`,
    sentence: `about ${entity}.`,
    link: { reason, firm: false, cues: [], confidence: 0.5, source: reason === null ? 'none' : 'paragraph' },
  };
}
function frame(url: string, mentions: MentionInfo[], extra: Partial<FrameSummary> = {}): FrameSummary {
  return { url, mentions, total: mentions.length, capped: false, paused: false, ...extra };
}

describe('TabState', () => {
  it('merges frames, top frame first, with counts per entity and reason', () => {
    const state = new TabState();
    state.setFrame(7, 12, frame('https://a.example/frame', [mention(1, 'taobao', 1)]));
    state.setFrame(7, 0, frame('https://a.example/', [mention(1, 'wechat', 6), mention(2, 'wechat', null)]));
    const s = state.summary(7);
    expect(s?.url).toBe('https://a.example/');
    expect(s?.mentions.map((m) => [m.frameId, m.id])).toEqual([
      [0, 1],
      [0, 2],
      [12, 1],
    ]);
    expect(s?.total).toBe(3);
    expect(s?.countsByEntity).toEqual({ wechat: 2, taobao: 1 });
    expect(s?.countsByReason).toEqual({ 6: 1, 1: 1 });
  });

  it('replaces a frame on a new report and forgets a tab on navigation', () => {
    const state = new TabState();
    state.setFrame(1, 0, frame('https://a.example/', [mention(1, 'wechat', 2)]));
    state.setFrame(1, 0, frame('https://a.example/', [], { total: 9000, capped: true }));
    expect(state.summary(1)?.total).toBe(9000);
    expect(state.summary(1)?.capped).toBe(true);
    state.setFocus(1, 4);
    state.clearTab(1);
    expect(state.summary(1)).toBeNull();
    expect(state.getFocus(1)).toBe(4);
    state.removeTab(1);
    expect(state.getFocus(1)).toBeNull();
  });
});

describe('badgeText', () => {
  it('is empty at zero and capped at 999+', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(5)).toBe('5');
    expect(badgeText(999)).toBe('999');
    expect(badgeText(1000)).toBe('999+');
  });
});
