import { describe, expect, it } from 'vitest';
import {
  BACKGROUND_TO_PAGES,
  CONTENT_TO_BACKGROUND,
  isOwnContentScript,
  isOwnPage,
  isWireMessage,
  PAGE_TO_BACKGROUND,
  TO_CONTENT,
} from '@/utils/protocol';

const DIRECTIONS = [CONTENT_TO_BACKGROUND, PAGE_TO_BACKGROUND, BACKGROUND_TO_PAGES, TO_CONTENT] as const;
/** Accepted by some direction (the old single-list check, for the shape tables below). */
const isMessage = (m: unknown) => DIRECTIONS.some((d) => isWireMessage(d as typeof TO_CONTENT, m));
const isPageCommand = (m: unknown) => isWireMessage(TO_CONTENT, m);

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

const link = { reason: 2, firm: true, cues: ['official account'], confidence: 0.8, source: 'sentence' };
const mention = {
  id: 1,
  entity: 'wechat',
  text: 'WeChat',
  snippet: 'WeChat official account',
  sentence: 'A WeChat official account.',
  link,
};
const summary = { url: 'https://example.com/', mentions: [mention], total: 1, capped: false, paused: false };

describe('isMessage', () => {
  it('accepts every well-formed message type', () => {
    const good = [
      { type: 'summary', summary },
      {
        type: 'summary',
        summary: {
          ...summary,
          mentions: [
            { ...mention, link: { reason: null, firm: false, cues: [], confidence: 0, source: 'none' } },
            { ...mention, link: { ...link, firm: false, source: 'paragraph' } },
            { ...mention, link: { reason: null, firm: false, cues: ['IPO'], confidence: 0.6, source: 'unrelated' } },
          ],
        },
      },
      { type: 'open-reason', reason: 6, mentionId: 3 },
      { type: 'get-summary', tabId: 4 },
      { type: 'get-focus', tabId: 4 },
      { type: 'open-panel', tabId: 4 },
      { type: 'open-panel', tabId: 4, reason: 8 },
      { type: 'summary-changed', tabId: 4, summary: null },
      {
        type: 'summary-changed',
        tabId: 4,
        summary: { tabId: 4, mentions: [], total: 0, countsByEntity: {}, countsByReason: {} },
      },
      { type: 'show-reason', tabId: 4, reason: 1 },
      { type: 'reveal', mentionId: 0 },
      { type: 'step', direction: -1, entities: ['taobao'], reasons: [1] },
      { type: 'request-summary' },
      { type: 'get-cue-data' },
    ];
    for (const m of good) expect(isMessage(m), JSON.stringify(m)).toBe(true);
  });

  it('rejects unknown types, wrong shapes and out-of-range values', () => {
    const bad: unknown[] = [
      null,
      'summary',
      [],
      { type: 'nope' },
      { type: 'open-reason', reason: 9, mentionId: 1 },
      { type: 'open-reason', reason: 2.5, mentionId: 1 },
      { type: 'open-reason', reason: '2', mentionId: 1 },
      { type: 'open-reason', reason: 2, mentionId: -1 },
      { type: 'get-summary', tabId: 'x' },
      { type: 'step', direction: 2 },
      { type: 'step', direction: 1, entities: ['ebay'] },
      { type: 'summary', summary: { ...summary, mentions: [{ ...mention, entity: 'ebay' }] } },
      { type: 'summary', summary: { ...summary, mentions: [{ ...mention, link: { ...link, confidence: 7 } }] } },
      { type: 'summary', summary: { ...summary, mentions: [{ ...mention, link: { ...link, firm: 'yes' } }] } },
      { type: 'summary', summary: { ...summary, mentions: [{ ...mention, link: { ...link, reason: null } }] } },
      { type: 'summary', summary: { ...summary, mentions: [{ ...mention, link: { ...link, source: 'fallback' } }] } },
      { type: 'summary', summary: { ...summary, mentions: [{ ...mention, snippet: 'x'.repeat(5000) }] } },
      { type: 'summary', summary: { ...summary, mentions: [{ ...mention, sentence: 'x'.repeat(5000) }] } },
      { type: 'summary', summary: { ...summary, mentions: [{ ...mention, sentence: undefined }] } },
      { type: 'summary', summary: { ...summary, total: -3 } },
      { type: 'reveal' },
      { type: 'summary-changed', tabId: 4, summary: { nope: 1 } },
      { type: 'toString' },
      { type: '__proto__' },
    ];
    for (const m of bad) expect(isMessage(m), JSON.stringify(m)?.slice(0, 80)).toBe(false);
  });
});

describe('isPageCommand', () => {
  it('takes only the commands a content script acts on, each well formed', () => {
    expect(isPageCommand({ type: 'reveal', mentionId: 2 })).toBe(true);
    expect(isPageCommand({ type: 'step', direction: 1 })).toBe(true);
    expect(isPageCommand({ type: 'request-summary' })).toBe(true);
    // Well-formed messages meant for the background or the panel are not commands.
    for (const other of [
      { type: 'summary', summary },
      { type: 'open-panel', tabId: 4 },
      { type: 'show-reason', tabId: 4, reason: 1 },
    ]) {
      expect(isMessage(other)).toBe(true);
      expect(isPageCommand(other), other.type).toBe(false);
    }
    expect(isPageCommand({ type: 'reveal', mentionId: -1 })).toBe(false);
    expect(isPageCommand({ type: 'step', direction: 2 })).toBe(false);
    expect(isPageCommand(null)).toBe(false);
  });
});

describe('sender checks', () => {
  it('tells our pages, our content scripts and strangers apart', () => {
    const page = { id: ID, url: `${ORIGIN}sidepanel.html` };
    const poppedOut = { id: ID, url: `${ORIGIN}popup.html?tab=3`, tab: { id: 9 } };
    const content = { id: ID, url: 'https://news.example/', tab: { id: 3 }, frameId: 0 };
    const otherExtension = { id: 'zzzz', url: 'chrome-extension://zzzz/x.html' };
    const otherContent = { id: 'zzzz', url: 'https://news.example/', tab: { id: 3 } };

    expect(isOwnPage(page, ID, ORIGIN)).toBe(true);
    expect(isOwnPage(poppedOut, ID, ORIGIN)).toBe(true);
    expect(isOwnPage(content, ID, ORIGIN)).toBe(false);
    expect(isOwnPage(otherExtension, ID, ORIGIN)).toBe(false);
    expect(isOwnPage(undefined, ID, ORIGIN)).toBe(false);

    expect(isOwnContentScript(content, ID, ORIGIN)).toBe(true);
    expect(isOwnContentScript(poppedOut, ID, ORIGIN)).toBe(false);
    expect(isOwnContentScript(otherContent, ID, ORIGIN)).toBe(false);
    expect(isOwnContentScript(page, ID, ORIGIN)).toBe(false);
  });
});

describe('replies', () => {
  it('types what each call answers, and refuses anything else', () => {
    const tab = { tabId: 4, mentions: [], total: 0, countsByEntity: {}, countsByReason: {} };
    expect(PAGE_TO_BACKGROUND.replies['get-summary'](tab)).toBe(true);
    expect(PAGE_TO_BACKGROUND.replies['get-summary'](null)).toBe(true);
    expect(PAGE_TO_BACKGROUND.replies['get-summary']({ tabId: 4 })).toBe(false);
    expect(PAGE_TO_BACKGROUND.replies['get-focus'](9)).toBe(false);
    expect(TO_CONTENT.replies.step(3)).toBe(true);
    expect(TO_CONTENT.replies.step(-1)).toBe(false);
    expect(TO_CONTENT.replies.reveal('yes')).toBe(false);
    expect(CONTENT_TO_BACKGROUND.replies['get-cue-data']('x'.repeat(70_000))).toBe(false);
  });

  it('keeps each call in its own direction', () => {
    expect(isWireMessage(TO_CONTENT, { type: 'get-summary', tabId: 1 })).toBe(false);
    expect(isWireMessage(PAGE_TO_BACKGROUND, { type: 'reveal', mentionId: 1 })).toBe(false);
    expect(isWireMessage(CONTENT_TO_BACKGROUND, { type: 'open-panel', tabId: 1 })).toBe(false);
  });
});
