/**
 * Reading history rules: when a visit may be logged, how a week's reading is
 * summed and how far back history is kept. The store applies them.
 */
import { REASON_NUMBERS } from '../article';
import type { ReasonNumber } from '../types';
import { RETENTION_DAYS, type RetentionDays } from './limits';
import type { HistoryEntry } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface HistoryPolicyInput {
  /** The reader's opt-in switch. */
  historyEnabled: boolean;
  /** Highlighting is paused on this site (or off everywhere). */
  paused: boolean;
  /** The tab is in a private (incognito) window. */
  incognito: boolean;
  url: string;
}

/** Log a visit only when the reader opted in, the site is not paused, the window is not private and the page is http(s). */
export function shouldLogHistory(input: HistoryPolicyInput): boolean {
  if (!input.historyEnabled || input.paused || input.incognito) return false;
  try {
    const { protocol } = new URL(input.url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * "This week" is the last 7 days (7 × 24 h before now), not the calendar week:
 * it needs no time zone or first day of the week, and never drops to empty on Monday.
 */
export const WEEK_DAYS = 7;

export function weekStart(now: string): string {
  return new Date(Date.parse(now) - WEEK_DAYS * DAY_MS).toISOString();
}

export interface ReadingSummary {
  /** Linked mentions per reason, every reason present (0 when none). */
  counts: Record<ReasonNumber, number>;
  /** Mentions linked to no reason. */
  none: number;
  /** Page visits counted (one per page per day). */
  pages: number;
}

/** Sums counts over visits at or after `since` (ISO); all visits when since is undefined. */
export function summarizeReading(entries: Iterable<HistoryEntry>, since?: string): ReadingSummary {
  const counts = {} as Record<ReasonNumber, number>;
  for (const r of REASON_NUMBERS) counts[r] = 0;
  let none = 0;
  let pages = 0;
  for (const e of entries) {
    if (since !== undefined && e.visitedAt < since) continue;
    for (const r of REASON_NUMBERS) counts[r] += e.counts[r] ?? 0;
    none += e.none;
    pages++;
  }
  return { counts, none, pages };
}

/** This week's reasons across all reading: the last 7 days before now. */
export function readingThisWeek(entries: Iterable<HistoryEntry>, now: string): ReadingSummary {
  return summarizeReading(entries, weekStart(now));
}

export function isRetentionDays(v: unknown): v is RetentionDays {
  return typeof v === 'number' && (RETENTION_DAYS as readonly number[]).includes(v);
}

/** Visits before this instant (ISO) are past the retention period. */
export function retentionCutoff(now: string, days: RetentionDays): string {
  return new Date(Date.parse(now) - days * DAY_MS).toISOString();
}

/** The entries still within the retention period. */
export function withinRetention(entries: readonly HistoryEntry[], now: string, days: RetentionDays): HistoryEntry[] {
  const cutoff = retentionCutoff(now, days);
  return entries.filter((e) => e.visitedAt >= cutoff);
}
