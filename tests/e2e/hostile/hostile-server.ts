/**
 * A tiny static server for the hostile pages (tests/fixtures/hostile/), with
 * per-page response headers (strict CSP, Trusted Types) that a plain file
 * server cannot send. Two listeners on 127.0.0.1 give two origins, so a page
 * can embed a cross-origin frame: `%OTHER_ORIGIN%` in a page is replaced by
 * the other listener's origin, addressed as `localhost` so that it is also
 * another site (its own renderer process under site isolation).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

export const HOSTILE_DIR = join(process.cwd(), 'tests/fixtures/hostile');

/** The strictest policy we test under: nothing loads, no inline script, Trusted Types required, no policy allowed. */
export const STRICT_CSP = "default-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

/** Response headers per page; every other page is served with none. */
const PAGE_HEADERS: Record<string, Record<string, string>> = {
  'csp.html': { 'Content-Security-Policy': STRICT_CSP },
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface HostileServer {
  /** http://127.0.0.1:<port> of the main listener. */
  origin: string;
  /** A second origin and site (http://localhost:<other port>) for cross-origin frames. */
  otherOrigin: string;
  url(path: string): string;
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

function handler(otherOrigin: () => string) {
  return async (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(path).replace(/^[/\\]+/, '');
    if (file.includes('..') || file === '') {
      res.writeHead(404).end();
      return;
    }
    try {
      let body = await readFile(join(HOSTILE_DIR, file), 'utf8');
      body = body.replaceAll('%OTHER_ORIGIN%', otherOrigin());
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        ...(PAGE_HEADERS[file] ?? {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  };
}

export async function startHostileServer(): Promise<HostileServer> {
  let a = '';
  let b = '';
  const main = createServer(handler(() => b));
  const other = createServer(handler(() => a));
  a = await listen(main);
  b = (await listen(other)).replace('127.0.0.1', 'localhost');
  const close = (s: Server) => new Promise<void>((r) => s.close(() => r()));
  return {
    origin: a,
    otherOrigin: b,
    url: (path) => `${a}/${path.replace(/^\//, '')}`,
    close: async () => {
      main.closeAllConnections();
      other.closeAllConnections();
      await Promise.all([close(main), close(other)]);
    },
  };
}
