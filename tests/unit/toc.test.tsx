import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Toc } from '@/components/toc';
import { $, $$, click, mount, useEnglish } from './helpers/ui';

beforeEach(useEnglish);

describe('Toc', () => {
  it('links the eight reasons and shows reading progress with a tick per read reason', () => {
    const onGo = vi.fn();
    const root = mount(<Toc active={2} read={[1, 2, 8]} onGo={onGo} />);
    const items = $$(root, '[data-testid="toc-item"]');
    expect(items.map((a) => a.dataset.reason)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect($(root, '[data-testid="read-progress"]').textContent).toBe('3/8 read');
    expect(items.filter((a) => a.dataset.read === 'true').map((a) => a.dataset.reason)).toEqual(['1', '2', '8']);
    expect($(items[0]!, '.tick').textContent).toBe('✓');
    expect($(items[2]!, '.tick').textContent).toBe('');
    expect(items[1]?.getAttribute('aria-current')).toBe('location');
    expect(items[0]?.getAttribute('href')).toBe('#reason-1');
    click(items[4]);
    expect(onGo).toHaveBeenCalledWith(5);
  });
});
