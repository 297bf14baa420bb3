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

export function isString(v: unknown, max: number): v is string {
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

/** Titles come from pages and may run long; they are cut to LIMITS.title when stored. */
function isPageTitle(v: unknown): v is string {
  return isString(v, LIMITS.title * 4);
}

/** A record's id: a non-empty string within LIMITS.id. */
export function isId(v: unknown): v is string {
  return isString(v, LIMITS.id) && v.length > 0;
}

function isNote(v: unknown): v is string {
  return isString(v, LIMITS.note);
}

export type Check = (v: unknown) => boolean;

/** One check per field, optional ones too: a field added to a request cannot go unchecked. */
export type FieldChecks<T> = { readonly [K in keyof T]-?: Check };

export const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);

/** A plain object whose every field passes its check (extra fields are ignored: handlers read only theirs). */
export function hasFields<T>(v: unknown, checks: FieldChecks<T>): v is T {
  return isPlainObject(v) && Object.entries<Check>(checks).every(([key, check]) => check(v[key]));
}

const KEEP: FieldChecks<KeepRequest> = {
  pageUrl: isPageUrl,
  title: isPageTitle,
  sentence: isSentence,
  entity: isEntityId,
  reason: isReasonNumber,
  stance: isStance,
  note: optional(isNote),
};

const CORRECTION: FieldChecks<CorrectionRequest> = {
  pageUrl: isPageUrl,
  sentence: isSentence,
  entity: isEntityId,
  paragraph: optional((p) => isString(p, LIMITS.paragraphRequest)),
  lang: optional(isLang),
  original: isOriginalLink,
  corrected: isReasonOrNull,
};

const PASSAGE_EDIT: FieldChecks<PassageEditRequest> = {
  id: isId,
  stance: optional(isStance),
  reason: optional(isReasonNumber),
  note: optional(isNote),
};

const HISTORY_VISIT: FieldChecks<HistoryVisitRequest> = {
  url: isPageUrl,
  title: isPageTitle,
  counts: isReasonCounts,
  none: isCount,
};

export function isKeepRequest(v: unknown): v is KeepRequest {
  return hasFields(v, KEEP);
}

export function isCorrectionRequest(v: unknown): v is CorrectionRequest {
  return hasFields(v, CORRECTION);
}

export function isPassageEditRequest(v: unknown): v is PassageEditRequest {
  return hasFields(v, PASSAGE_EDIT);
}

export function isHistoryVisitRequest(v: unknown): v is HistoryVisitRequest {
  return hasFields(v, HISTORY_VISIT);
}
