/**
 * `npm start -- --browser firefox`: Firefox with the built add-on (installed
 * as a temporary add-on over WebDriver BiDi) on the demo page. With a display
 * it stays open until the browser is closed; headless it saves screenshots of
 * the page (with a hover card), the popup and the side panel as extension
 * pages, and exits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { connect, launchFirefox } from './firefox-bidi.mjs';
import { startStaticServer } from './static-server.mjs';

const ADDON_ID = 'eight-reasons@eight-reasons.example';
const ADDON_UUID = '6f0d3c1e-8e3a-4f0b-9a51-2b7c4d1e0a11';

async function evaluate(session, context, expression) {
  const r = await session.send('script.evaluate', {
    expression: `(async () => JSON.stringify(await (${expression})))()`,
    target: { context },
    awaitPromise: true,
  });
  return r.result?.value === undefined ? undefined : JSON.parse(r.result.value);
}

async function save(session, context, file) {
  const { data } = await session.send('browsingContext.captureScreenshot', { context });
  fs.writeFileSync(file, Buffer.from(data, 'base64'));
}

async function newTab(session, url, viewport) {
  const { context } = await session.send('browsingContext.create', { type: 'tab' });
  await session.send('browsingContext.setViewport', { context, viewport });
  await session.send('browsingContext.navigate', { context, url, wait: 'complete' });
  return context;
}

/** Wait until an expression is truthy in a context (at most a few seconds). */
async function until(session, context, expression) {
  for (let i = 0; i < 50; i++) {
    if (await evaluate(session, context, expression)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function screenshots(session, tab, artifacts) {
  fs.mkdirSync(artifacts, { recursive: true });
  const shots = {
    page: path.join(artifacts, 'firefox-demo-page.png'),
    popup: path.join(artifacts, 'firefox-popup.png'),
    panel: path.join(artifacts, 'firefox-side-panel.png'),
  };
  await until(session, tab, `[...CSS.highlights.keys()].some((k) => k.startsWith('eight-reasons-'))`);
  const point = await evaluate(
    session,
    tab,
    `(() => { const h = [...CSS.highlights].find(([k]) => k !== 'eight-reasons-flash')?.[1]; const r = h && [...h][0]?.getBoundingClientRect(); return r && { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) }; })()`,
  );
  if (point) {
    const move = (x) => ({ type: 'pointerMove', x, y: point.y, duration: 100 });
    await session.send('input.performActions', {
      context: tab,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [move(Math.max(0, point.x - 40)), move(point.x)],
        },
      ],
    });
    await new Promise((r) => setTimeout(r, 400));
  }
  await save(session, tab, shots.page);
  const ext = `moz-extension://${ADDON_UUID}`;
  const probe = await newTab(session, `${ext}/popup.html`, { width: 380, height: 600 });
  const tabId = await evaluate(
    session,
    probe,
    'Promise.all([browser.tabs.getCurrent(), browser.tabs.query({})]).then(([me, all]) => all.find((t) => t.id !== me.id).id)',
  );
  await session.send('browsingContext.navigate', {
    context: probe,
    url: `${ext}/popup.html?tab=${tabId}`,
    wait: 'complete',
  });
  await until(session, probe, `document.querySelector('[data-testid="verdict"]:not([data-kind="loading"])')`);
  await save(session, probe, shots.popup);
  const panel = await newTab(session, `${ext}/sidepanel.html?tab=${tabId}`, { width: 400, height: 800 });
  await until(session, panel, `document.querySelector('[data-testid="mention"]')`);
  await save(session, panel, shots.panel);
  return shots;
}

export async function startFirefox({ executable, pagesDir, extDir, artifacts, headless }) {
  const server = await startStaticServer({ mounts: { '/': pagesDir } });
  const browser = await launchFirefox({
    executable,
    headless,
    prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }) },
  });
  const session = await connect(browser.endpoint);
  try {
    await session.send('webExtension.install', { extensionData: { type: 'path', path: extDir } });
    const { contexts } = await session.send('browsingContext.getTree', {});
    const tab = contexts[0].context;
    const demo = `${server.origin}/demo.html`;
    if (headless)
      await session.send('browsingContext.setViewport', { context: tab, viewport: { width: 1280, height: 800 } });
    await session.send('browsingContext.navigate', { context: tab, url: demo, wait: 'complete' });
    if (!headless) {
      console.log(`${path.basename(executable)} is open on ${demo} with the add-on loaded.`);
      console.log('Hover a highlighted name, click it, or use the toolbar button. Close the browser to stop.');
      await browser.exited;
      return;
    }
    const shots = await screenshots(session, tab, artifacts);
    console.log(`No display: ran ${path.basename(executable)} headless and saved screenshots:`);
    for (const file of Object.values(shots)) console.log(`  ${path.relative(process.cwd(), file)}`);
  } finally {
    await session.end().catch(() => {});
    await browser.close();
    await server.close();
  }
}
