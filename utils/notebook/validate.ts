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
/** A field's problem, told apart from the field's value (itself maybe text) by the array around it. */
type Problem = [string];

function text(o: Obj, key: string, max: number, opts: { normalize?: boolean; empty?: boolean } = {}): string | Problem {
  const v = o[key];
  if (typeof v !== 'string') return [`${key} is not text`];
  if (v.length > max * (opts.normalize ? 4 : 1)) return [`${key} is longer than ${max} characters`];
  const s = opts.normalize ? normalizeText(v) : v;
  if (s.length > max) return [`${key} is longer than ${max} characters`];
  if (!opts.empty && s.length === 0) return [`${key} is empty`];
  return s;
}

function optionalText(o: Obj, key: string, max: number): string | undefined | Problem {
  if (o[key] === undefined) return undefined;
  return text(o, key, max, { empty: true });
}

function url(o: Obj, key: string): string | Problem {
  const v = o[key];
  if (typeof v !== 'string') return [`${key} is not text`];
  if (v.length > LIMITS.url) return [`${key} is longer than ${LIMITS.url} characters`];
  return pageUrlOf(v) ?? [`${key} is not an http(s) URL`];
}

function date(o: Obj, key: string): string | Problem {
  return toIsoDate(o[key]) ?? [`${key} is not an ISO date`];
}

function optionalDate(o: Obj, key: string): string | undefined | Problem {
  return o[key] === undefined ? undefined : date(o, key);
}

/** A field that must pass `is` as it stands (an id from a fixed set, a count): its value, or `${key} ${problem}`. */
function valid<T>(o: Obj, key: string, is: (v: unknown) => v is T, problem: string): T | Problem {
  const v = o[key];
  return is(v) ? v : [`${key} ${problem}`];
}

/** The fields' values once every one passed, else the first problem in the fields' order. */
function allValid<T extends object>(fields: { [K in keyof T]: T[K] | Problem }): T | string {
  for (const v of Object.values<unknown>(fields)) if (Array.isArray(v)) return v[0];
  return fields as T;
}

const ENTITY_PROBLEM = 'is not one of the six companies';

const checkPassage: Check<KeptPassage> = (o) => {
  const f = allValid({
    sentence: text(o, 'sentence', LIMITS.sentence, { normalize: true }),
    title: text(o, 'title', LIMITS.title, { empty: true }),
    pageUrl: url(o, 'pageUrl'),
    note: optionalText(o, 'note', LIMITS.note),
    createdAt: date(o, 'createdAt'),
    updatedAt: optionalDate(o, 'updatedAt'),
    deletedAt: optionalDate(o, 'deletedAt'),
    entity: valid(o, 'entity', isEntityId, ENTITY_PROBLEM),
    reason: valid(o, 'reason', isReasonNumber, 'is not 1..8'),
    stance: valid(o, 'stance', isStance, 'is not supports, challenges or context'),
  });
  if (typeof f === 'string') return f;
  const p: KeptPassage = {
    id: '',
    sentence: f.sentence,
    title: f.title,
    pageUrl: f.pageUrl,
    site: hostnameOf(f.pageUrl),
    entity: f.entity,
    reason: f.reason,
    stance: f.stance,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt ?? f.createdAt,
  };
  if (f.note) p.note = f.note;
  if (f.deletedAt) p.deletedAt = f.deletedAt;
  return p;
};

const checkCorrection: Check<Correction> = (o) => {
  const f = allValid({
    sentence: text(o, 'sentence', LIMITS.sentence, { normalize: true }),
    pageUrl: url(o, 'pageUrl'),
    paragraph: optionalText(o, 'paragraph', LIMITS.paragraph),
    createdAt: date(o, 'createdAt'),
    entity: valid(o, 'entity', isEntityId, ENTITY_PROBLEM),
    lang: o.lang === undefined ? undefined : valid(o, 'lang', isLang, 'is not en or zh'),
    original: valid(o, 'original', isOriginalLink, 'is not {reason: 1..8 or null, firm: true/false}'),
    corrected: valid(o, 'corrected', isReasonOrNull, 'is not 1..8 or null'),
  });
  if (typeof f === 'string') return f;
  // A file may leave lang out: detect it, as a new correction does.
  const lang = f.lang ?? detectLang(f.sentence);
  const c: Correction = {
    id: '',
    pageUrl: f.pageUrl,
    sentence: f.sentence,
    entity: f.entity,
    lang,
    original: { reason: f.original.reason, firm: f.original.firm },
    corrected: f.corrected,
    createdAt: f.createdAt,
  };
  if (f.paragraph) c.paragraph = f.paragraph;
  return c;
};

const checkHistory: Check<HistoryEntry> = (o) => {
  const f = allValid({
    url: url(o, 'url'),
    title: text(o, 'title', LIMITS.title, { empty: true }),
    visitedAt: date(o, 'visitedAt'),
    counts: valid(o, 'counts', isReasonCounts, 'is not a map of reasons 1..8 to whole numbers'),
    none: valid(o, 'none', isCount, 'is not a whole number'),
  });
  if (typeof f === 'string') return f;
  const day = dayOf(f.visitedAt);
  return {
    id: historyId(day, f.url),
    url: f.url,
    title: cut(f.title, LIMITS.title),
    site: hostnameOf(f.url),
    day,
    visitedAt: f.visitedAt,
    counts: cleanCounts(f.counts),
    none: f.none,
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
