/**
 * Where the content script gets the linker's cue lists: from the background,
 * which reads its locale's `cue_data` message, and only when that fails from
 * the content script's own locale.
 *
 * Why not simply chrome.i18n in the page: the first i18n call of a renderer
 * process waits on the page's main thread while the browser sends the
 * extension's whole message bundle (once per process, inside our first
 * pass). Asking the background costs the page
 * nothing: the question is sent when the script starts and its answer
 * travels while the settings are read.
 */

import { browser } from 'wxt/browser';
import { type CueData, isCueData } from '@/utils/link';
import { CONTENT_CALL_REPLIES, type ContentToBackground, MAX_CUE_TEXT, type WireMessage } from '@/utils/protocol';

export { MAX_CUE_TEXT };
/** A background that has not answered by then (asleep and slow to wake) is not waited for: the locale is read instead. */
export const CUE_ANSWER_MS = 1000;

/** Asks for the cue text; resolves to the text, or null on no answer, a refusal, a wrong shape or the time limit. */
export function askCueText(
  send: (message: WireMessage<ContentToBackground, 'get-cue-data'>) => Promise<unknown> = (m) =>
    browser.runtime.sendMessage(m),
  timeoutMs: number = CUE_ANSWER_MS,
): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    const done = (text: string | null) => {
      clearTimeout(timer);
      resolve(text);
    };
    try {
      send({ type: 'get-cue-data' }).then(
        (answer) => done(CONTENT_CALL_REPLIES.replies['get-cue-data'](answer) ? answer : null),
        () => done(null),
      );
    } catch {
      // "Extension context invalidated": the locale read that follows (cueDataFrom) fails quietly too.
      done(null);
    }
  });
}

function parseCues(text: string | null): CueData | null {
  if (text === null) return null;
  try {
    const data: unknown = JSON.parse(text);
    return isCueData(data) ? data : null;
  } catch {
    return null;
  }
}

/**
 * The cue lists from the background's answer, else from the locale (read only then). Throws when neither parses:
 * the linker then cues nothing and every mention has no reason.
 */
export function cueDataFrom(answer: string | null, readLocale: () => string): CueData {
  const data = parseCues(answer) ?? parseCues(readLocale());
  if (!data) throw new Error('no cue data');
  return data;
}
