import { afterEach, describe, expect, it } from 'vitest';
import { highlightCss, highlightRules, Painter } from '@/content/paint';
import { RuleKeys, selectorOf, UNIVERSAL } from '@/content/rule-keys';

afterEach(() => {
  document.body.innerHTML = '';
  document.adoptedStyleSheets = [];
});

const el = (id: string) => document.getElementById(id) as Element;
const pageSize = () => document.getElementsByTagName('*').length;

describe('RuleKeys', () => {
  it('names the cheaper of the tag and the nearest unique id, and covers what lies inside a key', () => {
    document.body.innerHTML = `
      <nav>${'<span>menu</span>'.repeat(12)}</nav>
      <p id="a">WeChat <b id="a-b">Pay</b></p>
      <p>Taobao</p>
      <div id="box"><span>Alibaba</span><span>more</span></div>
      <ul><li id="item">x</li></ul>`;
    const keys = new RuleKeys(pageSize);
    // Two <p> against #a's two elements: a tie keeps the tag.
    expect(keys.cover(el('a'), document)).toBe('p');
    // Inside a keyed <p>: covered, nothing added.
    expect(keys.cover(el('a-b'), document)).toBeNull();
    // Thirteen <span> against #box's three elements: the id.
    expect(keys.cover(el('box').firstElementChild as Element, document)).toBe('#box');
    expect(keys.covers(el('box').lastElementChild as Element)).toBe(true);
    expect(keys.cover(el('item'), document)).toBe('li');
    expect(keys.list()).toEqual(['p', '#box', 'li']);
  });

  it('ignores an id the page uses twice (a rule would not name only that element)', () => {
    document.body.innerHTML = `${'<p>filler</p>'.repeat(10)}${'<span>x</span>'.repeat(5)}<div id="dup"><span>x</span></div><div id="dup"></div>`;
    const keys = new RuleKeys(pageSize);
    expect(keys.cover(document.querySelector('#dup span') as Element, document)).toBe('span');
  });

  it('gives way to one universal rule once its keys would restyle half the page', () => {
    document.body.innerHTML = `${'<p>a</p>'.repeat(6)}${'<li>b</li>'.repeat(6)}<i id="i">c</i>`;
    const keys = new RuleKeys(pageSize);
    expect(keys.cover(document.querySelector('p') as Element, document)).toBe('p');
    // 6 + 6 of 16 elements: over half.
    expect(keys.cover(document.querySelector('li') as Element, document)).toBe(UNIVERSAL);
    expect(keys.list()).toEqual([UNIVERSAL]);
    expect(keys.cover(el('i'), document)).toBeNull();
    keys.clear();
    expect(keys.list()).toEqual([]);
    expect(keys.covers(el('i'))).toBe(false);
  });

  it('knows when the page changed the id of an element an id key names', () => {
    document.body.innerHTML = `${'<span>x</span>'.repeat(6)}${'<p>y</p>'.repeat(6)}<div id="box"><span>z</span></div>`;
    const keys = new RuleKeys(pageSize);
    expect(keys.cover(el('box').firstElementChild as Element, document)).toBe('#box');
    expect(keys.stale()).toBe(false);
    el('box').id = 'renamed';
    expect(keys.stale()).toBe(true);
    keys.clear();
    expect(keys.stale()).toBe(false);
  });

  it('writes selectors safely for any id', () => {
    expect(selectorOf(UNIVERSAL)).toBe('');
    expect(selectorOf('p')).toBe('p');
    expect(selectorOf('#1 a"b')).toBe(`#${CSS.escape('1 a"b')}`);
    expect(highlightRules({ wechat: '#12b76a' }, '#box')[0]).toBe(
      '#box::highlight(eight-reasons-wechat){background-color:rgb(18 183 106 / 0.4);}',
    );
    expect(highlightCss({ wechat: '#12b76a' })).toContain('\n::highlight(eight-reasons-flash)');
  });
});

/** Records what the Painter writes (happy-dom parses no ::highlight rule; the browser is tested end to end). */
class RecordingSheet {
  static last: RecordingSheet | null = null;
  rules: string[] = [];
  rewrites = 0;
  constructor() {
    RecordingSheet.last = this;
  }
  get cssRules() {
    return this.rules.map((cssText) => ({ cssText, selectorText: cssText.slice(0, cssText.indexOf('{')) }));
  }
  insertRule(rule: string, index: number): number {
    this.rules.splice(index, 0, rule);
    return index;
  }
  replaceSync(css: string): void {
    this.rewrites++;
    this.rules = css ? css.split('\n') : [];
  }
}

describe('Painter rules', () => {
  it('starts with no rule and adds rules for the element of each painted range, inserted, not rewritten', () => {
    const real = window.CSSStyleSheet;
    (window as unknown as { CSSStyleSheet: unknown }).CSSStyleSheet = RecordingSheet;
    try {
      document.body.innerHTML = `${'<span>x</span>'.repeat(4)}<p id="p">WeChat and <b>Taobao</b></p>`;
      const painter = new Painter(document);
      painter.setColors({ wechat: '#12b76a', taobao: '#f97316' });
      const sheet = RecordingSheet.last as RecordingSheet;
      expect(sheet.rules).toEqual([]);
      const rewrites = sheet.rewrites;
      const subjects = () => new Set(sheet.cssRules.map((r) => r.selectorText.split('::')[0]));
      const range = (node: Node, from: number, to: number) => {
        const r = document.createRange();
        r.setStart(node, from);
        r.setEnd(node, to);
        return r;
      };
      const p = el('p');
      painter.add('wechat', range(p.firstChild as Node, 0, 6), document);
      expect(subjects()).toEqual(new Set(['p']));
      // A rule for the one highlight painted so far (rules for more names cost Chromium more restyling), added to
      // the sheet as it is.
      const named = () => sheet.cssRules.map((r) => /highlight\(eight-reasons-(\w+)\)/.exec(r.selectorText)?.[1]);
      expect(named()).toEqual(['wechat']);
      expect(sheet.rewrites).toBe(rewrites);
      // Text inside the keyed paragraph needs no key of its own; its entity gets its rule under the key.
      painter.add('taobao', range((p.lastChild as Element).firstChild as Node, 0, 6), document);
      expect(named()).toEqual(['wechat', 'taobao']);
      expect(sheet.rewrites).toBe(rewrites);
      // New colours rewrite the sheet for the keys in force.
      painter.setColors({ wechat: '#000000', taobao: '#f97316' });
      expect(sheet.rules[0]).toContain('p::highlight(eight-reasons-wechat){background-color:rgb(0 0 0');
      // The page renames an element an id key names: the next assert names the elements afresh.
      document.body.insertAdjacentHTML('beforeend', `${'<i>x</i>'.repeat(6)}<div id="box"><i>Alibaba</i></div>`);
      const box = el('box');
      painter.add('wechat', range((box.firstChild as Element).firstChild as Node, 0, 7), document);
      expect(subjects()).toEqual(new Set(['p', '#box']));
      expect(named().sort()).toEqual(['taobao', 'taobao', 'wechat', 'wechat']);
      // The first flash brings the flash rule under every key.
      painter.setFlash(range(p.firstChild as Node, 0, 6));
      expect(named().filter((n) => n === 'flash')).toHaveLength(2);
      expect(sheet.rewrites).toBe(rewrites + 1);
      box.id = 'moved';
      painter.assert();
      expect(subjects()).toEqual(new Set(['p', '#moved']));
      painter.clear();
      expect(sheet.rules.length).toBe(0);
    } finally {
      (window as unknown as { CSSStyleSheet: unknown }).CSSStyleSheet = real;
    }
  });
});
