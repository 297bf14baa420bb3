/** content/lifecycle.ts: settings start, update and stop the engine; off reports the frame paused. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Lifecycle } from '@/content/lifecycle';
import { DEFAULT_SETTINGS } from '@/utils/settings-schema';
import { setBody } from './helpers/engine';

describe('Lifecycle', () => {
  const abort = new AbortController();
  afterEach(() => abort.abort());

  it('starts with highlighting on, stops and reports paused when it goes off, and leaves the page', async () => {
    setBody('<p>WeChat mini programs</p>');
    const report = vi.fn();
    const stopping = vi.fn();
    const page = new Lifecycle(document, DEFAULT_SETTINGS, { report, stopping }, abort.signal);
    page.apply(DEFAULT_SETTINGS);
    expect(page.engine).not.toBeNull();
    await vi.waitFor(() => expect(report).toHaveBeenCalledWith(expect.objectContaining({ paused: false, total: 1 })));

    page.apply({ ...DEFAULT_SETTINGS, enabled: false });
    expect(page.engine).toBeNull();
    expect(stopping).toHaveBeenCalled();
    expect(page.summary).toMatchObject({ paused: true, total: 0 });
    expect(report).toHaveBeenLastCalledWith(expect.objectContaining({ paused: true }));
  });

  it('stops without a word when its signal aborts', () => {
    const own = new AbortController();
    const report = vi.fn();
    const page = new Lifecycle(document, DEFAULT_SETTINGS, { report, stopping: () => {} }, own.signal);
    page.apply(DEFAULT_SETTINGS);
    report.mockClear();
    own.abort();
    expect(page.engine).toBeNull();
    expect(report).not.toHaveBeenCalled();
  });
});
