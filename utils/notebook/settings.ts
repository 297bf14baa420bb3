/**
 * The notebook's own settings: the reading-history opt-in and its retention.
 * Kept apart from utils/settings-schema.ts (which is being moved) and stored
 * under their own key, so the notebook can ship without touching the main
 * settings. Pure: loading and watching storage is the caller's.
 */
import { isRetentionDays } from './history';
import type { RetentionDays } from './limits';

/** The storage key these settings live under (wxt storage item key). */
export const NOTEBOOK_SETTINGS_KEY = 'local:notebook-settings';

export interface NotebookSettings {
  /** Reading history is opt-in: nothing is logged until the reader switches it on. */
  historyEnabled: boolean;
  /** Days a visit is kept before pruning. */
  retentionDays: RetentionDays;
}

export const DEFAULT_NOTEBOOK_SETTINGS: Readonly<NotebookSettings> = Object.freeze({
  historyEnabled: false,
  retentionDays: 90,
});

/**
 * Settings from anything stored (an older shape, a hand-edited value, nothing):
 * each field is kept only when valid, otherwise its default. historyEnabled
 * must be exactly true, so a damaged value never turns logging on.
 */
export function normalizeNotebookSettings(raw: unknown): NotebookSettings {
  const o = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  return {
    historyEnabled: o.historyEnabled === true,
    retentionDays: isRetentionDays(o.retentionDays) ? o.retentionDays : DEFAULT_NOTEBOOK_SETTINGS.retentionDays,
  };
}
