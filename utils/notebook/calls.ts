/**
 * The notebook's calls between pages/content scripts and the background: a
 * name → { request, reply } map plus one validator per request, so the
 * protocol owner can register them generically. Pure: no browser APIs.
 *
 * Requests are untrusted (a content script runs inside hostile pages), so
 * every validator checks types and caps sizes; the background must also check
 * the sender (content script or our own page) before dispatching.
 */
import { isEntityId, isReasonNumber } from '../entities';
import type { ReasonNumber } from '../types';
import { isNotebookCallResult, type NotebookCallResult } from './call-result';
import type { ReadingSummary } from './history';
import { isRetentionDays } from './history';
import type { RetentionDays } from './limits';
import type { ImportReport } from './merge';
import type { Balance, Page, PageCursor, PassageFilter } from './queries';
import {
  type Check,
  type CorrectionRequest,
  type FieldChecks,
  type HistoryVisitRequest,
  hasFields,
  isCorrectionRequest,
  isHistoryVisitRequest,
  isId,
  isKeepRequest,
  isPageUrl,
  isPassageEditRequest,
  isPlainObject,
  isSentence,
  isStance,
  isString,
  type KeepRequest,
  optional,
  type PassageEditRequest,
} from './requests';
import { toIsoDate } from './text';
import type { Correction, KeptPassage, Stance } from './types';

/** Same shape as the store's WriteResult (platform/notebook-db.ts), restated here so this module stays pure. */
export type WriteReply<T> =
  | { ok: true; value: T }
  | { ok: false; error: 'quota' | 'unknown' | 'not-found' | 'duplicate'; message: string };

export interface IdRequest {
  id: string;
}

/** No parameters: `{}`. */
export type EmptyRequest = Record<string, never>;

export interface ListRequest {
  filter?: PassageFilter;
  /** 1..500, default 50. */
  limit?: number;
  after?: PageCursor;
}

export interface SentenceRequest {
  pageUrl: string;
  sentence: string;
}

export interface PageRequest {
  pageUrl: string;
}

export interface PageSentencesRequest {
  pageUrl: string;
  /** The sentences holding mentions on the page (at most MAX_SENTENCES). */
  sentences: string[];
}

export interface HostnameRequest {
  hostname: string;
}

export interface RetentionRequest {
  days: RetentionDays;
}

export type ExportFormat = 'markdown' | 'json' | 'csv';

/** Localised words for the Markdown export; the English defaults apply when absent. */
export interface MarkdownWords {
  heading?: string;
  /** Nouns for the balance line: "4 support, 6 challenge, 1 context". */
  supports?: string;
  challenges?: string;
  context?: string;
  /** Stance words for each passage's line. */
  stances?: Partial<Record<Stance, string>>;
}

export interface ExportRequest {
  format: ExportFormat;
  words?: MarkdownWords;
}

/** A file to save: the UI downloads it as is. */
export interface FileReply {
  filename: string;
  mime: string;
  text: string;
  /** Items in the file (passages for markdown/csv, all items for json, corrections for labelled). */
  count: number;
}

export interface ImportRequest {
  /** The file's text; files over 20 MB are refused by the import itself, with a message. */
  text: string;
}

export type ImportReply =
  | { ok: true; report: ImportReport }
  | { ok: false; error: 'file'; message: string }
  | { ok: false; error: 'quota' | 'unknown' | 'not-found' | 'duplicate'; message: string };

/** Whether a visit was logged (false when history is off, the site paused, the window private…). */
export interface LogVisitValue {
  logged: boolean;
}

export interface NotebookCalls {
  'nb-keep': { request: KeepRequest; reply: WriteReply<KeptPassage> };
  'nb-edit': { request: PassageEditRequest; reply: WriteReply<KeptPassage> };
  'nb-remove': { request: IdRequest; reply: WriteReply<KeptPassage> };
  'nb-restore': { request: IdRequest; reply: WriteReply<KeptPassage> };
  'nb-list': { request: ListRequest; reply: Page<KeptPassage> };
  'nb-balance': { request: EmptyRequest; reply: Record<ReasonNumber, Balance> };
  'nb-is-kept': { request: SentenceRequest; reply: { kept: boolean } };
  /** The normalised sentences kept on a page (not in the trash), to mark its mentions at once. */
  'nb-kept-on-page': { request: PageRequest; reply: { sentences: string[] } };
  'nb-correct': { request: CorrectionRequest; reply: WriteReply<Correction> };
  'nb-undo-correction': { request: IdRequest; reply: WriteReply<null> };
  /** Keys of `corrections` are the normalised sentences. */
  'nb-corrections-for': { request: PageSentencesRequest; reply: { corrections: Record<string, Correction> } };
  'nb-corrections-export': { request: EmptyRequest; reply: FileReply };
  'nb-log-visit': { request: HistoryVisitRequest; reply: WriteReply<LogVisitValue> };
  'nb-reading-week': { request: EmptyRequest; reply: ReadingSummary };
  'nb-forget-site': { request: HostnameRequest; reply: WriteReply<number> };
  'nb-clear-history': { request: EmptyRequest; reply: WriteReply<null> };
  'nb-prune-history': { request: RetentionRequest; reply: WriteReply<number> };
  'nb-export': { request: ExportRequest; reply: FileReply };
  'nb-import': { request: ImportRequest; reply: ImportReply };
  'nb-delete-everything': { request: EmptyRequest; reply: WriteReply<null> };
}

export type NotebookCallName = keyof NotebookCalls;
export type CallRequest<K extends NotebookCallName> = NotebookCalls[K]['request'];
export type CallReply<K extends NotebookCallName> = NotebookCalls[K]['reply'];

/** Sentences per corrections-for request: a long page sends them in batches. */
export const MAX_SENTENCES = 5_000;
const MAX_SEARCH = 500;
/** Hostnames are at most 253 characters. */
const MAX_HOST = 253;
const MAX_WORD = 200;

export function isEmptyRequest(v: unknown): v is EmptyRequest {
  return isPlainObject(v);
}

export function isIdRequest(v: unknown): v is IdRequest {
  return isPlainObject(v) && isId(v.id);
}

const isIsoDate: Check = (d) => toIsoDate(d) === d;

const PASSAGE_FILTER: FieldChecks<PassageFilter> = {
  reason: optional(isReasonNumber),
  entity: optional(isEntityId),
  stance: optional(isStance),
  site: optional((s) => isString(s, MAX_HOST)),
  from: optional(isIsoDate),
  to: optional(isIsoDate),
  search: optional((s) => isString(s, MAX_SEARCH)),
  deleted: optional((d) => d === 'exclude' || d === 'include' || d === 'only'),
};

export function isPassageFilter(v: unknown): v is PassageFilter {
  return hasFields(v, PASSAGE_FILTER);
}

export function isPageCursor(v: unknown): v is PageCursor {
  return isPlainObject(v) && toIsoDate(v.createdAt) === v.createdAt && isId(v.id);
}

const LIST: FieldChecks<ListRequest> = {
  filter: optional(isPassageFilter),
  limit: optional((n) => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 500),
  after: optional(isPageCursor),
};

export function isListRequest(v: unknown): v is ListRequest {
  return hasFields(v, LIST);
}

export function isSentenceRequest(v: unknown): v is SentenceRequest {
  return isPlainObject(v) && isPageUrl(v.pageUrl) && isSentence(v.sentence);
}

export function isPageRequest(v: unknown): v is PageRequest {
  return isPlainObject(v) && isPageUrl(v.pageUrl);
}

export function isPageSentencesRequest(v: unknown): v is PageSentencesRequest {
  return (
    isPlainObject(v) &&
    isPageUrl(v.pageUrl) &&
    Array.isArray(v.sentences) &&
    v.sentences.length <= MAX_SENTENCES &&
    v.sentences.every(isSentence)
  );
}

export function isHostnameRequest(v: unknown): v is HostnameRequest {
  return isPlainObject(v) && isString(v.hostname, MAX_HOST) && v.hostname.trim().length > 0;
}

export function isRetentionRequest(v: unknown): v is RetentionRequest {
  return isPlainObject(v) && isRetentionDays(v.days);
}

const isWord: Check = (x) => isString(x, MAX_WORD);

const WORDS: FieldChecks<MarkdownWords> = {
  heading: optional(isWord),
  supports: optional(isWord),
  challenges: optional(isWord),
  context: optional(isWord),
  stances: optional((s) => isPlainObject(s) && Object.entries(s).every(([k, w]) => isStance(k) && isWord(w))),
};

const EXPORT: FieldChecks<ExportRequest> = {
  format: (f) => f === 'markdown' || f === 'json' || f === 'csv',
  words: optional((w) => hasFields(w, WORDS)),
};

export function isExportRequest(v: unknown): v is ExportRequest {
  return hasFields(v, EXPORT);
}

export function isImportRequest(v: unknown): v is ImportRequest {
  return isPlainObject(v) && typeof v.text === 'string';
}

/** One validator per call: the background runs it before the handler and answers invalid requests with an error. */
export const NOTEBOOK_CALL_VALIDATORS: { readonly [K in NotebookCallName]: (v: unknown) => v is CallRequest<K> } = {
  'nb-keep': isKeepRequest,
  'nb-edit': isPassageEditRequest,
  'nb-remove': isIdRequest,
  'nb-restore': isIdRequest,
  'nb-list': isListRequest,
  'nb-balance': isEmptyRequest,
  'nb-is-kept': isSentenceRequest,
  'nb-kept-on-page': isPageRequest,
  'nb-correct': isCorrectionRequest,
  'nb-undo-correction': isIdRequest,
  'nb-corrections-for': isPageSentencesRequest,
  'nb-corrections-export': isEmptyRequest,
  'nb-log-visit': isHistoryVisitRequest,
  'nb-reading-week': isEmptyRequest,
  'nb-forget-site': isHostnameRequest,
  'nb-clear-history': isEmptyRequest,
  'nb-prune-history': isRetentionRequest,
  'nb-export': isExportRequest,
  'nb-import': isImportRequest,
  'nb-delete-everything': isEmptyRequest,
};

export const NOTEBOOK_CALL_NAMES = Object.keys(NOTEBOOK_CALL_VALIDATORS) as NotebookCallName[];

export function isNotebookCallName(v: unknown): v is NotebookCallName {
  return typeof v === 'string' && Object.hasOwn(NOTEBOOK_CALL_VALIDATORS, v);
}

/**
 * Calls a content script may make (from inside web pages). The rest (listing,
 * export, import, deleting, history management) are for our own pages only.
 */
export const NOTEBOOK_CALLS_FROM_CONTENT: readonly NotebookCallName[] = [
  'nb-keep',
  'nb-is-kept',
  'nb-kept-on-page',
  'nb-correct',
  'nb-undo-correction',
  'nb-corrections-for',
  'nb-log-visit',
];

/** The generic client side: how UI code reaches the background (or a fake in tests). */
export { isNotebookCallResult, type NotebookCallResult };

/** The generic client side: how UI code reaches the background (or a fake in tests). */
export type NotebookApi = <K extends NotebookCallName>(name: K, request: CallRequest<K>) => Promise<CallReply<K>>;

/**
 * A NotebookApi over any transport (runtime.sendMessage, a port, a test
 * double): `send` delivers { name, request } to the background and resolves
 * to its NotebookCallResult. A refused call or a garbled answer rejects, so
 * callers (notebook-state.ts) show a failure instead of reading nonsense.
 */
export function notebookClient(send: (name: NotebookCallName, request: unknown) => Promise<unknown>): NotebookApi {
  return (async (name: NotebookCallName, request: unknown) => {
    const result = await send(name, request);
    if (!isNotebookCallResult(result)) throw new Error(`No answer to ${name}.`);
    if (!result.ok) throw new Error(result.message);
    return result.reply;
  }) as NotebookApi;
}
