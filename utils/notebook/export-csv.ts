/**
 * The kept passages as CSV (RFC 4180), safe to open in a spreadsheet: a cell
 * that starts like a formula is prefixed with an apostrophe so it stays text.
 */
import type { KeptPassage } from './types';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula guard, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows joined with CRLF, as RFC 4180 asks, ending with a line break. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export const PASSAGE_CSV_COLUMNS = [
  'reason',
  'stance',
  'company',
  'sentence',
  'note',
  'title',
  'url',
  'createdAt',
  'updatedAt',
] as const;

/** Passages not in the trash, one row each, in the order given. */
export function passagesToCsv(passages: readonly KeptPassage[]): string {
  const rows = passages
    .filter((p) => p.deletedAt === undefined)
    .map((p) => [p.reason, p.stance, p.entity, p.sentence, p.note, p.title, p.pageUrl, p.createdAt, p.updatedAt]);
  return toCsv([PASSAGE_CSV_COLUMNS, ...rows]);
}
