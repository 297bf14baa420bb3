/**
 * Sends and receives the calls of utils/protocol.ts through the browser. A caller gets a typed reply or a failure,
 * never an unchecked value; a handler gets a checked request from an allowed sender, typed by its call.
 */
import { browser } from 'wxt/browser';
import {
  type Calls,
  type Direction,
  isOwnContentScript,
  isOwnPage,
  isWireMessage,
  type Name,
  type ReplyOf,
  type RequestOf,
  type SenderLike,
  type WireMessage,
} from '@/utils/protocol';

/** A reply that passed its check, or why there is none (no receiver, a refusal, a malformed answer). */
export type Result<T> = { ok: true; reply: T } | { ok: false; error: string };

function message<C extends Calls<C>, N extends Name<C>>(name: N, request: RequestOf<C, N>): WireMessage<C, N> {
  return { ...request, type: name } as WireMessage<C, N>;
}

async function checked<C extends Calls<C>, N extends Name<C>>(
  direction: Pick<Direction<C>, 'replies'>,
  name: N,
  sending: () => Promise<unknown>,
): Promise<Result<ReplyOf<C, N>>> {
  try {
    const reply: unknown = await sending();
    if (direction.replies[name](reply)) return { ok: true, reply };
    return { ok: false, error: `malformed reply to ${name}` };
  } catch (e) {
    // No receiver, the extension reloaded ("Extension context invalidated"), or the receiver threw.
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Sends a call to the background, or (from the background) to our open pages. Never throws. */
export function call<C extends Calls<C>, N extends Name<C>>(
  direction: Direction<C>,
  name: N,
  request: RequestOf<C, N>,
): Promise<Result<ReplyOf<C, N>>>;
/** The same with only the replies' checks (the content script does not carry the requests' checks). */
export function call<C extends Calls<C>, N extends Name<C>>(
  direction: Pick<Direction<C>, 'replies'>,
  name: N,
  request: RequestOf<C, N>,
): Promise<Result<ReplyOf<C, N>>>;
export function call<C extends Calls<C>, N extends Name<C>>(
  direction: Pick<Direction<C>, 'replies'>,
  name: N,
  request: RequestOf<C, N>,
): Promise<Result<ReplyOf<C, N>>> {
  return checked(direction, name, () => browser.runtime.sendMessage(message<C, N>(name, request)));
}

/** Sends a call to a tab's content script, in its top frame unless `frameId` says which. Never throws. */
export function callTab<C extends Calls<C>, N extends Name<C>>(
  direction: Direction<C>,
  tabId: number,
  name: N,
  request: RequestOf<C, N>,
  frameId = 0,
): Promise<Result<ReplyOf<C, N>>> {
  return checked(direction, name, () => browser.tabs.sendMessage(tabId, message<C, N>(name, request), { frameId }));
}

/** A handler's answer: the reply, a promise of it, or undefined to stay silent (another receiver may answer). */
type Answer<T> = T | Promise<T> | undefined;

export type Handlers<C extends Calls<C>, S extends SenderLike = SenderLike> = {
  [N in Name<C>]?: (request: WireMessage<C, N>, sender: S) => Answer<ReplyOf<C, N>>;
};

export interface HandleOptions<S extends SenderLike> {
  /** Who may make these calls; everyone else is ignored. */
  isAllowedSender: (sender: SenderLike) => sender is S;
  /** Where a handler's own error goes (it never reaches the sender's or the page's event loop). */
  onError?: (error: unknown) => void;
}

/**
 * Answers one direction's calls: the message's shape and its sender are checked on arrival, then the named handler
 * runs. Returns the function that stops listening.
 */
export function handle<C extends Calls<C>, S extends SenderLike>(
  direction: Direction<C>,
  handlers: Handlers<C, S>,
  options: HandleOptions<S>,
): () => void {
  const listener = (raw: unknown, sender: SenderLike): Promise<unknown> | undefined => {
    try {
      if (!isWireMessage(direction, raw) || !options.isAllowedSender(sender)) return undefined;
      const handler = handlers[raw.type as Name<C>] as
        | ((request: WireMessage<C>, sender: S) => Answer<unknown>)
        | undefined;
      const answer = handler?.(raw, sender);
      return answer === undefined ? undefined : Promise.resolve(answer);
    } catch (e) {
      options.onError?.(e);
      return undefined;
    }
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** The extension's base URL: what our pages' and background's URLs start with. */
function extensionBase(): string {
  // The base URL, not URL.origin: non-special schemes have an opaque "null" origin in some runtimes.
  return browser.runtime.getURL('/');
}

/** Our pages and our background. */
export function fromOwnPage(sender: SenderLike): sender is SenderLike {
  return isOwnPage(sender, browser.runtime.id, extensionBase());
}

/** Our content script, in a tab. */
export function fromOwnContentScript(sender: SenderLike): sender is SenderLike & { tab: { id: number } } {
  return isOwnContentScript(sender, browser.runtime.id, extensionBase());
}
