/** The painter (content/paint.ts): highlights, the adopted sheet, the highlight CSS. */
import { afterEach, describe, expect, it } from 'vitest';
import { FLASH_NAME, highlightCss, KEPT_NAME, Painter } from '@/content/paint';
import { makeEngine, registry, setBody, stopAll } from './helpers/engine';

afterEach(() => {
  stopAll();
  document.body.innerHTML = '';
  registry().clear();
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
