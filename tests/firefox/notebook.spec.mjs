// The reader's notebook in Firefox: keep a passage from the panel's mention
// list (the panel page pinned to the page's tab), see it in the notebook view,
// see it underlined on the page and marked kept on its card; correct another
// mention's link and see "linked by: you" on its card. The store is IndexedDB
// in the add-on's own origin, behind the background.
import { boxOf, hoverForCard, waitForHighlights } from './checks.mjs';
import { assert, openFirefox, sleep } from './harness.mjs';
import { changedShare } from './png.mjs';

const PAGE = '/firefox/mentions.html';
const EXPECTED = { wechat: ['WeChat', '微信'], taobao: ['Taobao', '淘宝'], alibaba: ['Alibaba', '阿里巴巴'] };
const OTHER_TAB_ID = `Promise.all([browser.tabs.getCurrent(), browser.tabs.query({})])
  .then(([me, all]) => all.find((t) => t.id !== me.id).id)`;

const centreOf = (selector) => `(() => {
  const b = document.querySelector(${JSON.stringify(selector)})?.getBoundingClientRect();
  return b && b.width > 0 ? { x: b.left + b.width / 2, y: b.top + b.height / 2 } : null;
})()`;

async function clickIn(ff, context, selector) {
  await ff.evaluate(
    context,
    `document.querySelector(${JSON.stringify(selector)})?.scrollIntoView({ block: 'center' })`,
  );
  const at = await ff.waitFor(selector, () => ff.evaluate(context, centreOf(selector)));
  await ff.click(at.x, at.y, context);
}

export function notebookSpec(server) {
  const tests = [];
  const test = (name, fn) => tests.push({ name, fn });

  test('keep a passage and correct a link from the panel: the notebook lists it, the page underlines it, the cards say so', async () => {
    const ff = await openFirefox();
    try {
      await ff.install();
      await ff.goto(server.url(PAGE));
      await waitForHighlights(ff, EXPECTED);
      const taobao = await boxOf(ff, 'en-taobao', 'Taobao');
      await ff.hover(2, 2);
      const before = await ff.screenshot();

      const panel = await ff.openExtensionPage('/popup.html');
      const tabId = await ff.evaluate(panel, OTHER_TAB_ID);
      const host = await ff.evaluate(panel, 'location.host');
      await ff.goto(`moz-extension://${host}/sidepanel.html?tab=${tabId}`, panel);
      const mention = (entity) => `[data-testid="mention"][data-entity="${entity}"]`;
      await ff.waitFor('the mention list', () =>
        ff.evaluate(panel, `!!document.querySelector('${mention('taobao')}')`),
      );

      // Keep the Taobao sentence as evidence that challenges the argument.
      await clickIn(ff, panel, `${mention('taobao')} [data-testid="mention-keep"]`);
      await clickIn(ff, panel, '[data-testid="keep-stance-challenges"]');
      const reasonSet = await ff.evaluate(panel, `document.querySelector('[data-testid="keep-reason"]')?.value ?? ''`);
      if (!reasonSet) {
        await ff.evaluate(
          panel,
          `(() => { const s = document.querySelector('[data-testid="keep-reason"]'); s.value = '1'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`,
        );
      }
      await clickIn(ff, panel, '[data-testid="keep-save"]');
      await ff.waitFor('the kept mark in the list', () =>
        ff.evaluate(panel, `!!document.querySelector('${mention('taobao')} [data-testid="mention-kept"]')`),
      );

      // Correct the WeChat mention: not about the article.
      await clickIn(ff, panel, `${mention('wechat')} [data-testid="mention-correct"]`);
      await clickIn(ff, panel, '[data-testid="correct-none"]');

      // The notebook view lists the kept passage with its stance.
      await clickIn(ff, panel, '[data-testid="view-notebook"]');
      const listed = await ff.waitFor('the passage in the notebook', () =>
        ff.evaluate(
          panel,
          `(() => { const p = document.querySelector('[data-testid="nb-passage"]'); return p && { sentence: p.querySelector('[data-testid="nb-sentence"]')?.textContent ?? '', stance: p.querySelector('[data-testid="nb-stance"]')?.textContent ?? '' }; })()`,
        ),
      );
      assert(listed.sentence.includes('Taobao'), `kept sentence: ${listed.sentence}`);
      assert(/challenge/i.test(listed.stance), `stance: ${listed.stance}`);

      // On the page: the kept mention is underlined (its lower edge changed), and the cards say what the reader did.
      await ff.activate(ff.tab);
      await ff.hover(2, 2);
      await sleep(300);
      const after = await ff.screenshot();
      const underline = { x: taobao.x, y: taobao.y + taobao.height - 5, width: taobao.width, height: 8 };
      assert(changedShare(before, after, underline) > 0.1, 'no underline under the kept mention');
      const kept = await hoverForCard(ff, taobao);
      assert(/Kept as evidence/.test(kept.text), `kept card says: ${kept.text}`);
      await ff.hover(2, 2);
      const wechat = await hoverForCard(ff, await boxOf(ff, 'en-wechat', 'WeChat'));
      assert(
        wechat.link === 'none' && /linked by: you/.test(wechat.text),
        `corrected card (${wechat.link}): ${wechat.text}`,
      );
    } finally {
      await ff.close();
    }
  });

  return tests;
}
