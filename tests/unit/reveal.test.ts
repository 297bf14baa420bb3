/** Reveal and step (content/reveal.ts): stepping through mentions in document order. */
import { afterEach, describe, expect, it } from 'vitest';
import { FLASH_NAME } from '@/content/paint';
import { stepIndex } from '@/content/reveal';
import { makeEngine, registry, setBody, stopAll } from './helpers/engine';

afterEach(() => {
  stopAll();
  document.body.innerHTML = '';
  registry().clear();
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
});
