/**
 * Pure queries over kept passages: filters, search, newest-first order,
 * paging by cursor and the per-reason balance. The store runs the same
 * filters while walking an index (platform/notebook-db.ts), so both agree.
 */
import { REASON_NUMBERS } from '../article';
import type { EntityId, ReasonNumber } from '../types';
import { normalizeText } from './text';
import type { KeptPassage, Stance } from './types';

export interface PassageFilter {
  reason?: ReasonNumber;
  entity?: EntityId;
  stance?: Stance;
  /** Hostname, compared exactly. */
  site?: string;
  /** createdAt >= from (ISO). */
  from?: string;
  /** createdAt < to (ISO): pass the start of the day after the range. */
  to?: string;
  /** Case-insensitive substring of sentence, note or title. */
  search?: string;
  /** Soft-deleted passages are left out unless asked for ('only' lists the trash). */
  deleted?: 'exclude' | 'include' | 'only';
}

/** Where the next page starts: the last item of the previous page. */
export interface PageCursor {
  createdAt: string;
  id: string;
}

export interface Page<T> {
  items: T[];
  /** Undefined on the last page. */
  next?: PageCursor;
}

/** The search text in the form matchesSearch compares. */
export function searchNeedle(search: string): string {
  return normalizeText(search).toLowerCase();
}

/** Whether a passage contains the needle (already passed through searchNeedle). */
export function matchesSearch(p: KeptPassage, needle: string): boolean {
  if (!needle) return true;
  return (
    p.sentence.toLowerCase().includes(needle) ||
    p.title.toLowerCase().includes(needle) ||
    (p.note?.toLowerCase().includes(needle) ?? false)
  );
}

/** A predicate for one filter (the search needle computed once). */
export function passageMatcher(filter: PassageFilter): (p: KeptPassage) => boolean {
  const needle = filter.search ? searchNeedle(filter.search) : '';
  const deleted = filter.deleted ?? 'exclude';
  return (p) =>
    (deleted === 'include' || (deleted === 'only') === (p.deletedAt !== undefined)) &&
    (filter.reason === undefined || p.reason === filter.reason) &&
    (filter.entity === undefined || p.entity === filter.entity) &&
    (filter.stance === undefined || p.stance === filter.stance) &&
    (filter.site === undefined || p.site === filter.site) &&
    (filter.from === undefined || p.createdAt >= filter.from) &&
    (filter.to === undefined || p.createdAt < filter.to) &&
    matchesSearch(p, needle);
}

/** Newest first; ties broken by id so paging is stable. */
export function compareNewestFirst(a: PageCursor, b: PageCursor): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}

export function sortNewestFirst<T extends PageCursor>(list: readonly T[]): T[] {
  return [...list].sort(compareNewestFirst);
}

/** One page of the filtered list, newest first, after the cursor. */
export function pagePassages(
  list: readonly KeptPassage[],
  filter: PassageFilter,
  limit: number,
  after?: PageCursor,
): Page<KeptPassage> {
  const match = passageMatcher(filter);
  const sorted = sortNewestFirst(list.filter(match));
  const start = after ? sorted.findIndex((p) => compareNewestFirst(p, after) > 0) : 0;
  const items = start < 0 ? [] : sorted.slice(start, start + limit);
  const last = items[items.length - 1];
  const more = start >= 0 && start + limit < sorted.length;
  return more && last ? { items, next: { createdAt: last.createdAt, id: last.id } } : { items };
}

/** How the kept passages of one reason divide; the UI words it ("4 support, 6 challenge"). */
export interface Balance {
  supports: number;
  challenges: number;
  context: number;
  total: number;
}

export function emptyBalance(): Balance {
  return { supports: 0, challenges: 0, context: 0, total: 0 };
}

/** Balance per reason 1..8 over passages not in the trash. */
export function balanceByReason(passages: Iterable<KeptPassage>): Record<ReasonNumber, Balance> {
  const out = {} as Record<ReasonNumber, Balance>;
  for (const r of REASON_NUMBERS) out[r] = emptyBalance();
  for (const p of passages) {
    if (p.deletedAt !== undefined) continue;
    const b = out[p.reason];
    b[p.stance]++;
    b.total++;
  }
  return out;
}

export interface ReasonGroup {
  reason: ReasonNumber;
  balance: Balance;
  /** Newest first. */
  passages: KeptPassage[];
}

/** Passages not in the trash grouped by reason 1..8 (reasons with none included, empty). */
export function groupByReason(passages: readonly KeptPassage[]): ReasonGroup[] {
  const balance = balanceByReason(passages);
  const live = sortNewestFirst(passages.filter((p) => p.deletedAt === undefined));
  return REASON_NUMBERS.map((reason) => ({
    reason,
    balance: balance[reason],
    passages: live.filter((p) => p.reason === reason),
  }));
}

/** English wording of a balance, the default for exports ("4 support, 6 challenge, 1 context"). */
export function balanceLineEn(b: Balance): string {
  return `${b.supports} support, ${b.challenges} challenge, ${b.context} context`;
}
