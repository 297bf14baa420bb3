/**
 * The content script's messages: what it tells the background (its summary, a clicked mention's reason) and the
 * commands it takes, only from our own pages and background (reveal, step, send your summary again).
 */
import {
  CONTENT_CALL_REPLIES,
  type ContentToBackground,
  type RequestOf,
  TO_CONTENT,
  type ToContent,
} from '@/utils/protocol';
import { call, fromOwnPage, type Handlers, handle } from './messaging';

/**
 * Tells the background something; `failed` runs when it could not be told (asleep, or the extension reloaded and
 * this script's context is gone).
 */
export function tell<N extends 'summary' | 'open-reason'>(
  name: N,
  request: RequestOf<ContentToBackground, N>,
  failed: () => void,
): void {
  void call(CONTENT_CALL_REPLIES, name, request).then((result) => {
    if (!result.ok) failed();
  });
}

/** Takes our pages' commands until `signal` aborts. Anything else, or from anyone else, is ignored. */
export function takeCommands(handlers: Handlers<ToContent>, signal: AbortSignal, onError: (e: unknown) => void): void {
  const stop = handle(TO_CONTENT, handlers, { isAllowedSender: fromOwnPage, onError });
  signal.addEventListener(
    'abort',
    () => {
      try {
        stop();
      } catch (e) {
        // After an update the old context's extension APIs throw ("Extension context invalidated").
        onError(e);
      }
    },
    { once: true },
  );
}
