#!/usr/bin/env node
/**
 * Writes the linker's cue lists (utils/cues.ts: REASON_CUES, UNRELATED_CUES)
 * into the `cue_data` message of every locale, as JSON. The content script
 * gets them from there, through the background (utils/cue-request.ts), rather
 * than carrying them in its bundle. Run after editing utils/cues.ts; tests/unit/cue-locales.test.ts
 * fails until the locales match.
 *
 *   node scripts/cue-locales.mjs
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = await build({
  stdin: {
    contents: "export { REASON_CUES, UNRELATED_CUES } from './utils/cues';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'silent',
});
const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`;
const { REASON_CUES, UNRELATED_CUES } = await import(url);
const message = JSON.stringify({ reasons: REASON_CUES, unrelated: UNRELATED_CUES });

const locales = path.join(root, 'public', '_locales');
for (const locale of readdirSync(locales)) {
  const file = path.join(locales, locale, 'messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8'));
  messages.cue_data = {
    message,
    description:
      "The linker's cue lists (utils/cues.ts) as JSON, written by scripts/cue-locales.mjs: not shown, not translated.",
  };
  writeFileSync(file, `${JSON.stringify(messages, null, 2)}\n`);
  console.log(`${path.relative(root, file)}: cue_data ${message.length} characters`);
}
