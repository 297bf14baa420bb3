/** Options components: entity rows with the contrast warning, and the paused-sites list. */
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EntityRow } from '@/components/entity-settings';
import { PausedSites } from '@/components/paused-sites';
import { entityById } from '@/utils/entities';
import { $, $$, click, mount, useEnglish } from './helpers/ui';

beforeEach(useEnglish);

function row(color: string, enabled = true) {
  const handlers = { onToggle: vi.fn(), onColorInput: vi.fn(), onColorChange: vi.fn() };
  const root = mount(
    <ul>
      <EntityRow entity={entityById('taobao')} enabled={enabled} color={color} {...handlers} />
    </ul>,
  );
  return { root, ...handlers };
}

describe('EntityRow', () => {
  it('has a labelled checkbox and colour input carrying the entity', () => {
    const { root, onToggle, onColorChange } = row('#f97316');
    const toggle = $(root, '[data-testid="entity-toggle"][data-entity="taobao"]') as HTMLInputElement;
    const color = $(root, '[data-testid="entity-color"][data-entity="taobao"]') as HTMLInputElement;
    expect(toggle.type).toBe('checkbox');
    expect(toggle.checked).toBe(true);
    expect(document.querySelector(`label[for="${toggle.id}"]`)?.textContent).toContain('Taobao');
    expect(color.type).toBe('color');
    expect(color.value).toBe('#f97316');
    expect(document.querySelector(`label[for="${color.id}"]`)?.textContent).toBe('Highlight colour for Taobao');
    act(() => {
      toggle.checked = false;
      toggle.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onToggle).toHaveBeenCalledWith('taobao', false);
    act(() => {
      color.value = '#123456';
      color.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onColorChange).toHaveBeenCalledWith('taobao', '#123456');
  });

  it('warns for nothing with the default colour', () => {
    const { root } = row('#f97316');
    expect(root.querySelector('[data-testid="contrast-warning"]')).toBeNull();
  });

  it('warns, naming the entity and the failing background, when the colour fails', () => {
    const { root } = row('#ffffff');
    const warnings = $$(root, '[data-testid="contrast-warning"]');
    expect(warnings.map((w) => [w.dataset.entity, w.dataset.page])).toEqual([['taobao', 'light']]);
    expect(warnings[0]?.textContent).toBe('Taobao: this highlight is hard to see on light pages.');
    const dark = row('#000000').root;
    expect($(dark, '[data-testid="contrast-warning"]').textContent).toContain('dark pages');
  });
});

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
