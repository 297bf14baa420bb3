// The reader's surfaces in Firefox: the popup, the sidebar opened from the
// popup's button, a click on a mention showing its reason in the open
// sidebar, the keyboard shortcuts, and the options applying to an open tab.
// The popup and options are the add-on's own pages opened in a tab (pinned to
// the page's tab with ?tab=, as in the Chromium suite); the sidebar is read
// through the add-on's own view list (BiDi does not reach browser chrome).
import { boxOf, COLOURS, expectPainted, waitForHighlights } from './checks.mjs';
import { assert, openFirefox } from './harness.mjs';
import { changedShare, mostCommon, pixelsIn } from './png.mjs';

const PAGE = '/firefox/mentions.html';
const EXPECTED = { wechat: ['WeChat', '微信'], taobao: ['Taobao', '淘宝'], alibaba: ['Alibaba', '阿里巴巴'] };

/** The id of the one tab that is not this extension page. */
const OTHER_TAB_ID = `Promise.all([browser.tabs.getCurrent(), browser.tabs.query({})])
  .then(([me, all]) => all.find((t) => t.id !== me.id).id)`;

/** What the open sidebar shows, read through the add-on's views (null when it is closed). */
const READ_SIDEBAR = `(() => {
  const view = browser.extension.getViews({ type: 'sidebar' })[0];
  if (!view) return null;
  const d = view.document;
  const active = d.querySelector('section[data-reason][data-active="true"]');
  return {
    mentions: [...d.querySelectorAll('[data-testid="mention"]')].map((m) => m.textContent),
    activeReason: active ? Number(active.dataset.reason) : null,
  };
})()`;

/** Box of the first element matching a selector in a context. */
const boxOfSelector = (selector) => `(() => {
  const b = document.querySelector(${JSON.stringify(selector)})?.getBoundingClientRect();
  return b ? { x: b.left, y: b.top, width: b.width, height: b.height } : null;
})()`;

async function pageWithAddon(ff, server) {
  await ff.install();
  await ff.goto(server.url(PAGE));
  await waitForHighlights(ff, EXPECTED);
}

async function clickSelector(ff, context, selector) {
  const box = await ff.evaluate(context, boxOfSelector(selector));
  assert(box, `no ${selector}`);
  await ff.click(box.x + box.width / 2, box.y + box.height / 2, context);
}

export function readerSpec(server) {
  const tests = [];
  const test = (name, fn) => tests.push({ name, fn });

  test('the popup shows the eight reasons and the page’s counts', async () => {
    const ff = await openFirefox();
    try {
      await pageWithAddon(ff, server);
      const popup = await ff.openExtensionPage('/popup.html');
      const tabId = await ff.evaluate(popup, OTHER_TAB_ID);
      await ff.goto(`moz-extension://${await ff.evaluate(popup, 'location.host')}/popup.html?tab=${tabId}`, popup);
      const counts = await ff.waitFor('the counts', async () => {
        const c = await ff.evaluate(
          popup,
          `Object.fromEntries([...document.querySelectorAll('[data-testid="entity-count"]')].map((e) => [e.dataset.entity, e.textContent]))`,
        );
        return Object.keys(c).length >= 3 ? c : null;
      });
      for (const id of Object.keys(COLOURS)) assert(/\D2$/.test(counts[id] ?? ''), `${id} count: ${counts[id]}`);
      const reasons = await ff.evaluate(
        popup,
        `[...document.querySelectorAll('[data-testid="reason"]')].map((r) => r.dataset.reason)`,
      );
      assert(reasons.join() === '1,2,3,4,5,6,7,8', `reasons ${reasons}`);
      // Drawn, not just present: each reason's row, scrolled into view, holds text (more than one colour) on screen.
      for (const n of reasons) {
        const row = `[data-testid="reason"][data-reason="${n}"]`;
        await ff.evaluate(popup, `document.querySelector('${row}').scrollIntoView({ block: 'center' })`);
        const box = await ff.evaluate(popup, boxOfSelector(row));
        const common = mostCommon(pixelsIn(await ff.screenshot(popup), box));
        assert(common && common.share < 0.97, `reason ${n}'s row is blank on screen`);
      }
    } finally {
      await ff.close();
    }
  });

  test('the popup’s button opens the sidebar, which lists the page’s mentions; a click on a mention shows its reason there', async () => {
    const ff = await openFirefox();
    try {
      await pageWithAddon(ff, server);
      const popup = await ff.openExtensionPage('/popup.html');
      const tabId = await ff.evaluate(popup, OTHER_TAB_ID);
      await ff.goto(`moz-extension://${await ff.evaluate(popup, 'location.host')}/popup.html?tab=${tabId}`, popup);
      assert((await ff.evaluate(popup, 'browser.sidebarAction.isOpen({})')) === false, 'sidebar open before the click');
      await ff.waitFor('the open-panel button', () => ff.evaluate(popup, boxOfSelector('[data-testid="open-panel"]')));
      await clickSelector(ff, popup, '[data-testid="open-panel"]');
      await ff.waitFor('the sidebar to open', () => ff.evaluate(popup, 'browser.sidebarAction.isOpen({})'));

      // The reader goes back to the page: the sidebar follows the active tab and lists its mentions.
      await ff.activate(ff.tab);
      const listed = await ff.waitFor('the sidebar’s mention list', async () => {
        const s = await ff.evaluate(popup, READ_SIDEBAR);
        return s?.mentions.length === 6 ? s : null;
      });
      assert(
        listed.mentions.some((m) => m.includes('Taobao')),
        `sidebar list: ${listed.mentions.join(' | ')}`,
      );

      // A real click on a mention: the open sidebar shows the reason its card names.
      const mention = await boxOf(ff, 'en-wechat', 'WeChat');
      await ff.hover(mention.x + mention.width / 2, mention.y + mention.height / 2);
      const reason = await ff.waitFor('the card’s reason', () =>
        ff.evaluate(
          ff.tab,
          `document.querySelector('eight-reasons-ui')?.shadowRoot?.querySelector('[data-testid="hover-card"]')?.dataset.reason ?? null`,
        ),
      );
      await ff.click(mention.x + mention.width / 2, mention.y + mention.height / 2);
      await ff.waitFor(`reason ${reason} in the sidebar`, async () => {
        const s = await ff.evaluate(popup, READ_SIDEBAR);
        return s?.activeReason === Number(reason);
      });
    } finally {
      await ff.close();
    }
  });

  test('the keyboard shortcuts are registered with their keys', async () => {
    const ff = await openFirefox();
    try {
      await ff.install();
      const page = await ff.openExtensionPage('/popup.html');
      const commands = await ff.evaluate(
        page,
        'browser.commands.getAll().then((all) => Object.fromEntries(all.map((c) => [c.name, c.shortcut])))',
      );
      const want = {
        'open-panel': 'Alt+Shift+E',
        'toggle-highlighting': 'Alt+Shift+H',
        'next-mention': 'Alt+Shift+J',
        'prev-mention': 'Alt+Shift+K',
      };
      assert(JSON.stringify(commands) === JSON.stringify(want), `commands: ${JSON.stringify(commands)}`);
    } finally {
      await ff.close();
    }
  });

  test('turning a company off in the options unpaints it in an open tab at once', async () => {
    const ff = await openFirefox();
    try {
      await pageWithAddon(ff, server);
      const taobao = await boxOf(ff, 'en-taobao', 'Taobao');
      const wechat = await boxOf(ff, 'en-wechat', 'WeChat');
      await ff.hover(2, 2);
      const painted = await ff.screenshot();

      const options = await ff.openExtensionPage('/options.html');
      await ff.waitFor('the Taobao switch', () =>
        ff.evaluate(options, boxOfSelector('[data-testid="entity-toggle"][data-entity="taobao"]')),
      );
      await clickSelector(ff, options, '[data-testid="entity-toggle"][data-entity="taobao"]');
      await ff.activate(ff.tab);
      await waitForHighlights(ff, { wechat: EXPECTED.wechat, alibaba: EXPECTED.alibaba });
      await ff.hover(2, 2);
      const after = await ff.screenshot();
      assert(changedShare(painted, after, taobao) > 0.5, 'Taobao is still painted');
      assert(changedShare(painted, after, wechat) < 0.02, 'WeChat changed too');
      // And back on: painted again in its colour.
      await ff.activate(options);
      await clickSelector(ff, options, '[data-testid="entity-toggle"][data-entity="taobao"]');
      await ff.activate(ff.tab);
      await waitForHighlights(ff, EXPECTED);
      await ff.hover(2, 2);
      expectPainted(after, await ff.screenshot(), taobao, 'taobao', 'Taobao after turning it back on');
    } finally {
      await ff.close();
    }
  });

  return tests;
}
