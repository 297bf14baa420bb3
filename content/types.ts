/**
 * The page engine's contract with entrypoints/content.ts. The engine knows
 * the DOM but no extension API; content.ts wires it to settings and messages.
 */
import type { EntityId, FrameSummary, MentionInfo, ReasonNumber } from '@/utils/types';

/** A mention on this page: what we report, plus the live range we paint. */
export interface PageMention {
  info: MentionInfo;
  range: Range;
}

export interface EngineOptions {
  /** Entities to find (from settings). */
  entities: readonly EntityId[];
  /** Highlight colour per entity ("#rrggbb"). */
  colors: Readonly<Record<EntityId, string>>;
  /** Called (debounced) whenever the set of mentions changes. */
  onChange: (summary: FrameSummary) => void;
  /** Stops everything the engine started (observers, listeners, timers) and clears highlights. */
  signal: AbortSignal;
  /** Layout-dependent questions, injectable for DOMs without layout (unit tests); the browser's own answers by default. */
  layout?: Partial<PageLayout>;
}

/** What the engine asks the browser's layout. */
export interface PageLayout {
  /** Can a reader see this element's text? (hidden, display:none, visibility:hidden, closed details, editable: no) */
  isVisible: (el: Element) => boolean;
  /** The text position under a viewport point. */
  caretAt: (x: number, y: number) => { node: Node; offset: number } | null;
  /** A range's boxes in viewport coordinates. */
  rectsOf: (range: Range) => ArrayLike<DOMRectReadOnly>;
}

export interface Engine {
  /** Scan the document in slices and start watching for changes. */
  start(): Promise<void>;
  /** Clear every highlight and release every range and index; the page is as before. */
  stop(): void;
  /** Apply new settings without a page reload (re-match when entities change, re-style when colours change). */
  update(options: Pick<EngineOptions, 'entities' | 'colors'>): void;
  /** The mention under a viewport point, via caretPositionFromPoint and the per-node index. */
  mentionAt(x: number, y: number): PageMention | null;
  /** Scroll a mention into view and flash it. False when it no longer exists. */
  reveal(id: number): boolean;
  /** A live mention by id (null once its text left the page). */
  mentionById(id: number): PageMention | null;
  /** Underline the mentions whose sentences the reader kept (the notebook's overlay); none clears the marks. */
  markKept(ids: readonly number[]): void;
  /** Reveal the next (1) or previous (-1) mention in document order after the last revealed one. */
  step(
    direction: 1 | -1,
    filter?: { entities?: readonly EntityId[]; reasons?: readonly ReasonNumber[] },
  ): number | null;
  /** The current summary of this frame. */
  summary(): FrameSummary;
}
