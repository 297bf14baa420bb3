/**
 * The extension-API edge shared by the popup and the side panel: which tab to
 * show, asking the background for its summary, listening to the background's
 * broadcasts (validated), and talking to the tab's content script.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { isReasonNumber } from '@/utils/entities';
import {
  BACKGROUND_TO_PAGES,
  type BackgroundToPages,
  PAGE_TO_BACKGROUND,
  type PageToBackground,
  type RequestOf,
  TO_CONTENT,
  type WireMessage,
} from '@/utils/protocol';
import type { ReasonNumber, TabSummary } from '@/utils/types';
import { call, callTab, fromOwnPage, handle } from './messaging';

/** `?tab=<id>` in the page's URL: a pop-out view (and the tests) pin the tab. */
export function pinnedTabId(search = location.search): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** The pinned tab when given, otherwise the active tab of this window. */
export async function resolveTabId(): Promise<number | null> {
  return pinnedTabId() ?? (await activeTabId().catch(() => null));
}

export async function fetchSummary(tabId: number): Promise<TabSummary | null> {
  const result = await call(PAGE_TO_BACKGROUND, 'get-summary', { tabId });
  return result.ok ? result.reply : null;
}

export async function fetchFocus(tabId: number): Promise<ReasonNumber | null> {
  const result = await call(PAGE_TO_BACKGROUND, 'get-focus', { tabId });
  return result.ok ? result.reply : null;
}

/** Asks the background to open the side panel (fire and forget). */
export function askOpenPanel(request: RequestOf<PageToBackground, 'open-panel'>): void {
  void call(PAGE_TO_BACKGROUND, 'open-panel', request);
}

/** The background's broadcasts, from our own background and pages only, checked. Returns the unsubscribe. */
export function onBroadcast(cb: (m: WireMessage<BackgroundToPages>) => void): () => void {
  return handle(
    BACKGROUND_TO_PAGES,
    {
      'summary-changed': (m) => void cb(m),
      'show-reason': (m) => void cb(m),
      'show-mentions': (m) => void cb(m),
      'notebook-changed': (m) => void cb(m),
    },
    { isAllowedSender: fromOwnPage },
  );
}

/** Scroll the page to a mention and flash it. Resolves true when the frame found it. */
export async function revealMention(tabId: number, mentionId: number, frameId: number): Promise<boolean> {
  const result = await callTab(TO_CONTENT, tabId, 'reveal', { mentionId }, frameId);
  return result.ok && result.reply;
}

export function openOptions(): void {
  browser.runtime.openOptionsPage().catch(() => {});
}

/**
 * The reason the popup asked the panel to open at. The background broadcasts
 * 'show-reason' too, but a panel that is only now opening misses that
 * broadcast, and its own tab may not be the one the popup spoke for (a
 * pop-out popup is a tab of its own). Session storage bridges the gap.
 */
interface PanelRequest {
  reason: ReasonNumber;
  at: number;
}
const panelRequestItem = storage.defineItem<PanelRequest | null>('session:panelRequest', { fallback: null });
/** Older requests are stale: the panel was opened some other way since. */
const PANEL_REQUEST_TTL_MS = 10_000;

export function requestPanelReason(reason: ReasonNumber): void {
  panelRequestItem.setValue({ reason, at: Date.now() }).catch(() => {});
}

/** The fresh request, if any, consumed. */
export async function takePanelRequest(now = Date.now()): Promise<ReasonNumber | null> {
  try {
    const req = await panelRequestItem.getValue();
    if (!req) return null;
    await panelRequestItem.setValue(null);
    return isReasonNumber(req.reason) && now - req.at >= 0 && now - req.at < PANEL_REQUEST_TTL_MS ? req.reason : null;
  } catch {
    return null;
  }
}

/** Is this tab in the given window? (tabs.get needs no permission for windowId.) */
export async function tabInWindow(tabId: number, windowId: number | undefined): Promise<boolean> {
  if (windowId === undefined) return false;
  try {
    return (await browser.tabs.get(tabId)).windowId === windowId;
  } catch {
    return false;
  }
}

/** The window this page is in (undefined when the browser cannot say). */
export async function currentWindowId(): Promise<number | undefined> {
  try {
    return (await browser.windows.getCurrent()).id;
  } catch {
    return undefined;
  }
}

/** Follows the active tab of every window, and pages that finish loading. Returns the unsubscribe. */
export function followTabs(
  activated: (tabId: number, windowId: number) => void,
  loaded: (tabId: number) => void,
): () => void {
  const onActivated = (info: { tabId: number; windowId: number }) => activated(info.tabId, info.windowId);
  const onUpdated = (id: number, change: { status?: string }) => {
    if (change.status === 'complete') loaded(id);
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
  };
}
