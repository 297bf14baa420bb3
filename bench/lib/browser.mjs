/**
 * The benchmark's browser and page loading, for the subcommands that inject
 * the engine over the DevTools protocol (run, tasks, scroll, phases, profile,
 * ab): Debian's Chromium headless with the quiet,
 * loopback-only flags, one 1280×900 page, and a fresh load with the engine
 * bundle injected and the page settled.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM, LOOPBACK_ONLY_ARG, QUIET_ARGS } from '../../scripts/chromium.mjs';

/** @returns {Promise<{ browser: import('playwright-core').Browser, page: import('playwright-core').Page }>} */
export async function openBenchPage() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...QUIET_ARGS, LOOPBACK_ONLY_ARG],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  return { browser, page };
}

/**
 * Load `url` afresh, evaluate each script in order (the engine bundle first, then any other), and let the page lay
 * out and render once, so no measurement pays for the page's first layout.
 * @param {import('playwright-core').Page} page @param {string} url @param {string[]} scripts
 */
export async function loadWithEngine(page, url, scripts, timeout = 60_000) {
  await page.goto(url, { waitUntil: 'load', timeout });
  for (const code of scripts) await page.evaluate(code);
  await page.evaluate(() => window.__erBench.settle());
}
