// Firefox smoke test: load the built add-on (firefox-mv2) into headless
// firefox-esr over WebDriver BiDi, open a local page with known mentions,
// and check what a person would see: the mentions painted per entity, the
// page's DOM untouched apart from our host element, and the hover card.
// Run after `wxt build -b firefox`: node tests/firefox/smoke.mjs [extensionDir]
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect, launchFirefox } from './bidi.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const extensionDir = resolve(process.argv[2] ?? `${process.env.ER_OUT_DIR ?? '.output'}/firefox-mv2`);
const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

// What tests/firefox/mentions.html must show: exact text of each painted range.
const EXPECTED = {
  'eight-reasons-wechat': ['WeChat', '微信'],
  'eight-reasons-taobao': ['Taobao', '淘宝'],
  'eight-reasons-alibaba': ['Alibaba', '阿里巴巴'],
};

const results = [];
async function test(name, fn) {
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok - ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`not ok - ${name}\n  ${String(error?.message ?? error).replaceAll('\n', '\n  ')}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Evaluate an expression in the page's own world and return its JSON-decoded value. */
async function evaluate(session, context, expression) {
  const r = await session.send('script.evaluate', {
    expression: `(async () => JSON.stringify(await (${expression})))()`,
    target: { context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (r.type === 'exception') throw new Error(`page threw: ${r.exceptionDetails?.text}`);
  return r.result.value === undefined ? undefined : JSON.parse(r.result.value);
}

// Our highlights as the page sees them: name -> sorted range texts.
const READ_HIGHLIGHTS = `(() => {
  const out = {};
  for (const [name, highlight] of CSS.highlights) {
    if (name.startsWith('eight-reasons-')) out[name] = [...highlight].map((r) => r.toString()).sort();
  }
  return out;
})()`;

function sameHighlights(actual) {
  const names = Object.keys(EXPECTED);
  return names.every((n) => JSON.stringify(actual?.[n]) === JSON.stringify([...EXPECTED[n]].sort()));
}

async function main() {
  if (!existsSync(`${extensionDir}/manifest.json`)) {
    console.error(`No Firefox build at ${extensionDir}: run \`npx wxt build -b firefox\` first.`);
    process.exit(2);
  }
  if (!existsSync(firefox)) {
    console.error(`No Firefox at ${firefox} (apt-get install -y firefox-esr, or set FIREFOX_PATH).`);
    process.exit(2);
  }
  const html = await readFile(`${here}mentions.html`, 'utf8');
  const server = createServer((req, res) => {
    if (req.url === '/' || req.url === '/mentions.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const pageUrl = `http://127.0.0.1:${server.address().port}/`;

  const browser = await launchFirefox({ executable: firefox });
  let session;
  try {
    session = await connect(browser.endpoint);
    const { contexts } = await session.send('browsingContext.getTree', {});
    const context = contexts[0].context;

    await test('the built add-on installs as a temporary add-on', async () => {
      const r = await session.send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });
      assert(r.extension === 'eight-reasons@eight-reasons.example', `unexpected add-on id ${r.extension}`);
    });

    await session.send('browsingContext.navigate', { context, url: pageUrl, wait: 'complete' });

    let painted;
    await test('the known mentions are painted, one highlight per entity', async () => {
      // The engine scans in slices after load: wait until the ranges settle.
      const deadline = Date.now() + 15_000;
      do {
        painted = await evaluate(session, context, READ_HIGHLIGHTS);
        if (sameHighlights(painted)) break;
        await sleep(250);
      } while (Date.now() < deadline);
      const expected = Object.fromEntries(Object.entries(EXPECTED).map(([n, t]) => [n, [...t].sort()]));
      assert(sameHighlights(painted), `expected ${JSON.stringify(expected)}\n  got      ${JSON.stringify(painted)}`);
      const extra = Object.keys(painted).filter((n) => !(n in EXPECTED) && n !== 'eight-reasons-flash');
      assert(extra.length === 0, `unexpected highlights: ${extra.join(', ')}`);
    });

    await test("the page's DOM is unchanged apart from <eight-reasons-ui>", async () => {
      const diff = await evaluate(
        session,
        context,
        `(() => {
          const source = new DOMParser().parseFromString(${JSON.stringify(html)}, 'text/html');
          const live = document.documentElement.cloneNode(true);
          const hosts = live.querySelectorAll('eight-reasons-ui');
          for (const host of hosts) host.remove();
          const a = live.outerHTML, b = source.documentElement.outerHTML;
          if (a === b) return { hosts: hosts.length };
          let i = 0;
          while (a[i] === b[i]) i++;
          return { hosts: hosts.length, at: i, live: a.slice(i - 40, i + 60), source: b.slice(i - 40, i + 60) };
        })()`,
      );
      assert(diff.at === undefined, `DOM differs:\n  live:   ${diff.live}\n  source: ${diff.source}`);
      assert(diff.hosts <= 1, `${diff.hosts} host elements (at most one allowed)`);
    });

    await test('hovering a mention shows the hover card for its entity', async () => {
      // Centre of the "Taobao" mention in viewport coordinates.
      const point = await evaluate(
        session,
        context,
        `(() => {
          const text = document.getElementById('en-taobao').firstChild;
          const range = document.createRange();
          const at = text.data.indexOf('Taobao');
          range.setStart(text, at);
          range.setEnd(text, at + 'Taobao'.length);
          const r = range.getBoundingClientRect();
          return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
        })()`,
      );
      await session.send('input.performActions', {
        context,
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', x: point.x - 60, y: point.y, duration: 0 },
              { type: 'pointerMove', x: point.x, y: point.y, duration: 150 },
            ],
          },
        ],
      });
      let card;
      const deadline = Date.now() + 5000;
      do {
        card = await evaluate(
          session,
          context,
          `(() => {
            const card = document.querySelector('eight-reasons-ui')?.shadowRoot?.querySelector('[data-testid="hover-card"]');
            if (!card || !card.checkVisibility()) return null;
            return { entity: card.dataset.entity, reason: card.dataset.reason, text: card.textContent };
          })()`,
        );
        if (card) break;
        await sleep(150);
      } while (Date.now() < deadline);
      assert(card, 'no visible [data-testid="hover-card"] in the <eight-reasons-ui> shadow root');
      assert(card.entity === 'taobao', `card is for ${card.entity}, expected taobao`);
      assert(/^[1-8]$/.test(card.reason ?? ''), `card has no reason number (${card.reason})`);
    });
  } finally {
    await session?.send('browser.close').catch(() => {});
    await session?.end();
    await browser.close();
    server.close();
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
