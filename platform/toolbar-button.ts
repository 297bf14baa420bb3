/**
 * The toolbar button's badge, in both browsers: Chrome's MV3 `action` and
 * Firefox's MV2 `browserAction` (the polyfill does not alias one to the other,
 * and calling the missing one threw before the background added a listener).
 */
import { browser } from 'wxt/browser';

interface Badge {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

function badge(): Badge | null {
  const b = browser as unknown as { action?: Badge; browserAction?: Badge };
  return b.action ?? b.browserAction ?? null;
}

/** The count on a tab's toolbar button; empty text hides it. */
export function setBadgeText(tabId: number, text: string): void {
  badge()
    ?.setBadgeText({ tabId, text })
    .catch(() => {});
}

export function setBadgeColor(color: string): void {
  badge()
    ?.setBadgeBackgroundColor({ color })
    .catch(() => {});
}
