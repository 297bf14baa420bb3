/**
 * Limits that keep the engine bounded on any page. Documented in README
 * ("showing the first N") and shown by the popup/panel through `capped`.
 */

/** Mentions painted and listed per frame; the rest are only counted in `total`. */
export const MAX_MENTIONS = 5000;

/**
 * Past this many painted ranges in a frame, only those within a screen of the viewport are registered
 * (content/near-view.ts). Below it everything is registered: the browser's cost per change is small.
 */
export const WINDOW_FROM_RANGES = 300;

/** Budget of one slice of work before yielding to the page (well under a 16 ms frame). */
export const SLICE_MS = 6;

/** How many nodes the walker visits between two clock reads. */
export const NODES_PER_CLOCK_CHECK = 128;

/** Blocks longer than this are matched in windows, with yields between them. */
export const MATCH_WINDOW = 64 * 1024;

/** The paragraph handed to the linker is at most this many characters around the mention. */
export const PARAGRAPH_CONTEXT = 2000;

/** Quiet time after the last DOM mutation before a rescan, and the longest a rescan waits. */
export const MUTATION_DEBOUNCE_MS = 80;
export const MUTATION_MAX_WAIT_MS = 400;

/** Quiet time before the summary is reported after a change. */
export const SUMMARY_DEBOUNCE_MS = 150;

/** A mention's sentence as reported (what corrections and kept passages are keyed by) and the page title. */
export const MAX_SENTENCE = 1000;
export const MAX_TITLE = 500;
