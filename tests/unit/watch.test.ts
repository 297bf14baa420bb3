import { afterEach, describe, expect, it } from 'vitest';
import { makeEngine, painted, registry, setBody, settle, stopAll } from './helpers/engine';

afterEach(() => {
  stopAll();
  document.body.innerHTML = '';
  registry().clear();
});

function manyParagraphs(n: number): string {
  let html = '';
  for (let i = 0; i < n; i++)
    html += `<p id="p${i}">Paragraph ${i} about shops${i % 10 === 0 ? ' and WeChat' : ''}.</p>`;
  return `<main>${html}</main>`;
}

type Stats = { blocks: number; indexedNodes: number; painted: number; total: number; segmentsRead: number };
const statsOf = (e: unknown) => (e as { stats(): Stats }).stats();

describe('engine: incremental rescans', () => {
  it('a text change re-reads only its own run', async () => {
    setBody(manyParagraphs(300));
    const { engine } = makeEngine();
    await engine.start();
    expect(engine.summary().total).toBe(30);
    const before = statsOf(engine).segmentsRead;
    expect(before).toBeGreaterThanOrEqual(300);
    (document.getElementById('p5')?.firstChild as Text).data = 'Now Taobao is here.';
    await settle();
    expect(statsOf(engine).segmentsRead - before).toBeLessThanOrEqual(2);
    expect(painted('taobao')).toEqual(['Taobao']);
    expect(engine.summary().total).toBe(31);
    engine.stop();
  });

  it('appended paragraphs are read, the rest is not (infinite scroll)', async () => {
    setBody(manyParagraphs(300));
    const { engine } = makeEngine();
    await engine.start();
    const main = document.querySelector('main') as HTMLElement;
    for (let batch = 0; batch < 3; batch++) {
      const before = statsOf(engine).segmentsRead;
      for (let i = 0; i < 10; i++) {
        const p = document.createElement('p');
        p.textContent = `Appended ${batch}.${i} with Alibaba`;
        main.append(p);
      }
      await settle();
      expect(statsOf(engine).segmentsRead - before).toBe(10);
    }
    expect(painted('alibaba')).toHaveLength(30);
    expect(engine.summary().mentions.slice(-1)[0]?.snippet).toContain('Appended 2.9');
    engine.stop();
  });

  it('a name completed by an added inline element is found; a broken one is dropped', async () => {
    setBody('<p id="a">We</p><p id="b">Taobao and <i>Ali</i><b>baba</b></p>');
    const { engine } = makeEngine();
    await engine.start();
    expect(engine.summary().mentions.map((m) => m.text)).toEqual(['Taobao', 'Alibaba']);
    const b = document.createElement('b');
    b.textContent = 'Chat';
    document.getElementById('a')?.append(b);
    (document.querySelector('#b b') as HTMLElement).textContent = 'babas';
    await settle();
    expect(engine.summary().mentions.map((m) => m.text)).toEqual(['WeChat', 'Taobao']);
    expect(painted('alibaba')).toEqual([]);
    engine.stop();
  });

  it('removing nodes drops their mentions, ranges and index entries', async () => {
    setBody(manyParagraphs(50));
    const { engine } = makeEngine();
    await engine.start();
    expect(statsOf(engine).indexedNodes).toBe(5);
    for (const id of ['p0', 'p10', 'p20']) document.getElementById(id)?.remove();
    await settle();
    const s = statsOf(engine);
    expect(s.indexedNodes).toBe(2);
    expect(s.blocks).toBe(2);
    expect(s.painted).toBe(2);
    expect(registry().get('eight-reasons-wechat')?.size).toBe(2);
    expect(engine.summary().total).toBe(2);
    // Everything goes: nothing is left behind.
    document.body.innerHTML = '';
    await settle();
    expect(statsOf(engine)).toMatchObject({ indexedNodes: 0, blocks: 0, painted: 0, total: 0 });
    expect(registry().has('eight-reasons-wechat')).toBe(false);
    engine.stop();
  });

  it('a block inserted between two halves splits the name', async () => {
    setBody('<div id="d">We<span>Chat</span></div>');
    const { engine } = makeEngine();
    await engine.start();
    expect(engine.summary().total).toBe(1);
    const d = document.getElementById('d') as HTMLElement;
    d.insertBefore(document.createElement('div'), d.querySelector('span'));
    await settle();
    expect(engine.summary().total).toBe(0);
    engine.stop();
  });

  it('showing hidden content (hidden attribute, details opened) finds its mentions', async () => {
    setBody('<div id="h" hidden><p>WeChat Moments</p></div><details id="d"><summary>s</summary><p>淘宝</p></details>');
    const { engine } = makeEngine();
    await engine.start();
    expect(engine.summary().total).toBe(0);
    document.getElementById('h')?.removeAttribute('hidden');
    document.getElementById('d')?.setAttribute('open', '');
    await settle();
    expect(engine.summary().mentions.map((m) => m.text)).toEqual(['WeChat', '淘宝']);
    engine.stop();
  });

  it('an id change reads nothing again (only our rule keys look at ids)', async () => {
    setBody(manyParagraphs(50));
    const { engine } = makeEngine();
    await engine.start();
    const before = statsOf(engine).segmentsRead;
    for (let i = 0; i < 50; i += 10) (document.getElementById(`p${i}`) as HTMLElement).id = `q${i}`;
    await settle();
    expect(statsOf(engine).segmentsRead).toBe(before);
    expect(engine.summary().total).toBe(5);
    engine.stop();
  });

  it('reports changes through onChange and stops reporting after stop()', async () => {
    setBody('<p>WeChat</p>');
    const { engine, summaries } = makeEngine();
    await engine.start();
    expect(summaries.at(-1)?.total).toBe(1);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Taobao' }));
    await settle();
    expect(summaries.at(-1)?.total).toBe(2);
    engine.stop();
    const count = summaries.length;
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Alibaba' }));
    await settle();
    expect(summaries.length).toBe(count);
    expect(registry().size).toBe(0);
  });

  it('settings changes: new entities rescan, colours restyle without a rescan', async () => {
    setBody('<p>WeChat and Tencent and 天猫</p>');
    const { engine } = makeEngine();
    await engine.start();
    expect(engine.summary().total).toBe(1);
    engine.update({ entities: ['wechat', 'tencent', 'tmall'], colors: { ...({} as Record<string, string>) } as never });
    await settle(100);
    expect(engine.summary().mentions.map((m) => m.entity)).toEqual(['wechat', 'tencent', 'tmall']);
    engine.stop();
  });
});

describe('engine: shadow roots arriving later', () => {
  it('finds a filled shadow root inside an added subtree, and watches it', async () => {
    setBody('<div id="host"></div>');
    const { engine } = makeEngine();
    await engine.start();
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Inside: WeChat Moments.</p>';
    const wrap = document.createElement('section');
    wrap.append(host);
    document.getElementById('host')?.append(wrap);
    await settle();
    expect(engine.summary().mentions.map((m) => m.text)).toEqual(['WeChat']);
    const p = document.createElement('p');
    p.textContent = 'Still inside: Taobao.';
    host.shadowRoot?.append(p);
    await settle();
    expect(engine.summary().mentions.map((m) => m.text)).toEqual(['WeChat', 'Taobao']);
  });
});

describe('engine: an added element that is itself a shadow host', () => {
  it('scans its shadow root', async () => {
    setBody('<div id="host"></div>');
    const { engine } = makeEngine();
    await engine.start();
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Inside: 淘宝.</p>';
    document.getElementById('host')?.append(host);
    await settle();
    expect(engine.summary().mentions.map((m) => m.text)).toEqual(['淘宝']);
  });
});
