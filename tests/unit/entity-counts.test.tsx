import { beforeEach, describe, expect, it } from 'vitest';
import { EntityCounts } from '@/components/entity-counts';
import { DEFAULT_SETTINGS } from '@/platform/settings';
import { summary } from './helpers/tab-summary';
import { $, $$, mount, useEnglish } from './helpers/ui';

beforeEach(useEnglish);

describe('EntityCounts', () => {
  it('shows a count per entity, zero for entities not found', () => {
    const root = mount(
      <EntityCounts
        entities={['wechat', 'taobao', 'alibaba', 'tmall']}
        colors={DEFAULT_SETTINGS.colors}
        counts={summary.countsByEntity}
      />,
    );
    const rows = $$(root, '[data-testid="entity-count"]');
    expect(rows.map((r) => [r.dataset.entity, $(r, '.entity-number').textContent])).toEqual([
      ['wechat', '4'],
      ['taobao', '2'],
      ['alibaba', '1'],
      ['tmall', '0'],
    ]);
    expect(rows[0]?.textContent).toContain('WeChat');
  });

  it('keeps its rows while loading', () => {
    const root = mount(<EntityCounts entities={['wechat']} colors={DEFAULT_SETTINGS.colors} counts={undefined} />);
    expect($(root, '[data-entity="wechat"] .entity-number').textContent).toBe('–');
    expect($(root, 'ul').getAttribute('aria-busy')).toBe('true');
  });
});
