// `npm run release:check`: everything that must pass before a release, in
// order, stopping at the first failure with the step that failed.
// Builds go to $ER_OUT_DIR (default .output), so a parallel run can use its own folder.
// `--from=N` resumes at step N after a fix (a release needs one full run).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const outDir = process.env.ER_OUT_DIR ?? '.output';
const chromeDir = resolve(outDir, 'chrome-mv3');
// Tools must not phone home (web-ext's update notifier); the e2e suite loads this build.
const env = { ...process.env, ER_OUT_DIR: outDir, ER_EXT_DIR: chromeDir, NO_UPDATE_NOTIFIER: '1' };

const npx = (...args) => ['npx', '--no-install', ...args];
const STEPS = [
  { name: 'format and lint (Biome)', run: [npx('biome', 'check', '.')] },
  { name: 'types (tsc)', run: [npx('tsc', '--noEmit')] },
  { name: 'unit tests (Vitest)', run: [npx('vitest', 'run')] },
  { name: 'build for Chrome', run: [npx('wxt', 'build')] },
  { name: 'end-to-end tests (Playwright, Chromium)', run: [npx('playwright', 'test')] },
  {
    // scripts/lint-firefox.mjs fails on any problem but the one warning web-ext always gives (mozilla/web-ext#3561).
    name: 'Firefox build and web-ext lint',
    run: [npx('wxt', 'build', '-b', 'firefox'), ['node', 'scripts/lint-firefox.mjs']],
  },
  {
    name: 'Firefox suite (firefox-esr over WebDriver BiDi)',
    before: () =>
      existsSync(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr') ||
      'firefox-esr is not installed (apt-get install -y firefox-esr, or set FIREFOX_PATH)',
    run: [['node', 'tests/firefox/run.mjs']],
  },
  {
    name: 'size budget',
    before: () => existsSync('scripts/sizes.mjs') || 'scripts/sizes.mjs is missing',
    run: [['node', 'scripts/sizes.mjs', chromeDir]],
  },
  { name: 'store packages (wxt zip)', run: [npx('wxt', 'zip'), npx('wxt', 'zip', '-b', 'firefox')] },
  { name: 'package check', run: [['node', 'scripts/package-report.mjs', outDir]] },
];

const fromArg = process.argv.find((a) => a.startsWith('--from='));
const from = fromArg ? Number(fromArg.slice('--from='.length)) : 1;
if (!Number.isInteger(from) || from < 1 || from > STEPS.length) {
  console.error(`--from must be 1..${STEPS.length}`);
  process.exit(2);
}

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const done = [];

for (const [i, step] of STEPS.entries()) {
  if (i + 1 < from) continue;
  const label = `[${i + 1}/${STEPS.length}] ${step.name}`;
  console.log(`\n▶ ${label}`);
  const t0 = Date.now();
  const ready = step.before ? step.before() : true;
  if (ready !== true) stop(label, ready);
  for (const [cmd, ...args] of step.run) {
    console.log(`$ ${[cmd, ...args].join(' ')}`);
    const r = spawnSync(cmd, args, { stdio: 'inherit', env });
    if (r.error) stop(label, `could not run ${cmd}: ${r.error.message}`);
    if (r.status !== 0) stop(label, `\`${[cmd, ...args].join(' ')}\` exited with ${r.status ?? r.signal}`);
  }
  done.push(`  ✓ ${step.name} (${seconds(Date.now() - t0)})`);
}

if (from > 1) console.log(`\nsteps 1-${from - 1} were skipped (--from=${from}): not a full release check`);
console.log(`\nrelease check passed in ${seconds(Date.now() - started)}:\n${done.join('\n')}`);
console.log(`packages: ${resolve(outDir)}`);

function stop(label, reason) {
  if (done.length) console.error(`\n${done.join('\n')}`);
  console.error(`\n✗ release check stopped at ${label}: ${reason}`);
  process.exit(1);
}
