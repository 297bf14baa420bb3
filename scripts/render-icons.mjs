// Renders assets/icon.svg (and assets/icon-small.svg for 16 and 32 px) to
// public/icon/<size>.png, which WXT picks up as the manifest icons.
// Uses Debian's Chromium through Playwright; a transparent background
// keeps the rounded corners clean. Run: node scripts/render-icons.mjs
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM, QUIET_ARGS } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SIZES = [16, 32, 48, 96, 128];
// Below 48 px the detailed mark blurs; the small variant is drawn on a 16 px grid.
const sourceFor = (size) => (size <= 32 ? 'assets/icon-small.svg' : 'assets/icon.svg');

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [...QUIET_ARGS],
});
try {
  await mkdir(`${root}public/icon`, { recursive: true });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of SIZES) {
    const svg = await readFile(`${root}${sourceFor(size)}`, 'utf8');
    const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
    const out = `${root}public/icon/${size}.png`;
    await page.locator('svg').screenshot({ path: out, omitBackground: true });
    console.log(`wrote public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
