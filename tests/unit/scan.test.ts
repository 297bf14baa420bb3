/** The walk (content/scan.ts): text runs across inline elements, blocks, slices, shadow roots. */
import { afterEach, describe, expect, it } from 'vitest';
import { type Segment, walkText } from '@/content/scan';
import { Slice } from '@/content/yield';
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
