/** The switch (components/switch.tsx). */
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Switch } from '@/components/switch';
import { $, mount, useEnglish } from './helpers/ui';

beforeEach(useEnglish);

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
