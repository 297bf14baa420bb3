/**
 * Builds stored records from validated requests: normalises the sentence,
 * strips URL fragments, cuts page-derived text to the caps. Ids and clocks are
 * passed in so these stay pure.
 */
import { REASON_NUMBERS } from '../article';
import type { ReasonNumber } from '../types';
import { LIMITS } from './limits';
import type { CorrectionRequest, HistoryVisitRequest, KeepRequest } from './requests';
import { cut, dayOf, detectLang, hostnameOf, normalizeText, pageUrlOf } from './text';
import type { Correction, HistoryEntry, KeptPassage, ReasonCounts } from './types';

function pageUrl(url: string): string {
  const u = pageUrlOf(url);
  if (u === null) throw new TypeError('not an http(s) page URL');
  return u;
}

function cleanNote(note: string | undefined): string | undefined {
  const n = note?.normalize('NFC').trim();
  return n ? cut(n, LIMITS.note) : undefined;
}

export function makePassage(req: KeepRequest, id: string, now: string): KeptPassage {
  const url = pageUrl(req.pageUrl);
  const passage: KeptPassage = {
    id,
    sentence: normalizeText(req.sentence),
    title: cut(normalizeText(req.title), LIMITS.title),
    pageUrl: url,
    site: hostnameOf(url),
    entity: req.entity,
    reason: req.reason,
    stance: req.stance,
    createdAt: now,
    updatedAt: now,
  };
  const note = cleanNote(req.note);
  if (note) passage.note = note;
  return passage;
}

/** The passage with an edit applied (note '' removes the note). */
export function editPassage(
  p: KeptPassage,
  edit: { stance?: KeptPassage['stance']; reason?: ReasonNumber; note?: string },
  now: string,
): KeptPassage {
  const next: KeptPassage = { ...p, updatedAt: now };
  if (edit.stance) next.stance = edit.stance;
  if (edit.reason) next.reason = edit.reason;
  if (edit.note !== undefined) {
    const note = cleanNote(edit.note);
    if (note) next.note = note;
    else delete next.note;
  }
  return next;
}

export function makeCorrection(req: CorrectionRequest, id: string, now: string): Correction {
  const sentence = normalizeText(req.sentence);
  const correction: Correction = {
    id,
    pageUrl: pageUrl(req.pageUrl),
    sentence,
    entity: req.entity,
    lang: req.lang ?? detectLang(sentence),
    original: { reason: req.original.reason, firm: req.original.firm },
    corrected: req.corrected,
    createdAt: now,
  };
  const paragraph = req.paragraph === undefined ? '' : cut(normalizeText(req.paragraph), LIMITS.paragraph);
  if (paragraph) correction.paragraph = paragraph;
  return correction;
}

/** Only keys 1..8 with a positive count, copied into a fresh object. */
export function cleanCounts(counts: ReasonCounts): ReasonCounts {
  const out: ReasonCounts = {};
  for (const r of REASON_NUMBERS) {
    const n = counts[r];
    if (typeof n === 'number' && n > 0) out[r] = n;
  }
  return out;
}

export function historyId(day: string, url: string): string {
  return `${day}|${url}`;
}

export function makeHistoryEntry(req: HistoryVisitRequest, now: string): HistoryEntry {
  const url = pageUrl(req.url);
  const day = dayOf(now);
  return {
    id: historyId(day, url),
    url,
    title: cut(normalizeText(req.title), LIMITS.title),
    site: hostnameOf(url),
    day,
    visitedAt: now,
    counts: cleanCounts(req.counts),
    none: req.none,
  };
}
