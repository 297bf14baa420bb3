/** Popup components: props in, DOM out. */
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EntityCounts } from '@/components/entity-counts';
import { ReasonChart } from '@/components/reason-chart';
import { ReasonList } from '@/components/reason-list';
import { reasonBars, verdictFor } from '@/components/reason-model';
import { Switch } from '@/components/switch';
import { VerdictLine } from '@/components/verdict';
import { DEFAULT_SETTINGS } from '@/platform/settings';
import { REASONS } from '@/utils/article';
import type { TabSummary } from '@/utils/types';
import { $, $$, click, mount, useEnglish } from './helpers/ui';

beforeEach(useEnglish);

const summary: TabSummary = {
  tabId: 3,
  url: 'https://news.example/a',
  title: 'News',
  mentions: [],
  total: 7,
  capped: false,
  paused: false,
  countsByEntity: { wechat: 4, taobao: 2, alibaba: 1 },
  countsByReason: { 6: 4, 1: 2, 3: 1 },
  firmByReason: { 6: 3, 1: 2 },
  unlinked: 0,
};

describe('ReasonList', () => {
  it('lists the eight reasons by number, title and summary, collapsed', () => {
    const root = mount(<ReasonList />);
    const items = $$(root, '[data-testid="reason"]');
    expect(items.map((li) => li.dataset.reason)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    for (const [i, li] of items.entries()) {
      const r = REASONS[i]!;
      expect(li.textContent).toContain(r.title);
      expect(li.textContent).toContain(r.summary);
      expect($(li, 'button').getAttribute('aria-expanded')).toBe('false');
      expect($(li, '.reason-body').hidden).toBe(true);
    }
  });

  it('expands one reason to its full text and collapses it again', () => {
    const root = mount(<ReasonList />);
    const item = $(root, '[data-testid="reason"][data-reason="6"]');
    const button = $(item, 'button[aria-expanded]');
    const body = document.getElementById(button.getAttribute('aria-controls') ?? '')!;
    click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(body.hidden).toBe(false);
    expect($$(body, 'p').map((p) => p.textContent)).toEqual(REASONS[5]!.paragraphs);
    // Others stay closed.
    expect($(root, '[data-reason="5"] button').getAttribute('aria-expanded')).toBe('false');
    click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(body.hidden).toBe(true);
  });
});

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

describe('VerdictLine', () => {
  it('names the reason the page mostly touches', () => {
    const root = mount(<VerdictLine verdict={verdictFor(summary, null)} />);
    expect($(root, '[data-testid="verdict"]').textContent).toBe('This page mostly touches reason 6: Moments');
  });

  it('says when there are no mentions, or highlighting is paused or off', () => {
    const none = mount(<VerdictLine verdict={verdictFor({ ...summary, total: 0, countsByReason: {} }, null)} />);
    expect(none.textContent).toBe('No mentions on this page');
    const paused = mount(<VerdictLine verdict={verdictFor(summary, 'site')} />);
    expect(paused.textContent).toBe('Highlighting is paused on this site');
    const off = mount(<VerdictLine verdict={verdictFor(summary, 'off')} />);
    expect(off.textContent).toBe('Highlighting is off everywhere');
  });
});

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

describe('Switch', () => {
  it('is a switch with its state, and reports the new state', () => {
    const onChange = vi.fn();
    const root = mount(<Switch testId="toggle" checked={true} label="Highlight" onChange={onChange} />);
    const sw = $(root, '[data-testid="toggle"]');
    expect(sw.getAttribute('role')).toBe('switch');
    expect(sw.getAttribute('aria-checked')).toBe('true');
    expect(sw.tagName).toBe('BUTTON');
    act(() => sw.click());
    expect(onChange).toHaveBeenCalledWith(false);
  });
});
