/**
 * The static server of the tests: scripts/static-server.mjs, the one server
 * `npm start` and the benchmark use too, with the mounts and options the
 * suites need. Loopback only.
 *
 * - `startStaticServer()`: tests/fixtures/pages at "/", the shared corpus at "/corpus/".
 * - `startHostileServer()`: tests/fixtures/hostile with a strict CSP on csp.html,
 *   and a second listener addressed as `localhost` (another origin and site) for
 *   cross-origin frames; `%OTHER_ORIGIN%` in a page names the other listener.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startStaticServer as serve } from '../../../scripts/static-server.mjs';

export const FIXTURE_PAGES = path.resolve(process.cwd(), 'tests/fixtures/pages');
export const CORPUS_PAGES = path.resolve(process.cwd(), '../shared/corpus/pages');
export const HOSTILE_DIR = path.resolve(process.cwd(), 'tests/fixtures/hostile');

/** The strictest policy we test under: nothing loads, no inline script, Trusted Types required, no policy allowed. */
export const STRICT_CSP = "default-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

/** Response headers per hostile page; every other page is served with none. */
const HOSTILE_HEADERS: Record<string, Record<string, string>> = {
  '/csp.html': { 'Content-Security-Policy': STRICT_CSP },
};

/** Every answer of the test servers: nothing is cached between tests. */
const NO_STORE = { 'cache-control': 'no-store' };

export interface StaticServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  /** Absolute URL of a path on the server ("/demo.html", "/corpus/qq.html"). */
  url(p: string): string;
  close(): Promise<void>;
}

export interface HostileServer extends StaticServer {
  /** A second origin and site (http://localhost:<other port>) for cross-origin frames. */
  otherOrigin: string;
}

/** tests/fixtures/pages at "/", the shared corpus at "/corpus/" (null: no corpus). */
export async function startStaticServer(roots: { pages?: string; corpus?: string | null } = {}): Promise<StaticServer> {
  const pages = roots.pages ?? FIXTURE_PAGES;
  const corpus = roots.corpus === undefined ? CORPUS_PAGES : roots.corpus;
  if (corpus !== null && !fs.existsSync(corpus)) {
    throw new Error(
      `Corpus not found at ${corpus}. The tests expect the shared/ folder beside the checkout (../shared/corpus/pages).`,
    );
  }
  // Every corpus file is UTF-8 whatever its <meta> says (qq.html claims gb2312); the header wins.
  const s = await serve({
    mounts: corpus === null ? { '/': pages } : { '/': pages, '/corpus/': corpus },
    headers: NO_STORE,
  });
  return { origin: s.origin, url: (p) => new URL(p, s.origin).href, close: s.close };
}

/** The hostile pages on two listeners: the main origin (127.0.0.1) and another site (localhost). */
export async function startHostileServer(): Promise<HostileServer> {
  let main = '';
  let other = '';
  const options = (otherOrigin: () => string) => ({
    mounts: { '/': HOSTILE_DIR },
    headers: NO_STORE,
    pathHeaders: HOSTILE_HEADERS,
    rewrite: (text: string) => text.replaceAll('%OTHER_ORIGIN%', otherOrigin()),
  });
  const a = await serve(options(() => other));
  const b = await serve({ ...options(() => main), host: 'localhost' });
  main = a.origin;
  other = b.origin;
  return {
    origin: main,
    otherOrigin: other,
    url: (p) => `${main}/${p.replace(/^\//, '')}`,
    close: async () => {
      await Promise.all([a.close(), b.close()]);
    },
  };
}
