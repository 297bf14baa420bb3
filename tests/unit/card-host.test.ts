/** content/card-host.ts: one host under <html>, put back when the page moves it, gone when highlighting stops. */
import { describe, expect, it, vi } from 'vitest';
import { CardHost, type CardView } from '@/content/card-host';
import { HOST_TAG } from '@/content/rules';
import type { PageMention } from '@/content/types';

function view(): CardView {
  return {
    css: '.card{}',
    build: vi.fn((doc: Document) => doc.createElement('div')),
    show: vi.fn(),
    warm: vi.fn(),
    hide: vi.fn(),
  };
}

describe('CardHost', () => {
  const p = document.createElement('p');
  p.textContent = 'WeChat';
  document.body.append(p);
  const range = document.createRange();
  range.selectNodeContents(p);
  const mention = { info: { id: 1, entity: 'wechat' }, range } as unknown as PageMention;

  it('shows a card in its own host, puts the host back, and removes it when told', () => {
    const v = view();
    const host = new CardHost(document, v);
    host.show(mention, 0, 0, '#123456');
    const el = document.documentElement.querySelector(HOST_TAG);
    expect(el?.parentNode).toBe(document.documentElement);
    expect(host.isHost(el)).toBe(true);
    expect(host.shown).toBe(mention);
    el?.remove();
    host.show(mention, 0, 0, undefined);
    expect(document.documentElement.querySelectorAll(HOST_TAG)).toHaveLength(1);
    host.remove();
    expect(v.hide).toHaveBeenCalled();
    expect(host.shown).toBeNull();
    expect(document.documentElement.querySelector(HOST_TAG)).toBeNull();
  });
});
