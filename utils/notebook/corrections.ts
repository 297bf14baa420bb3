/**
 * Pure helpers over corrections: which correction applies to a sentence met
 * on a page, and the export as labelled items for the linking evaluation set.
 */
import { normalizeText } from './text';
import type { Correction, LabelledItem } from './types';

/**
 * The correction for a sentence on a page: one made on this very page wins;
 * otherwise the newest one made for the same sentence anywhere else.
 */
export function pickCorrection(
  candidates: readonly Correction[],
  pageUrl: string,
  sentence: string,
): Correction | undefined {
  const s = normalizeText(sentence);
  let best: Correction | undefined;
  for (const c of candidates) {
    if (c.sentence !== s) continue;
    if (c.pageUrl === pageUrl) return c;
    if (!best || c.createdAt > best.createdAt) best = c;
  }
  return best;
}

/**
 * A correction as an item of shared/linking/real-dev.json. The reader said
 * what the sentence is about, so the label is 'clear'; the paragraph falls
 * back to the sentence, as the set does where there is none.
 */
export function correctionToLabelledItem(c: Correction): LabelledItem {
  return {
    lang: c.lang,
    entity: c.entity,
    sentence: c.sentence,
    paragraph: c.paragraph ?? c.sentence,
    source: c.pageUrl,
    label: c.corrected,
    confidence: 'clear',
  };
}

/** The file to contribute back: a JSON array like real-dev.json. */
export function correctionsToLabelledJson(corrections: readonly Correction[]): string {
  return JSON.stringify(corrections.map(correctionToLabelledItem), null, 1);
}
