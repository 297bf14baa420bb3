import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the built extension (.output/chrome-mv3, or
 * ER_EXT_DIR) in Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium);
 * see tests/e2e/harness/. One worker: the machine has two cores and each
 * worker runs its own browser.
 *
 * Projects:
 * - `e2e` (the default run, `npm run test:e2e`): every spec. The screenshot
 *   specs still render and check their scenes, but write only into the
 *   git-ignored artifacts/screenshots/, so the work tree stays clean.
 * - `screenshots` (`npm run screenshots`, which sets ER_SCREENSHOTS=1): the
 *   screenshot specs only, writing the tracked docs/screenshots/ and
 *   store/screenshots/. It exists only when ER_SCREENSHOTS is set, so a plain
 *   `playwright test` never runs it.
 */
const SCREENSHOT_SPECS = /(readme|store)-screenshots\.spec\.ts$/;

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['./tests/e2e/summary-reporter.ts']],
  outputDir: 'test-results',
  use: { actionTimeout: 15_000, trace: 'off', screenshot: 'off' },
  projects: process.env.ER_SCREENSHOTS
    ? [{ name: 'screenshots', testMatch: SCREENSHOT_SPECS }]
    : [{ name: 'e2e', testMatch: /\.spec\.ts$/ }],
});
