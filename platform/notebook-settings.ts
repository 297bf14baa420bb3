/**
 * The notebook's own settings (reading history on or off, how long it is
 * kept), stored on this device only under their own key.
 */
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_NOTEBOOK_SETTINGS,
  NOTEBOOK_SETTINGS_KEY,
  type NotebookSettings,
  normalizeNotebookSettings,
} from '@/utils/notebook/settings';

const item = storage.defineItem<unknown>(NOTEBOOK_SETTINGS_KEY as `local:${string}`, { fallback: null });

export async function loadNotebookSettings(): Promise<NotebookSettings> {
  try {
    return normalizeNotebookSettings(await item.getValue());
  } catch {
    return { ...DEFAULT_NOTEBOOK_SETTINGS };
  }
}

export async function saveNotebookSettings(next: NotebookSettings): Promise<void> {
  await item.setValue(normalizeNotebookSettings(next));
}

/** Calls back with the settings whenever they change; returns the function that stops watching. */
export function watchNotebookSettings(cb: (s: NotebookSettings) => void): () => void {
  return item.watch((v) => cb(normalizeNotebookSettings(v)));
}
