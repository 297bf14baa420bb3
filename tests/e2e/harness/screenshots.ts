/**
 * Where the screenshot specs write. Only the `screenshots` project
 * (`npm run screenshots`) writes the tracked folders; every other run writes
 * the same scenes under the git-ignored artifacts/screenshots/, so `npm test`
 * leaves the work tree clean.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test } from '@playwright/test';

export const SCREENSHOTS_PROJECT = 'screenshots';

/** The folder for screenshots whose tracked home is `tracked` (relative to the repo, e.g. 'docs/screenshots'). */
export function screenshotDir(tracked: string): string {
  const root = process.cwd();
  const dir =
    test.info().project.name === SCREENSHOTS_PROJECT
      ? path.resolve(root, tracked)
      : path.resolve(root, 'artifacts/screenshots', tracked);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
