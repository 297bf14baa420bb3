import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReasonChart } from '@/components/reason-chart';
import { reasonBars } from '@/components/reason-model';
import { summary } from './helpers/tab-summary';
import { $, $$, click, mount, useEnglish } from './helpers/ui';

beforeEach(useEnglish);

describe('ReasonChart', () => {
  it('draws eight labelled bar buttons with counts from the summary', () => {
    const root = mount(
      <ReasonChart
        bars={reasonBars(summary)}
        ready={true}
        onSelect={() => {}}
        caption="Mentions per reason"
        unlinked={2}
      />,
    );
    const bars = $$(root, 'button[data-testid="reason-bar"]');
    expect(bars.map((b) => [b.dataset.reason, b.dataset.count])).toEqual([
      ['1', '2'],
      ['2', '0'],
      ['3', '1'],
      ['4', '0'],
      ['5', '0'],
      ['6', '4'],
      ['7', '0'],
      ['8', '0'],
    ]);
    expect(bars[5]?.getAttribute('aria-label')).toBe('6. Moments: 3 firm, 1 tentative');
    expect(bars[2]?.getAttribute('aria-label')).toBe('3. Store conversion: 0 firm, 1 tentative');
    expect($(bars[5]!, '.bar-tentative').style.height).toBe('100%');
    expect($(bars[5]!, '.bar-firm').style.height).toBe('75%');
    expect($(bars[0]!, '.bar-tentative').style.height).toBe('50%');
    expect($(bars[0]!, '.bar-firm').style.height).toBe('50%');
    expect($(root, 'legend').textContent).toBe('Mentions per reason');
    // Mentions about none of the arguments are counted apart, never as a reason.
    expect($(root, '[data-testid="unlinked-count"]').textContent).toBe('Not about the article’s arguments: 2');
  });

  it('calls back with the reason of the clicked bar', () => {
    const onSelect = vi.fn();
    const root = mount(
      <ReasonChart bars={reasonBars(summary)} ready={true} onSelect={onSelect} caption="c" unlinked={0} />,
    );
    click($(root, '[data-testid="reason-bar"][data-reason="6"]'));
    expect(onSelect).toHaveBeenCalledWith(6);
  });

  it('keeps the bars (and their space) while counts load', () => {
    const root = mount(
      <ReasonChart bars={reasonBars(undefined)} ready={false} onSelect={() => {}} caption="c" unlinked={0} />,
    );
    expect($$(root, '[data-testid="reason-bar"]')).toHaveLength(8);
    expect($(root, 'fieldset').getAttribute('aria-busy')).toBe('true');
    expect($$(root, '.bar-count').every((c) => c.textContent === '')).toBe(true);
    expect($(root, '[data-testid="unlinked-count"]').textContent).toBe('');
  });
});
