/** Document order (content/order.ts), shadow content included. */
import { afterEach, describe, expect, it } from 'vitest';
import { compareOrder } from '@/content/order';
import { registry, setBody, stopAll } from './helpers/engine';

afterEach(() => {
  stopAll();
  document.body.innerHTML = '';
  registry().clear();
});

describe('reveal and step', () => {
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
