/**
 * The card shown when the pointer rests on a highlighted mention: the entity,
 * the argument it was linked to and the words that linked it. Rendered into
 * our shadow root with plain DOM (textContent only: nothing is parsed as
 * HTML) rather than Preact, to keep the content script that runs on every
 * page small. Never takes focus (no focusable element); role="tooltip".
 */

import { t } from '@/platform/i18n';
import { entityById } from '@/utils/entities';
import type { MentionInfo } from '@/utils/types';

export interface CardPlacement {
  left: number;
  top: number;
  /** Where the card sits relative to the mention. */
  side: 'below' | 'above';
}

export interface Box {
  left: number;
  top: number;
  bottom: number;
}

/** Gap between the mention and the card, and the margin kept from the viewport edges. */
const GAP = 6;
const MARGIN = 8;

/**
 * Below the mention when it fits, else above, else on the side with more
 * room; always inside the viewport. The card never covers the mention's line
 * unless the viewport is too small to avoid it.
 */
export function placeCard(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): CardPlacement {
  const below = anchor.bottom + GAP;
  const above = anchor.top - GAP - size.height;
  let side: CardPlacement['side'] = 'below';
  let top = below;
  if (below + size.height > viewport.height - MARGIN) {
    if (above >= MARGIN || anchor.top > viewport.height - anchor.bottom) {
      side = 'above';
      top = above;
    }
  }
  top = Math.max(MARGIN, Math.min(top, viewport.height - MARGIN - size.height));
  const left = Math.max(MARGIN, Math.min(anchor.left, viewport.width - MARGIN - size.width));
  return { left: Math.round(left), top: Math.round(top), side };
}

function entityLabel(info: MentionInfo): string {
  const key = `entity_${info.entity}`;
  const localized = t(key);
  return localized === key ? entityById(info.entity).name : localized;
}

function line(doc: Document, cls: string, text: string, tag = 'p'): HTMLElement {
  const el = doc.createElement(tag);
  el.className = cls;
  el.textContent = text;
  return el;
}

/** How a mention is linked: firmly, tentatively ("may relate to"), or to none of the arguments. */
export function linkKind(info: MentionInfo): 'firm' | 'tentative' | 'none' {
  return info.link.reason === null ? 'none' : info.link.firm ? 'firm' : 'tentative';
}

/** Builds the card element for a mention (not yet placed). */
export function buildCard(doc: Document, info: MentionInfo, color?: string): HTMLElement {
  const card = doc.createElement('div');
  card.className = 'card';
  card.setAttribute('role', 'tooltip');
  card.dataset.testid = 'hover-card';
  card.dataset.entity = info.entity;
  card.dataset.reason = info.link.reason === null ? '' : String(info.link.reason);
  card.dataset.link = linkKind(info);
  if (color) card.style.setProperty('--entity', color);
  card.append(line(doc, 'entity', entityLabel(info), 'div'));
  const n = info.link.reason;
  const cues = info.link.cues.join(', ');
  if (info.kept) card.dataset.kept = 'true';
  const actions = line(doc, 'actions', '');
  // Not buttons: the card is a tooltip and never takes focus; keyboard readers have the same actions in the panel.
  for (const action of ['keep', 'correct']) {
    const part = line(doc, 'action', t(`card_${action}`), 'span');
    part.dataset.action = action;
    part.dataset.testid = `card-${action}`;
    actions.append(part);
  }
  if (info.kept) actions.prepend(line(doc, 'kept', t('nb_kept_badge'), 'span'));
  // A mention about none of the arguments is still a mention (highlighted, counted, listed), but no link is
  // invented. The reasons' titles and summaries live in the locales (in English, like the article): out of the
  // content script, which runs on every page.
  card.append(
    line(
      doc,
      'reason',
      n === null
        ? t('card_noArgument')
        : `${t(info.link.firm ? 'card_reason' : 'card_mayRelate', String(n))} · ${t(`reason${n}_title`)}`,
    ),
  );
  if (n !== null) card.append(line(doc, 'summary', t(`reason${n}_summary`)));
  card.append(
    line(
      doc,
      'why',
      info.link.source === 'reader'
        ? t('nb_correct_byYou')
        : n !== null
          ? t('card_linkedBy', cues)
          : cues
            ? t('card_aboutOther', cues)
            : t('card_noCues'),
    ),
    line(doc, 'hint', t(n === null ? 'card_clickMentions' : 'card_clickHint')),
    actions,
  );
  return card;
}

/** Puts `card` in `container`, hidden at the viewport's origin, and lays it out: its box before it is placed. */
function layOutHidden(container: HTMLElement, card: HTMLElement): DOMRect {
  card.style.visibility = 'hidden';
  // Measured at the viewport's left edge: a fixed box starting near the right edge would be squeezed narrower
  // (and taller) than it is once moved left, and then overflow the viewport.
  card.style.left = '0px';
  card.style.top = '0px';
  container.replaceChildren(card);
  return card.getBoundingClientRect();
}

/**
 * Shows the card in `container` next to `anchor` (viewport coordinates):
 * rendered hidden, measured, then placed.
 */
export function showCard(container: HTMLElement, info: MentionInfo, anchor: Box, color?: string): HTMLElement {
  const doc = container.ownerDocument;
  const card = buildCard(doc, info, color);
  const box = layOutHidden(container, card);
  const view = doc.defaultView;
  const place = placeCard(
    anchor,
    { width: box.width, height: box.height },
    { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 },
  );
  // Moved by `translate` rather than left/top: a transform needs no second layout of the page, which a fixed box's
  // change costs on a large page.
  card.style.translate = `${place.left}px ${place.top}px`;
  card.dataset.side = place.side;
  card.style.visibility = '';
  return card;
}

/**
 * Lays out `card` (from buildCard) hidden in `container` and removes it in the same task, so it is never painted.
 * What a page's first card costs (the browser's font lookups in its first layout; building it, the locale's first
 * read) is then paid here rather than in the frame of a person's first hover. `container` must show no card (a
 * hidden one may stay).
 */
export function warmCard(container: HTMLElement, card: HTMLElement): void {
  card.style.animation = 'none';
  layOutHidden(container, card);
  container.replaceChildren();
}

/**
 * Hides the card shown in `container`. It is hidden, not removed: taking a fixed box out of the page lays out the
 * page's root again (costly on a large page), hiding it only repaints. The next card replaces it.
 */
export function hideCard(container: HTMLElement): void {
  for (const card of container.children) (card as HTMLElement).style.visibility = 'hidden';
}
