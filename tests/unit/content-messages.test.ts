/** platform/content-messages.ts: only our own pages and background may command the page. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { takeCommands, tell } from '@/platform/content-messages';

beforeEach(() => fakeBrowser.reset());

describe('takeCommands', () => {
  const own = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/sidepanel.html') });
  const page = () => ({ id: browser.runtime.id, url: 'https://evil.example/', tab: { id: 3 }, frameId: 0 });
  const stranger = { id: 'other-extension', url: 'chrome-extension://other-extension/x.html' };

  it('takes reveal and step from our pages only, each checked, until its signal aborts', async () => {
    const reveal = vi.fn(() => true);
    const step = vi.fn(() => 4);
    const abort = new AbortController();
    takeCommands({ reveal, step }, abort.signal, () => {});
    const send = (m: unknown, sender: object) => fakeBrowser.runtime.onMessage.trigger(m, sender);

    expect(await send({ type: 'reveal', mentionId: 2 }, own())).toEqual([true]);
    expect(await send({ type: 'step', direction: 1, reasons: [3] }, own())).toEqual([4]);
    expect(step).toHaveBeenCalledWith(expect.objectContaining({ direction: 1, reasons: [3] }), own());

    // A page (our own content script's frame), another extension, a malformed or unknown call: nothing.
    expect(await send({ type: 'reveal', mentionId: 2 }, page())).toEqual([undefined]);
    expect(await send({ type: 'reveal', mentionId: 2 }, stranger)).toEqual([undefined]);
    expect(await send({ type: 'reveal', mentionId: -2 }, own())).toEqual([undefined]);
    expect(await send({ type: 'get-summary', tabId: 1 }, own())).toEqual([undefined]);
    expect(reveal).toHaveBeenCalledTimes(1);

    abort.abort();
    expect(await send({ type: 'reveal', mentionId: 2 }, own())).toEqual([]);
  });
});

describe('tell', () => {
  it('reports a failure to deliver', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    const failed = vi.fn();
    tell('open-reason', { reason: 2, mentionId: 1 }, failed);
    await vi.waitFor(() => expect(failed).toHaveBeenCalled());
  });
});
