/**
 * "Open a page: each of its frames asks our background for the linker's cue
 * lists, once, and the mentions are linked by cue words." The content script
 * does not read them with i18n in the page (platform/cue-request.ts says why);
 * without the lists every mention would take its fallback reason.
 */
import { expect, test } from './harness/fixtures';

interface Asked {
  tabId: number | undefined;
  frameId: number | undefined;
}

test('every frame asks the background for the cue lists once, and its mentions are linked by cue words', async ({
  page,
  server,
  sw,
  tabIdOf,
  waitForScan,
}) => {
  // Listen beside the background's own listener (which answers): record who asks.
  await sw.evaluate(() => {
    const g = globalThis as unknown as {
      __cueAsks?: Asked[];
      __cueListening?: boolean;
      chrome: {
        runtime: {
          onMessage: {
            addListener(cb: (m: unknown, sender: { tab?: { id?: number }; frameId?: number }) => undefined): void;
          };
        };
      };
    };
    g.__cueAsks = [];
    if (g.__cueListening) return;
    g.__cueListening = true;
    g.chrome.runtime.onMessage.addListener((m, sender) => {
      if ((m as { type?: string } | null)?.type === 'get-cue-data')
        g.__cueAsks?.push({ tabId: sender.tab?.id, frameId: sender.frameId });
      return undefined;
    });
  });

  await page.goto(server.url('/dynamic.html'));
  await page.click('#iframe');
  const tabId = await tabIdOf(page);
  const asks = () => sw.evaluate(() => ((globalThis as unknown as { __cueAsks?: Asked[] }).__cueAsks ?? []).slice());
  // The top frame and the same-origin frame added by the page, each once.
  await expect.poll(async () => (await asks()).filter((a) => a.tabId === tabId).length, { timeout: 10_000 }).toBe(2);
  const frames = (await asks()).filter((a) => a.tabId === tabId).map((a) => a.frameId);
  expect(new Set(frames).size).toBe(2);
  expect(frames).toContain(0);

  // The answer was used: mentions in the demo page are linked by their sentence's cue words, not by fallback.
  await page.goto(server.url('/demo.html'));
  const summary = await waitForScan(page);
  const cued = summary.mentions.filter((m) => m.link.source === 'sentence' && m.link.cues.length > 0);
  expect(cued.length).toBeGreaterThan(summary.mentions.length / 2);
});
