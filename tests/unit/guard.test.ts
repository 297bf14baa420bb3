/** content/guard.ts: our errors stay ours, and nothing outlives the signal. */
import { describe, expect, it, vi } from 'vitest';
import { guard, later, listen, nextFrame } from '@/content/guard';

describe('guard', () => {
  it('swallows our own errors', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    expect(() =>
      guard(() => {
        throw new Error('ours');
      })(),
    ).not.toThrow();
    expect(debug).toHaveBeenCalled();
  });

  it('listen, later and nextFrame stop when the signal aborts', async () => {
    const abort = new AbortController();
    const fn = vi.fn();
    listen(window, 'er-test', fn, abort.signal);
    later(fn, 5, abort.signal);
    nextFrame(fn, abort.signal);
    abort.abort();
    window.dispatchEvent(new Event('er-test'));
    await new Promise((r) => setTimeout(r, 40));
    expect(fn).not.toHaveBeenCalled();
  });

  it('later can be cancelled by hand, and runs otherwise', async () => {
    const signal = new AbortController().signal;
    const fn = vi.fn();
    later(fn, 1, signal)();
    const ran = vi.fn();
    later(ran, 1, signal);
    await new Promise((r) => setTimeout(r, 20));
    expect(fn).not.toHaveBeenCalled();
    expect(ran).toHaveBeenCalledTimes(1);
  });
});
