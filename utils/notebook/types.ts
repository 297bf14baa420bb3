/**
 * Shapes of the reader's notebook: corrections, kept passages and reading
 * history. Pure types: the store (platform/), the background and the UI share them.
 */
import type { EntityId, ReasonNumber } from '../types';

export type NotebookLang = 'en' | 'zh';

/** How a kept passage bears on its reason. */
export type Stance = 'supports' | 'challenges' | 'context';
export const STANCES: readonly Stance[] = ['supports', 'challenges', 'context'];

/** The link the extension had made before the reader corrected it. */
export interface OriginalLink {
  reason: ReasonNumber | null;
  firm: boolean;
}

/** A reader's correction of one mention's link. */
export interface Correction {
  id: string;
  /** http(s) URL without its fragment. */
  pageUrl: string;
  /** Normalised sentence text (see normalizeText). */
  sentence: string;
  entity: EntityId;
  /** Paragraph around the sentence, capped at PARAGRAPH_MAX. */
  paragraph?: string;
  lang: NotebookLang;
  original: OriginalLink;
  /** The reason the reader chose, or null for "not about the article". */
  corrected: ReasonNumber | null;
  /** ISO 8601 (toISOString form). */
  createdAt: string;
}

/** A sentence the reader kept as evidence for or against a reason. */
export interface KeptPassage {
  id: string;
  sentence: string;
  title: string;
  pageUrl: string;
  /** Hostname of pageUrl, stored so the store can index it. */
  site: string;
  entity: EntityId;
  reason: ReasonNumber;
  stance: Stance;
  note?: string;
  createdAt: string;
  updatedAt: string;
  /** Set while the passage is in the trash (soft-deleted). */
  deletedAt?: string;
}

export type ReasonCounts = Partial<Record<ReasonNumber, number>>;

/** One page read on one day (UTC) where mentions were linked. */
export interface HistoryEntry {
  /** `${day}|${url}`: the store's key, so a second visit the same day replaces the first. */
  id: string;
  url: string;
  title: string;
  site: string;
  /** YYYY-MM-DD (UTC) of visitedAt. */
  day: string;
  visitedAt: string;
  counts: ReasonCounts;
  /** Mentions linked to no reason. */
  none: number;
}

/** One item in the shape of the linking evaluation set (shared/linking/real-dev.json). */
export interface LabelledItem {
  lang: NotebookLang;
  entity: EntityId;
  sentence: string;
  paragraph: string;
  source: string;
  label: ReasonNumber | null;
  confidence: 'clear' | 'arguable';
}

export const NOTEBOOK_FORMAT = 'eight-reasons-notebook';
export const NOTEBOOK_FORMAT_VERSION = 1;

/** The JSON export, and the only thing import accepts. */
export interface NotebookExport {
  format: typeof NOTEBOOK_FORMAT;
  version: typeof NOTEBOOK_FORMAT_VERSION;
  exportedAt: string;
  passages: KeptPassage[];
  corrections: Correction[];
  history: HistoryEntry[];
}
