import { beforeEach, describe, expect, it } from 'vitest';
import { ReasonList } from '@/components/reason-list';
import { REASONS } from '@/utils/article';
import { $, $$, click, mount, useEnglish } from './helpers/ui';

beforeEach(useEnglish);

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
