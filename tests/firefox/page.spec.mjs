// On a page: the mentions a Firefox user sees painted, the page left as it
// was, and the hover card drawn beside a mention in light and dark.
import { boxOf, expectCardDrawn, expectPainted, expectUnpainted, hoverForCard, waitForHighlights } from './checks.mjs';
import { assert, openFirefox } from './harness.mjs';

const PAGE = '/firefox/mentions.html';
const EXPECTED = { wechat: ['WeChat', '微信'], taobao: ['Taobao', '淘宝'], alibaba: ['Alibaba', '阿里巴巴'] };
const MENTIONS = [
  ['en-wechat', 'WeChat', 'wechat'],
  ['en-taobao', 'Taobao', 'taobao'],
  ['en-alibaba', 'Alibaba', 'alibaba'],
  ['zh', '微信', 'wechat'],
  ['zh', '淘宝', 'taobao'],
  ['zh', '阿里巴巴', 'alibaba'],
];
const PLAIN = [
  ['en-wechat', 'official'],
  ['en-taobao', 'Shoppers'],
  ['en-alibaba', 'logistics'],
  ['zh', '品牌'],
];

export function pageSpec(server) {
  const tests = [];
  const test = (name, fn) => tests.push({ name, fn });

  test('each mention is painted in its company’s colour, plain words are not (pixels, against the page without the add-on)', async () => {
    const ff = await openFirefox();
    try {
      await ff.goto(server.url(PAGE));
      const boxes = [];
      for (const [id, word] of MENTIONS) boxes.push(await boxOf(ff, id, word));
      const plain = [];
      for (const [id, word] of PLAIN) plain.push(await boxOf(ff, id, word));
      const before = await ff.screenshot();

      await ff.install();
      await ff.goto(server.url(PAGE));
      await waitForHighlights(ff, EXPECTED);
      await ff.hover(2, 2); // pointer out of the way
      const after = await ff.screenshot();
      for (const [i, [id, word, entity]] of MENTIONS.entries()) {
        expectPainted(before, after, boxes[i], entity, `${word} in #${id}`);
      }
      for (const [i, [id, word]] of PLAIN.entries()) expectUnpainted(before, after, plain[i], `${word} in #${id}`);
    } finally {
      await ff.close();
    }
  });

  test('the page’s DOM is unchanged apart from our one <eight-reasons-ui> host', async () => {
    const ff = await openFirefox();
    try {
      await ff.install();
      await ff.goto(server.url(PAGE));
      await waitForHighlights(ff, EXPECTED);
      await hoverForCard(ff, await boxOf(ff, 'en-taobao', 'Taobao'));
      const diff = await ff.evaluate(
        ff.tab,
        `fetch(location.href).then((r) => r.text()).then((html) => {
          const source = new DOMParser().parseFromString(html, 'text/html');
          const live = document.documentElement.cloneNode(true);
          const hosts = live.querySelectorAll('eight-reasons-ui');
          for (const host of hosts) host.remove();
          const a = live.outerHTML, b = source.documentElement.outerHTML;
          if (a === b) return { hosts: hosts.length };
          let i = 0;
          while (a[i] === b[i]) i++;
          return { hosts: hosts.length, at: i, live: a.slice(i - 40, i + 60), source: b.slice(i - 40, i + 60) };
        })`,
      );
      assert(diff.at === undefined, `DOM differs:\n  live:   ${diff.live}\n  source: ${diff.source}`);
      assert(diff.hosts === 1, `${diff.hosts} host elements (one expected once a card was shown)`);
    } finally {
      await ff.close();
    }
  });

  for (const theme of ['light', 'dark']) {
    test(`hovering a mention draws the card beside it, opaque and styled (${theme})`, async () => {
      const ff = await openFirefox({ dark: theme === 'dark' });
      try {
        await ff.install();
        await ff.goto(server.url(PAGE));
        await waitForHighlights(ff, EXPECTED);
        const mention = await boxOf(ff, 'en-taobao', 'Taobao');
        await ff.hover(2, 2);
        const before = await ff.screenshot();
        const card = await hoverForCard(ff, mention);
        assert(card.entity === 'taobao', `card is for ${card.entity}, expected taobao`);
        // The card says how the mention is linked: a reason (firm or "may relate to"), or none of the arguments.
        const says = {
          firm: /Reason [1-8] ·/,
          tentative: /May relate to reason [1-8] ·/,
          none: /Not about the article/,
        };
        assert(says[card.link]?.test(card.text), `card (${card.link}) says: ${card.text}`);
        await expectCardDrawn(ff, before, card, mention, theme, 'taobao');
      } finally {
        await ff.close();
      }
    });
  }

  return tests;
}
