export type BrowserKind = 'chromium' | 'firefox';
export interface FindOptions {
  platform?: string;
  env?: Record<string, string | undefined>;
  exists?: (path: string) => boolean;
}
export function candidates(kind: BrowserKind, options?: Omit<FindOptions, 'exists'>): string[];
export function findBrowser(
  kind: BrowserKind,
  options?: FindOptions,
): { path: string; fromEnv: boolean; found: boolean } | null;
export function missingBrowserLine(kind: BrowserKind): string;
