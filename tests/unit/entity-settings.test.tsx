/** Entity rows (components/entity-settings.tsx) with the contrast warning. */
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EntityRow } from '@/components/entity-settings';
import { entityById } from '@/utils/entities';
import { $, $$, mount, useEnglish } from './helpers/ui';

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
