/** The search bar (components/search-bar.tsx). */
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SearchBar } from '@/components/search-bar';
import { $, click, mount, useEnglish } from './helpers/ui';

beforeEach(useEnglish);

describe('SearchBar', () => {
  function key(el: HTMLElement, k: string, shiftKey = false) {
    act(() => {
      el.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true }));
    });
  }

  it('shows the count and steps with Enter, Shift+Enter and the buttons', () => {
    const onStep = vi.fn();
    const onQuery = vi.fn();
    const root = mount(<SearchBar query="moments" total={12} current={2} onQuery={onQuery} onStep={onStep} />);
    expect($(root, '[data-testid="search-count"]').textContent).toBe('3 of 12');
    const input = $(root, '[data-testid="search"]');
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Search the article');
    key(input, 'Enter');
    key(input, 'Enter', true);
    click($(root, '[data-testid="search-next"]'));
    click($(root, '[data-testid="search-prev"]'));
    expect(onStep.mock.calls).toEqual([[1], [-1], [1], [-1]]);
    key(input, 'Escape');
    expect(onQuery).toHaveBeenCalledWith('');
  });

  it('says when nothing is found and disables stepping', () => {
    const root = mount(<SearchBar query="zzzz" total={0} current={null} onQuery={() => {}} onStep={() => {}} />);
    expect($(root, '[data-testid="search-count"]').textContent).toBe('No results');
    expect(($(root, '[data-testid="search-next"]') as HTMLButtonElement).disabled).toBe(true);
  });
});
