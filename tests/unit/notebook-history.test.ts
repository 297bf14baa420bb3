import { describe, expect, it } from 'vitest';
import {
  isRetentionDays,
  readingThisWeek,
  retentionCutoff,
  shouldLogHistory,
  summarizeReading,
  weekStart,
  withinRetention,
} from '../../utils/notebook/history';
import { RETENTION_DAYS } from '../../utils/notebook/limits';
import type { HistoryEntry } from '../../utils/notebook/types';

function h(visitedAt: string, counts: HistoryEntry['counts'], none = 0): HistoryEntry {
  return {
    id: `${visitedAt.slice(0, 10)}|https://e.com/`,
    url: 'https://e.com/',
    title: 'T',
    site: 'e.com',
    day: visitedAt.slice(0, 10),
    visitedAt,
    counts,
    none,
  };
}

describe('shouldLogHistory', () => {
  const ok = { historyEnabled: true, paused: false, incognito: false, url: 'https://e.com/' };
  it('logs only when on, not paused, not private, and on an http(s) page', () => {
    expect(shouldLogHistory(ok)).toBe(true);
    expect(shouldLogHistory({ ...ok, url: 'http://e.com/' })).toBe(true);
    expect(shouldLogHistory({ ...ok, historyEnabled: false })).toBe(false);
    expect(shouldLogHistory({ ...ok, paused: true })).toBe(false);
    expect(shouldLogHistory({ ...ok, incognito: true })).toBe(false);
    for (const url of ['file:///a.html', 'chrome-extension://x/p.html', 'about:blank', 'javascript:1', 'junk']) {
      expect(shouldLogHistory({ ...ok, url })).toBe(false);
    }
  });
});

describe('reading summaries', () => {
  const now = '2026-01-15T12:00:00.000Z';
  const entries = [
    h('2026-01-15T08:00:00.000Z', { 1: 2, 6: 1 }, 3),
    h('2026-01-08T12:00:00.000Z', { 1: 1 }, 1), // exactly 7 days before: included
    h('2026-01-08T11:59:59.999Z', { 8: 5 }, 9), // just outside
  ];
  it('this week is the 7 days before now', () => {
    expect(weekStart(now)).toBe('2026-01-08T12:00:00.000Z');
    const week = readingThisWeek(entries, now);
    expect(week).toEqual({ counts: { 1: 3, 2: 0, 3: 0, 4: 0, 5: 0, 6: 1, 7: 0, 8: 0 }, none: 4, pages: 2 });
  });
  it('summarises everything without a start', () => {
    expect(summarizeReading(entries).counts[8]).toBe(5);
    expect(summarizeReading([]).pages).toBe(0);
  });
});

describe('retention', () => {
  it('offers 7, 30, 90 and 365 days only', () => {
    expect(RETENTION_DAYS).toEqual([7, 30, 90, 365]);
    expect(isRetentionDays(30)).toBe(true);
    expect(isRetentionDays(31)).toBe(false);
    expect(isRetentionDays('30')).toBe(false);
  });
  it('keeps visits at or after the cutoff', () => {
    const now = '2026-12-31T00:00:00.000Z';
    expect(retentionCutoff(now, 365)).toBe('2025-12-31T00:00:00.000Z');
    const kept = withinRetention(
      [h('2026-12-24T00:00:00.000Z', {}), h('2026-12-23T23:59:59.000Z', {}), h('2026-12-30T00:00:00.000Z', {})],
      now,
      7,
    );
    expect(kept.map((e) => e.visitedAt)).toEqual(['2026-12-24T00:00:00.000Z', '2026-12-30T00:00:00.000Z']);
  });
});
