/**
 * A static server on 127.0.0.1 for the benchmark pages. Corpus pages are
 * served with a CSP that stops their own scripts, so every run measures the
 * same DOM (the benchmark injects its code through the DevTools protocol,
 * which CSP does not block).
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

/**
 * @param {{ corpusDir: string, extra: Record<string, string> }} opts
 *   extra maps a path ("/synthetic.html") to an HTML string served as is.
 */
export async function startServer({ corpusDir, extra }) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "script-src 'none'",
    };
    try {
      if (url.pathname in extra) {
        res.writeHead(200, headers);
        res.end(extra[url.pathname]);
        return;
      }
      const m = /^\/corpus\/([\w.-]+\.html)$/.exec(url.pathname);
      if (m) {
        const body = await readFile(path.join(corpusDir, m[1]));
        res.writeHead(200, headers);
        res.end(body);
        return;
      }
      res.writeHead(404).end();
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}
