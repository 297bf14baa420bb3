/**
 * The background's side of the reader's notebook: one IndexedDB store, opened
 * on first need; the notebook calls of our pages answered through the
 * service (checked by name and request there); and, for each frame that
 * reports, what the notebook says about its mentions (corrected links, kept
 * sentences) and, when the reader opted in, a line of reading history.
 */
import { browser } from 'wxt/browser';
import type { NotebookCallResult } from '@/utils/notebook/calls';
import { type MentionOverlay, overlayFor } from '@/utils/notebook/overlay';
import { normalizeText, pageUrlOf } from '@/utils/notebook/text';
import { TO_CONTENT } from '@/utils/protocol';
import type { TabState } from '@/utils/tab-state';
import type { FrameSummary, TabSummary } from '@/utils/types';
import { callTab } from './messaging';
import { NotebookStore } from './notebook-db';
import {
  createNotebookService,
  dispatchNotebookCall,
  type NotebookHandlers,
  pruneByRetention,
} from './notebook-service';
import { loadNotebookSettings } from './notebook-settings';

/** Calls that change what a page's overlay shows or what a notebook view lists. */
const CHANGING = new Set([
  'nb-keep',
  'nb-edit',
  'nb-remove',
  'nb-restore',
  'nb-correct',
  'nb-undo-correction',
  'nb-import',
  'nb-delete-everything',
]);

export class NotebookBackground {
  private opened: Promise<{ store: NotebookStore; handlers: NotebookHandlers }> | null = null;
  /** The page state last logged per tab: one history line per page state. */
  private readonly logged = new Map<number, string>();

  constructor(private readonly onChanged: () => void) {}

  private open() {
    this.opened ??= NotebookStore.open().then((store) => {
      const prune = () => void loadNotebookSettings().then((s) => pruneByRetention(store, s));
      prune();
      // A background that lives for days (Firefox's) prunes daily too; Chrome's wakes (and prunes) far more often.
      setInterval(prune, 24 * 60 * 60 * 1000);
      return { store, handlers: createNotebookService(store, { settings: loadNotebookSettings }) };
    });
    // A store that failed to open (storage disabled) is tried again on the next call.
    this.opened.catch(() => {
      this.opened = null;
    });
    return this.opened;
  }

  /** One of our pages' notebook calls; `paused`/`incognito` come from the tab, never from the request. */
  async answer(name: string, request: unknown): Promise<NotebookCallResult> {
    try {
      const { handlers } = await this.open();
      const result = await dispatchNotebookCall(handlers, name, request, { fromContent: false });
      if (result.ok && CHANGING.has(name)) this.onChanged();
      return result;
    } catch (e) {
      return { ok: false, error: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
  }

  /**
   * Lays the notebook's word over a frame that reported (in the tab state and in the frame itself), publishes the
   * tab, and logs a line of history for it when the reader opted in.
   */
  async follow(state: TabState, tabId: number, frameId: number, publish: (tabId: number) => void): Promise<void> {
    const frame = state.framesOf(tabId).get(frameId);
    if (!frame) return;
    const laid = await this.overlay(frame);
    if (state.framesOf(tabId).get(frameId) !== frame) return; // a newer report came meanwhile
    state.setOverlay(tabId, frameId, laid);
    // The page needs the link and the kept mark; a correction's id is for the panel's undo only.
    const forPage = laid.map(({ correctionId: _forPanel, ...o }) => o);
    void callTab(TO_CONTENT, tabId, 'notebook-overlay', { overlay: forPage }, frameId);
    publish(tabId);
    const tab = state.summary(tabId);
    const key = tab ? `${tab.url}|${tab.total}|${tab.unlinked}` : '';
    if (tab && frameId === 0 && this.logged.get(tabId) !== key) {
      this.logged.set(tabId, key);
      // Marked only once logged: a visit made with history off is logged when it is switched on and the page reports.
      void this.logVisit(tab, tab.paused).then((done) => {
        if (!done && this.logged.get(tabId) === key) this.logged.delete(tabId);
      });
    }
  }

  forgetTab(tabId: number): void {
    this.logged.delete(tabId);
  }

  /** What the notebook says about a frame's mentions; empty when nothing (or the store is unavailable). */
  async overlay(frame: FrameSummary): Promise<MentionOverlay[]> {
    const pageUrl = pageUrlOf(frame.url);
    if (!pageUrl || frame.mentions.length === 0) return [];
    try {
      const { store } = await this.open();
      const sentences = [...new Set(frame.mentions.map((m) => m.sentence))];
      const [corrections, kept] = await Promise.all([
        store.correctionsFor(pageUrl, sentences),
        store.keptOnPage(pageUrl),
      ]);
      return overlayFor(frame.mentions, corrections, new Set(kept.map((p) => normalizeText(p.sentence))));
    } catch {
      return [];
    }
  }

  /** A line of reading history for a tab with linked mentions, when the reader opted in (checked in the service). */
  async logVisit(tab: TabSummary, paused: boolean): Promise<boolean> {
    if (tab.mentions.length === 0 || tab.paused) return false;
    try {
      const incognito = await browser.tabs.get(tab.tabId).then(
        (t) => t.incognito,
        () => true,
      );
      const { handlers } = await this.open();
      const counts: Partial<Record<number, number>> = {};
      for (const m of tab.mentions)
        if (m.link.reason !== null) counts[m.link.reason] = (counts[m.link.reason] ?? 0) + 1;
      const result = await dispatchNotebookCall(
        handlers,
        'nb-log-visit',
        { url: tab.url, title: tab.title.slice(0, 500), counts, none: tab.unlinked },
        { fromContent: false, incognito, paused },
      );
      const reply = result.ok ? (result.reply as { ok?: boolean; value?: { logged?: boolean } }) : null;
      return reply?.ok === true && reply.value?.logged === true;
    } catch {
      // History is a convenience: a failure here must not disturb the page's summary.
      return false;
    }
  }
}
