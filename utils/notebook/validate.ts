/**
 * Import validation. The file is untrusted text: whole-file problems (not
 * JSON, another format, a newer version, too big) reject everything with one
 * message; a bad item rejects only that item. Valid items are rebuilt field by
 * field into fresh objects, so unknown keys (including "__proto__") never
 * reach the store.
 */
import { isEntityId, isReasonNumber } from '../entities';
import { LIMITS } from './limits';
import { cleanCounts, historyId } from './records';
import { isCount, isLang, isOriginalLink, isPlainObject, isReasonCounts, isReasonOrNull, isStance } from './requests';
import { cut, dayOf, detectLang, hostnameOf, normalizeText, pageUrlOf, toIsoDate } from './text';
import {
  type Correction,
  type HistoryEntry,
  type KeptPassage,
  NOTEBOOK_FORMAT,
  NOTEBOOK_FORMAT_VERSION,
} from './types';

export type ItemResult<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Items as read from a file: valid ones rebuilt, invalid ones counted with their first few problems. */
export interface ParsedNotebook {
  ok: true;
  passages: KeptPassage[];
  corrections: Correction[];
  history: HistoryEntry[];
  rejected: number;
  /** The first few distinct problems, e.g. "passage 3: pageUrl is not an http(s) URL". */
  reasons: string[];
}

export interface FileRejected {
  ok: false;
  message: string;
}

/** How many distinct problems an import report lists. */
export const MAX_REASONS = 5;

type Obj = Record<string, unknown>;
type Check<T> = (o: Obj) => T | string;

function text(
  o: Obj,
  key: string,
  max: number,
  opts: { normalize?: boolean; empty?: boolean } = {},
): string | string[] {
  const v = o[key];
  if (typeof v !== 'string') return [`${key} is not text`];
  if (v.length > max * (opts.normalize ? 4 : 1)) return [`${key} is longer than ${max} characters`];
  const s = opts.normalize ? normalizeText(v) : v;
  if (s.length > max) return [`${key} is longer than ${max} characters`];
  if (!opts.empty && s.length === 0) return [`${key} is empty`];
  return s;
}

function optionalText(o: Obj, key: string, max: number): string | undefined | string[] {
  if (o[key] === undefined) return undefined;
  return text(o, key, max, { empty: true });
}

function url(o: Obj, key: string): string | string[] {
  const v = o[key];
  if (typeof v !== 'string') return [`${key} is not text`];
  if (v.length > LIMITS.url) return [`${key} is longer than ${LIMITS.url} characters`];
  return pageUrlOf(v) ?? [`${key} is not an http(s) URL`];
}

function date(o: Obj, key: string): string | string[] {
  return toIsoDate(o[key]) ?? [`${key} is not an ISO date`];
}

function optionalDate(o: Obj, key: string): string | undefined | string[] {
  return o[key] === undefined ? undefined : date(o, key);
}

/** The first problem among the checked fields, if any (problems are wrapped in arrays). */
function firstProblem(values: readonly unknown[]): string | null {
  for (const v of values) if (Array.isArray(v)) return v[0] as string;
  return null;
}

const checkPassage: Check<KeptPassage> = (o) => {
  const sentence = text(o, 'sentence', LIMITS.sentence, { normalize: true });
  const title = text(o, 'title', LIMITS.title, { empty: true });
  const pageUrl = url(o, 'pageUrl');
  const note = optionalText(o, 'note', LIMITS.note);
  const createdAt = date(o, 'createdAt');
  const updatedAt = optionalDate(o, 'updatedAt');
  const deletedAt = optionalDate(o, 'deletedAt');
  const problem = firstProblem([sentence, title, pageUrl, note, createdAt, updatedAt, deletedAt]);
  if (problem) return problem;
  if (!isEntityId(o.entity)) return 'entity is not one of the six companies';
  if (!isReasonNumber(o.reason)) return 'reason is not 1..8';
  if (!isStance(o.stance)) return 'stance is not supports, challenges or context';
  const p: KeptPassage = {
    id: '',
    sentence: sentence as string,
    title: title as string,
    pageUrl: pageUrl as string,
    site: hostnameOf(pageUrl as string),
    entity: o.entity,
    reason: o.reason,
    stance: o.stance,
    createdAt: createdAt as string,
    updatedAt: (updatedAt as string | undefined) ?? (createdAt as string),
  };
  if (note) p.note = note as string;
  if (deletedAt) p.deletedAt = deletedAt as string;
  return p;
};

const checkCorrection: Check<Correction> = (o) => {
  const sentence = text(o, 'sentence', LIMITS.sentence, { normalize: true });
  const pageUrl = url(o, 'pageUrl');
  const paragraph = optionalText(o, 'paragraph', LIMITS.paragraph);
  const createdAt = date(o, 'createdAt');
  const problem = firstProblem([sentence, pageUrl, paragraph, createdAt]);
  if (problem) return problem;
  if (!isEntityId(o.entity)) return 'entity is not one of the six companies';
  if (o.lang !== undefined && !isLang(o.lang)) return 'lang is not en or zh';
  if (!isOriginalLink(o.original)) return 'original is not {reason: 1..8 or null, firm: true/false}';
  if (!isReasonOrNull(o.corrected)) return 'corrected is not 1..8 or null';
  const c: Correction = {
    id: '',
    pageUrl: pageUrl as string,
    sentence: sentence as string,
    entity: o.entity,
    lang: isLang(o.lang) ? o.lang : detectLang(sentence as string),
    original: { reason: o.original.reason, firm: o.original.firm },
    corrected: o.corrected,
    createdAt: createdAt as string,
  };
  if (paragraph) c.paragraph = paragraph as string;
  return c;
};

const checkHistory: Check<HistoryEntry> = (o) => {
  const u = url(o, 'url');
  const title = text(o, 'title', LIMITS.title, { empty: true });
  const visitedAt = date(o, 'visitedAt');
  const problem = firstProblem([u, title, visitedAt]);
  if (problem) return problem;
  if (!isReasonCounts(o.counts)) return 'counts is not a map of reasons 1..8 to whole numbers';
  if (!isCount(o.none)) return 'none is not a whole number';
  const day = dayOf(visitedAt as string);
  return {
    id: historyId(day, u as string),
    url: u as string,
    title: cut(title as string, LIMITS.title),
    site: hostnameOf(u as string),
    day,
    visitedAt: visitedAt as string,
    counts: cleanCounts(o.counts),
    none: o.none,
  };
};

function checkItem<T>(raw: unknown, check: Check<T>): ItemResult<T> {
  if (!isPlainObject(raw)) return { ok: false, problem: 'not an object' };
  const r = check(raw);
  return typeof r === 'string' ? { ok: false, problem: r } : { ok: true, value: r };
}

/** One passage as found in a file (its id is dropped: the store gives imported items new ids). */
export function validatePassage(raw: unknown): ItemResult<KeptPassage> {
  return checkItem(raw, checkPassage);
}
export function validateCorrection(raw: unknown): ItemResult<Correction> {
  return checkItem(raw, checkCorrection);
}
export function validateHistoryEntry(raw: unknown): ItemResult<HistoryEntry> {
  return checkItem(raw, checkHistory);
}

const KINDS = ['passages', 'corrections', 'history'] as const;

/** Reads an export file. Never throws. */
export function parseNotebookFile(input: unknown): ParsedNotebook | FileRejected {
  if (typeof input !== 'string') return { ok: false, message: 'The file is not text.' };
  if (input.length > LIMITS.fileChars) return { ok: false, message: 'The file is larger than 20 MB.' };
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch {
    return { ok: false, message: 'The file is not JSON.' };
  }
  if (!isPlainObject(data) || data.format !== NOTEBOOK_FORMAT) {
    return { ok: false, message: 'The file is not an Eight Reasons notebook export.' };
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: 'The file has no valid format version.' };
  }
  if (version > NOTEBOOK_FORMAT_VERSION) {
    return {
      ok: false,
      message: `The file was made by a newer version of Eight Reasons (format version ${version}); this version reads format version ${NOTEBOOK_FORMAT_VERSION}. Update the extension and try again.`,
    };
  }
  for (const key of KINDS) {
    const list = data[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return { ok: false, message: `"${key}" is not a list.` };
    if (list.length > LIMITS.itemsPerKind) {
      return { ok: false, message: `"${key}" has more than ${LIMITS.itemsPerKind} items.` };
    }
  }
  const out: ParsedNotebook = { ok: true, passages: [], corrections: [], history: [], rejected: 0, reasons: [] };
  const seen = new Set<string>();
  const report = (label: string, index: number, problem: string) => {
    out.rejected++;
    const kind = `${label}: ${problem}`;
    if (seen.has(kind) || out.reasons.length >= MAX_REASONS) return;
    seen.add(kind);
    out.reasons.push(`${label} ${index + 1}: ${problem}`);
  };
  const read = <T>(list: unknown, label: string, validate: (raw: unknown) => ItemResult<T>, into: T[]) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, i) => {
      const r = validate(raw);
      if (r.ok) into.push(r.value);
      else report(label, i, r.problem);
    });
  };
  read(data.passages, 'passage', validatePassage, out.passages);
  read(data.corrections, 'correction', validateCorrection, out.corrections);
  read(data.history, 'history entry', validateHistoryEntry, out.history);
  return out;
}
