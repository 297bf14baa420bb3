/** Types for static-server.mjs (see there). */
export interface StaticServerOptions {
  mounts?: Record<string, string>;
  pages?: Record<string, string>;
  headers?: Record<string, string>;
  pathHeaders?: Record<string, Record<string, string>>;
  rewrite?: (text: string, pathname: string) => string;
  host?: string;
}
export function startStaticServer(
  options?: StaticServerOptions,
): Promise<{ origin: string; port: number; close: () => Promise<void> }>;
