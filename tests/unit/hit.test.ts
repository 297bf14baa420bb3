/** Hit-testing (content/hit.ts): the mention index, carets and boxes. */
import { afterEach, describe, expect, it } from 'vitest';
import { caretAt, hitTest, MentionIndex } from '@/content/hit';
import { makeEngine, registry, setBody, stopAll } from './helpers/engine';

afterEach(() => {
  stopAll();
  document.body.innerHTML = '';
  registry().clear();
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
