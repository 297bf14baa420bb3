// Pixel verdicts shared by the Firefox specs: "painted" means the mention's
// box changed colour against the same page without the add-on, to the
// company's colour at the highlight's alpha; "shown" means the hover card is
// drawn beside its mention, opaque, in the theme's colours.
import { assert, READ_CARD, READ_HIGHLIGHTS, sleep, wordBoxes } from './harness.mjs';
import { blend, changedShare, distance, hexToRgb, mostCommon, pixelsIn } from './png.mjs';

/** The companies' default colours and the highlight's alpha (utils/entities.ts, components/contrast.ts). */
export const COLOURS = { wechat: '#12b76a', taobao: '#f97316', alibaba: '#3b82f6' };
export const ALPHA = 0.4;
/** The card's background per theme (components/hover-card.css). */
export const CARD_BG = { light: '#ffffff', dark: '#1f2227' };

/** Wait until our highlights hold exactly these texts per entity. */
export async function waitForHighlights(ff, expected, context = ff.tab) {
  const sorted = (h) =>
    JSON.stringify(
      Object.entries(h ?? {})
        .map(([k, v]) => [k, [...v].sort()])
        .sort(),
    );
  const want = sorted(expected);
  let got;
  try {
    await ff.waitFor('highlights', async () => {
      got = await ff.evaluate(context, READ_HIGHLIGHTS);
      return sorted(got) === want;
    });
  } catch {
    throw new Error(`highlights: expected ${want}\n  got ${JSON.stringify(got)}`);
  }
}

/** The box of the n-th occurrence of `word` in the element with this id. */
export async function boxOf(ff, id, word, n = 0, context = ff.tab) {
  const boxes = await ff.evaluate(context, wordBoxes(id, word));
  assert(boxes[n], `no "${word}" in #${id}`);
  return boxes[n];
}

/** The mention's box is filled with its company's colour over what was there before; throws otherwise. */
export function expectPainted(before, after, box, entity, label) {
  const changed = changedShare(before, after, box);
  assert(changed > 0.5, `${label}: only ${(changed * 100).toFixed(0)} % of its box changed colour`);
  expectColour(after, box, entity, mostCommon(pixelsIn(before, box)).rgb, label);
}

/** The box's commonest colour is the company's colour at the highlight's alpha over `background`. */
export function expectColour(image, box, entity, background, label) {
  const want = blend(COLOURS[entity], ALPHA, background);
  const got = mostCommon(pixelsIn(image, box)).rgb;
  assert(distance(got, want) <= 14, `${label}: painted ${got}, expected about ${want} (${entity} at ${ALPHA})`);
}

/** A plain word's box is as it was. */
export function expectUnpainted(before, after, box, label) {
  const changed = changedShare(before, after, box);
  assert(changed < 0.02, `${label}: ${(changed * 100).toFixed(0)} % of a plain word's box changed`);
}

/** Hover the box and wait for the card; returns the card as drawn. */
export async function hoverForCard(ff, box, context = ff.tab) {
  await ff.hover(box.x + box.width / 2, box.y + box.height / 2, context);
  return ff.waitFor('the hover card', () => ff.evaluate(context, READ_CARD), 5000);
}

/**
 * The card is drawn: beside its mention, its box changed on screen, its own
 * background (opaque: the page behind does not show through), and its left
 * edge in the company's colour. On a page as white as the light card, less of
 * its box changes: its text, border and edge (`minChanged`).
 */
export async function expectCardDrawn(ff, before, card, mention, theme, entity, { minChanged = 0.5 } = {}) {
  await sleep(200); // past the fade-in (reduced motion turns it off; a margin all the same)
  const after = await ff.screenshot();
  const gapBelow = card.y - (mention.y + mention.height);
  const gapAbove = mention.y - (card.y + card.height);
  assert(
    (gapBelow >= -2 && gapBelow <= 24) || (gapAbove >= -2 && gapAbove <= 24),
    `card at y ${card.y}..${card.y + card.height} is not beside the mention at y ${mention.y}..${mention.y + mention.height}`,
  );
  assert(
    card.x < mention.x + mention.width && card.x + card.width > mention.x - 40,
    `card at x ${card.x} is not beside the mention at x ${mention.x}`,
  );
  const changed = changedShare(before, after, card);
  assert(changed > minChanged, `only ${(changed * 100).toFixed(0)} % of the card's box changed on screen`);
  const inside = { x: card.x + 8, y: card.y + 4, width: card.width - 12, height: card.height - 8 };
  const common = mostCommon(pixelsIn(after, inside));
  const bg = hexToRgb(CARD_BG[theme]);
  assert(distance(common.rgb, bg) <= 3, `card background ${common.rgb}, expected ${bg} (${theme})`);
  assert(common.share > 0.6, `card background covers only ${(common.share * 100).toFixed(0)} % of it (not opaque)`);
  const edge = mostCommon(pixelsIn(after, { x: card.x, y: card.y + 6, width: 5, height: card.height - 12 })).rgb;
  assert(distance(edge, hexToRgb(COLOURS[entity])) <= 14, `card edge ${edge}, expected ${entity}'s colour`);
}
