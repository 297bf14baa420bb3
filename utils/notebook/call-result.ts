/**
 * What the background answers a notebook call with, and its check: kept apart
 * from calls.ts so the protocol (which every context, the content script
 * included, carries) does not pull in every notebook validator.
 */

/** The handler's reply, or why it was not run. */
export type NotebookCallResult =
  | { ok: true; reply: unknown }
  | { ok: false; error: 'unknown-call' | 'invalid-request' | 'not-allowed' | 'failed'; message: string };

export function isNotebookCallResult(v: unknown): v is NotebookCallResult {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const r = v as Record<string, unknown>;
  return r.ok === true ? 'reply' in r : r.ok === false && typeof r.message === 'string';
}
