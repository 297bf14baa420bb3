// The Firefox suite: the built add-on (firefox-mv2) in headless firefox-esr
// over WebDriver BiDi, doing what a Firefox user does, judged on pixels.
// Run after `wxt build -b firefox`: node tests/firefox/run.mjs [spec name ...]
import { existsSync } from 'node:fs';
import { EXTENSION_DIR, FIREFOX, runSpecs, startServer } from './harness.mjs';
import { hostileSpec } from './hostile.spec.mjs';
import { notebookSpec } from './notebook.spec.mjs';
import { pageSpec } from './page.spec.mjs';
import { readerSpec } from './reader.spec.mjs';

const SPECS = { page: pageSpec, reader: readerSpec, hostile: hostileSpec, notebook: notebookSpec };

if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
  console.error(`No Firefox build at ${EXTENSION_DIR}: run \`npx wxt build -b firefox\` first.`);
  process.exit(2);
}
if (!existsSync(FIREFOX)) {
  console.error(`No Firefox at ${FIREFOX} (apt-get install -y firefox-esr, or set FIREFOX_PATH).`);
  process.exit(2);
}
const only = process.argv.slice(2);
const server = await startServer();
try {
  const chosen = Object.entries(SPECS).filter(([name]) => only.length === 0 || only.includes(name));
  const ok = await runSpecs(chosen.map(([, spec]) => ({ tests: spec(server) })));
  process.exitCode = ok ? 0 : 1;
} finally {
  await server.close();
}
