/** The paused-sites list (components/paused-sites.tsx): adding, listing, refusing. */
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkNewOrigin, PausedSites } from '@/components/paused-sites';
import { $, $$, click, mount, useEnglish } from './helpers/ui';

beforeEach(useEnglish);

describe('PausedSites', () => {
  function setup(origins: string[]) {
    const onAdd = vi.fn();
    const onRemove = vi.fn();
    const root = mount(<PausedSites origins={origins} onAdd={onAdd} onRemove={onRemove} />);
    const input = $(root, '[data-testid="add-origin"]') as HTMLInputElement;
    const type = (v: string) =>
      act(() => {
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    const submit = () =>
      act(() => {
        $(root, 'form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      });
    return { root, input, type, submit, onAdd, onRemove };
  }

  it('lists paused origins with a remove button each', () => {
    const { root, onRemove } = setup(['https://a.example', 'http://b.example:8080']);
    const list = $(root, '[data-testid="paused-origins"]');
    expect($$(list, 'li').map((li) => $(li, '.origin').textContent)).toEqual([
      'https://a.example',
      'http://b.example:8080',
    ]);
    const remove = $$(list, 'button');
    expect(remove[1]?.getAttribute('aria-label')).toBe('Remove http://b.example:8080');
    click(remove[1]);
    expect(onRemove).toHaveBeenCalledWith('http://b.example:8080');
  });

  it('adds a typed domain as an origin and clears the field', () => {
    const { input, type, submit, onAdd } = setup([]);
    type('news.example/path');
    submit();
    expect(onAdd).toHaveBeenCalledWith('https://news.example');
    expect(input.value).toBe('');
  });

  it('refuses what is not an http(s) origin, with an error tied to the field', () => {
    const { root, input, type, submit, onAdd } = setup([]);
    type('ftp://files.example');
    submit();
    expect(onAdd).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(input.getAttribute('aria-describedby') ?? '');
    expect(error?.textContent).toContain('Enter a web address');
    expect(root.querySelector('[role="alert"]')).toBe(error);
  });
});

describe('adding a paused site', () => {
  it('accepts a domain or address as its origin and refuses junk and duplicates', () => {
    expect(checkNewOrigin('example.com', [])).toEqual({ origin: 'https://example.com' });
    expect(checkNewOrigin('http://a.test:8080/path?q', [])).toEqual({ origin: 'http://a.test:8080' });
    expect(checkNewOrigin('javascript:alert(1)', [])).toHaveProperty('error');
    expect(checkNewOrigin('', [])).toHaveProperty('error');
    expect(checkNewOrigin('example.com', ['https://example.com'])).toEqual({
      error: 'https://example.com is already paused.',
    });
  });
});
