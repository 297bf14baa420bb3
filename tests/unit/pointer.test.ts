/** content/pointer.ts: only trusted input reaches the card and the panel. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type PointerCallbacks, watchPointer } from '@/content/pointer';

function trusted<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

describe('watchPointer', () => {
  let abort: AbortController;
  let cb: { [K in keyof PointerCallbacks]: ReturnType<typeof vi.fn> };
  beforeEach(() => {
    abort = new AbortController();
    cb = { isOurs: vi.fn(() => false), hover: vi.fn(), click: vi.fn(), clickCard: vi.fn(), away: vi.fn() };
    watchPointer(document, cb as unknown as PointerCallbacks, () => true, abort.signal);
  });
  afterEach(() => abort.abort());

  it('ignores events a page dispatches', async () => {
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 5, clientY: 5 }));
    document.dispatchEvent(new MouseEvent('click', { clientX: 5, clientY: 5 }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    window.dispatchEvent(new Event('scroll'));
    await new Promise((r) => setTimeout(r, 40));
    expect(cb.hover).not.toHaveBeenCalled();
    expect(cb.click).not.toHaveBeenCalled();
    expect(cb.away).not.toHaveBeenCalled();
  });

  it('passes trusted hover (once per frame), clicks and looking away', async () => {
    document.dispatchEvent(trusted(new PointerEvent('pointermove', { clientX: 1, clientY: 2 })));
    document.dispatchEvent(trusted(new PointerEvent('pointermove', { clientX: 3, clientY: 4 })));
    await vi.waitFor(() => expect(cb.hover).toHaveBeenCalledWith(3, 4));
    expect(cb.hover).toHaveBeenCalledTimes(1);
    document.dispatchEvent(trusted(new MouseEvent('click', { clientX: 7, clientY: 8 })));
    expect(cb.click).toHaveBeenCalledWith(7, 8);
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(cb.away).toHaveBeenCalledTimes(1);
  });

  it('a click on our card asks for its reason; a secondary click does nothing', () => {
    cb.isOurs.mockReturnValue(true);
    document.dispatchEvent(trusted(new MouseEvent('click', { button: 2 })));
    expect(cb.clickCard).not.toHaveBeenCalled();
    document.dispatchEvent(trusted(new MouseEvent('click')));
    expect(cb.clickCard).toHaveBeenCalledTimes(1);
    expect(cb.click).not.toHaveBeenCalled();
  });

  it('stops listening when its signal aborts', () => {
    abort.abort();
    document.dispatchEvent(trusted(new MouseEvent('click')));
    expect(cb.click).not.toHaveBeenCalled();
  });
});
