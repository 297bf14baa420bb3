/**
 * The one message protocol between contexts. Every message is named and typed
 * here, and every receiver checks shape (isMessage) and sender (isOwnSender)
 * before acting: pages and other extensions are untrusted.
 */
import { isEntityId, isReasonNumber } from './entities';
import type { EntityId, FrameSummary, ReasonNumber, TabSummary } from './types';

export { isEntityId, isReasonNumber };

/** content -> background: this frame's mentions changed (sent after each scan settles). */
export interface SummaryMessage {
  type: 'summary';
  summary: FrameSummary;
}
/** content -> background: a person clicked a mention (trusted click); open the panel at its reason. */
export interface OpenReasonMessage {
  type: 'open-reason';
  reason: ReasonNumber;
  mentionId: number;
}
/**
 * content -> background: the linker's cue lists. Answer: the locale's `cue_data` message (a JSON string). Asked rather
 * than read with i18n in the page, where the first i18n call of a renderer process blocks the page's main thread
 * while the browser sends the whole message bundle (see platform/cue-request.ts).
 */
export interface GetCueDataMessage {
  type: 'get-cue-data';
}
/** popup/panel -> background: the merged summary of a tab. Answer: TabSummary | null. */
export interface GetSummaryMessage {
  type: 'get-summary';
  tabId: number;
}
/** popup -> background: open the side panel for a tab, optionally at a reason. */
export interface OpenPanelMessage {
  type: 'open-panel';
  tabId: number;
  reason?: ReasonNumber;
}
/** panel -> background: which reason should the panel show for this tab (the last clicked)? Answer: ReasonNumber | null. */
export interface GetFocusMessage {
  type: 'get-focus';
  tabId: number;
}
/** background -> panel/popup: a tab's summary changed. */
export interface SummaryChangedMessage {
  type: 'summary-changed';
  tabId: number;
  summary: TabSummary | null;
}
/** background -> panel: show this reason (a mention was clicked or a chart bar chosen). */
export interface ShowReasonMessage {
  type: 'show-reason';
  tabId: number;
  reason: ReasonNumber;
  mentionId?: number;
}
/** panel/background -> content: scroll to a mention and flash it. Answer: boolean (found). */
export interface RevealMessage {
  type: 'reveal';
  mentionId: number;
}
/** panel/background -> content: reveal the next or previous mention after the given one. Answer: id revealed or null. */
export interface StepMessage {
  type: 'step';
  direction: 1 | -1;
  /** Restrict to these entities / reasons (the panel's filters); omit for all. */
  entities?: EntityId[];
  reasons?: ReasonNumber[];
}
/** background -> content: send your summary again (a panel opened, or the background restarted). */
export interface RequestSummaryMessage {
  type: 'request-summary';
}

export type Message =
  | SummaryMessage
  | OpenReasonMessage
  | GetCueDataMessage
  | GetSummaryMessage
  | OpenPanelMessage
  | GetFocusMessage
  | SummaryChangedMessage
  | ShowReasonMessage
  | RevealMessage
  | StepMessage
  | RequestSummaryMessage;

export type MessageType = Message['type'];

const MAX_MENTIONS_IN_MESSAGE = 5000;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isId(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER;
}
function isShortString(v: unknown, max = 4096): v is string {
  return typeof v === 'string' && v.length <= max;
}
function isLink(v: unknown): boolean {
  if (!isObject(v)) return false;
  return (
    (v.reason === null || isReasonNumber(v.reason)) &&
    Array.isArray(v.cues) &&
    v.cues.length <= 32 &&
    v.cues.every((c) => isShortString(c, 200)) &&
    typeof v.confidence === 'number' &&
    v.confidence >= 0 &&
    v.confidence <= 1 &&
    (v.source === 'sentence' || v.source === 'paragraph' || v.source === 'fallback' || v.source === 'unrelated')
  );
}
function isMention(v: unknown): boolean {
  return (
    isObject(v) &&
    isId(v.id) &&
    isEntityId(v.entity) &&
    isShortString(v.text, 200) &&
    isShortString(v.snippet, 1000) &&
    isLink(v.link)
  );
}
export function isFrameSummary(v: unknown): v is FrameSummary {
  return (
    isObject(v) &&
    isShortString(v.url, 8192) &&
    Array.isArray(v.mentions) &&
    v.mentions.length <= MAX_MENTIONS_IN_MESSAGE &&
    v.mentions.every(isMention) &&
    isId(v.total) &&
    typeof v.capped === 'boolean' &&
    typeof v.paused === 'boolean'
  );
}
function isOptionalList<T>(v: unknown, item: (x: unknown) => x is T): boolean {
  return v === undefined || (Array.isArray(v) && v.length <= 16 && v.every(item));
}

/** The commands a content script takes from our pages, checked apart so it never carries the summary checks. */
export type PageCommand = Extract<Message, { type: 'reveal' | 'step' | 'request-summary' }>;

/** Shape check for the commands a content script takes; anything else is refused. */
export function isPageCommand(v: unknown): v is PageCommand {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'reveal':
      return isId(v.mentionId);
    case 'step':
      return (
        (v.direction === 1 || v.direction === -1) &&
        isOptionalList(v.entities, isEntityId) &&
        isOptionalList(v.reasons, isReasonNumber)
      );
    case 'request-summary':
      return true;
    default:
      return false;
  }
}

/** Shape check for every message type. Unknown types and extra-large payloads are rejected. */
export function isMessage(v: unknown): v is Message {
  if (!isObject(v) || typeof v.type !== 'string') return false;
  switch (v.type) {
    case 'summary':
      return isFrameSummary(v.summary);
    case 'open-reason':
      return isReasonNumber(v.reason) && isId(v.mentionId);
    case 'get-cue-data':
      return true;
    case 'get-summary':
    case 'get-focus':
      return isId(v.tabId);
    case 'open-panel':
      return isId(v.tabId) && (v.reason === undefined || isReasonNumber(v.reason));
    case 'summary-changed':
      return isId(v.tabId) && (v.summary === null || isObject(v.summary));
    case 'show-reason':
      return isId(v.tabId) && isReasonNumber(v.reason) && (v.mentionId === undefined || isId(v.mentionId));
    default:
      return isPageCommand(v);
  }
}

/** Narrow to one message type after validation. */
export function isMessageOf<T extends MessageType>(v: unknown, type: T): v is Extract<Message, { type: T }> {
  return isMessage(v) && v.type === type;
}

/** Minimal sender shape (matches browser.runtime.MessageSender). */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** True when the sender is one of our extension pages (popup, panel, options; also when opened in a tab). */
export function isOwnPage(sender: SenderLike | undefined, extensionId: string, extensionOrigin: string): boolean {
  return (
    !!sender && sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)
  );
}

/** True when the sender is our content script in a web page tab (sender.id is ours, a tab is set, the url is not ours). */
export function isOwnContentScript(
  sender: SenderLike | undefined,
  extensionId: string,
  extensionOrigin: string,
): sender is SenderLike & { tab: { id: number } } {
  return (
    !!sender &&
    sender.id === extensionId &&
    typeof sender.tab?.id === 'number' &&
    !(typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin))
  );
}

/** Which messages each receiver accepts from which sender kind. */
export const FROM_CONTENT: readonly MessageType[] = ['summary', 'open-reason', 'get-cue-data'];
export const FROM_PAGES: readonly MessageType[] = ['get-summary', 'open-panel', 'get-focus', 'reveal', 'step'];
