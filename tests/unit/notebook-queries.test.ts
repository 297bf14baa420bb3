import { describe, expect, it } from 'vitest';
import {
  balanceByReason,
  balanceLineEn,
  compareNewestFirst,
  groupByReason,
  pagePassages,
  passageMatcher,
  sortNewestFirst,
} from '../../utils/notebook/queries';
import type { KeptPassage } from '../../utils/notebook/types';

let n = 0;
function p(over: Partial<KeptPassage> = {}): KeptPassage {
  n++;
  return {
    id: `id${String(n).padStart(3, '0')}`,
    sentence: `WeChat sentence ${n}`,
    title: 'Title',
    pageUrl: 'https://example.com/',
    site: 'example.com',
    entity: 'wechat',
    reason: 1,
    stance: 'supports',
    createdAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    ...over,
  };
}

describe('passageMatcher', () => {
  it('searches sentence, note and title case-insensitively', () => {
    const match = (search: string, x: KeptPassage) => passageMatcher({ search })(x);
    expect(match('wechat', p())).toBe(true);
    expect(match('NOTE', p({ note: 'my note' }))).toBe(true);
    expect(match('title', p())).toBe(true);
    expect(match('absent', p())).toBe(false);
  });
  it('searches Chinese and collapses whitespace in the query', () => {
    const x = p({ sentence: '微信的朋友圈卖货越来越难' });
    expect(passageMatcher({ search: '朋友圈' })(x)).toBe(true);
    expect(passageMatcher({ search: '  朋友圈卖货 ' })(x)).toBe(true);
    expect(passageMatcher({ search: '淘宝' })(x)).toBe(false);
  });
  it('filters by company, stance, site, date range and trash', () => {
    const x = p({ entity: 'taobao', stance: 'context', site: 'a.com', createdAt: '2026-05-05T00:00:00.000Z' });
    expect(passageMatcher({ entity: 'taobao', stance: 'context', site: 'a.com' })(x)).toBe(true);
    expect(passageMatcher({ entity: 'wechat' })(x)).toBe(false);
    expect(passageMatcher({ from: '2026-05-05T00:00:00.000Z', to: '2026-05-06T00:00:00.000Z' })(x)).toBe(true);
    expect(passageMatcher({ to: '2026-05-05T00:00:00.000Z' })(x)).toBe(false);
    const gone = p({ deletedAt: '2026-05-06T00:00:00.000Z' });
    expect(passageMatcher({})(gone)).toBe(false);
    expect(passageMatcher({ deleted: 'only' })(gone)).toBe(true);
    expect(passageMatcher({ deleted: 'only' })(x)).toBe(false);
    expect(passageMatcher({ deleted: 'include' })(gone)).toBe(true);
  });
});

describe('order and paging', () => {
  it('sorts newest first, ties by id', () => {
    const t = '2026-01-01T00:00:00.000Z';
    const list = [p({ createdAt: t, id: 'a' }), p({ createdAt: t, id: 'b' }), p()];
    expect(sortNewestFirst(list).map((x) => x.id)).toEqual([list[2]?.id, 'b', 'a']);
    expect(compareNewestFirst({ createdAt: t, id: 'a' }, { createdAt: t, id: 'a' })).toBe(0);
  });
  it('pages through a filtered list with cursors', () => {
    const list = Array.from({ length: 25 }, (_, i) => p({ reason: i % 2 ? 2 : 1 }));
    const seen: string[] = [];
    let page = pagePassages(list, { reason: 1 }, 5);
    seen.push(...page.items.map((x) => x.id));
    while (page.next) {
      page = pagePassages(list, { reason: 1 }, 5, page.next);
      seen.push(...page.items.map((x) => x.id));
    }
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);
    expect(seen).toEqual(sortNewestFirst(list.filter((x) => x.reason === 1)).map((x) => x.id));
  });
  it('an exact multiple of the page size ends without an empty page', () => {
    const list = Array.from({ length: 4 }, () => p());
    const first = pagePassages(list, {}, 2);
    const second = pagePassages(list, {}, 2, first.next);
    expect(second.items).toHaveLength(2);
    expect(second.next).toBeUndefined();
  });
});

describe('balance', () => {
  it('counts stances per reason, leaving out the trash', () => {
    const list = [
      p({ reason: 4, stance: 'supports' }),
      p({ reason: 4, stance: 'challenges' }),
      p({ reason: 4, stance: 'challenges' }),
      p({ reason: 4, stance: 'context' }),
      p({ reason: 4, stance: 'supports', deletedAt: '2026-01-02T00:00:00.000Z' }),
      p({ reason: 8, stance: 'context' }),
    ];
    const b = balanceByReason(list);
    expect(b[4]).toEqual({ supports: 1, challenges: 2, context: 1, total: 4 });
    expect(b[8]).toEqual({ supports: 0, challenges: 0, context: 1, total: 1 });
    expect(b[1].total).toBe(0);
    expect(balanceLineEn(b[4])).toBe('1 support, 2 challenge, 1 context');
  });
  it('groups by reason 1..8, newest first', () => {
    const a = p({ reason: 2 });
    const b = p({ reason: 2 });
    const groups = groupByReason([a, b, p({ reason: 5, deletedAt: '2026-01-02T00:00:00.000Z' })]);
    expect(groups.map((g) => g.reason)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(groups[1]?.passages.map((x) => x.id)).toEqual([b.id, a.id]);
    expect(groups[4]?.passages).toEqual([]);
  });
});
