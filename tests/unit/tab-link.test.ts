/** The pages' extension edge: which tab a page shows, the popup-to-panel handoff, and message filtering. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type Browser, browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { onBroadcast, pinnedTabId, requestPanelReason, takePanelRequest } from '@/platform/tab-link';

beforeEach(() => fakeBrowser.reset());

describe('pinnedTabId', () => {
  it('reads ?tab=<id> and refuses anything else', () => {
    expect(pinnedTabId('?tab=42')).toBe(42);
    expect(pinnedTabId('?x=1&tab=7')).toBe(7);
    expect(pinnedTabId('')).toBeNull();
    expect(pinnedTabId('?tab=')).toBeNull();
    expect(pinnedTabId('?tab=-3')).toBeNull();
    expect(pinnedTabId('?tab=4.5')).toBeNull();
    expect(pinnedTabId('?tab=1e3')).toBeNull();
    expect(pinnedTabId('?tab=9999999999999999999')).toBeNull();
  });
});

describe('panel request handoff', () => {
  it('hands a fresh reason over once', async () => {
    requestPanelReason(7);
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get('panelRequest')).not.toEqual({}));
    expect(await takePanelRequest()).toBe(7);
    expect(await takePanelRequest()).toBeNull();
  });

  it('drops a stale request', async () => {
    requestPanelReason(3);
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get('panelRequest')).not.toEqual({}));
    expect(await takePanelRequest(Date.now() + 60_000)).toBeNull();
  });

  it('ignores a stored value that is not a reason', async () => {
    await fakeBrowser.storage.session.set({ panelRequest: { reason: 99, at: Date.now() } });
    expect(await takePanelRequest()).toBeNull();
  });
});

describe('onBroadcast', () => {
  const own = { id: browser.runtime.id, url: browser.runtime.getURL('/background.js') };

  it('passes valid messages from our own extension', async () => {
    const cb = vi.fn();
    const off = onBroadcast(cb);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'show-reason', tabId: 3, reason: 6 }, own);
    expect(cb).toHaveBeenCalledWith({ type: 'show-reason', tabId: 3, reason: 6 });
    off();
  });

  it('drops messages from web pages, other extensions, and malformed ones', async () => {
    const cb = vi.fn();
    const off = onBroadcast(cb);
    const msg = { type: 'show-reason', tabId: 3, reason: 6 };
    await fakeBrowser.runtime.onMessage.trigger(msg, {
      id: browser.runtime.id,
      url: 'https://evil.example/',
      // A content script's sender: a tab, a web URL.
      tab: { id: 3 } as Browser.tabs.Tab,
    });
    await fakeBrowser.runtime.onMessage.trigger(msg, { id: 'someone-else', url: 'chrome-extension://someone-else/x' });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'show-reason', tabId: 3, reason: 9 }, own);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'summary-changed', tabId: 3, summary: { nope: 1 } }, own);
    expect(cb).not.toHaveBeenCalled();
    off();
  });
});
