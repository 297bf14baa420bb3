/** Types of bench/lib/report.mjs for the unit test (the results are the JSON the bench writes, loosely typed). */
// biome-ignore lint/suspicious/noExplicitAny: the results are JSON written by the bench, checked by their renderers.
type Result = any;
export declare const f1: (x: unknown) => string;
export declare const f2: (x: unknown) => string;
export declare function when(iso: string | undefined): string;
export declare function conditions(result: Result): string;
export declare function renderRunMain(result: Result): string;
export declare function renderRunControls(result: Result): string;
export declare function renderRunCached(result: Result): string;
export declare function renderRunScroll(result: Result): string;
export declare function renderSizes(sizes: Result): string;
export declare function renderRun(result: Result): string;
export declare function renderTasks(result: Result): string;
export declare function renderStartup(result: Result): string;
export declare function renderHover(result: Result): string;
export declare function renderCodeCache(result: Result): string;
export declare function renderScroll(result: Result): string;
export declare function renderNotebook(result: Result): string;
export declare const SECTIONS: Record<string, { file: string; render: (result: Result) => string | null }>;
export declare function renderSections(results: Record<string, Result>): Record<string, string>;
export declare function replaceSections(
  doc: string,
  sections: Record<string, string>,
): { doc: string; replaced: string[]; missing: string[] };
