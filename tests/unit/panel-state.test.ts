/** entrypoints/sidepanel/state.ts: the panel's tab, mentions, position and search, with a fake edge. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import type { PanelMention } from '@/components/mention-model';
import { createPanelState, PANEL_PLATFORM } from '@/entrypoints/sidepanel/state';
import { DEFAULT_SETTINGS, type Settings } from '@/platform/settings';
import type { TabSummary } from '@/utils/types';

const mention = (id: number): PanelMention => ({
  id,
  frameId: 0,
  entity: 'wechat',
  text: 'WeChat',
  snippet: 'WeChat',
  sentence: 'WeChat.',
  link: { reason: 6, firm: false, cues: [], confidence: 0.5, source: 'sentence' },
});
const summary: TabSummary = {
  tabId: 4,
  url: 'https://news.example/',
  title: 'News',
  mentions: [mention(1), mention(2)],
  total: 2,
  capped: false,
  paused: false,
  countsByEntity: { wechat: 2 },
  countsByReason: { 6: 2 },
  firmByReason: {},
  unlinked: 0,
};
const own = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/background.js') });
const scroll = () => ({ toReason: vi.fn(), toHit: vi.fn(), toCurrentMention: vi.fn() });

beforeEach(() => fakeBrowser.reset());

function pinnedPanel() {
  const s = scroll();
  const deps = {
    ...PANEL_PLATFORM,
    pinnedTabId: () => 4,
    resolveTabId: async () => 4,
    fetchSummary: vi.fn(async () => summary),
    fetchFocus: vi.fn(async () => 6 as const),
    takePanelRequest: vi.fn(async () => null),
    revealMention: vi.fn(async () => true),
  };
  return { state: createPanelState(deps, s), deps, scroll: s };
}

describe('createPanelState', () => {
  it("shows the pinned tab's mentions and its focus reason, scrolled to", async () => {
    const { state, scroll } = pinnedPanel();
    state.start();
    await vi.waitFor(() => expect(state.summary.value).toEqual(summary));
    expect(state.active.value).toBe(6);
    expect(scroll.toReason).toHaveBeenCalledWith(6, false);
    expect(state.ordered.value.map((m) => m.id)).toEqual([1, 2]);
  });

  it('steps through the mentions, reveals each and announces it', async () => {
    const { state, deps } = pinnedPanel();
    state.start();
    await vi.waitFor(() => expect(state.summary.value).toEqual(summary));
    state.stepMention(1);
    await vi.waitFor(() => expect(state.announcement.value).not.toBe(''));
    expect(deps.revealMention).toHaveBeenCalledWith(4, 1, 0);
    expect(state.position()).toBe(0);
    state.stepMention(1);
    expect(state.position()).toBe(1);
  });

  it("follows the background's news of its tab and shows a clicked mention's reason", async () => {
    const { state, scroll } = pinnedPanel();
    state.start();
    await vi.waitFor(() => expect(state.summary.value).toEqual(summary));
    await fakeBrowser.runtime.onMessage.trigger({ type: 'show-reason', tabId: 4, reason: 2, mentionId: 2 }, own());
    expect(state.active.value).toBe(2);
    expect(scroll.toReason).toHaveBeenLastCalledWith(2, false);
    expect(state.position()).toBe(1);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'summary-changed', tabId: 4, summary: null }, own());
    expect(state.summary.value).toBeNull();
  });

  it('searches the article and steps through the hits', () => {
    const { state, scroll } = pinnedPanel();
    state.search.set('WeChat');
    expect(state.search.hits.value.length).toBeGreaterThan(1);
    expect(state.search.current.value).toBe(0);
    state.search.step(-1);
    expect(state.search.current.value).toBe(state.search.hits.value.length - 1);
    expect(scroll.toHit).toHaveBeenCalled();
  });
});

describe('the panel settings controls', () => {
  it('resumes everywhere or on a site, and sets the text size', async () => {
    const updateSettings = vi.fn(async (_change: (s: Settings) => Partial<Settings>) => DEFAULT_SETTINGS);
    const state = createPanelState({ ...PANEL_PLATFORM, updateSettings }, scroll());
    state.resume();
    state.resumeSite('https://a.example');
    state.setTextSize('large');
    const changes = updateSettings.mock.calls.map(([change]) =>
      change({ ...DEFAULT_SETTINGS, pausedOrigins: ['https://a.example', 'https://b.example'] }),
    );
    expect(changes).toEqual([{ enabled: true }, { pausedOrigins: ['https://b.example'] }, { textSize: 'large' }]);
  });
});
