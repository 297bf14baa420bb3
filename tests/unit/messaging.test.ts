/** platform/messaging.ts: typed calls with checked replies, and handlers behind shape and sender checks. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { call, callTab, fromOwnContentScript, fromOwnPage, handle } from '@/platform/messaging';
import { PAGE_TO_BACKGROUND, TO_CONTENT } from '@/utils/protocol';

beforeEach(() => fakeBrowser.reset());

describe('call', () => {
  it('sends the wire shape and hands back a checked reply, or a failure, never an unchecked value', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    send.mockResolvedValueOnce(6);
    expect(await call(PAGE_TO_BACKGROUND, 'get-focus', { tabId: 4 })).toEqual({ ok: true, reply: 6 });
    expect(send).toHaveBeenCalledWith({ type: 'get-focus', tabId: 4 });
    send.mockResolvedValueOnce(9);
    expect(await call(PAGE_TO_BACKGROUND, 'get-focus', { tabId: 4 })).toMatchObject({ ok: false });
    send.mockRejectedValueOnce(new Error('Could not establish connection'));
    expect(await call(PAGE_TO_BACKGROUND, 'get-summary', { tabId: 4 })).toEqual({
      ok: false,
      error: 'Could not establish connection',
    });
  });

  it('sends to a tab and frame', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(true);
    expect(await callTab(TO_CONTENT, 3, 'reveal', { mentionId: 1 }, 2)).toEqual({ ok: true, reply: true });
    expect(send).toHaveBeenCalledWith(3, { type: 'reveal', mentionId: 1 }, { frameId: 2 });
  });
});

describe('handle', () => {
  const page = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });
  const content = () => ({ id: browser.runtime.id, url: 'https://news.example/', tab: { id: 5 }, frameId: 0 });

  it('answers allowed senders with checked requests, stays silent for the rest, and keeps handler errors', async () => {
    const onError = vi.fn();
    const stop = handle(
      PAGE_TO_BACKGROUND,
      {
        'get-focus': ({ tabId }) => (tabId === 1 ? 3 : null),
        'open-panel': () => {
          throw new Error('ours');
        },
      },
      { isAllowedSender: fromOwnPage, onError },
    );
    const send = (m: unknown, s: object) => fakeBrowser.runtime.onMessage.trigger(m, s);
    expect(await send({ type: 'get-focus', tabId: 1 }, page())).toEqual([3]);
    expect(await send({ type: 'get-focus', tabId: 1 }, content())).toEqual([undefined]);
    expect(await send({ type: 'get-focus', tabId: 'x' }, page())).toEqual([undefined]);
    expect(await send({ type: 'get-summary', tabId: 1 }, page())).toEqual([undefined]);
    expect(await send({ type: 'open-panel', tabId: 1 }, page())).toEqual([undefined]);
    expect(onError).toHaveBeenCalledTimes(1);
    stop();
    expect(await send({ type: 'get-focus', tabId: 1 }, page())).toEqual([]);
  });

  it('tells our pages and our content scripts apart', () => {
    expect(fromOwnPage(page())).toBe(true);
    expect(fromOwnPage(content())).toBe(false);
    expect(fromOwnContentScript(content())).toBe(true);
    expect(fromOwnContentScript(page())).toBe(false);
  });
});
