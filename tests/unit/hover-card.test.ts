/** The hover card (components/hover-card.ts): content, placement, warming, locale text. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCard, hideCard, placeCard, showCard, warmCard } from '@/components/hover-card';
import { REASONS } from '@/utils/article';
import type { MentionInfo } from '@/utils/types';
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';
import { registry, stopAll } from './helpers/engine';

afterEach(() => {
  stopAll();
  document.body.innerHTML = '';
  registry().clear();
});

describe('hover card', () => {
  const info: MentionInfo = {
    id: 7,
    entity: 'wechat',
    text: 'WeChat',
    snippet: '… WeChat official account …',
    sentence: 'Brands opened a WeChat official account.',
    link: { reason: 2, firm: true, cues: ['official account', 'followers'], confidence: 0.8, source: 'sentence' },
  };

  it('shows entity, reason, summary and cues as text, with the test attributes and no focusable element', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const card = showCard(container, info, { left: 10, top: 10, bottom: 30 }, '#12b76a');
    expect(card.dataset.testid).toBe('hover-card');
    expect(card.dataset.entity).toBe('wechat');
    expect(card.dataset.reason).toBe('2');
    expect(card.getAttribute('role')).toBe('tooltip');
    // Outside the extension t() shows keys (the e2e hover test reads the real title); the cue words are a substitution.
    expect(card.textContent).toContain('reason2_title');
    expect(card.textContent).toContain('reason2_summary');
    expect(card.textContent).toContain('card_linkedBy');
    expect(card.querySelector('a, button, input, [tabindex]')).toBe(null);
    hideCard(container);
    // Hidden in place (removing a fixed box lays the page out again); the next card replaces it.
    expect(card.style.visibility).toBe('hidden');
    const next = showCard(container, info, { left: 10, top: 10, bottom: 30 });
    expect([...container.children]).toEqual([next]);
    expect(next.style.visibility).toBe('');
  });

  it('is measured at the origin and moved into place by translate, not by left and top', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const measure = vi
      .spyOn(Element.prototype, 'getBoundingClientRect')
      .mockImplementation(() => new DOMRect(0, 0, 300, 120));
    try {
      const card = showCard(container, info, { left: 100, top: 100, bottom: 120 });
      expect(card.style.left).toBe('0px');
      expect(card.style.top).toBe('0px');
      // placeCard's answer for this anchor and size in happy-dom's 1024×768 viewport: below the mention.
      expect(card.style.translate).toBe('100px 126px');
      expect(card.dataset.side).toBe('below');
    } finally {
      measure.mockRestore();
      container.remove();
    }
  });

  it('warms a card by laying it out hidden while attached, then leaves the container empty', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const seen: { attached: boolean; visibility: string; text: string }[] = [];
    const measure = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const el = this as HTMLElement;
      seen.push({ attached: el.isConnected, visibility: el.style.visibility, text: el.textContent ?? '' });
      return new DOMRect(0, 0, 300, 120);
    });
    const added: Node[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) added.push(...r.addedNodes);
    });
    observer.observe(container, { childList: true });
    try {
      warmCard(container, buildCard(document, info, '#12b76a'));
    } finally {
      measure.mockRestore();
    }
    const records = observer.takeRecords();
    for (const r of records) added.push(...r.addedNodes);
    observer.disconnect();
    // The card for this mention was laid out (the same text a hover shows), never visible, and is gone again.
    expect(seen).toEqual([{ attached: true, visibility: 'hidden', text: expect.stringContaining('reason2_title') }]);
    expect(added).toHaveLength(1);
    expect((added[0] as HTMLElement).dataset.testid).toBe('hover-card');
    expect(container.childNodes.length).toBe(0);
    container.remove();
  });

  it('says when a mention is not linked', () => {
    const container = document.createElement('div');
    const card = showCard(
      container,
      {
        ...info,
        entity: 'alibaba',
        link: { reason: null, firm: false, cues: [], confidence: 0.7, source: 'unrelated' },
      },
      { left: 0, top: 0, bottom: 10 },
    );
    expect(card.dataset.reason).toBe('');
    expect(card.dataset.link).toBe('none');
    expect(card.textContent).toContain('card_noArgument');
    expect(card.textContent).not.toContain('reason');
  });

  it('says "may relate to" for a tentative link, and names the reason for a firm one', () => {
    const container = document.createElement('div');
    const at = { left: 0, top: 0, bottom: 10 };
    const tentative = showCard(container, { ...info, link: { ...info.link, firm: false } }, at);
    expect(tentative.dataset.link).toBe('tentative');
    expect(tentative.textContent).toContain('card_mayRelate');
    const firm = showCard(container, { ...info, link: { ...info.link, firm: true } }, at);
    expect(firm.dataset.link).toBe('firm');
    expect(firm.textContent).toContain('card_reason');
    expect(firm.textContent).not.toContain('card_mayRelate');
  });

  it('sits below the mention, or above when there is no room, and inside the viewport', () => {
    const vp = { width: 800, height: 600 };
    const size = { width: 300, height: 120 };
    expect(placeCard({ left: 100, top: 100, bottom: 120 }, size, vp)).toEqual({ left: 100, top: 126, side: 'below' });
    expect(placeCard({ left: 100, top: 550, bottom: 570 }, size, vp)).toEqual({ left: 100, top: 424, side: 'above' });
    expect(placeCard({ left: 700, top: 100, bottom: 120 }, size, vp).left).toBe(492);
    expect(placeCard({ left: -50, top: 100, bottom: 120 }, size, vp).left).toBe(8);
  });

  it("the card's reason titles and summaries in both locales match the article data", () => {
    for (const messages of [en, zh] as Record<string, { message: string }>[]) {
      for (const r of REASONS) {
        expect(messages[`reason${r.n}_title`]?.message).toBe(r.title);
        expect(messages[`reason${r.n}_summary`]?.message).toBe(r.summary);
      }
    }
  });
});
