import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '@/entrypoints/background';
import type { FrameSummary } from '@/utils/types';

const ID = fakeBrowser.runtime.id;
const ORIGIN = `chrome-extension://${ID}`;
const contentSender = (tabId: number, frameId = 0) => ({
  id: ID,
  url: 'https://news.example/',
  tab: { id: tabId },
  frameId,
});
const pageSender = { id: ID, url: `${ORIGIN}/sidepanel.html` };
const strangerSender = { id: 'other-extension', url: 'https://news.example/', tab: { id: 5 }, frameId: 0 };

const summary: FrameSummary = {
  url: 'https://news.example/',
  mentions: [
    {
      id: 1,
      entity: 'wechat',
      text: 'WeChat',
      snippet: 'WeChat Moments sellers',
      sentence: 'WeChat Moments sellers.',
      link: { reason: 6, firm: true, cues: ['Moments'], confidence: 0.8, source: 'sentence' },
    },
  ],
  total: 1,
  capped: false,
  paused: false,
};

/** What the background answered: one listener per direction, so only the one that knows the call answers. */
async function send(message: unknown, sender: object): Promise<unknown[]> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return answers.filter((a) => a !== undefined);
}

describe('background routing', () => {
  const open = vi.fn(() => Promise.resolve());
  let onCommand: (command: string, tab?: { id?: number }) => void = () => {};

  beforeEach(() => {
    fakeBrowser.reset();
    // fakeBrowser has no commands API: capture the listener instead.
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((cb) => {
      onCommand = cb as typeof onCommand;
    });
    (globalThis as { chrome?: unknown }).chrome = { sidePanel: { open } };
    open.mockClear();
    background.main();
  });
  afterEach(() => {
    delete (globalThis as { chrome?: unknown }).chrome;
  });

  it('keeps a frame summary from our content script and shows the count on the badge', async () => {
    await send({ type: 'summary', summary }, contentSender(5));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('1');
    const [answer] = await send({ type: 'get-summary', tabId: 5 }, pageSender);
    expect(answer).toMatchObject({ tabId: 5, total: 1, countsByEntity: { wechat: 1 }, countsByReason: { 6: 1 } });
  });

  it('ignores messages from other extensions and malformed messages', async () => {
    await send({ type: 'summary', summary }, strangerSender);
    await send({ type: 'summary', summary: { ...summary, total: -1 } }, contentSender(5));
    await send({ type: 'open-reason', reason: 6, mentionId: 1 }, strangerSender);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
    expect(open).not.toHaveBeenCalled();
  });

  it('does not let a content script ask for other tabs or open the panel for them', async () => {
    await send({ type: 'summary', summary }, contentSender(5));
    const answers = await send({ type: 'get-summary', tabId: 5 }, contentSender(6));
    expect(answers).toEqual([]);
    await send({ type: 'open-panel', tabId: 5 }, contentSender(6));
    expect(open).not.toHaveBeenCalled();
  });

  it('opens the side panel at the clicked reason and remembers it for the panel', async () => {
    const broadcast = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await send({ type: 'open-reason', reason: 6, mentionId: 1 }, contentSender(5));
    expect(open).toHaveBeenCalledWith({ tabId: 5 });
    expect(broadcast).toHaveBeenCalledWith({ type: 'show-reason', tabId: 5, reason: 6, mentionId: 1 });
    const [focus] = await send({ type: 'get-focus', tabId: 5 }, pageSender);
    expect(focus).toBe(6);
  });

  it("answers our content script's request for the cue lists with the locale's cue_data text, and nobody else", async () => {
    const text = '{"reasons":{},"unrelated":{"en":{},"zh":{}}}';
    const getMessage = vi
      .spyOn(fakeBrowser.i18n, 'getMessage')
      .mockImplementation((key) => (key === 'cue_data' ? text : ''));
    const [answer] = await send({ type: 'get-cue-data' }, contentSender(5, 3));
    expect(answer).toBe(text);
    expect(getMessage).toHaveBeenCalledWith('cue_data', undefined);
    for (const sender of [strangerSender, pageSender]) {
      const answers = await send({ type: 'get-cue-data' }, sender);
      expect(answers).toEqual([]);
    }
  });

  it('forgets a tab when it navigates and clears its badge', async () => {
    await send({ type: 'summary', summary }, contentSender(5));
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading' }, { id: 5 } as never);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
  });

  it('runs the keyboard commands: open the panel, step to the next mention', async () => {
    const toTab = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(null);
    onCommand('open-panel', { id: 9 });
    expect(open).toHaveBeenCalledWith({ tabId: 9 });
    onCommand('next-mention', { id: 9 });
    expect(toTab).toHaveBeenCalledWith(9, { type: 'step', direction: 1 }, { frameId: 0 });
  });
});

describe('background in Firefox (MV2: browserAction, no action)', () => {
  it('starts, answers and sets the badge through browserAction', async () => {
    fakeBrowser.reset();
    const action = fakeBrowser.action;
    const badge = new Map<number, string>();
    const browserAction = {
      setBadgeText: vi.fn(async ({ tabId, text }: { tabId: number; text: string }) => void badge.set(tabId, text)),
      setBadgeBackgroundColor: vi.fn(async () => {}),
    };
    Object.defineProperty(fakeBrowser, 'action', { value: undefined, configurable: true });
    Object.defineProperty(fakeBrowser, 'browserAction', { value: browserAction, configurable: true });
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    try {
      background.main();
      await send({ type: 'summary', summary }, contentSender(5));
      expect(badge.get(5)).toBe('1');
      const [answer] = await send({ type: 'get-summary', tabId: 5 }, pageSender);
      expect(answer).toMatchObject({ tabId: 5, total: 1 });
    } finally {
      Object.defineProperty(fakeBrowser, 'action', { value: action, configurable: true });
      Object.defineProperty(fakeBrowser, 'browserAction', { value: undefined, configurable: true });
    }
  });
});
