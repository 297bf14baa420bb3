import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCard, hideCard, placeCard, showCard, warmCard } from '@/components/hover-card';
import { windows } from '@/content/find';
import { caretAt, hitTest, MentionIndex } from '@/content/hit';
import { compareOrder } from '@/content/order';
import { FLASH_NAME, highlightCss, KEPT_NAME, Painter } from '@/content/paint';
import { stepIndex } from '@/content/reveal';
import { type Segment, walkText } from '@/content/scan';
import { Slice } from '@/content/yield';
import { REASONS } from '@/utils/article';
import type { MentionInfo } from '@/utils/types';
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';
import { makeEngine, registry, setBody, stopAll } from './helpers/engine';

afterEach(() => {
  stopAll();
  document.body.innerHTML = '';
  registry().clear();
});

async function segments(start: Node, mode: 'all' | 'own' | 'nested' = 'all'): Promise<string[]> {
  const out: string[] = [];
  await walkText(start, {
    mode,
    slice: new Slice(1000),
    onSegment: (s: Segment) => {
      out.push(s.text);
    },
    isStale: () => false,
  });
  return out;
}

describe('walk', () => {
  it('groups runs across inline elements and breaks at blocks, <br> and controls', async () => {
    setBody('<div>a<b>b</b>c<p>d</p>e<br>f<input>g<script>x</script>h<!-- c --><ruby>i<rt>r</rt></ruby></div>');
    expect(await segments(document.body)).toEqual(['abc', 'd', 'e', 'f', 'ghi']);
  });

  it("'own' reads only the element's own runs, 'nested' only the blocks inside", async () => {
    setBody('<div id="d">a<span>b<p>c</p>d</span>e</div>');
    const d = document.getElementById('d') as HTMLElement;
    expect(await segments(d, 'own')).toEqual(['ab', 'de']);
    expect(await segments(d.querySelector('span') as HTMLElement, 'nested')).toEqual(['c']);
  });

  it('walks deep nesting without recursion', async () => {
    // happy-dom itself recurses when attaching and observing deep trees, so 2,000 levels here;
    // the 10,000-level page runs in Chromium (tests/e2e hostile suite).
    let el: HTMLElement = document.body;
    for (let i = 0; i < 2_000; i++) {
      const next = document.createElement(i % 2 ? 'div' : 'span');
      el.appendChild(next);
      el = next;
    }
    el.textContent = 'deep WeChat';
    const segs = await segments(document.body);
    expect(segs).toEqual(['deep WeChat']);
    // happy-dom's computed style recurses per ancestor; in a browser checkVisibility is native.
    const { engine } = makeEngine({ layout: { isVisible: () => true } });
    await engine.start();
    expect(engine.summary().mentions.map((m) => m.text)).toEqual(['WeChat']);
  });

  it('yields in slices and still reads everything', async () => {
    let html = '';
    for (let i = 0; i < 3000; i++) html += `<p>p${i}</p>`;
    setBody(html);
    const out: string[] = [];
    await walkText(document.body, {
      mode: 'all',
      slice: new Slice(0),
      onSegment: (s) => {
        out.push(s.text);
      },
      isStale: () => false,
    });
    expect(out).toHaveLength(3000);
    expect(out.at(-1)).toBe('p2999');
  });

  it('finds open shadow roots and scans them', async () => {
    setBody('<div id="host"></div><p>Taobao</p>');
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>WeChat in a shadow</p>';
    const { engine } = makeEngine();
    await engine.start();
    expect(engine.summary().mentions.map((m) => m.text)).toEqual(['WeChat', 'Taobao']);
  });

  it('text-first scan: names split across inline elements, and nothing from skipped content', async () => {
    setBody(
      '<p>阿里巴<i>巴</i>集团 and We<b>Chat</b> Pay</p><object><p>Taobao inside an object</p></object>' +
        '<select><option>Alibaba</option></select><div>x<p>Tao<span>bao</span></p>y Alibaba</div>',
    );
    const { engine } = makeEngine();
    await engine.start();
    expect(engine.summary().mentions.map((m) => m.text)).toEqual(['阿里巴巴集团', 'WeChat Pay', 'Taobao', 'Alibaba']);
  });

  it('adopts its sheet in a shadow root only when a mention in it is painted', async () => {
    setBody('<div id="a"></div><div id="b"></div><p>nothing here</p>');
    const withMention = (document.getElementById('a') as HTMLElement).attachShadow({ mode: 'open' });
    withMention.innerHTML = '<p>WeChat in a shadow</p>';
    const without = (document.getElementById('b') as HTMLElement).attachShadow({ mode: 'open' });
    without.innerHTML = '<p>plain text in a shadow</p>';
    const before = document.adoptedStyleSheets.length;
    const { engine } = makeEngine();
    await engine.start();
    expect(engine.summary().mentions.map((m) => m.text)).toEqual(['WeChat']);
    expect(withMention.adoptedStyleSheets).toHaveLength(1);
    expect(without.adoptedStyleSheets).toHaveLength(0);
    expect(document.adoptedStyleSheets.length).toBe(before);
    engine.stop();
    expect(withMention.adoptedStyleSheets).toHaveLength(0);
  });
});

describe('huge text', () => {
  it('cuts windows only at characters no alias contains', () => {
    const text = 'word, WeChat Pay。 '.repeat(10_000);
    const cuts = windows(text, 65_536);
    expect(cuts[0]).toBe(0);
    expect(cuts.at(-1)).toBe(text.length);
    for (const c of cuts.slice(1, -1))
      expect(/[。，,;:!?]/.test(text.charAt(c - 1)) || /\s/.test(text.charAt(c - 1))).toBe(true);
  });

  it('matches a multi-megabyte text node window by window', async () => {
    const filler = 'Lorem ipsum dolor sit amet, consectetur. ';
    let big = '';
    for (let i = 0; i < 60_000; i++) big += i % 1000 === 0 ? 'Our WeChat story. ' : filler;
    setBody('<p></p>');
    (document.querySelector('p') as HTMLElement).textContent = big;
    const { engine } = makeEngine();
    await engine.start();
    expect(big.length).toBeGreaterThan(2_000_000);
    expect(engine.summary().total).toBe(60);
  }, 30_000);
});

describe('hit-testing', () => {
  it('the index finds mentions touching a caret offset by binary search', () => {
    const node = document.createTextNode('x'.repeat(100));
    const index = new MentionIndex<string>();
    index.add(node, 50, 56, 'c');
    index.add(node, 10, 16, 'a');
    index.add(node, 20, 26, 'b');
    expect(index.at(node, 9)).toEqual([]);
    expect(index.at(node, 10)).toEqual(['a']);
    expect(index.at(node, 16)).toEqual(['a']);
    expect(index.at(node, 22)).toEqual(['b']);
    expect(index.at(node, 40)).toEqual([]);
    expect(index.at(node, 56)).toEqual(['c']);
    index.remove(node, 'b');
    expect(index.at(node, 22)).toEqual([]);
    index.remove(node, 'a');
    index.remove(node, 'c');
    expect(index.size).toBe(0);
  });

  it('a caret near a mention is not a hit unless the point is inside its boxes', () => {
    const node = document.createTextNode('WeChat');
    const index = new MentionIndex<string>();
    index.add(node, 0, 6, 'm');
    const box = { left: 10, right: 60, top: 10, bottom: 30 } as DOMRectReadOnly;
    expect(hitTest({ node, offset: 3 }, index, () => [box], 30, 20)).toBe('m');
    expect(hitTest({ node, offset: 6 }, index, () => [box], 200, 20)).toBe(null);
    expect(hitTest({ node: document.body, offset: 0 }, index, () => [box], 30, 20)).toBe(null);
    expect(hitTest(null, index, () => [box], 30, 20)).toBe(null);
  });

  it('caretAt returns null where the DOM has no caret API', () => {
    expect(caretAt(document, 1, 1)).toBe(null);
  });

  it('engine.mentionAt uses the injected caret and boxes', async () => {
    setBody('<p>Say We<b>Chat</b> today</p>');
    const chat = document.querySelector('b')?.firstChild as Text;
    const box = { left: 0, right: 100, top: 0, bottom: 20 } as DOMRectReadOnly;
    const { engine } = makeEngine({
      layout: { isVisible: () => true, caretAt: () => ({ node: chat, offset: 2 }), rectsOf: () => [box] },
    });
    await engine.start();
    const m = engine.mentionAt(50, 10);
    expect(m?.info.text).toBe('WeChat');
    expect(m?.range.toString()).toBe('WeChat');
  });
});

describe('painting', () => {
  it('re-asserts our highlights when the page clears the registry or takes our names', async () => {
    setBody('<p>WeChat and Taobao</p>');
    const { engine } = makeEngine();
    await engine.start();
    const ours = registry().get('eight-reasons-wechat');
    registry().clear();
    registry().set('eight-reasons-taobao', new Highlight());
    engine.mentionAt(0, 0); // any entry point re-asserts
    expect(registry().get('eight-reasons-wechat')).toBe(ours);
    expect(registry().get('eight-reasons-taobao')?.size).toBe(1);
  });

  it('appends its sheet without touching the page sheets, and re-adds it when dropped', () => {
    const page = new CSSStyleSheet();
    document.adoptedStyleSheets = [page];
    const painter = new Painter(document);
    painter.setColors({ wechat: '#12b76a' });
    painter.assert();
    // Nothing painted yet: adopting a sheet would restyle the whole page for nothing.
    expect(document.adoptedStyleSheets).toEqual([page]);
    const range = document.createRange();
    range.selectNodeContents(document.body);
    painter.add('wechat', range, document);
    painter.assert();
    expect(document.adoptedStyleSheets.length).toBe(2);
    expect(document.adoptedStyleSheets[0]).toBe(page);
    document.adoptedStyleSheets = [page];
    painter.assert();
    expect(document.adoptedStyleSheets.length).toBe(2);
    painter.clear();
    expect(document.adoptedStyleSheets).toEqual([page]);
    document.adoptedStyleSheets = [];
  });

  it('styles one highlight per entity, the flash, and the kept passages', () => {
    const css = highlightCss({ wechat: '#12b76a', taobao: '#f97316' });
    expect(css).toContain('::highlight(eight-reasons-wechat){background-color:rgb(18 183 106 / 0.4)');
    // Only the few kept passages carry a decoration: on every mention it would multiply the paint cost.
    const decorated = css.split('\n').filter((rule) => rule.includes('text-decoration'));
    expect(decorated).toEqual([expect.stringContaining(`::highlight(${KEPT_NAME})`)]);
    expect(css).toContain('::highlight(eight-reasons-taobao)');
    expect(css).toContain(`::highlight(${FLASH_NAME})`);
  });
});

describe('reveal and step', () => {
  const items = [
    { entity: 'wechat', reason: 2 },
    { entity: 'taobao', reason: 1 },
    { entity: 'wechat', reason: 6 },
    { entity: 'alibaba', reason: null },
  ] as const;

  it('steps forward and back in document order, wrapping, with filters', () => {
    expect(stepIndex(items, -1, 1)).toBe(0);
    expect(stepIndex(items, -1, -1)).toBe(3);
    expect(stepIndex(items, 3, 1)).toBe(0);
    expect(stepIndex(items, 0, -1)).toBe(3);
    expect(stepIndex(items, 0, 1, { entities: ['wechat'] })).toBe(2);
    expect(stepIndex(items, 2, 1, { entities: ['wechat'] })).toBe(0);
    expect(stepIndex(items, 0, 1, { reasons: [1] })).toBe(1);
    expect(stepIndex(items, 0, 1, { entities: ['tmall'] })).toBe(-1);
    expect(stepIndex([], -1, 1)).toBe(-1);
  });

  it('engine.step reveals in order and returns ids; reveal of an unknown id is false', async () => {
    setBody('<p>Taobao first</p><p>then WeChat</p>');
    const { engine } = makeEngine();
    await engine.start();
    const ids = engine.summary().mentions.map((m) => m.id);
    Element.prototype.scrollIntoView ??= () => {};
    expect(engine.step(1)).toBe(ids[0]);
    expect(engine.step(1)).toBe(ids[1]);
    expect(engine.step(1)).toBe(ids[0]);
    expect(engine.step(-1, { entities: ['wechat'] })).toBe(ids[1]);
    expect(engine.reveal(9999)).toBe(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(registry().get(FLASH_NAME)?.size).toBe(1);
  });

  it('orders shadow content at its host', () => {
    setBody('<p id="a">a</p><div id="h"></div><p id="b">b</p>');
    const shadow = (document.getElementById('h') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>s</p>';
    const a = document.getElementById('a') as Node;
    const b = document.getElementById('b') as Node;
    const s = shadow.firstChild as Node;
    expect(compareOrder(a, s)).toBeLessThan(0);
    expect(compareOrder(s, b)).toBeLessThan(0);
    expect(compareOrder(b, s)).toBeGreaterThan(0);
  });
});

describe('hover card', () => {
  const info: MentionInfo = {
    id: 7,
    entity: 'wechat',
    text: 'WeChat',
    snippet: '… WeChat official account …',
    sentence: 'Brands opened a WeChat official account.',
    link: { reason: 2, firm: true, cues: ['official account', 'followers'], confidence: 0.8, source: 'sentence' },
  };

  it('shows entity, reason, summary and cues as text, with the test attributes and no focusable element', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const card = showCard(container, info, { left: 10, top: 10, bottom: 30 }, '#12b76a');
    expect(card.dataset.testid).toBe('hover-card');
    expect(card.dataset.entity).toBe('wechat');
    expect(card.dataset.reason).toBe('2');
    expect(card.getAttribute('role')).toBe('tooltip');
    // Outside the extension t() shows keys (the e2e hover test reads the real title); the cue words are a substitution.
    expect(card.textContent).toContain('reason2_title');
    expect(card.textContent).toContain('reason2_summary');
    expect(card.textContent).toContain('card_linkedBy');
    expect(card.querySelector('a, button, input, [tabindex]')).toBe(null);
    hideCard(container);
    // Hidden in place (removing a fixed box lays the page out again); the next card replaces it.
    expect(card.style.visibility).toBe('hidden');
    const next = showCard(container, info, { left: 10, top: 10, bottom: 30 });
    expect([...container.children]).toEqual([next]);
    expect(next.style.visibility).toBe('');
  });

  it('is measured at the origin and moved into place by translate, not by left and top', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const measure = vi
      .spyOn(Element.prototype, 'getBoundingClientRect')
      .mockImplementation(() => new DOMRect(0, 0, 300, 120));
    try {
      const card = showCard(container, info, { left: 100, top: 100, bottom: 120 });
      expect(card.style.left).toBe('0px');
      expect(card.style.top).toBe('0px');
      // placeCard's answer for this anchor and size in happy-dom's 1024×768 viewport: below the mention.
      expect(card.style.translate).toBe('100px 126px');
      expect(card.dataset.side).toBe('below');
    } finally {
      measure.mockRestore();
      container.remove();
    }
  });

  it('warms a card by laying it out hidden while attached, then leaves the container empty', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const seen: { attached: boolean; visibility: string; text: string }[] = [];
    const measure = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const el = this as HTMLElement;
      seen.push({ attached: el.isConnected, visibility: el.style.visibility, text: el.textContent ?? '' });
      return new DOMRect(0, 0, 300, 120);
    });
    const added: Node[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) added.push(...r.addedNodes);
    });
    observer.observe(container, { childList: true });
    try {
      warmCard(container, buildCard(document, info, '#12b76a'));
    } finally {
      measure.mockRestore();
    }
    const records = observer.takeRecords();
    for (const r of records) added.push(...r.addedNodes);
    observer.disconnect();
    // The card for this mention was laid out (the same text a hover shows), never visible, and is gone again.
    expect(seen).toEqual([{ attached: true, visibility: 'hidden', text: expect.stringContaining('reason2_title') }]);
    expect(added).toHaveLength(1);
    expect((added[0] as HTMLElement).dataset.testid).toBe('hover-card');
    expect(container.childNodes.length).toBe(0);
    container.remove();
  });

  it('says when a mention is not linked', () => {
    const container = document.createElement('div');
    const card = showCard(
      container,
      {
        ...info,
        entity: 'alibaba',
        link: { reason: null, firm: false, cues: [], confidence: 0.7, source: 'unrelated' },
      },
      { left: 0, top: 0, bottom: 10 },
    );
    expect(card.dataset.reason).toBe('');
    expect(card.dataset.link).toBe('none');
    expect(card.textContent).toContain('card_noArgument');
    expect(card.textContent).not.toContain('reason');
  });

  it('says "may relate to" for a tentative link, and names the reason for a firm one', () => {
    const container = document.createElement('div');
    const at = { left: 0, top: 0, bottom: 10 };
    const tentative = showCard(container, { ...info, link: { ...info.link, firm: false } }, at);
    expect(tentative.dataset.link).toBe('tentative');
    expect(tentative.textContent).toContain('card_mayRelate');
    const firm = showCard(container, { ...info, link: { ...info.link, firm: true } }, at);
    expect(firm.dataset.link).toBe('firm');
    expect(firm.textContent).toContain('card_reason');
    expect(firm.textContent).not.toContain('card_mayRelate');
  });

  it('sits below the mention, or above when there is no room, and inside the viewport', () => {
    const vp = { width: 800, height: 600 };
    const size = { width: 300, height: 120 };
    expect(placeCard({ left: 100, top: 100, bottom: 120 }, size, vp)).toEqual({ left: 100, top: 126, side: 'below' });
    expect(placeCard({ left: 100, top: 550, bottom: 570 }, size, vp)).toEqual({ left: 100, top: 424, side: 'above' });
    expect(placeCard({ left: 700, top: 100, bottom: 120 }, size, vp).left).toBe(492);
    expect(placeCard({ left: -50, top: 100, bottom: 120 }, size, vp).left).toBe(8);
  });

  it("the card's reason titles and summaries in both locales match the article data", () => {
    for (const messages of [en, zh] as Record<string, { message: string }>[]) {
      for (const r of REASONS) {
        expect(messages[`reason${r.n}_title`]?.message).toBe(r.title);
        expect(messages[`reason${r.n}_summary`]?.message).toBe(r.summary);
      }
    }
  });
});
