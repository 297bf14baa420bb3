/**
 * What the reader's notebook says about the mentions of a page: a corrected
 * link ("linked by: you") and whether the sentence was kept as evidence.
 * The background works this out from the store and lays it over the tab's
 * summary; the content script lays it over its own mentions, so the card and
 * the kept marks agree with the panel. Pure.
 */
import type { LinkResult, MentionInfo, ReasonNumber } from '../types';
import { normalizeText } from './text';
import type { Correction } from './types';

/** One mention's notebook state; only mentions with something to say are listed. */
export interface MentionOverlay {
  id: number;
  /** The reason the reader chose (null: not about the article), when the mention's sentence was corrected. */
  corrected?: ReasonNumber | null;
  correctionId?: string;
  kept: boolean;
}

/** The reader decided: firm when it names a reason, and no cue words (the card says "linked by: you"). */
export function readerLink(corrected: ReasonNumber | null): LinkResult {
  return { reason: corrected, firm: corrected !== null, cues: [], confidence: 1, source: 'reader' };
}

/** A mention's link under its overlay: the reader's when corrected, else the linker's. */
export function linkOf(link: LinkResult, o: Pick<MentionOverlay, 'corrected'>): LinkResult {
  return o.corrected === undefined ? link : readerLink(o.corrected);
}

/**
 * The overlay for a frame's mentions. `corrections` is keyed by normalised
 * sentence (the store's answer for one page); `kept` holds normalised
 * sentences kept from this page.
 */
export function overlayFor(
  mentions: readonly Pick<MentionInfo, 'id' | 'sentence'>[],
  corrections: Readonly<Record<string, Correction>>,
  kept: ReadonlySet<string>,
): MentionOverlay[] {
  const out: MentionOverlay[] = [];
  for (const m of mentions) {
    const key = normalizeText(m.sentence);
    const c = Object.hasOwn(corrections, key) ? corrections[key] : undefined;
    const isKept = kept.has(key);
    if (!c && !isKept) continue;
    out.push(c ? { id: m.id, corrected: c.corrected, correctionId: c.id, kept: isKept } : { id: m.id, kept: true });
  }
  return out;
}

/**
 * Mentions with the overlay laid over them: new objects where the notebook
 * has something to say, the others untouched. The linker's own link is never
 * overwritten in place, so undoing a correction brings it back.
 */
export function applyOverlay<M extends MentionInfo>(mentions: readonly M[], overlay: readonly MentionOverlay[]): M[] {
  if (overlay.length === 0) return [...mentions];
  const byId = new Map(overlay.map((o) => [o.id, o]));
  return mentions.map((m) => {
    const o = byId.get(m.id);
    return o ? { ...m, link: linkOf(m.link, o), correctionId: o.correctionId, kept: o.kept } : m;
  });
}
