import { describe, expect, it } from 'vitest';
import { defaultVisibility } from '@/content/visibility';

/** Stand in the browser's checkVisibility (happy-dom has none): no box for display: contents or display: none. */
function withCheckVisibility(root: Element): void {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    (el as Element & { checkVisibility: () => boolean }).checkVisibility = () => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        if (getComputedStyle(e).display === 'none') return false;
      }
      return getComputedStyle(el).display !== 'contents' && getComputedStyle(el).visibility !== 'hidden';
    };
  }
}

describe('defaultVisibility', () => {
  it('counts text in an element without a box of its own (display: contents) as visible through its parent', () => {
    document.body.innerHTML = `
      <div id="a"><p id="contents" style="display: contents">WeChat</p></div>
      <div id="b"><span style="display: contents"><span id="deep" style="display: contents">WeChat</span></span></div>
      <div id="c" style="display: none"><p id="gone" style="display: contents">WeChat</p></div>
      <div id="d"><p id="hidden" style="display: contents; visibility: hidden">WeChat</p></div>
      <p id="plain">WeChat</p>`;
    withCheckVisibility(document.body);
    const el = (id: string) => document.getElementById(id) as Element;
    expect(defaultVisibility(el('plain'))).toBe(true);
    expect(defaultVisibility(el('contents'))).toBe(true);
    expect(defaultVisibility(el('deep'))).toBe(true);
    expect(defaultVisibility(el('gone'))).toBe(false);
    expect(defaultVisibility(el('hidden'))).toBe(false);
  });
});
