/**
 * Which tab the side panel shows, and what the background tells it: the tab it was opened for (or the popup's
 * request), then the active tab of its window as the person switches, navigations in it, and the background's news
 * (a summary changed, the notebook changed, a click on a mention asked for a reason or for the page's mentions).
 * A panel pinned by `?tab=` never follows a switch.
 */

import { mentionKey } from '@/components/mention-model';
import type { BackgroundToPages, WireMessage } from '@/utils/protocol';
import type { PanelDeps, PanelState } from './state';

export function followTab(state: PanelState, deps: PanelDeps): void {
  /** Set once the panel has followed a tab switch: the first resolution is stale by then. */
  let followedSwitch = false;
  void Promise.all([deps.resolveTabId(), deps.takePanelRequest()]).then(async ([id, requested]) => {
    if (!followedSwitch) await state.showTab(id, requested === null);
    // The popup's request wins over the tab's last clicked mention.
    if (requested !== null) state.showReason(requested);
  });
  const windowId = state.pinned === null ? deps.currentWindowId() : Promise.resolve(undefined);
  deps.onBroadcast((m) => onBroadcast(state, deps, m, windowId));
  // Follow the active tab of this panel's window, and navigations in it. Listen at once: a switch right after the
  // panel opens must not be missed while the window id is on its way.
  if (state.pinned !== null) return;
  deps.followTabs(
    // A tab became active in a window: ours, when it is this panel's window.
    (tabId, win) =>
      void windowId.then((ours) => {
        if (win !== ours) return;
        followedSwitch = true;
        void state.showTab(tabId, false);
      }),
    // A tab finished loading: ours, when it is the one shown.
    (id) => {
      if (id !== state.tabId.value) return;
      void deps.fetchSummary(id).then((sum) => {
        if (state.tabId.value === id) state.summary.value = sum;
      });
    },
  );
}

function onBroadcast(
  state: PanelState,
  deps: PanelDeps,
  m: WireMessage<BackgroundToPages>,
  windowId: Promise<number | undefined>,
): void {
  if (m.type === 'summary-changed') {
    if (m.tabId === state.tabId.value) state.summary.value = m.summary;
    return;
  }
  if (m.type === 'notebook-changed') {
    if (state.view.value === 'notebook') void state.notebook.view.refresh();
    return;
  }
  if (m.type === 'show-mentions') {
    if (m.tabId !== state.tabId.value) return;
    void deps.takeMentionRequest(m.tabId);
    if (m.mentionId !== undefined)
      state.showMention({ frameId: m.frameId ?? 0, mentionId: m.mentionId, action: m.action });
    return;
  }
  // For our tab, or (following tabs) for any tab of this window: a click there asked for this reason.
  if (m.tabId === state.tabId.value) {
    state.showReason(m.reason);
    // Mark the clicked mention in the list (ids are per frame; the top frame's wins a tie).
    const clicked = state.summary.value?.mentions.find((x) => x.id === m.mentionId);
    if (clicked) state.currentKey.value = mentionKey(clicked);
  } else if (state.pinned === null) {
    void windowId.then(async (win) => {
      if (await deps.tabInWindow(m.tabId, win)) state.showReason(m.reason);
    });
  }
}
