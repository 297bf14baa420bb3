/**
 * Settings for the content script, read straight from sync storage: the
 * content script runs in every frame of every page, so it does without the
 * storage library that the background and our pages
 * use. Same key, same repair (normalizeSettings accepts a version 1 value
 * too, which the background migrates only when it starts).
 */
import { browser } from 'wxt/browser';
import { normalizeSettings, SETTINGS_KEY, type Settings } from '@/utils/settings-schema';

/** Read settings, repairing whatever is stored. */
export async function readSettings(): Promise<Settings> {
  const got = await browser.storage.sync.get(SETTINGS_KEY);
  return normalizeSettings(got[SETTINGS_KEY]);
}

/** Watch settings; the callback always gets repaired settings. Returns the unwatch function. */
export function onSettings(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) cb(normalizeSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
