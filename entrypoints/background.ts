/**
 * Routing between pages, popup and panel: keeps each tab's merged summary,
 * shows the count on the badge, opens the side panel at a reason, and runs
 * the keyboard commands. Every message is checked for shape and sender.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { t } from '@/platform/i18n';
import { loadSettings, updateSettings } from '@/platform/settings';
import { openPanel } from '@/platform/side-panel';
import { setBadgeColor, setBadgeText } from '@/platform/toolbar-button';
import {
  FROM_CONTENT,
  FROM_PAGES,
  isMessage,
  isOwnContentScript,
  isOwnPage,
  type Message,
  type SenderLike,
} from '@/utils/messages';
import { badgeText, TabState } from '@/utils/tab-state';
import type { ReasonNumber } from '@/utils/types';

export default defineBackground(() => {
  const state = new TabState();
  const extensionId = browser.runtime.id;
  // The base URL, not URL.origin: non-special schemes have an opaque "null" origin in some runtimes.
  const extensionOrigin = browser.runtime.getURL('/');

  /** Tell open extension pages (popup, panel); nobody listening is fine. */
  function broadcast(message: Message): void {
    browser.runtime.sendMessage(message).catch(() => {});
  }

  function publish(tabId: number): void {
    const summary = state.summary(tabId);
    const text = badgeText(summary?.paused ? 0 : (summary?.total ?? 0));
    setBadgeText(tabId, text);
    broadcast({ type: 'summary-changed', tabId, summary });
  }

  function showReason(tabId: number, reason: ReasonNumber, mentionId?: number): void {
    state.setFocus(tabId, reason);
    broadcast({ type: 'show-reason', tabId, reason, mentionId });
  }

  /** Ask a tab's frames to report again (after a background restart the record is empty). */
  async function refresh(tabId: number): Promise<void> {
    if (state.hasTab(tabId)) return;
    await browser.tabs.sendMessage(tabId, { type: 'request-summary' } satisfies Message).catch(() => {});
    // Frames answer with 'summary' messages; give them a moment to arrive.
    await new Promise((r) => setTimeout(r, 250));
  }

  setBadgeColor('#334155');

  browser.runtime.onMessage.addListener((raw: unknown, sender: SenderLike) => {
    if (!isMessage(raw)) return undefined;
    const fromContent = isOwnContentScript(sender, extensionId, extensionOrigin);
    const fromPage = !fromContent && isOwnPage(sender, extensionId, extensionOrigin);
    if (fromContent && FROM_CONTENT.includes(raw.type)) {
      const tabId = sender.tab.id;
      if (raw.type === 'summary') {
        state.setFrame(tabId, sender.frameId ?? 0, raw.summary);
        publish(tabId);
      } else if (raw.type === 'open-reason') {
        // Must run before any await: the click's user gesture is only good now.
        void openPanel(tabId);
        showReason(tabId, raw.reason, raw.mentionId);
      } else if (raw.type === 'get-cue-data') {
        return Promise.resolve(t('cue_data'));
      }
      return undefined;
    }
    if (fromPage && FROM_PAGES.includes(raw.type)) {
      if (raw.type === 'get-summary') return refresh(raw.tabId).then(() => state.summary(raw.tabId));
      if (raw.type === 'get-focus') return Promise.resolve(state.getFocus(raw.tabId));
      if (raw.type === 'open-panel') {
        void openPanel(raw.tabId);
        if (raw.reason) showReason(raw.tabId, raw.reason);
        return Promise.resolve(true);
      }
    }
    return undefined;
  });

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
      browser.tabs.sendMessage(tabId, { type: 'step', direction } satisfies Message, { frameId: 0 }).catch(() => {});
    }
  });
});
