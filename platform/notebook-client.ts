/**
 * Our pages' way to the notebook: a NotebookApi whose calls travel to the
 * background as the protocol's `notebook` call, and come back checked.
 */
import { type NotebookApi, notebookClient } from '@/utils/notebook/calls';
import { PAGE_TO_BACKGROUND } from '@/utils/protocol';
import { call } from './messaging';

export const notebookApi: NotebookApi = notebookClient(async (name, request) => {
  const result = await call(PAGE_TO_BACKGROUND, 'notebook', { name, request });
  if (!result.ok) throw new Error(result.error);
  return result.reply;
});

/** The mention a card (or a click on an unlinked mention) asked the panel to show, if any; taken once. */
export async function takeMentionRequest(tabId: number) {
  const result = await call(PAGE_TO_BACKGROUND, 'take-mention-request', { tabId });
  return result.ok ? result.reply : null;
}
