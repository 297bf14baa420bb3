/** The panel's mention model (components/mention-model.ts): groups, filters, stepping. */
import { beforeEach, describe, expect, it } from 'vitest';
import { filterMentions, groupMentions, listOrder, NO_FILTER, stepIndex } from '@/components/mention-model';
import { mention } from './helpers/tab-summary';
import { useEnglish } from './helpers/ui';

beforeEach(useEnglish);

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
