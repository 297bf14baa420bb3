/**
 * The one message protocol between the extension's contexts: for each direction, the calls it carries, each with its
 * request, its reply, and a check for both. Pure: platform/messaging.ts sends and receives these through the browser.
 *
 * On the wire a call is `{ type: name, ...request }`, and the reply is what the receiver's handler returns. Pages and
 * other extensions are untrusted: a receiver checks the shape (the direction's `requests` check) and the sender
 * (isOwnPage / isOwnContentScript) before acting, and a caller checks the reply (the direction's `replies` check).
 */
import { isEntityId, isReasonNumber } from './entities';
import { isNotebookCallResult, type NotebookCallResult } from './notebook/call-result';
import type { MentionOverlay } from './notebook/overlay';
import type { EntityId, FrameSummary, LinkResult, ReasonNumber, TabSummary } from './types';

/** What a reader asks of a mention from its card: keep it as evidence, or correct its link. */
export type MentionAction = 'keep' | 'correct';

/** A call: what is sent and what comes back. `undefined` replies are not answered. */
interface Call<Request extends object, Reply> {
  request: Request;
  reply: Reply;
}

/** The calls of one direction, by name. */
export type Calls<C> = { [N in keyof C]: Call<object, unknown> };

/** Calls from the content script (any frame of a web page) to the background. */
export interface ContentToBackground {
  /** This frame's mentions changed (sent after each scan settles, and when highlighting turns off). */
  summary: Call<{ summary: FrameSummary }, undefined>;
  /**
   * A person clicked a mention (a trusted click): open the panel at its reason, or at the page's mentions when it is
   * about none of the arguments (reason null). With `action` ("Keep" or "Correct" chosen on its card): at that
   * mention, with the form open.
   */
  'open-reason': Call<{ reason: ReasonNumber | null; mentionId: number; action?: MentionAction }, undefined>;
  /**
   * The linker's cue lists: the locale's `cue_data` message, a JSON string. Asked rather than read with i18n in the
   * page, where the first i18n call of a renderer process blocks the page (platform/cue-request.ts says why).
   */
  'get-cue-data': Call<Record<never, never>, string>;
}

/** Calls from our own pages (popup, side panel, options) to the background. */
export interface PageToBackground {
  /** The merged summary of a tab; null when no frame of it reported. */
  'get-summary': Call<{ tabId: number }, TabSummary | null>;
  /** Which reason the panel should show for this tab: the last one clicked there, if any. */
  'get-focus': Call<{ tabId: number }, ReasonNumber | null>;
  /** Open the side panel for a tab, optionally at a reason (the popup, inside its click). */
  'open-panel': Call<{ tabId: number; reason?: ReasonNumber }, boolean>;
  /**
   * One of the notebook's calls (utils/notebook/calls.ts), checked again by name and request where it is answered.
   * Replies the handler's answer, or why it was not run.
   */
  notebook: Call<{ name: string; request: unknown }, NotebookCallResult>;
  /** The mention a card's Keep / Correct (or a click on an unlinked mention) asked the panel to show, once. */
  'take-mention-request': Call<{ tabId: number }, MentionRequest | null>;
}

/** A mention the panel should show, with its form open when `action` is set. */
export interface MentionRequest {
  frameId: number;
  mentionId: number;
  action?: MentionAction;
}

/** Broadcasts from the background to our open pages (popup, side panel). */
export interface BackgroundToPages {
  /** A tab's summary changed. */
  'summary-changed': Call<{ tabId: number; summary: TabSummary | null }, undefined>;
  /** Show this reason: a mention was clicked in the tab, or the popup's chart asked for it. */
  'show-reason': Call<{ tabId: number; reason: ReasonNumber; mentionId?: number }, undefined>;
  /**
   * Show the tab's mentions: a mention about no argument was clicked, or a card's Keep / Correct was chosen (then
   * that mention, with its form open).
   */
  'show-mentions': Call<{ tabId: number; frameId?: number; mentionId?: number; action?: MentionAction }, undefined>;
  /** The notebook changed (a passage kept, a link corrected, an import): views reload what they show. */
  'notebook-changed': Call<Record<never, never>, undefined>;
}

/** Commands to the content script, from the background (keyboard shortcuts, restarts) or our pages (the panel). */
export interface ToContent {
  /** Scroll to a mention, flash it and show its card. Replies whether this frame has it; other frames stay silent. */
  reveal: Call<{ mentionId: number }, boolean>;
  /** Reveal the next or previous mention, within the panel's filters (omitted: all). Replies the id revealed. */
  step: Call<{ direction: 1 | -1; entities?: EntityId[]; reasons?: ReasonNumber[] }, number | null>;
  /** Send your summary again (a panel opened, or the background restarted with an empty record). */
  'request-summary': Call<Record<never, never>, undefined>;
  /** What the reader's notebook says about this frame's mentions: corrected links and kept sentences. */
  'notebook-overlay': Call<{ overlay: MentionOverlay[] }, undefined>;
}

export type Name<C extends Calls<C>> = keyof C & string;
export type RequestOf<C extends Calls<C>, N extends Name<C>> = C[N]['request'];
export type ReplyOf<C extends Calls<C>, N extends Name<C>> = C[N]['reply'];
/** A call as it travels. */
export type WireMessage<C extends Calls<C>, N extends Name<C> = Name<C>> = {
  [K in N]: { type: K } & RequestOf<C, K>;
}[N];

/** The checks of one direction: each call's request (the wire object) and reply. */
export interface Direction<C extends Calls<C>> {
  requests: { [N in Name<C>]: (v: Record<string, unknown>) => boolean };
  replies: { [N in Name<C>]: (v: unknown) => v is ReplyOf<C, N> };
}

/** Checks a wire message against a direction; unknown names and bad shapes are refused. */
export function isWireMessage<C extends Calls<C>>(direction: Direction<C>, v: unknown): v is WireMessage<C> {
  if (!isObject(v) || typeof v.type !== 'string' || !Object.hasOwn(direction.requests, v.type)) return false;
  return direction.requests[v.type as Name<C>](v);
}

// ---- limits and field checks ------------------------------------------------

/** A frame lists at most this many mentions in one message; more is not ours. */
const MAX_MENTIONS_IN_MESSAGE = 5000;
/** The locale's cue message is about 5,000 characters; anything far larger is not ours to parse. */
export const MAX_CUE_TEXT = 64 * 1024;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isId(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER;
}
function isShortString(v: unknown, max = 4096): v is string {
  return typeof v === 'string' && v.length <= max;
}
function isOptionalList<T>(v: unknown, item: (x: unknown) => x is T): boolean {
  return v === undefined || (Array.isArray(v) && v.length <= 16 && v.every(item));
}
function isNothing(v: unknown): v is undefined {
  return v === undefined || v === null;
}

/** A mention's link to a reason, as the linker (utils/link.ts) makes it. */
export function isLink(v: unknown): v is LinkResult {
  if (!isObject(v)) return false;
  return (
    (v.reason === null || isReasonNumber(v.reason)) &&
    Array.isArray(v.cues) &&
    v.cues.length <= 32 &&
    v.cues.every((c) => isShortString(c, 200)) &&
    typeof v.confidence === 'number' &&
    v.confidence >= 0 &&
    v.confidence <= 1 &&
    typeof v.firm === 'boolean' &&
    (v.firm === false || v.reason !== null) &&
    (v.source === 'sentence' ||
      v.source === 'paragraph' ||
      v.source === 'none' ||
      v.source === 'unrelated' ||
      v.source === 'reader')
  );
}

function isMentionAction(v: unknown): v is MentionAction {
  return v === 'keep' || v === 'correct';
}

function isOverlay(v: unknown): v is MentionOverlay {
  return (
    isObject(v) &&
    isId(v.id) &&
    typeof v.kept === 'boolean' &&
    (v.corrected === undefined || v.corrected === null || isReasonNumber(v.corrected))
  );
}

function isMention(v: unknown): boolean {
  return (
    isObject(v) &&
    isId(v.id) &&
    isEntityId(v.entity) &&
    isShortString(v.text, 200) &&
    isShortString(v.snippet, 1000) &&
    isShortString(v.sentence, 1000) &&
    (v.kept === undefined || typeof v.kept === 'boolean') &&
    (v.correctionId === undefined || isShortString(v.correctionId, 100)) &&
    isLink(v.link)
  );
}

export function isFrameSummary(v: unknown): v is FrameSummary {
  return (
    isObject(v) &&
    isShortString(v.url, 8192) &&
    (v.title === undefined || isShortString(v.title, 500)) &&
    Array.isArray(v.mentions) &&
    v.mentions.length <= MAX_MENTIONS_IN_MESSAGE &&
    v.mentions.every(isMention) &&
    isId(v.total) &&
    typeof v.capped === 'boolean' &&
    typeof v.paused === 'boolean'
  );
}

/** The background builds tab summaries itself; a page checks the outline it relies on. */
export function isTabSummary(v: unknown): v is TabSummary {
  return (
    isObject(v) &&
    typeof v.tabId === 'number' &&
    Array.isArray(v.mentions) &&
    typeof v.total === 'number' &&
    isObject(v.countsByEntity) &&
    isObject(v.countsByReason)
  );
}

// ---- the four directions ----------------------------------------------------

/**
 * The content script's own calls, checked on the way back: kept apart from the requests' checks, which only the
 * background needs, so the script that runs on every page carries only this half.
 */
export const CONTENT_CALL_REPLIES: Pick<Direction<ContentToBackground>, 'replies'> = {
  replies: {
    summary: isNothing,
    'open-reason': isNothing,
    'get-cue-data': (v): v is string => isShortString(v, MAX_CUE_TEXT),
  },
};

export const CONTENT_TO_BACKGROUND: Direction<ContentToBackground> = {
  requests: {
    summary: (v) => isFrameSummary(v.summary),
    'open-reason': (v) =>
      (v.reason === null || isReasonNumber(v.reason)) &&
      isId(v.mentionId) &&
      (v.action === undefined || isMentionAction(v.action)),
    'get-cue-data': () => true,
  },
  replies: CONTENT_CALL_REPLIES.replies,
};

export const PAGE_TO_BACKGROUND: Direction<PageToBackground> = {
  requests: {
    'get-summary': (v) => isId(v.tabId),
    'get-focus': (v) => isId(v.tabId),
    'open-panel': (v) => isId(v.tabId) && (v.reason === undefined || isReasonNumber(v.reason)),
    notebook: (v) => isShortString(v.name, 64) && 'request' in v,
    'take-mention-request': (v) => isId(v.tabId),
  },
  replies: {
    'get-summary': (v): v is TabSummary | null => v === null || isTabSummary(v),
    'get-focus': (v): v is ReasonNumber | null => v === null || isReasonNumber(v),
    'open-panel': (v): v is boolean => typeof v === 'boolean',
    notebook: isNotebookCallResult,
    'take-mention-request': (v): v is MentionRequest | null =>
      v === null ||
      (isObject(v) && isId(v.frameId) && isId(v.mentionId) && (v.action === undefined || isMentionAction(v.action))),
  },
};

export const BACKGROUND_TO_PAGES: Direction<BackgroundToPages> = {
  requests: {
    'summary-changed': (v) => isId(v.tabId) && (v.summary === null || isTabSummary(v.summary)),
    'show-reason': (v) => isId(v.tabId) && isReasonNumber(v.reason) && (v.mentionId === undefined || isId(v.mentionId)),
    'show-mentions': (v) =>
      isId(v.tabId) &&
      (v.frameId === undefined || isId(v.frameId)) &&
      (v.mentionId === undefined || isId(v.mentionId)) &&
      (v.action === undefined || isMentionAction(v.action)),
    'notebook-changed': () => true,
  },
  replies: {
    'summary-changed': isNothing,
    'show-reason': isNothing,
    'show-mentions': isNothing,
    'notebook-changed': isNothing,
  },
};

export const TO_CONTENT: Direction<ToContent> = {
  requests: {
    reveal: (v) => isId(v.mentionId),
    step: (v) =>
      (v.direction === 1 || v.direction === -1) &&
      isOptionalList(v.entities, isEntityId) &&
      isOptionalList(v.reasons, isReasonNumber),
    'request-summary': () => true,
    'notebook-overlay': (v) =>
      Array.isArray(v.overlay) && v.overlay.length <= MAX_MENTIONS_IN_MESSAGE && v.overlay.every(isOverlay),
  },
  replies: {
    reveal: (v): v is boolean => typeof v === 'boolean',
    step: (v): v is number | null => v === null || isId(v),
    'request-summary': isNothing,
    'notebook-overlay': isNothing,
  },
};

// ---- senders ------------------------------------------------------------------

/** Minimal sender shape (matches browser.runtime.MessageSender). */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * True when the sender is one of our extension pages (popup, panel, options; also when opened in a tab) or the
 * background. `extensionBase` is the extension's base URL (runtime.getURL('/')).
 */
export function isOwnPage(sender: SenderLike | undefined, extensionId: string, extensionBase: string): boolean {
  return (
    !!sender && sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionBase)
  );
}

/** True when the sender is our content script in a web page tab (sender.id is ours, a tab is set, the url is not ours). */
export function isOwnContentScript(
  sender: SenderLike | undefined,
  extensionId: string,
  extensionBase: string,
): sender is SenderLike & { tab: { id: number } } {
  return (
    !!sender &&
    sender.id === extensionId &&
    typeof sender.tab?.id === 'number' &&
    !(typeof sender.url === 'string' && sender.url.startsWith(extensionBase))
  );
}
