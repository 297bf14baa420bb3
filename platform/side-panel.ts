/**
 * One small typed wrapper over the two browsers' panels: Chrome's
 * `chrome.sidePanel` (absent from the polyfill's types) and Firefox's
 * `browser.sidebarAction`. Both must be called inside a user gesture.
 */
import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

function chromeSidePanel(): ChromeSidePanel | undefined {
  const c = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome;
  return c?.sidePanel;
}

function firefoxSidebar(): FirefoxSidebarAction | undefined {
  return (browser as unknown as { sidebarAction?: FirefoxSidebarAction }).sidebarAction;
}

/**
 * Open the panel for a tab. Call it synchronously from the gesture's handler:
 * awaiting anything first loses the gesture. Resolves false when the browser refused.
 */
export function openPanel(tabId: number): Promise<boolean> {
  try {
    const chromePanel = chromeSidePanel();
    if (chromePanel)
      return chromePanel.open({ tabId }).then(
        () => true,
        () => false,
      );
    const ff = firefoxSidebar();
    if (ff)
      return ff.open().then(
        () => true,
        () => false,
      );
  } catch {
    // Refused synchronously (no gesture): report it like an async refusal.
  }
  return Promise.resolve(false);
}
