/** Mention filters and stepping (components/mention-controls.tsx). */
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MentionControls } from '@/components/mention-controls';
import { NO_FILTER } from '@/components/mention-model';
import { $, click, mount, useEnglish } from './helpers/ui';

beforeEach(useEnglish);

describe('MentionControls', () => {
  function setup() {
    const onFilter = vi.fn();
    const onStep = vi.fn();
    const root = mount(
      <MentionControls
        filter={NO_FILTER}
        entities={['wechat', 'taobao', 'alibaba']}
        onFilter={onFilter}
        onStep={onStep}
        canStep={true}
        position="2 of 5"
      />,
    );
    return { root, onFilter, onStep };
  }

  it('filters by entity and by reason through labelled selects', () => {
    const { root, onFilter } = setup();
    const entity = $(root, '[data-testid="filter-entity"]') as HTMLSelectElement;
    const reason = $(root, '[data-testid="filter-reason"]') as HTMLSelectElement;
    expect(entity.closest('label')?.textContent).toContain('Name');
    expect([...entity.options].map((o) => o.value)).toEqual(['all', 'wechat', 'taobao', 'alibaba']);
    expect([...reason.options].map((o) => o.value)).toEqual(['all', '1', '2', '3', '4', '5', '6', '7', '8', 'none']);
    act(() => {
      entity.value = 'taobao';
      entity.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onFilter).toHaveBeenLastCalledWith({ entity: 'taobao', reason: 'all' });
    act(() => {
      reason.value = '6';
      reason.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onFilter).toHaveBeenLastCalledWith({ entity: 'all', reason: 6 });
    act(() => {
      reason.value = 'none';
      reason.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onFilter).toHaveBeenLastCalledWith({ entity: 'all', reason: 'none' });
  });

  it('steps to the previous and next mention', () => {
    const { root, onStep } = setup();
    click($(root, '[data-testid="mention-next"]'));
    click($(root, '[data-testid="mention-prev"]'));
    expect(onStep.mock.calls).toEqual([[1], [-1]]);
    expect(root.textContent).toContain('2 of 5');
  });
});
