/**
 * The background's notebook handlers: one plain async function per call of
 * utils/notebook/calls.ts, over a NotebookStore. Requests arrive already
 * shape-checked (NOTEBOOK_CALL_VALIDATORS; dispatchNotebookCall runs them),
 * so handlers only apply policy (history opt-in, private windows, paused
 * sites) and shape replies. Nothing here touches browser.* so it runs under
 * fake-indexeddb in unit tests; settings and clocks are injected.
 */
import { REASONS } from '../utils/article';
import type {
  CallReply,
  CallRequest,
  FileReply,
  MarkdownWords,
  NotebookCallName,
  NotebookCallResult,
  WriteReply,
} from '../utils/notebook/calls';
import { isNotebookCallName, NOTEBOOK_CALL_VALIDATORS, NOTEBOOK_CALLS_FROM_CONTENT } from '../utils/notebook/calls';
import { correctionsToLabelledJson } from '../utils/notebook/corrections';
import { passagesToCsv } from '../utils/notebook/export-csv';
import { passagesToMarkdown } from '../utils/notebook/export-markdown';
import { shouldLogHistory } from '../utils/notebook/history';
import type { Balance } from '../utils/notebook/queries';
import type { NotebookSettings } from '../utils/notebook/settings';
import { DEFAULT_NOTEBOOK_SETTINGS } from '../utils/notebook/settings';
import type { Stance } from '../utils/notebook/types';
import type { ReasonNumber } from '../utils/types';
import type { NotebookStore, WriteResult } from './notebook-db';

/** What the background knows about the sender, never taken from the request itself. */
export interface CallContext {
  /** The sender's tab is in a private window. */
  incognito?: boolean;
  /** Highlighting is paused on the sender's site (or everywhere). */
  paused?: boolean;
}

export interface ServiceOptions {
  /** The current notebook settings (stored under NOTEBOOK_SETTINGS_KEY). */
  settings?: () => Promise<NotebookSettings>;
  /** ISO clock; tests pin it. */
  now?: () => string;
}

export type NotebookHandlers = {
  readonly [K in NotebookCallName]: (request: CallRequest<K>, context?: CallContext) => Promise<CallReply<K>>;
};

/** void results become null so replies survive structured cloning / JSON unchanged. */
function asNull(r: WriteResult<void>): WriteReply<null> {
  return r.ok ? { ok: true, value: null } : r;
}

/** File names carry the UTC day so repeated exports do not overwrite each other silently. */
export function exportFilename(kind: string, ext: string, now: string): string {
  return `eight-reasons-${kind}-${now.slice(0, 10)}.${ext}`;
}

function balanceWords(words: MarkdownWords | undefined): (b: Balance) => string {
  const s = words?.supports ?? 'support';
  const c = words?.challenges ?? 'challenge';
  const x = words?.context ?? 'context';
  return (b) => `${b.supports} ${s}, ${b.challenges} ${c}, ${b.context} ${x}`;
}

/** The article stays in English, so its reason titles head the Markdown export. */
const TITLES = Object.fromEntries(REASONS.map((r) => [r.n, r.title])) as Record<ReasonNumber, string>;

export function createNotebookService(store: NotebookStore, options: ServiceOptions = {}): NotebookHandlers {
  const now = options.now ?? (() => new Date().toISOString());
  const settings = options.settings ?? (async () => ({ ...DEFAULT_NOTEBOOK_SETTINGS }));

  return {
    'nb-keep': (req) => store.keep(req, now()),
    'nb-edit': (req) => store.editPassage(req, now()),
    'nb-remove': (req) => store.removePassage(req.id, now()),
    'nb-restore': (req) => store.restorePassage(req.id),
    'nb-list': (req) => store.listPassages(req),
    'nb-balance': () => store.balance(),
    'nb-is-kept': async (req) => ({ kept: await store.isKept(req.pageUrl, req.sentence) }),
    'nb-kept-on-page': async (req) => ({
      sentences: [...new Set((await store.keptOnPage(req.pageUrl)).map((p) => p.sentence))],
    }),
    'nb-correct': (req) => store.correct(req, now()),
    'nb-undo-correction': async (req) => asNull(await store.undoCorrection(req.id)),
    'nb-corrections-for': async (req) => ({ corrections: await store.correctionsFor(req.pageUrl, req.sentences) }),
    'nb-corrections-export': async () => {
      const list = await store.listCorrections();
      return {
        filename: exportFilename('corrections', 'json', now()),
        mime: 'application/json',
        text: correctionsToLabelledJson(list),
        count: list.length,
      };
    },
    'nb-log-visit': async (req, context) => {
      const { historyEnabled } = await settings();
      // An unknown context counts as private and paused: a handler wired without it logs nothing rather than too much.
      const allowed = shouldLogHistory({
        historyEnabled,
        paused: context?.paused ?? true,
        incognito: context?.incognito ?? true,
        url: req.url,
      });
      if (!allowed) return { ok: true, value: { logged: false } };
      const r = await store.logVisit(req, now());
      return r.ok ? { ok: true, value: { logged: true } } : r;
    },
    'nb-reading-week': () => store.readingThisWeek(now()),
    'nb-forget-site': (req) => store.forgetSite(req.hostname.trim()),
    'nb-clear-history': async () => asNull(await store.clearHistory()),
    'nb-prune-history': (req) => store.pruneHistory(req.days, now()),
    'nb-export': async (req) => exportNotebook(store, req, now()),
    'nb-import': (req) => store.importNotebook(req.text),
    'nb-delete-everything': async () => asNull(await store.deleteEverything()),
  };
}

/** Prunes history past the reader's retention period; run at startup and once a day. */
export async function pruneByRetention(store: NotebookStore, settings: NotebookSettings, now?: string) {
  return store.pruneHistory(settings.retentionDays, now);
}

async function exportNotebook(store: NotebookStore, req: CallRequest<'nb-export'>, now: string): Promise<FileReply> {
  const data = await store.exportAll(now);
  if (req.format === 'json') {
    return {
      filename: exportFilename('notebook', 'json', now),
      mime: 'application/json',
      text: JSON.stringify(data, null, 2),
      count: data.passages.length + data.corrections.length + data.history.length,
    };
  }
  if (req.format === 'csv') {
    return {
      filename: exportFilename('notebook', 'csv', now),
      mime: 'text/csv',
      text: passagesToCsv(data.passages),
      count: data.passages.length,
    };
  }
  const stances = req.words?.stances;
  return {
    filename: exportFilename('notebook', 'md', now),
    mime: 'text/markdown',
    text: passagesToMarkdown(data.passages, {
      titles: TITLES,
      heading: req.words?.heading,
      balanceLine: balanceWords(req.words),
      stanceLabel: (s: Stance) => stances?.[s] ?? s,
    }),
    count: data.passages.length,
  };
}

/** The answer to send back: see NotebookCallResult in utils/notebook/calls.ts. */
export type DispatchResult = NotebookCallResult;

export interface DispatchContext extends CallContext {
  /**
   * The sender is a content script (inside a web page), as the protocol's
   * sender check established: only NOTEBOOK_CALLS_FROM_CONTENT are allowed.
   */
  fromContent?: boolean;
}

/**
 * Validates and runs one call: unknown names, calls a content script may not
 * make and malformed requests are answered with an error, never passed on; a
 * handler that throws (a failed read) is answered with 'failed'. Checking who
 * the sender is (our content script or our own page) stays with the protocol.
 */
export async function dispatchNotebookCall(
  handlers: NotebookHandlers,
  name: unknown,
  request: unknown,
  context: DispatchContext = {},
): Promise<DispatchResult> {
  if (!isNotebookCallName(name)) return { ok: false, error: 'unknown-call', message: 'Unknown notebook call.' };
  if (context.fromContent && !NOTEBOOK_CALLS_FROM_CONTENT.includes(name)) {
    return { ok: false, error: 'not-allowed', message: `${name} is for the extension's own pages.` };
  }
  if (!NOTEBOOK_CALL_VALIDATORS[name](request)) {
    return { ok: false, error: 'invalid-request', message: `Malformed ${name} request.` };
  }
  // The validator narrowed `request` to this call's type; TypeScript cannot follow the correlation.
  const handler = handlers[name] as (r: unknown, c?: CallContext) => Promise<unknown>;
  try {
    return { ok: true, reply: await handler(request, { incognito: context.incognito, paused: context.paused }) };
  } catch (e) {
    return { ok: false, error: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
}
