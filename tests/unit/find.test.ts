/** Matching huge text (content/find.ts): windows cut where no alias can be split. */
import { afterEach, describe, expect, it } from 'vitest';
import { windows } from '@/content/find';
import { makeEngine, registry, setBody, stopAll } from './helpers/engine';

afterEach(() => {
  stopAll();
  document.body.innerHTML = '';
  registry().clear();
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
