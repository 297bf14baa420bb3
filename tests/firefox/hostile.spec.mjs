// Pages that make it hard: a strict CSP with Trusted Types, and a page whose
// text changes after load. Judged on pixels, as a Firefox user sees them.
import {
  boxOf,
  expectCardDrawn,
  expectColour,
  expectPainted,
  expectUnpainted,
  hoverForCard,
  waitForHighlights,
} from './checks.mjs';
import { assert, openFirefox } from './harness.mjs';

export function hostileSpec(server) {
  const tests = [];
  const test = (name, fn) => tests.push({ name, fn });

  test('strict CSP and Trusted Types: mentions painted and the card styled', async () => {
    const ff = await openFirefox();
    try {
      const url = server.url('/hostile/csp.html');
      await ff.goto(url);
      const wechat = await boxOf(ff, 'p1', 'WeChat');
      const taobao = await boxOf(ff, 'p2', 'Taobao');
      const alibaba = await boxOf(ff, 'p3', '阿里巴巴');
      const plain = await boxOf(ff, 'p1', 'followers');
      const before = await ff.screenshot();
      await ff.install();
      await ff.goto(url);
      await waitForHighlights(ff, { wechat: ['WeChat'], taobao: ['Taobao'], alibaba: ['阿里巴巴'] });
      await ff.hover(2, 2);
      const after = await ff.screenshot();
      expectPainted(before, after, wechat, 'wechat', 'WeChat');
      expectPainted(before, after, taobao, 'taobao', 'Taobao');
      expectPainted(before, after, alibaba, 'alibaba', '阿里巴巴');
      expectUnpainted(before, after, plain, 'followers');
      const card = await hoverForCard(ff, taobao);
      await expectCardDrawn(ff, after, card, taobao, 'light', 'taobao', { minChanged: 0.05 });
    } finally {
      await ff.close();
    }
  });

  test('a page that traps adopted sheets and array methods: still painted and styled, no trap sprung, nothing handed over', async () => {
    const ff = await openFirefox();
    try {
      const url = server.url('/hostile/sheets.html');
      await ff.goto(url);
      const boxes = {
        wechat: await boxOf(ff, 'p1', 'WeChat'),
        taobao: await boxOf(ff, 'p2', 'Taobao'),
        alibaba: await boxOf(ff, 'p3', '阿里巴巴'),
      };
      const before = await ff.screenshot();
      await ff.install();
      await ff.goto(url);
      await waitForHighlights(ff, { wechat: ['WeChat'], taobao: ['Taobao'], alibaba: ['阿里巴巴'] });
      await ff.hover(2, 2);
      const after = await ff.screenshot();
      for (const [entity, box] of Object.entries(boxes)) expectPainted(before, after, box, entity, entity);
      const card = await hoverForCard(ff, boxes.taobao);
      await expectCardDrawn(ff, after, card, boxes.taobao, 'light', 'taobao');
      const page = await ff.evaluate(ff.tab, '({ traps: window.trapsSprung, seen: window.sheetsSeen })');
      assert(page.traps.length === 0, `traps sprung: ${page.traps.join(', ')}`);
      assert(page.seen === 0, `the page was handed ${page.seen} sheets`);
    } finally {
      await ff.close();
    }
  });

  test('text that changes after load is painted where it changed', async () => {
    const ff = await openFirefox();
    try {
      await ff.install();
      await ff.goto(server.url('/pages/dynamic.html'));
      await waitForHighlights(ff, { taobao: ['Taobao'], alibaba: ['Alibaba'] });
      await ff.hover(2, 2);

      // The page appends a paragraph and rewrites another (its own script, on a button).
      const click = async (id) => {
        const b = await ff.evaluate(
          ff.tab,
          `(() => { const r = document.getElementById('${id}').getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`,
        );
        await ff.click(b.x, b.y);
      };
      await click('add');
      await click('change');
      await waitForHighlights(ff, { wechat: ['WeChat'], taobao: ['Taobao', 'Taobao'], alibaba: ['Alibaba'] });
      const addedId = await ff.evaluate(ff.tab, `document.querySelector('#content p[id^="added"]').id`);
      const added = await boxOf(ff, addedId, 'WeChat');
      const changed = await boxOf(ff, 'p-change', 'Taobao');
      const unchanged = await boxOf(ff, 'static', 'Taobao');
      await ff.hover(2, 2);
      const after = await ff.screenshot();
      expectColour(after, unchanged, 'taobao', [255, 255, 255], 'the untouched Taobao');
      // New text has no "before": its box holds the company's colour over the page's white.
      expectColour(after, added, 'wechat', [255, 255, 255], 'WeChat in the added paragraph');
      expectColour(after, changed, 'taobao', [255, 255, 255], 'Taobao in the changed paragraph');

      await click('remove');
      await waitForHighlights(ff, { wechat: ['WeChat'], taobao: ['Taobao', 'Taobao'] });
    } finally {
      await ff.close();
    }
  });

  return tests;
}
