/**
 * Routing between pages, popup and panel: keeps each tab's merged summary,
 * shows the count on the badge, opens the side panel at a reason, and runs
 * the keyboard commands. Every message is checked for shape and sender.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { t } from '@/platform/i18n';
import { call, callTab, fromOwnContentScript, fromOwnPage, handle } from '@/platform/messaging';
import { NotebookBackground } from '@/platform/notebook-background';
import { loadSettings, updateSettings } from '@/platform/settings';
import { openPanel } from '@/platform/side-panel';
import { setBadgeColor, setBadgeText } from '@/platform/toolbar-button';
import {
  BACKGROUND_TO_PAGES,
  type BackgroundToPages,
  CONTENT_TO_BACKGROUND,
  type MentionRequest,
  PAGE_TO_BACKGROUND,
  type RequestOf,
  TO_CONTENT,
} from '@/utils/protocol';
import { badgeText, TabState } from '@/utils/tab-state';
import type { ReasonNumber } from '@/utils/types';

export default defineBackground(() => {
  const state = new TabState();

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

  /** Open the panel at the page's mentions, at one of them (with its Keep / Correct form when asked). */
  const mentionRequests = new Map<number, MentionRequest>();
  function showMention(tabId: number, request: MentionRequest): void {
    mentionRequests.set(tabId, request);
    broadcast('show-mentions', { tabId, ...request });
  }

  /** What the notebook says about each frame's mentions, laid over the tab's summary and told to the frame. */
  const notebook = new NotebookBackground(() => {
    broadcast('notebook-changed', {});
    for (const tabId of state.tabIds())
      for (const frameId of state.framesOf(tabId).keys()) void notebook.follow(state, tabId, frameId, publish);
  });

  setBadgeColor('#334155');

  handle(
    CONTENT_TO_BACKGROUND,
    {
      summary: ({ summary }, sender) => {
        state.setFrame(sender.tab.id, sender.frameId ?? 0, summary);
        publish(sender.tab.id);
        void notebook.follow(state, sender.tab.id, sender.frameId ?? 0, publish);
      },
      'open-reason': ({ reason, mentionId, action }, sender) => {
        // Must run before any await: the click's user gesture is only good now.
        void openPanel(sender.tab.id);
        // A mention about none of the arguments, or a card's Keep / Correct, opens the page's mentions at it.
        if (reason === null || action) showMention(sender.tab.id, { frameId: sender.frameId ?? 0, mentionId, action });
        else showReason(sender.tab.id, reason, mentionId);
      },
      'get-cue-data': () => t('cue_data'),
    },
    { isAllowedSender: fromOwnContentScript },
  );

  answerPages(state, notebook, mentionRequests, showReason);

  browser.tabs.onRemoved.addListener((tabId) => {
    state.removeTab(tabId);
    notebook.forgetTab(tabId);
    mentionRequests.delete(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document: its content script will report afresh.
    if (change.status === 'loading') {
      state.clearTab(tabId);
      // A new document is a new visit for reading history, even at the same address.
      notebook.forgetTab(tabId);
      publish(tabId);
    }
  });

  runCommands();
});

/** What the popup and the side panel ask: the tab's summary and focus, the panel opened, the notebook. */
function answerPages(
  state: TabState,
  notebook: NotebookBackground,
  mentionRequests: Map<number, MentionRequest>,
  showReason: (tabId: number, reason: ReasonNumber) => void,
): void {
  handle(
    PAGE_TO_BACKGROUND,
    {
      'get-summary': ({ tabId }) => refresh(state, tabId).then(() => state.summary(tabId)),
      'get-focus': ({ tabId }) => state.getFocus(tabId),
      'open-panel': ({ tabId, reason }) => {
        void openPanel(tabId);
        if (reason) showReason(tabId, reason);
        return true;
      },
      notebook: ({ name, request }) => notebook.answer(name, request),
      // A card's Keep / Correct or a mention about no argument, asked once by the panel that opens.
      'take-mention-request': ({ tabId }) => {
        const request = mentionRequests.get(tabId) ?? null;
        mentionRequests.delete(tabId);
        return request;
      },
    },
    { isAllowedSender: fromOwnPage },
  );
}

/** Tell open extension pages (popup, panel); nobody listening is fine. */
function broadcast<N extends keyof BackgroundToPages & string>(
  name: N,
  request: RequestOf<BackgroundToPages, N>,
): void {
  void call(BACKGROUND_TO_PAGES, name, request);
}

/** Ask a tab's frames to report again (after a background restart the record is empty). */
async function refresh(state: TabState, tabId: number): Promise<void> {
  if (state.hasTab(tabId)) return;
  await callTab(TO_CONTENT, tabId, 'request-summary', {});
  // Frames answer with 'summary' messages; give them a moment to arrive.
  await new Promise((r) => setTimeout(r, 250));
}

/** The keyboard shortcuts: open the panel, toggle highlighting, next and previous mention. */
function runCommands(): void {
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
}
