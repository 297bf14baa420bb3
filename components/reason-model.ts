/**
 * What the popup and panel say about a tab's mentions per reason: chart bars
 * and the one-line verdict. Pure: a TabSummary in, plain data out.
 */
import { REASON_NUMBERS } from '@/utils/article';
import type { ReasonNumber, TabSummary } from '@/utils/types';

/** Short labels for the reasons (the article stays English, so these do too). */
export const SHORT_TITLES: Readonly<Record<ReasonNumber, string>> = {
  1: 'Shopping habits',
  2: 'Official accounts',
  3: 'Store conversion',
  4: 'Social vs. shopping',
  5: 'Social ecosystem',
  6: 'Moments',
  7: 'Too heavy for WeChat',
  8: 'No operating system',
};

export interface ReasonBar {
  n: ReasonNumber;
  /** Links to this reason, firm and tentative. */
  count: number;
  /** Firm links ("belongs to"); the rest of `count` are tentative ("may relate to"). */
  firm: number;
  tentative: number;
  /** 0..1 of the largest count, for the bar's height; `firmShare` the firm part of it. */
  share: number;
  firmShare: number;
}

export function reasonBars(summary: TabSummary | null | undefined): ReasonBar[] {
  const counts = REASON_NUMBERS.map((n) => summary?.countsByReason[n] ?? 0);
  const max = Math.max(0, ...counts);
  return REASON_NUMBERS.map((n, i) => {
    const count = counts[i] ?? 0;
    const firm = Math.min(count, summary?.firmByReason?.[n] ?? 0);
    return {
      n,
      count,
      firm,
      tentative: count - firm,
      share: max > 0 ? count / max : 0,
      firmShare: max > 0 ? firm / max : 0,
    };
  });
}

export type Verdict =
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'off' }
  | { kind: 'paused' }
  | { kind: 'none' }
  | { kind: 'unlinked'; total: number }
  | { kind: 'top'; reason: ReasonNumber; count: number; total: number };

/** What the settings say for the tab before the page reports: off everywhere, paused here, or on. */
export type PauseState = 'off' | 'site' | null;

/**
 * `summary` undefined = still loading, null = no content script answered
 * (a browser page, or a page opened before the extension).
 */
export function verdictFor(summary: TabSummary | null | undefined, pause: PauseState): Verdict {
  if (pause === 'off') return { kind: 'off' };
  if (pause === 'site' || summary?.paused) return { kind: 'paused' };
  if (summary === undefined) return { kind: 'loading' };
  if (summary === null) return { kind: 'unavailable' };
  if (summary.total === 0) return { kind: 'none' };
  let best: ReasonBar | undefined;
  // Ties go to the lower number: the bars read left to right.
  for (const bar of reasonBars(summary)) if (bar.count > (best?.count ?? 0)) best = bar;
  if (!best) return { kind: 'unlinked', total: summary.total };
  return { kind: 'top', reason: best.n, count: best.count, total: summary.total };
}
