// Checks the store packages that `wxt zip` wrote and prints their contents and sizes.
// Fails when a store package holds anything a user does not need (source maps,
// tests, TypeScript sources, dot files), when its manifest points at a missing
// file or disagrees with package.json, or when the Firefox sources zip carries
// build output, dependencies, test output or logs.
// Run: node scripts/package-report.mjs [outDir]   (default: $ER_OUT_DIR or .output)
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const outDir = process.argv[2] ?? process.env.ER_OUT_DIR ?? '.output';
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const stem = `${pkg.name}-${pkg.version}`;

/** Entries of a zip file, read from its central directory (no dependency needed). */
function readZip(path) {
  const buf = readFileSync(path);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${path} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: bad central directory`);
    const method = buf.readUInt16LE(at + 10);
    const packed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({
      name,
      size,
      packed,
      read() {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(start, start + packed);
        return method === 0 ? data : inflateRawSync(data);
      },
    });
    at += 46 + skip;
  }
  return { bytes: buf.length, entries: entries.filter((e) => !e.name.endsWith('/')) };
}

const kB = (n) => `${(n / 1024).toFixed(1)} kB`;

// What must never be in a store package.
const STORE_FORBIDDEN = [
  [/\.map$/, 'source map'],
  [/(^|\/)(tests?|__tests__|e2e)\//, 'test folder'],
  [/\.(test|spec)\.[cm]?[jt]sx?$/, 'test file'],
  [/\.tsx?$/, 'TypeScript source'],
  [/(^|\/)\./, 'dot file'],
];
// What must never be in the sources zip handed to reviewers.
const SOURCES_FORBIDDEN = [
  [/(^|\/)node_modules\//, 'dependencies'],
  [/^\.output\//, 'build output'],
  [/^(test-results|playwright-report|artifacts|coverage)\//, 'test output'],
  [/^bench\/results\//, 'benchmark results'],
  [/\.log$/, 'log file'],
  [/\.zip$/, 'zip file'],
  [/(^|\/)\.env/, 'environment file'],
];

function forbidden(entries, rules) {
  const problems = [];
  for (const e of entries) {
    for (const [re, what] of rules) if (re.test(e.name)) problems.push(`${e.name} (${what})`);
  }
  return problems;
}

function checkManifest(entries, browser) {
  const problems = [];
  const byName = new Map(entries.map((e) => [e.name, e]));
  const file = byName.get('manifest.json');
  if (!file) return ['manifest.json missing'];
  const manifest = JSON.parse(file.read().toString('utf8'));
  if (manifest.version !== pkg.version)
    problems.push(`manifest version ${manifest.version} != package.json ${pkg.version}`);
  const iconSizes = Object.keys(manifest.icons ?? {});
  for (const size of ['16', '32', '48', '96', '128'])
    if (!iconSizes.includes(size)) problems.push(`no ${size} px icon`);
  const referenced = [
    ...Object.values(manifest.icons ?? {}),
    manifest.action?.default_popup,
    manifest.browser_action?.default_popup,
    manifest.side_panel?.default_path,
    manifest.sidebar_action?.default_panel,
    manifest.options_ui?.page,
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    ...(manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
  ].filter(Boolean);
  for (const path of referenced)
    if (!byName.has(path.replace(/^\//, ''))) problems.push(`manifest points at missing ${path}`);
  if (browser === 'firefox') {
    const gecko = manifest.browser_specific_settings?.gecko;
    if (!gecko?.id) problems.push('no gecko id');
    if (!gecko?.strict_min_version) problems.push('no gecko strict_min_version');
    if (!gecko?.data_collection_permissions) problems.push('no data_collection_permissions');
  } else if (!manifest.minimum_chrome_version) {
    problems.push('no minimum_chrome_version');
  }
  return problems;
}

let failed = false;
function report(label, path, check) {
  let zip;
  try {
    zip = readZip(path);
  } catch (error) {
    console.log(`✗ ${label}: ${error.message}`);
    failed = true;
    return;
  }
  const unpacked = zip.entries.reduce((n, e) => n + e.size, 0);
  console.log(`${basename(path)}: ${kB(zip.bytes)} (${kB(unpacked)} unpacked, ${zip.entries.length} files)`);
  if (label !== 'sources') for (const e of zip.entries) console.log(`  ${e.name.padEnd(48)} ${kB(e.size).padStart(9)}`);
  const problems = check(zip.entries);
  for (const p of problems) console.log(`  ✗ ${p}`);
  if (problems.length) failed = true;
}

report('chrome', join(outDir, `${stem}-chrome.zip`), (e) => [
  ...forbidden(e, STORE_FORBIDDEN),
  ...checkManifest(e, 'chrome'),
]);
report('firefox', join(outDir, `${stem}-firefox.zip`), (e) => [
  ...forbidden(e, STORE_FORBIDDEN),
  ...checkManifest(e, 'firefox'),
]);
report('sources', join(outDir, `${stem}-sources.zip`), (e) => [
  ...forbidden(e, SOURCES_FORBIDDEN),
  ...['package.json', 'package-lock.json', 'wxt.config.ts']
    .filter((f) => !e.some((x) => x.name === f))
    .map((f) => `${f} missing: reviewers cannot rebuild`),
]);

console.log(failed ? 'package check: FAILED' : 'package check: ok');
process.exit(failed ? 1 : 0);
