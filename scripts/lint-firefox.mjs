/**
 * `npm run lint:firefox`: web-ext lint of the Firefox build, every warning an
 * error, but one. The linter assumes every add-on may also target Firefox for
 * Android unless the manifest says otherwise, and then warns that
 * `data_collection_permissions` needs Android 142. We make no Android claim
 * (nothing here runs or tests it, and it has no sidebar), so that warning is
 * the linter's assumption, not a defect (mozilla/web-ext#3561).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ASSUMED_ANDROID = 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION';
const dir = path.resolve(process.env.ER_OUT_DIR ?? '.output', 'firefox-mv2');
const bin = path.resolve('node_modules/.bin/web-ext');
const run = spawnSync(bin, ['lint', '--no-config-discovery', '--source-dir', dir, '--output', 'json'], {
  encoding: 'utf8',
  env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
});
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(run.stdout, run.stderr);
  console.error('web-ext lint gave no JSON report');
  process.exit(1);
}
const problems = [...report.errors, ...report.warnings, ...report.notices].filter((p) => p.code !== ASSUMED_ANDROID);
for (const p of problems) console.error(`${p._type} ${p.code}: ${p.message} ${p.file ?? ''} ${p.description ?? ''}`);
const skipped = report.warnings.length - report.warnings.filter((p) => p.code !== ASSUMED_ANDROID).length;
console.log(
  `web-ext lint: ${problems.length} problems${skipped ? ` (${skipped} Android-assumption warning set aside)` : ''}`,
);
process.exit(problems.length === 0 ? 0 : 1);
