/**
 * Where the benchmark's pages come from and where its results go: the shared corpus (../shared/corpus/pages from the
 * repository root), pages built in memory (the synthetic page, the demo page), the one static server that serves
 * them, and the JSON each subcommand writes to bench/results/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from '../../scripts/chromium.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_DIR = path.resolve(process.env.BENCH_CORPUS ?? path.join(ROOT, '../shared/corpus/pages'));
export const RESULTS_DIR = path.join(ROOT, 'bench/results');

/**
 * The corpus pages are served with a CSP that stops their own scripts, so every run measures the same DOM (the
 * bench injects its code through the DevTools protocol or the extension, which the page's CSP does not block).
 * @param {Record<string, string>} [pages] extra paths ('/synthetic.html') served from memory
 */
export function startBenchServer(pages = {}) {
  return startStaticServer({
    mounts: { '/corpus/': CORPUS_DIR },
    pages,
    headers: { 'cache-control': 'no-store', 'content-security-policy': "script-src 'none'" },
  });
}

/** The URL of a corpus page, or of an in-memory page when `name` is one of `inMemory`. */
export const pageUrl = (origin, name, inMemory = []) =>
  inMemory.includes(name) ? `${origin}/${name}.html` : `${origin}/corpus/${name}.html`;

export const corpusBytes = (name) => statSync(path.join(CORPUS_DIR, `${name}.html`)).size;

/** Every corpus page, largest first. */
export function corpusNames() {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -5))
    .sort((a, b) => corpusBytes(b) - corpusBytes(a));
}

/** BENCH_PAGES as a list, or the fallback. */
export const pagesFromEnv = (fallback) => (process.env.BENCH_PAGES ? process.env.BENCH_PAGES.split(',') : fallback);

/** The one-minute load average when the subcommand started: on shared cores it says how far to trust a run. */
const LOAD_AT_START = os.loadavg()[0];

/** `Chromium 156.0...` from the binary itself, for runs that do not go through Playwright. */
function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return null;
  }
}

/** What a result was measured on, stored in each JSON so the report can say it. */
export function machine(chromium = chromiumVersion()) {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    loadAverage: Math.round(LOAD_AT_START * 100) / 100,
    memGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium,
  };
}

/** Writes bench/results/<name>.json and returns its path. */
export function writeResult(name, data) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return path.relative(process.cwd(), file);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
