/**
 * What the reader's notebook says about this frame's mentions (the
 * background's overlay): laid over them for the card ("linked by: you",
 * "kept"), and the kept ones marked on the page with a dotted underline of
 * their own highlight. No page node is touched: the mark is one more
 * Highlight and one more constructed sheet.
 */
import { applyOverlay, type MentionOverlay } from '@/utils/notebook/overlay';
import { adoptSheet, unadoptSheet } from './adopted-sheets';
import type { PageMention } from './types';

export const KEPT_NAME = 'eight-reasons-kept';
const KEPT_RULE = `::highlight(${KEPT_NAME}){text-decoration:underline dotted 2px;text-underline-offset:3px;}`;

type Registry = Map<string, Highlight>;

function registry(): Registry | null {
  try {
    return (globalThis as { CSS?: { highlights?: Registry } }).CSS?.highlights ?? null;
  } catch {
    return null;
  }
}

export class NotebookMarks {
  private byId = new Map<number, MentionOverlay>();
  /** The overlaid mentions handed out, so the same mention is the same object (the card compares them). */
  private readonly laid = new Map<number, PageMention>();
  private kept: Highlight | null = null;
  private sheet: CSSStyleSheet | null = null;

  constructor(private readonly doc: Document) {}

  /** Takes a new overlay and marks its kept mentions (`mentionById` finds them on the page). */
  set(overlay: readonly MentionOverlay[], mentionById: (id: number) => PageMention | null): void {
    this.byId = new Map(overlay.map((o) => [o.id, o]));
    this.laid.clear();
    const ranges: Range[] = [];
    for (const o of overlay) {
      const m = o.kept ? mentionById(o.id) : null;
      if (m) ranges.push(m.range);
    }
    this.mark(ranges);
  }

  /** The mention as the card shows it: with the reader's link and kept mark when the notebook has one. */
  of(m: PageMention): PageMention {
    const o = this.byId.get(m.info.id);
    if (!o) return m;
    const cached = this.laid.get(m.info.id);
    if (cached && cached.range === m.range) return cached;
    const laid = { ...m, info: applyOverlay([m.info], [o])[0] ?? m.info };
    this.laid.set(m.info.id, laid);
    return laid;
  }

  private mark(ranges: readonly Range[]): void {
    const reg = registry();
    if (!reg || typeof Highlight !== 'function') return;
    try {
      if (ranges.length === 0) {
        if (this.kept && reg.get(KEPT_NAME) === this.kept) reg.delete(KEPT_NAME);
        this.kept?.clear();
        return;
      }
      this.kept ??= new Highlight();
      this.kept.clear();
      for (const r of ranges) this.kept.add(r);
      if (reg.get(KEPT_NAME) !== this.kept) reg.set(KEPT_NAME, this.kept);
      if (!this.sheet) {
        const Sheet = this.doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
        this.sheet = new Sheet();
        this.sheet.replaceSync(KEPT_RULE);
      }
      adoptSheet(this.doc, this.sheet);
    } catch {
      // A hostile registry or sheet list: the card still says "kept".
    }
  }

  /** Highlighting turned off: the marks go with the rest. */
  clear(): void {
    this.byId.clear();
    this.laid.clear();
    this.mark([]);
    if (this.sheet) unadoptSheet(this.doc, this.sheet);
  }
}
