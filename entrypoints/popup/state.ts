/**
 * The popup's state: which tab it speaks for, that tab's summary, the settings, and what its buttons do. Made by
 * createPopupState from its platform edge, so a test can pass fakes (or use fakeBrowser) and nothing lives at module
 * scope.
 */
import { signal } from '@preact/signals';
import { DEFAULT_SETTINGS, type Settings, updateSettings } from '@/platform/settings';
import { openPanel } from '@/platform/side-panel';
import {
  askOpenPanel,
  fetchSummary,
  onBroadcast,
  pinnedTabId,
  requestPanelReason,
  resolveTabId,
} from '@/platform/tab-link';
import type { ReasonNumber, TabSummary } from '@/utils/types';

export const POPUP_PLATFORM = {
  pinnedTabId,
  resolveTabId,
  fetchSummary,
  onBroadcast,
  openPanel,
  requestPanelReason,
  askOpenPanel,
  updateSettings,
};
export type PopupDeps = typeof POPUP_PLATFORM;

export function createPopupState(deps: PopupDeps = POPUP_PLATFORM) {
  const tabId = signal<number | null>(deps.pinnedTabId());
  /** undefined while loading; null when no content script answered. */
  const summary = signal<TabSummary | null | undefined>(undefined);
  const settings = signal<Settings>(DEFAULT_SETTINGS);

  function openPanelAt(reason?: ReasonNumber): void {
    const id = tabId.value;
    if (id === null) return;
    // Synchronously, inside the click: the browser only opens panels in a user gesture.
    void deps.openPanel(id);
    if (reason) deps.requestPanelReason(reason);
    deps.askOpenPanel({ tabId: id, reason });
  }

  function setEnabled(enabled: boolean): void {
    void deps.updateSettings(() => ({ enabled }));
  }

  /** Pauses or resumes highlighting on this origin. */
  function togglePaused(origin: string): void {
    void deps.updateSettings((cur) => ({
      pausedOrigins: cur.pausedOrigins.includes(origin)
        ? cur.pausedOrigins.filter((o) => o !== origin)
        : [...cur.pausedOrigins, origin],
    }));
  }

  /** Finds the tab, loads its summary and follows the background's news of it. Returns the unsubscribe. */
  function start(): () => void {
    void deps.resolveTabId().then(async (id) => {
      tabId.value = id;
      if (id === null) summary.value = null;
      else summary.value = await deps.fetchSummary(id);
    });
    return deps.onBroadcast((m) => {
      if (m.type === 'summary-changed' && m.tabId === tabId.value) summary.value = m.summary;
    });
  }

  return { tabId, summary, settings, openPanelAt, setEnabled, togglePaused, start };
}

export type PopupState = ReturnType<typeof createPopupState>;
