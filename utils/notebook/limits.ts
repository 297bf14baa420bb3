/**
 * Size caps for everything the notebook stores or imports. One table so the
 * validators, the store and docs/notebook-format.md agree.
 */
export const LIMITS = {
  /** Import file, in UTF-16 code units (String length). */
  fileChars: 20 * 1024 * 1024,
  /** Items per kind (passages, corrections, history) in one import. */
  itemsPerKind: 50_000,
  sentence: 2_000,
  note: 5_000,
  title: 500,
  url: 2_048,
  /** Stored paragraphs are cut to this; an imported longer one is rejected. */
  paragraph: 4_000,
  /** A request may carry a longer paragraph (it is cut), but not an absurd one. */
  paragraphRequest: 20_000,
  id: 100,
  /** Per-reason mention count on one page. */
  count: 100_000,
} as const;

/** Retention periods the options offer for reading history, in days. */
export const RETENTION_DAYS = [7, 30, 90, 365] as const;
export type RetentionDays = (typeof RETENTION_DAYS)[number];
