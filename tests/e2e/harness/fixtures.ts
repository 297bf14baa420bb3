/**
 * The Playwright fixtures for driving the built extension in Debian's
 * Chromium: only the `test.extend` wiring. The parts live beside it:
 *   server.ts   the static server (scripts/static-server.mjs) with the test pages and corpus
 *   launch.ts   Chromium with the extension, CDP, the service worker, the side panel, the background
 *   queries.ts  highlight ranges, pixels ("painted" means pixels), waits
 *   pages.ts    page objects: Popup, SidePanel, HoverCard, Options
 * and everything they export is re-exported here, so a spec imports from one place.
 *
 * One worker = one static server on 127.0.0.1 + one persistent Chromium
 * profile with the extension loaded. Tests get a fresh `page` in that
 * context, settings and reading progress are cleared before each test, and
 * every page error caused by us fails the test.
 */
import {
  type Browser,
  type BrowserContext,
  test as base,
  expect,
  type Page,
  type Request,
  type Worker,
} from '@playwright/test';
import type { TabSummary } from '../../../utils/types';
import {
  askFrom,
  clearStorage,
  closeExtensionBrowser,
  closePanelTargets,
  closeSidePanels,
  connectCdp,
  type ExtensionBrowser,
  launchWithExtension,
  panelTargets,
  serviceWorkerOf,
  setStoredSettingsIn,
  tabIdOfPage,
  waitForRealPanel,
} from './launch';
import { Options, Popup, SidePanel } from './pages';
import { waitForStableHighlights } from './queries';
import { type StaticServer, startStaticServer } from './server';

export * from './launch';
export * from './pages';
export * from './queries';
export * from './server';
export { expect };

export interface CollectedError {
  pageUrl: string;
  message: string;
  stack: string;
  /** Caused by the extension: thrown by our code, on our pages, or on our own fixture pages. */
  ours: boolean;
}

export interface WorkerFixtures {
  server: StaticServer;
  extBrowser: ExtensionBrowser;
  extensionId: string;
  extContext: BrowserContext;
  /** A tab at options.html, opened before any test page, used to ask the background as our pages do. */
  probePage: Page;
  /**
   * Lazily connected CDP view of the same browser (for the real side panel). A panel target created after
   * connecting is not attached to an existing connection, so looking for a new panel reconnects.
   */
  cdp: { get(): Promise<Browser>; reconnect(): Promise<Browser> };
}

export interface TestFixtures {
  /** All page errors seen during the test; the ones caused by us fail the test at its end. */
  pageErrors: CollectedError[];
  /** Every request to a non-loopback address during the test, with the page or worker that made it. */
  externalRequests: { url: string; from: string }[];
  /** The extension's service worker. */
  sw: Worker;
  /** chrome-extension://<id>/popup.html?tab=ID in a new tab. */
  openPopup: (tabId: number) => Promise<Page>;
  /** chrome-extension://<id>/sidepanel.html?tab=ID in a new tab (the pop-out view). */
  openSidePanelFor: (tabId: number) => Promise<Page>;
  openOptions: () => Promise<Page>;
  /** The real side panel (found over CDP), once it is open. */
  realSidePanel: (timeout?: number) => Promise<Page>;
  /** Make the page the active tab and open the real side panel beside it (as the popup's button does). */
  openRealPanelFor: (page: Page) => Promise<Page>;
  /** Is a real side panel open right now? */
  realSidePanelOpen: () => Promise<boolean>;
  /** The tab id of a page (brings the page to the front). */
  tabIdOf: (page: Page) => Promise<number>;
  /** Send a message to the background from one of our pages (the probe tab) and return the answer. */
  askBackground: (message: Record<string, unknown>) => Promise<unknown>;
  /** The background's merged summary for a tab, asked from an extension page as the popup does. */
  summaryOf: (tabId: number) => Promise<TabSummary | null>;
  /** Wait for the content script's summary of this page and for its highlights to settle. */
  waitForScan: (page: Page) => Promise<TabSummary>;
  /** Merge fields into the stored settings (sync:settings, schema version 2), as the options page would. */
  setStoredSettings: (patch: Record<string, unknown>) => Promise<void>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires an object pattern here.
    async ({}, use) => {
      const server = await startStaticServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  extBrowser: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires an object pattern here.
    async ({}, use) => {
      const b = await launchWithExtension();
      await use(b);
      await closeExtensionBrowser(b);
    },
    { scope: 'worker', timeout: 60_000 },
  ],

  extensionId: [async ({ extBrowser }, use) => use(extBrowser.extensionId), { scope: 'worker' }],
  extContext: [async ({ extBrowser }, use) => use(extBrowser.context), { scope: 'worker' }],

  cdp: [
    async ({ extBrowser }, use) => {
      let browser: Promise<Browser> | undefined;
      const drop = async () => {
        const b = browser;
        browser = undefined;
        if (b) await (await b).close().catch(() => {});
      };
      await use({
        get: () => {
          browser ??= connectCdp(extBrowser.profileDir);
          return browser;
        },
        reconnect: async () => {
          await drop();
          browser = connectCdp(extBrowser.profileDir);
          return browser;
        },
      });
      await drop();
    },
    { scope: 'worker' },
  ],

  probePage: [
    async ({ extBrowser }, use) => {
      const probe = await extBrowser.context.newPage();
      await probe.goto(`chrome-extension://${extBrowser.extensionId}/options.html`);
      await use(probe);
    },
    { scope: 'worker' },
  ],

  // Every test starts from default settings and no reading progress, and leaves no tab behind.
  page: async ({ extBrowser, extensionId, probePage, cdp }, use) => {
    const { context, home } = extBrowser;
    await clearStorage(await serviceWorkerOf(context, extensionId));
    const page = await context.newPage();
    await use(page);
    // A global side panel stays open across tabs: close it so the next test starts without one.
    // sidePanel.close() only hides the panel (its target lives on, detached), so the target is closed too.
    await serviceWorkerOf(context, extensionId)
      .then(closeSidePanels)
      .catch(() => {});
    await closePanelTargets(await cdp.get(), extensionId).catch(() => {});
    for (const p of context.pages()) if (p !== home && p !== probePage) await p.close().catch(() => {});
  },

  pageErrors: [
    async ({ extContext, extensionId }, use) => {
      const errors: CollectedError[] = [];
      const listener = (e: { page(): Page | null; error(): Error }) => {
        const pageUrl = e.page()?.url() ?? '';
        const err = e.error();
        const stack = err.stack ?? String(err);
        const ours =
          stack.includes(`chrome-extension://${extensionId}`) ||
          pageUrl.startsWith('chrome-extension://') ||
          // Our own fixture pages throw nothing by themselves; an error there is ours.
          (/^http:\/\/127\.0\.0\.1:\d+\//.test(pageUrl) && !new URL(pageUrl).pathname.startsWith('/corpus/'));
        errors.push({ pageUrl, message: err.message, stack, ours });
      };
      extContext.on('weberror', listener);
      await use(errors);
      extContext.off('weberror', listener);
      const ours = errors.filter((e) => e.ours);
      expect(ours, `page errors caused by the extension:\n${ours.map((e) => e.stack).join('\n')}`).toEqual([]);
    },
    { auto: true },
  ],

  externalRequests: async ({ extContext }, use) => {
    const seen: { url: string; from: string }[] = [];
    const listener = (req: Request) => {
      const url = req.url();
      if (/^(https?|wss?):/.test(url) && !/^(https?|wss?):\/\/127\.0\.0\.1[:/]/.test(url)) {
        seen.push({ url, from: req.serviceWorker()?.url() ?? frameUrlOf(req) });
      }
    };
    extContext.on('request', listener);
    await use(seen);
    extContext.off('request', listener);
  },

  sw: async ({ extContext, extensionId }, use) => use(await serviceWorkerOf(extContext, extensionId)),

  openPopup: async ({ extContext, extensionId }, use) => {
    await use(async (tabId) => (await Popup.open(extContext, extensionId, tabId)).page);
  },

  openSidePanelFor: async ({ extContext, extensionId }, use) => {
    await use(async (tabId) => (await SidePanel.openFor(extContext, extensionId, tabId)).page);
  },

  openOptions: async ({ extContext, extensionId }, use) => {
    await use(async () => (await Options.open(extContext, extensionId)).page);
  },

  realSidePanel: async ({ cdp, extensionId }, use) => {
    await use((timeout = 10_000) => waitForRealPanel(cdp, extensionId, timeout));
  },

  openRealPanelFor: async ({ sw, askBackground, realSidePanel }, use) => {
    await use(async (page) => {
      const tabId = await tabIdOfPage(sw, page);
      // Sent from our probe page inside page.evaluate, which counts as a user gesture, as a popup click would.
      await askBackground({ type: 'open-panel', tabId });
      return realSidePanel();
    });
  },

  realSidePanelOpen: async ({ cdp, extensionId }, use) => {
    await use(async () => (await panelTargets(await cdp.get(), extensionId)).length > 0);
  },

  tabIdOf: async ({ sw }, use) => use((page) => tabIdOfPage(sw, page)),

  askBackground: async ({ probePage }, use) => {
    await use((message) => askFrom(probePage, message));
  },

  summaryOf: async ({ askBackground }, use) => {
    await use(async (tabId) => (await askBackground({ type: 'get-summary', tabId })) as TabSummary | null);
  },

  waitForScan: async ({ tabIdOf, summaryOf }, use) => {
    await use(async (page) => {
      const tabId = await tabIdOf(page);
      const deadline = Date.now() + 15_000;
      let summary: TabSummary | null = null;
      while (!summary || summary.url !== page.url()) {
        if (Date.now() > deadline) throw new Error(`no summary from the content script of ${page.url()}`);
        await page.waitForTimeout(100);
        summary = await summaryOf(tabId);
      }
      await waitForStableHighlights(page);
      // A summary may have been sent before the last slice painted; ask again once the paint settled.
      return (await summaryOf(tabId)) ?? summary;
    });
  },

  setStoredSettings: async ({ sw }, use) => {
    await use((patch) => setStoredSettingsIn(sw, patch));
  },
});

function frameUrlOf(req: Request): string {
  try {
    return req.frame().url();
  } catch {
    return '';
  }
}
