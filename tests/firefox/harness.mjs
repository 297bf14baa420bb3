// What every Firefox spec needs: a loopback server for the test pages, a
// fresh headless firefox-esr per spec with the built add-on installable, and
// the steps a person takes (open a page, hover, click, open the popup) over
// WebDriver BiDi. Screenshots come back decoded (png.mjs).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect, launchFirefox } from '../../scripts/firefox-bidi.mjs';
import { decodePng } from './png.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const EXTENSION_DIR = resolve(root, `${process.env.ER_OUT_DIR ?? '.output'}/firefox-mv2`);
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const ADDON_ID = 'eight-reasons@eight-reasons.example';
/** Fixed so that tests can open the add-on's own pages (moz-extension://UUID/popup.html). */
export const ADDON_UUID = '6f0d3c1e-8e3a-4f0b-9a51-2b7c4d1e0a11';
/** The header the strict-CSP page is served with (as in the Chromium suite). */
export const STRICT_CSP = "default-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

const ROOTS = {
  '/firefox/': resolve(root, 'tests/firefox'),
  '/pages/': resolve(root, 'tests/fixtures/pages'),
  '/hostile/': resolve(root, 'tests/fixtures/hostile'),
};
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Loopback server for tests/firefox, tests/fixtures/pages and tests/fixtures/hostile. */
export async function startServer() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const prefix = Object.keys(ROOTS).find((p) => path.startsWith(p));
    const base = prefix ? ROOTS[prefix] : null;
    const file = base ? resolve(base, `.${path.slice(prefix.length - 1)}`) : null;
    if (!file?.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (path === '/hostile/csp.html') headers['content-security-policy'] = STRICT_CSP;
    res.writeHead(200, headers);
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { url: (p) => `${origin}${p}`, close: () => new Promise((r) => server.close(r)) };
}

/**
 * A fresh Firefox (headless, throwaway profile). `dark` sets the pages' colour
 * scheme. The add-on is installed by `install()`, so a spec can first look at
 * a page without it.
 */
export async function openFirefox({ dark = false } = {}) {
  const browser = await launchFirefox({
    executable: FIREFOX,
    prefs: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // 0 dark, 1 light: what prefers-color-scheme says to pages and to our card.
      'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1,
      'ui.prefersReducedMotion': 1,
    },
  });
  const session = await connect(browser.endpoint);
  const { contexts } = await session.send('browsingContext.getTree', {});
  const tab = contexts[0].context;
  await session.send('browsingContext.setViewport', { context: tab, viewport: { width: 1000, height: 700 } });

  /** Evaluate an expression in a context's page world; returns its JSON value. */
  async function evaluate(context, expression) {
    const r = await session.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (r.type === 'exception') throw new Error(`page threw: ${r.exceptionDetails?.text}`);
    return r.result.value === undefined ? undefined : JSON.parse(r.result.value);
  }

  async function waitFor(what, fn, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (;;) {
      last = await fn();
      if (last) return last;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(150);
    }
  }

  const pointer = (context, actions) =>
    session.send('input.performActions', {
      context,
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });

  return {
    session,
    tab,
    evaluate,
    waitFor,
    async install() {
      const r = await session.send('webExtension.install', { extensionData: { type: 'path', path: EXTENSION_DIR } });
      assert(r.extension === ADDON_ID, `unexpected add-on id ${r.extension}`);
    },
    async goto(url, context = tab) {
      await session.send('browsingContext.navigate', { context, url, wait: 'complete' });
    },
    /** A new tab with one of the add-on's pages ("/popup.html?tab=3"), popup-sized by default. */
    async openExtensionPage(path, viewport = { width: 400, height: 1200 }) {
      const { context } = await session.send('browsingContext.create', { type: 'tab' });
      await session.send('browsingContext.setViewport', { context, viewport });
      await session.send('browsingContext.navigate', {
        context,
        url: `moz-extension://${ADDON_UUID}${path}`,
        wait: 'complete',
      });
      return context;
    },
    activate: (context) => session.send('browsingContext.activate', { context }),
    closeTab: (context) => session.send('browsingContext.close', { context }),
    async screenshot(context = tab) {
      const { data } = await session.send('browsingContext.captureScreenshot', { context });
      return decodePng(Buffer.from(data, 'base64'));
    },
    /** Move the pointer onto (x, y), coming from the left, as a person's mouse does. */
    hover: (x, y, context = tab) =>
      pointer(context, [
        { type: 'pointerMove', x: Math.max(0, Math.round(x) - 60), y: Math.round(y), duration: 0 },
        { type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 120 },
      ]),
    click: (x, y, context = tab) =>
      pointer(context, [
        { type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0 },
        { type: 'pointerDown', button: 0 },
        { type: 'pointerUp', button: 0 },
      ]),
    async close() {
      await session.send('browser.close').catch(() => {});
      await session.end();
      await browser.close();
    },
  };
}

/** Boxes (viewport CSS px) of each occurrence of `word` in the element with this id. */
export const wordBoxes = (id, word) => `(() => {
  const el = document.getElementById(${JSON.stringify(id)});
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const out = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (let at = n.data.indexOf(${JSON.stringify(word)}); at >= 0; at = n.data.indexOf(${JSON.stringify(word)}, at + 1)) {
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + ${JSON.stringify(word)}.length);
      const b = r.getBoundingClientRect();
      out.push({ x: b.left, y: b.top, width: b.width, height: b.height });
    }
  }
  return out;
})()`;

/** Our highlights as the page sees them: name -> sorted range texts. */
export const READ_HIGHLIGHTS = `(() => {
  const out = {};
  for (const [name, highlight] of CSS.highlights) {
    if (name.startsWith('eight-reasons-') && name !== 'eight-reasons-flash') out[name.slice(14)] = [...highlight].map((r) => r.toString()).sort();
  }
  return out;
})()`;

/** The hover card as drawn: its box, entity, reason and text; null when none is showing. */
export const READ_CARD = `(() => {
  const card = document.querySelector('eight-reasons-ui')?.shadowRoot?.querySelector('[data-testid="hover-card"]');
  if (!card) return null;
  const style = getComputedStyle(card);
  if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) < 1) return null;
  const b = card.getBoundingClientRect();
  return { x: b.left, y: b.top, width: b.width, height: b.height, entity: card.dataset.entity, reason: card.dataset.reason ?? null, link: card.dataset.link, text: card.textContent };
})()`;

/** Run specs in order; print TAP-like lines and the closing "N passed, N failed" line. */
export async function runSpecs(specs) {
  let passed = 0;
  let failed = 0;
  for (const spec of specs) {
    for (const { name, fn } of spec.tests) {
      try {
        await fn();
        passed++;
        console.log(`ok - ${name}`);
      } catch (error) {
        failed++;
        console.log(`not ok - ${name}\n  ${String(error?.stack ?? error).replaceAll('\n', '\n  ')}`);
      }
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0;
}
