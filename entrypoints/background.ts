/**
 * Routing between pages, popup and panel: keeps each tab's merged summary,
 * shows the count on the badge, opens the side panel at a reason, and runs
 * the keyboard commands. Every message is checked for shape and sender.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { t } from '@/platform/i18n';
import { call, callTab, fromOwnContentScript, fromOwnPage, handle } from '@/platform/messaging';
import { loadSettings, updateSettings } from '@/platform/settings';
import { openPanel } from '@/platform/side-panel';
import { setBadgeColor, setBadgeText } from '@/platform/toolbar-button';
import {
  BACKGROUND_TO_PAGES,
  type BackgroundToPages,
  CONTENT_TO_BACKGROUND,
  PAGE_TO_BACKGROUND,
  type RequestOf,
  TO_CONTENT,
} from '@/utils/protocol';
import { badgeText, TabState } from '@/utils/tab-state';
import type { ReasonNumber } from '@/utils/types';

export default defineBackground(() => {
  const state = new TabState();

  /** Tell open extension pages (popup, panel); nobody listening is fine. */
  function broadcast<N extends keyof BackgroundToPages & string>(
    name: N,
    request: RequestOf<BackgroundToPages, N>,
  ): void {
    void call(BACKGROUND_TO_PAGES, name, request);
  }

  function publish(tabId: number): void {
    const summary = state.summary(tabId);
    const text = badgeText(summary?.paused ? 0 : (summary?.total ?? 0));
    setBadgeText(tabId, text);
    broadcast('summary-changed', { tabId, summary });
  }

  function showReason(tabId: number, reason: ReasonNumber, mentionId?: number): void {
    state.setFocus(tabId, reason);
    broadcast('show-reason', { tabId, reason, mentionId });
  }

  /** Ask a tab's frames to report again (after a background restart the record is empty). */
  async function refresh(tabId: number): Promise<void> {
    if (state.hasTab(tabId)) return;
    await callTab(TO_CONTENT, tabId, 'request-summary', {});
    // Frames answer with 'summary' messages; give them a moment to arrive.
    await new Promise((r) => setTimeout(r, 250));
  }

  setBadgeColor('#334155');

  handle(
    CONTENT_TO_BACKGROUND,
    {
      summary: ({ summary }, sender) => {
        state.setFrame(sender.tab.id, sender.frameId ?? 0, summary);
        publish(sender.tab.id);
      },
      'open-reason': ({ reason, mentionId }, sender) => {
        // Must run before any await: the click's user gesture is only good now.
        void openPanel(sender.tab.id);
        showReason(sender.tab.id, reason, mentionId);
      },
      'get-cue-data': () => t('cue_data'),
    },
    { isAllowedSender: fromOwnContentScript },
  );

  handle(
    PAGE_TO_BACKGROUND,
    {
      'get-summary': ({ tabId }) => refresh(tabId).then(() => state.summary(tabId)),
      'get-focus': ({ tabId }) => state.getFocus(tabId),
      'open-panel': ({ tabId, reason }) => {
        void openPanel(tabId);
        if (reason) showReason(tabId, reason);
        return true;
      },
    },
    { isAllowedSender: fromOwnPage },
  );

  browser.tabs.onRemoved.addListener((tabId) => state.removeTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document: its content script will report afresh.
    if (change.status === 'loading') {
      state.clearTab(tabId);
      publish(tabId);
    }
  });

  browser.commands.onCommand.addListener((command, tab) => {
    const tabId = tab?.id;
    if (command === 'open-panel' && tabId !== undefined) {
      void openPanel(tabId);
    } else if (command === 'toggle-highlighting') {
      void loadSettings().then((s) => updateSettings(() => ({ enabled: !s.enabled })));
    } else if ((command === 'next-mention' || command === 'prev-mention') && tabId !== undefined) {
      const direction = command === 'next-mention' ? 1 : -1;
      void callTab(TO_CONTENT, tabId, 'step', { direction });
    }
  });
});
