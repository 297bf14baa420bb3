#!/usr/bin/env node
/**
 * Gzipped sizes of the built extension against its budgets: each content
 * script (its JS files from the manifest) <= 25 KB, each UI page's JS (its
 * entry chunk plus every chunk it imports statically) <= 35 KB.
 *
 *   node scripts/sizes.mjs [dir]      (default: $ER_OUT_DIR/chrome-mv3 or .output/chrome-mv3)
 *
 * `npm run sizes` runs it as a release gate (in `npm test`); `bench run` reports the same table.
 *
 * Prints a table; exits 1 when something is over budget or the build is missing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGETS = { content: 25 * 1024, page: 35 * 1024 };

const gz = (buf) => gzipSync(buf).length;

/** Static imports of an ES module chunk (dynamic import() is lazy and not counted). */
function staticImports(code) {
  const out = new Set();
  const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["']([^"']+\.js)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.add(m[1]);
  return [...out];
}

/** Resolve an import or src against the file that mentions it, within the build root. */
function resolveIn(root, fromFile, spec) {
  const clean = spec.split(/[?#]/)[0];
  return clean.startsWith('/') ? path.join(root, clean) : path.resolve(path.dirname(fromFile), clean);
}

/** An HTML page's module scripts and, recursively, their static imports. */
function pageJs(root, htmlFile) {
  const html = readFileSync(htmlFile, 'utf8');
  const start = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/g)) start.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*rel=["']modulepreload["'][^>]*href=["']([^"']+)["']/g)) start.push(m[1]);
  const seen = new Set();
  const queue = start.map((s) => resolveIn(root, htmlFile, s));
  while (queue.length) {
    const f = queue.shift();
    if (seen.has(f) || !existsSync(f)) continue;
    seen.add(f);
    for (const spec of staticImports(readFileSync(f, 'utf8'))) queue.push(resolveIn(root, f, spec));
  }
  return [...seen];
}

function htmlFiles(dir, root = dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const f = path.join(dir, name);
    if (name === '_locales' || name === 'node_modules') continue;
    if (statSync(f).isDirectory()) out.push(...htmlFiles(f, root));
    else if (name.endsWith('.html')) out.push(f);
  }
  return out;
}

/** @returns {{ rows: {name: string, kind: string, files: string[], raw: number, gzip: number, budget: number|null, ok: boolean}[], ok: boolean }} */
export function measureSizes(dir) {
  const root = path.resolve(dir);
  const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8'));
  const rows = [];
  const row = (name, kind, files, budget) => {
    const bufs = files.map((f) => readFileSync(f));
    const raw = bufs.reduce((s, b) => s + b.length, 0);
    // Gzip each file on its own: that is how they are fetched.
    const gzip = bufs.reduce((s, b) => s + gz(b), 0);
    rows.push({
      name,
      kind,
      files: files.map((f) => path.relative(root, f)),
      raw,
      gzip,
      budget,
      ok: budget === null || gzip <= budget,
    });
  };
  for (const cs of manifest.content_scripts ?? []) {
    const files = (cs.js ?? []).map((f) => path.join(root, f));
    row(`content script ${(cs.js ?? []).join(' + ')}`, 'content', files, BUDGETS.content);
  }
  const bg = manifest.background?.service_worker ?? manifest.background?.scripts?.[0];
  if (bg) row(`background ${bg}`, 'background', [path.join(root, bg)], null);
  for (const html of htmlFiles(root)) {
    row(`page ${path.relative(root, html)}`, 'page', pageJs(root, html), BUDGETS.page);
  }
  return { rows, ok: rows.every((r) => r.ok) };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

export function sizesMarkdown({ rows }) {
  const lines = ['| bundle | files | raw | gzip | budget | ok |', '|---|---:|---:|---:|---:|:-:|'];
  for (const r of rows) {
    lines.push(
      `| ${r.name} | ${r.files.length} | ${kb(r.raw)} | ${kb(r.gzip)} | ${r.budget === null ? '-' : kb(r.budget)} | ${r.ok ? 'yes' : '**OVER**'} |`,
    );
  }
  return lines.join('\n');
}

export function defaultBuildDir() {
  return path.join(process.env.ER_OUT_DIR ?? '.output', 'chrome-mv3');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? defaultBuildDir();
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    console.error(`sizes: no build at ${dir} (run the build first)`);
    process.exit(2);
  }
  const result = measureSizes(dir);
  console.log(sizesMarkdown(result));
  const missing = ['content', 'page'].filter((k) => !result.rows.some((r) => r.kind === k));
  if (missing.length) console.log(`(no ${missing.join(' / ')} bundle found in ${dir})`);
  if (!result.ok) {
    console.error('sizes: over budget');
    process.exit(1);
  }
}
