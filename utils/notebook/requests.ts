/**
 * What content scripts and extension pages may ask of the notebook, and the
 * checks the background runs on arrival. Pages are untrusted: every field is
 * type-checked and size-capped here; sender checks live with the protocol.
 */
import { isEntityId, isReasonNumber } from '../entities';
import type { EntityId, ReasonNumber } from '../types';
import { LIMITS } from './limits';
import { normalizeText, pageUrlOf } from './text';
import { type NotebookLang, type ReasonCounts, STANCES, type Stance } from './types';

/** "Keep as evidence" on one mention's sentence. */
export interface KeepRequest {
  pageUrl: string;
  title: string;
  sentence: string;
  entity: EntityId;
  reason: ReasonNumber;
  stance: Stance;
  note?: string;
}

/** Move a mention to another reason, or (corrected: null) mark it not about the article. */
export interface CorrectionRequest {
  pageUrl: string;
  sentence: string;
  entity: EntityId;
  paragraph?: string;
  lang?: NotebookLang;
  original: { reason: ReasonNumber | null; firm: boolean };
  corrected: ReasonNumber | null;
}

/** Change a kept passage's stance, reason or note ('' clears the note). */
export interface PassageEditRequest {
  id: string;
  stance?: Stance;
  reason?: ReasonNumber;
  note?: string;
}

/** A page where mentions were linked, for the (opt-in) reading history. */
export interface HistoryVisitRequest {
  url: string;
  title: string;
  counts: ReasonCounts;
  none: number;
}

type Obj = Record<string, unknown>;

/** A plain object (not an array, not a class instance such as Date). */
export function isPlainObject(v: unknown): v is Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function isStance(v: unknown): v is Stance {
  return typeof v === 'string' && (STANCES as readonly string[]).includes(v);
}

export function isLang(v: unknown): v is NotebookLang {
  return v === 'en' || v === 'zh';
}

export function isReasonOrNull(v: unknown): v is ReasonNumber | null {
  return v === null || isReasonNumber(v);
}

function isString(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length <= max;
}

/** A page URL the notebook may record: http(s), parsable, within the cap once its fragment is gone. */
export function isPageUrl(v: unknown): v is string {
  return typeof v === 'string' && pageUrlOf(v) !== null;
}

/** Non-empty after normalisation and within the sentence cap. */
export function isSentence(v: unknown): v is string {
  if (!isString(v, LIMITS.sentence * 4)) return false;
  const n = normalizeText(v);
  return n.length > 0 && n.length <= LIMITS.sentence;
}

function isOptional(v: unknown, check: (x: unknown) => boolean): boolean {
  return v === undefined || check(v);
}

/** Per-reason counts: only keys 1..8, each a non-negative integer within the cap. */
export function isReasonCounts(v: unknown): v is ReasonCounts {
  if (!isPlainObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length <= 8 && keys.every((k) => isReasonNumber(Number(k)) && String(Number(k)) === k && isCount(v[k]));
}

export function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= LIMITS.count;
}

export function isOriginalLink(v: unknown): v is { reason: ReasonNumber | null; firm: boolean } {
  return isPlainObject(v) && isReasonOrNull(v.reason) && typeof v.firm === 'boolean';
}

export function isKeepRequest(v: unknown): v is KeepRequest {
  return (
    isPlainObject(v) &&
    isPageUrl(v.pageUrl) &&
    // Titles come from pages and may run long; they are cut to LIMITS.title when stored.
    isString(v.title, LIMITS.title * 4) &&
    isSentence(v.sentence) &&
    isEntityId(v.entity) &&
    isReasonNumber(v.reason) &&
    isStance(v.stance) &&
    isOptional(v.note, (n) => isString(n, LIMITS.note))
  );
}

export function isCorrectionRequest(v: unknown): v is CorrectionRequest {
  return (
    isPlainObject(v) &&
    isPageUrl(v.pageUrl) &&
    isSentence(v.sentence) &&
    isEntityId(v.entity) &&
    isOptional(v.paragraph, (p) => isString(p, LIMITS.paragraphRequest)) &&
    isOptional(v.lang, isLang) &&
    isOriginalLink(v.original) &&
    isReasonOrNull(v.corrected)
  );
}

export function isPassageEditRequest(v: unknown): v is PassageEditRequest {
  return (
    isPlainObject(v) &&
    isString(v.id, LIMITS.id) &&
    v.id.length > 0 &&
    isOptional(v.stance, isStance) &&
    isOptional(v.reason, isReasonNumber) &&
    isOptional(v.note, (n) => isString(n, LIMITS.note))
  );
}

export function isHistoryVisitRequest(v: unknown): v is HistoryVisitRequest {
  return (
    isPlainObject(v) &&
    isPageUrl(v.url) &&
    isString(v.title, LIMITS.title * 4) &&
    isReasonCounts(v.counts) &&
    isCount(v.none)
  );
}
