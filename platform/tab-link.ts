/**
 * The extension-API edge shared by the popup and the side panel: which tab to
 * show, asking the background for its summary, listening to the background's
 * broadcasts (validated), and talking to the tab's content script.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { isMessage, isOwnPage, isReasonNumber, type Message, type SenderLike } from '@/utils/messages';
import type { ReasonNumber, TabSummary } from '@/utils/types';

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

function isTabSummaryLike(v: unknown): v is TabSummary {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<TabSummary>;
  return (
    typeof s.tabId === 'number' &&
    Array.isArray(s.mentions) &&
    typeof s.total === 'number' &&
    typeof s.countsByEntity === 'object' &&
    typeof s.countsByReason === 'object'
  );
}

export async function fetchSummary(tabId: number): Promise<TabSummary | null> {
  try {
    const answer: unknown = await browser.runtime.sendMessage({ type: 'get-summary', tabId } satisfies Message);
    return isTabSummaryLike(answer) ? answer : null;
  } catch {
    return null;
  }
}

export async function fetchFocus(tabId: number): Promise<number | null> {
  try {
    const answer: unknown = await browser.runtime.sendMessage({ type: 'get-focus', tabId } satisfies Message);
    return typeof answer === 'number' ? answer : null;
  } catch {
    return null;
  }
}

export function send(message: Message): void {
  browser.runtime.sendMessage(message).catch(() => {});
}

/** Messages from our own extension pages and background only, shape-checked. Returns the unsubscribe. */
export function onOwnMessage(cb: (m: Message) => void): () => void {
  const origin = new URL(browser.runtime.getURL('/')).origin;
  const listener = (raw: unknown, sender: SenderLike) => {
    if (!isMessage(raw) || !isOwnPage(sender, browser.runtime.id, origin)) return undefined;
    if (raw.type === 'summary-changed' && raw.summary !== null && !isTabSummaryLike(raw.summary)) return undefined;
    cb(raw);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Scroll the page to a mention and flash it. Resolves true when the frame found it. */
export async function revealMention(tabId: number, mentionId: number, frameId: number): Promise<boolean> {
  try {
    const answer: unknown = await browser.tabs.sendMessage(tabId, { type: 'reveal', mentionId } satisfies Message, {
      frameId,
    });
    return answer === true;
  } catch {
    return false;
  }
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
