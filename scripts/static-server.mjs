/**
 * One static file server on 127.0.0.1 for the scripts that show pages to a browser (`npm start`, the benchmark).
 * Loopback only, port chosen by the system; a folder is served under each mount, never a file outside it.
 *
 *   const server = await startStaticServer({ mounts: { '/': dir }, pages: { '/x.html': html }, headers: {...} });
 *   server.origin   // http://127.0.0.1:<port>
 *   await server.close();
 *
 * The end-to-end tests (tests/e2e/harness/server.ts) use the same server, with the options they need:
 * per-path headers (a strict CSP on one page), a rewrite of text files as they are served, and the
 * name of the host in `origin` (a second server addressed as `localhost` is another site).
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** Types whose files `rewrite` may change (read as UTF-8 text). */
const TEXT = /^(text\/|application\/json)/;

/** The file `pathname` names under one of the mounts (longest prefix first), or null when it lies outside them. */
function fileFor(mounts, pathname) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  for (const prefix of prefixes) {
    if (!pathname.startsWith(prefix)) continue;
    const dir = path.resolve(mounts[prefix]);
    const rest = pathname.slice(prefix.length);
    const file = path.resolve(dir, `./${rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest}`);
    if (!file.startsWith(dir + path.sep)) return null;
    try {
      if (statSync(file).isFile()) return file;
    } catch {
      // Not there: try a shorter mount.
    }
  }
  return null;
}

/**
 * @param {{
 *   mounts?: Record<string, string>,
 *   pages?: Record<string, string>,
 *   headers?: Record<string, string>,
 *   pathHeaders?: Record<string, Record<string, string>>,
 *   rewrite?: (text: string, pathname: string) => string,
 *   host?: string,
 * }} opts
 *   mounts: URL prefix ('/', '/corpus/') to folder; pages: a path ('/synthetic.html') to HTML served as is;
 *   headers: added to every answer (the benchmark's CSP, for instance);
 *   pathHeaders: added to the answer for one path only ('/csp.html' → its CSP);
 *   rewrite: applied to every text file served from a mount (placeholders in a page);
 *   host: the host name `origin` uses (default 127.0.0.1; 'localhost' reaches the same listener as another site).
 * @returns {Promise<{ origin: string, port: number, close: () => Promise<void> }>}
 */
export async function startStaticServer({
  mounts = {},
  pages = {},
  headers = {},
  pathHeaders = {},
  rewrite,
  host = '127.0.0.1',
} = {}) {
  const server = createServer((req, res) => {
    let pathname = '/';
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      // A malformed URL is a 404 like any other unknown path.
    }
    const extra = Object.hasOwn(pathHeaders, pathname) ? pathHeaders[pathname] : {};
    if (Object.hasOwn(pages, pathname)) {
      res.writeHead(200, { 'content-type': TYPES['.html'], ...headers, ...extra });
      res.end(pages[pathname]);
      return;
    }
    const file = fileFor(mounts, pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, ...headers, ...extra });
    if (rewrite && TEXT.test(type)) res.end(rewrite(readFileSync(file, 'utf8'), pathname));
    else createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
