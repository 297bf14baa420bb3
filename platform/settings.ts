/**
 * Stored settings: one versioned WXT storage item in sync storage (follows
 * the user across browsers), plus reading progress in local storage.
 *
 * Reading a stored value goes through normalizeSettings, which keeps every
 * valid field and falls back to the default for each corrupt or unknown one,
 * so a damaged value never loses the rest.
 */
import { storage } from 'wxt/utils/storage';
import { isReasonNumber } from '@/utils/entities';
import {
  DEFAULT_SETTINGS,
  migrateV1toV2,
  normalizeSettings,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  type Settings,
} from '@/utils/settings-schema';
import type { ReasonNumber } from '@/utils/types';

// The pure schema lives apart so the content script can use it without the storage library.
export * from '@/utils/settings-schema';

export const settingsItem = storage.defineItem<Settings>(`sync:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: migrateV1toV2 },
});

/** Read settings, repairing whatever is stored. */
export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

/** Apply a change to the current settings and store the result. */
export async function updateSettings(change: (s: Settings) => Partial<Settings>): Promise<Settings> {
  const current = await loadSettings();
  const next = normalizeSettings({ ...current, ...change(current) });
  await settingsItem.setValue(next);
  return next;
}

/** Watch settings; the callback always gets repaired settings. Returns the unwatch function. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((v) => cb(normalizeSettings(v)));
}

/** Reading progress: the reasons marked read. Local to this browser. */
export const readReasonsItem = storage.defineItem<ReasonNumber[]>('local:readReasons', {
  fallback: [],
  version: 1,
});

export function normalizeReadReasons(raw: unknown): ReasonNumber[] {
  if (!Array.isArray(raw)) return [];
  return [...new Set(raw.filter(isReasonNumber))].sort((a, b) => a - b);
}
