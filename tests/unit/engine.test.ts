import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_MENTIONS } from '@/content/limits';
import { domShape, makeEngine, painted, registry, setBody, stopAll } from './helpers/engine';

afterEach(() => {
  stopAll();
  document.body.innerHTML = '';
  registry().clear();
});

describe('engine: scan and blocks', () => {
  it('finds names split across inline elements, but never across blocks or <br>', async () => {
    setBody(
      '<p>We<b>Chat</b> Pay and <span>微</span><span>信</span>.</p>' +
        '<div>Tao</div><div>bao</div><p>Ali<br>baba</p><p><em>Alibaba</em>’s shops</p>',
    );
    const { engine } = makeEngine();
    await engine.start();
    const s = engine.summary();
    expect(s.mentions.map((m) => m.text)).toEqual(['WeChat Pay', '微信', 'Alibaba']);
    expect(painted('wechat').sort()).toEqual(['WeChat Pay', '微信'].sort());
    expect(painted('alibaba')).toEqual(['Alibaba']);
    expect(painted('taobao')).toEqual([]);
    engine.stop();
  });

  it('skips scripts, styles, form controls, editable and hidden text', async () => {
    setBody(
      '<script>var a = "WeChat"</script><style>.wechat{}</style><noscript>WeChat</noscript>' +
        '<textarea>WeChat</textarea><select><option>Taobao</option></select><input value="WeChat">' +
        '<div contenteditable="true"><p>WeChat in an editor</p></div>' +
        '<p hidden>WeChat hidden</p><p style="display:none">Taobao none</p>' +
        '<p style="visibility:hidden">Alibaba invisible</p>' +
        '<details><summary>Taobao summary</summary><p>WeChat folded</p></details>' +
        '<ruby>淘<rt>tao</rt>宝<rt>bao</rt></ruby>' +
        '<p>Visible WeChat</p>',
    );
    const { engine } = makeEngine();
    await engine.start();
    const texts = engine.summary().mentions.map((m) => `${m.entity}:${m.snippet}`);
    expect(texts).toHaveLength(3);
    expect(texts[0]).toMatch(/^taobao:Taobao summary/);
    expect(texts[1]).toMatch(/^taobao:淘宝/);
    expect(texts[2]).toMatch(/^wechat:Visible WeChat/);
    engine.stop();
  });

  it('leaves the DOM exactly as it was (no text node split, nothing inserted)', async () => {
    setBody('<article><h1>WeChat and 淘宝</h1><p>Alibaba<i>.com</i> and We<b>Chat</b> Pay, 阿里巴巴集团</p></article>');
    const before = domShape(document.body);
    const { engine } = makeEngine();
    await engine.start();
    expect(engine.summary().total).toBeGreaterThan(3);
    expect(domShape(document.body)).toBe(before);
    engine.stop();
    expect(domShape(document.body)).toBe(before);
  });

  it('links each mention and reports a summary with snippets', async () => {
    setBody('<p>Brands post articles to their WeChat official account to win followers.</p>');
    const { engine, summaries } = makeEngine();
    await engine.start();
    const last = summaries.at(-1);
    expect(last?.mentions[0]?.link.reason).toBe(2);
    expect(last?.mentions[0]?.snippet).toContain('official account');
    expect(last?.total).toBe(1);
    expect(last?.capped).toBe(false);
    engine.stop();
  });

  it('caps painted mentions and counts the rest', async () => {
    // Without IntersectionObserver the painter registers every range (no near-viewport window): all are countable.
    vi.stubGlobal('IntersectionObserver', undefined);
    const n = MAX_MENTIONS + 37;
    setBody(`<p>${'WeChat, '.repeat(n)}</p>`);
    const { engine } = makeEngine();
    await engine.start();
    const s = engine.summary();
    expect(s.total).toBe(n);
    expect(s.mentions).toHaveLength(MAX_MENTIONS);
    expect(s.capped).toBe(true);
    expect(registry().get('eight-reasons-wechat')?.size).toBe(MAX_MENTIONS);
    engine.stop();
    vi.unstubAllGlobals();
  }, 30_000);

  it('adopts no sheet on a page without mentions', async () => {
    setBody('<p>Nothing to see here, only the shop on the corner.</p>');
    const sheetsBefore = document.adoptedStyleSheets.length;
    const { engine } = makeEngine();
    await engine.start();
    expect(registry().size).toBe(0);
    expect(document.adoptedStyleSheets.length).toBe(sheetsBefore);
    engine.stop();
  });

  it('stop() clears the registry, the adopted sheet and every index', async () => {
    setBody('<p>WeChat, Taobao and Alibaba</p>');
    const sheetsBefore = document.adoptedStyleSheets.length;
    const { engine } = makeEngine();
    await engine.start();
    expect(registry().size).toBe(3);
    expect(document.adoptedStyleSheets.length).toBe(sheetsBefore + 1);
    engine.stop();
    expect(registry().size).toBe(0);
    expect(document.adoptedStyleSheets.length).toBe(sheetsBefore);
    expect(engine.summary().mentions).toEqual([]);
    const stats = (engine as unknown as { stats(): { blocks: number; indexedNodes: number } }).stats();
    expect(stats.blocks).toBe(0);
    expect(stats.indexedNodes).toBe(0);
  });
});
