/**
 * One static file server on 127.0.0.1 for the scripts that show pages to a browser (`npm start`, the benchmark).
 * Loopback only, port chosen by the system; a folder is served under each mount, never a file outside it.
 *
 *   const server = await startStaticServer({ mounts: { '/': dir }, pages: { '/x.html': html }, headers: {...} });
 *   server.origin   // http://127.0.0.1:<port>
 *   await server.close();
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
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
};

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
 * @param {{ mounts?: Record<string, string>, pages?: Record<string, string>, headers?: Record<string, string> }} opts
 *   mounts: URL prefix ('/', '/corpus/') to folder; pages: a path ('/synthetic.html') to HTML served as is;
 *   headers: added to every answer (the benchmark's CSP, for instance).
 * @returns {Promise<{ origin: string, port: number, close: () => Promise<void> }>}
 */
export async function startStaticServer({ mounts = {}, pages = {}, headers = {} } = {}) {
  const server = createServer((req, res) => {
    let pathname = '/';
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      // A malformed URL is a 404 like any other unknown path.
    }
    if (Object.hasOwn(pages, pathname)) {
      res.writeHead(200, { 'content-type': TYPES['.html'], ...headers });
      res.end(pages[pathname]);
      return;
    }
    const file = fileFor(mounts, pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
