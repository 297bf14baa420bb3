import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the built extension (.output/chrome-mv3, or
 * ER_EXT_DIR) in Debian's Chromium; see tests/e2e/fixtures.ts. One worker:
 * the machine has two cores and each worker runs its own browser.
 */
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
});
