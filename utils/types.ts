/**
 * Data shapes shared by every context. Pure types: no runtime code, so any
 * module (page engine, UI, background, tests) may import them.
 */

import type { EntityId } from './entities';

/** A company we highlight; the list itself is in entities.ts. */
export type { EntityId };

/** Reason numbers of the article, 1..8. */
export type ReasonNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** One alias occurrence found in a plain string. Offsets are UTF-16 indices into that string. */
export interface TextMatch {
  entity: EntityId;
  /** The alias as written in the entity table (canonical form, e.g. "WeChat Pay"). */
  alias: string;
  start: number;
  /** Exclusive. */
  end: number;
}

/** Why a mention was linked to a reason, or why to none. */
export interface LinkResult {
  /** null when the text around the mention is about none of the arguments (or says nothing of them). */
  reason: ReasonNumber | null;
  /** The evidence is strong: the link is right about nine times in ten. False for a tentative link and for no reason. */
  firm: boolean;
  /** The cue words that decided: the argument's, or for `unrelated` the words of the other topic; empty for `none`. */
  cues: string[];
  /** 0..1: how sure the linker is of the reason; for `unrelated`, of there being none. 0 for `none`. */
  confidence: number;
  /**
   * Where the deciding words were found: the sentence or the paragraph; `unrelated` when the text is about
   * something else; `none` when nothing around the mention speaks to any argument.
   */
  source: LinkSource;
}

/** 'reader': the reader corrected the link in the notebook ("linked by: you"). */
export type LinkSource = 'sentence' | 'paragraph' | 'unrelated' | 'none' | 'reader';

/** A mention as reported from a page to the rest of the extension (no DOM references). */
export interface MentionInfo {
  /** Stable within one document's lifetime: used for jump-to / reveal. */
  id: number;
  entity: EntityId;
  /** Text exactly as it appears on the page (e.g. "WeChat's" base "WeChat", or "微信"). */
  text: string;
  /** About 120 characters around the mention, plain text. */
  snippet: string;
  /** The sentence the linker read (plain text, capped): what a correction or a kept passage is keyed by. */
  sentence: string;
  link: LinkResult;
  /** The reader kept this mention's sentence as evidence (set by the background from the notebook). */
  kept?: boolean;
  /** The reader's correction of this mention's link, when there is one (its id, for undo). */
  correctionId?: string;
}

/** What one frame of a tab found. */
export interface FrameSummary {
  url: string;
  /** The document's title (plain text, capped), for the notebook and reading history. */
  title?: string;
  mentions: MentionInfo[];
  /** Total mentions found, which can exceed mentions.length when the paint cap is hit. */
  total: number;
  /** True when more mentions exist than are painted/listed (see MAX_MENTIONS). */
  capped: boolean;
  /** Highlighting is off for this page (paused site or switched off everywhere). */
  paused: boolean;
}

/** What the popup and side panel show for one tab: all frames merged. */
export interface TabSummary {
  tabId: number;
  url: string;
  /** The top frame's title. */
  title: string;
  mentions: (MentionInfo & { frameId: number })[];
  total: number;
  capped: boolean;
  paused: boolean;
  countsByEntity: Partial<Record<EntityId, number>>;
  /** Mentions linked to each reason, firm and tentative together. */
  countsByReason: Partial<Record<ReasonNumber, number>>;
  /** Of those, the firm links (the rest are tentative: "may relate to"). */
  firmByReason: Partial<Record<ReasonNumber, number>>;
  /** Mentions about none of the arguments. */
  unlinked: number;
}
