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

/** Why a mention was linked to a reason. */
export interface LinkResult {
  /** null when the context is plainly about something else (e.g. the Ali Baba tale). */
  reason: ReasonNumber | null;
  /** The cue words or phrases (as listed in the article data) that decided it; empty for a fallback. */
  cues: string[];
  /** 0..1; fallbacks are low, several agreeing cues are high. */
  confidence: number;
  /** Where the deciding words were found. */
  source: 'sentence' | 'paragraph' | 'fallback' | 'unrelated';
}

/** A mention as reported from a page to the rest of the extension (no DOM references). */
export interface MentionInfo {
  /** Stable within one document's lifetime: used for jump-to / reveal. */
  id: number;
  entity: EntityId;
  /** Text exactly as it appears on the page (e.g. "WeChat's" base "WeChat", or "微信"). */
  text: string;
  /** About 120 characters around the mention, plain text. */
  snippet: string;
  link: LinkResult;
}

/** What one frame of a tab found. */
export interface FrameSummary {
  url: string;
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
  mentions: (MentionInfo & { frameId: number })[];
  total: number;
  capped: boolean;
  paused: boolean;
  countsByEntity: Partial<Record<EntityId, number>>;
  countsByReason: Partial<Record<ReasonNumber, number>>;
}
