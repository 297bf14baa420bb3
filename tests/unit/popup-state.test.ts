/** entrypoints/popup/state.ts: the popup's tab, summary and buttons, on fakeBrowser. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { createPopupState, POPUP_PLATFORM } from '@/entrypoints/popup/state';
import { loadSettings } from '@/platform/settings';
import type { TabSummary } from '@/utils/types';

const summary: TabSummary = {
  tabId: 4,
  url: 'https://news.example/',
  title: 'News',
  mentions: [],
  total: 0,
  capped: false,
  paused: false,
  countsByEntity: {},
  countsByReason: {},
  firmByReason: {},
  unlinked: 0,
};
const own = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/background.js') });

beforeEach(() => fakeBrowser.reset());

describe('createPopupState', () => {
  it('loads the tab summary, follows its changes and ignores other tabs', async () => {
    const fetchSummary = vi.fn(async () => summary);
    const state = createPopupState({
      ...POPUP_PLATFORM,
      pinnedTabId: () => 4,
      resolveTabId: async () => 4,
      fetchSummary,
    });
    expect(state.summary.value).toBeUndefined();
    const stop = state.start();
    await vi.waitFor(() => expect(state.summary.value).toEqual(summary));
    expect(fetchSummary).toHaveBeenCalledWith(4);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'summary-changed', tabId: 9, summary: null }, own());
    expect(state.summary.value).toEqual(summary);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'summary-changed', tabId: 4, summary: null }, own());
    expect(state.summary.value).toBeNull();
    stop();
  });

  it('has no summary without a tab', async () => {
    const state = createPopupState({ ...POPUP_PLATFORM, pinnedTabId: () => null, resolveTabId: async () => null });
    state.start();
    await vi.waitFor(() => expect(state.summary.value).toBeNull());
  });

  it('opens the panel at a reason inside the click, and hands the reason over', () => {
    const deps = {
      ...POPUP_PLATFORM,
      openPanel: vi.fn(async () => true),
      requestPanelReason: vi.fn(),
      askOpenPanel: vi.fn(),
    };
    const state = createPopupState({ ...deps, pinnedTabId: () => 4 });
    state.openPanelAt(3);
    expect(deps.openPanel).toHaveBeenCalledWith(4);
    expect(deps.requestPanelReason).toHaveBeenCalledWith(3);
    expect(deps.askOpenPanel).toHaveBeenCalledWith({ tabId: 4, reason: 3 });
  });

  it('pauses and resumes a site, and turns highlighting off', async () => {
    const state = createPopupState({ ...POPUP_PLATFORM, pinnedTabId: () => 4 });
    state.togglePaused('https://news.example');
    await vi.waitFor(async () => expect((await loadSettings()).pausedOrigins).toEqual(['https://news.example']));
    state.togglePaused('https://news.example');
    await vi.waitFor(async () => expect((await loadSettings()).pausedOrigins).toEqual([]));
    state.setEnabled(false);
    await vi.waitFor(async () => expect((await loadSettings()).enabled).toBe(false));
  });
});
