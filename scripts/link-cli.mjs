#!/usr/bin/env node
/**
 * The linker on any text, for evaluation: `npm run --silent link` reads JSON Lines on stdin, one
 * {"entity": "wechat", "sentence": "…", "paragraph": "…"} per line (paragraph optional), and writes exactly one line
 * per input line, in order: {"reason": 1-8 or null, "firm": true|false, "confidence": 0-1, "cues": ["…"]}, or
 * {"error": "…"} for a line it cannot read (the run goes on). Nothing else goes to stdout.
 *
 * It runs the extension's own code: utils/link.ts with the cue lists of utils/cues.ts, bundled on the fly by the
 * project's vite (Node cannot run .ts), quietly and without writing files.
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = 'virtual:link-cli';
const RESOLVED = `\0${ENTRY}`;
// vite hands an ssr entry over as a path under the root.

async function loadLinker() {
  const util = (file) => JSON.stringify(path.join(root, 'utils', file));
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': root } },
    plugins: [
      {
        name: 'link-cli-entry',
        enforce: 'pre',
        resolveId: (id) => (id === ENTRY || id.endsWith(`/${ENTRY}`) ? RESOLVED : null),
        load: (id) =>
          id === RESOLVED
            ? [
                `export { linkMention, useCueData } from ${util('link.ts')};`,
                `export { CUE_DATA } from ${util('cues.ts')};`,
                `export { ENTITY_IDS } from ${util('entities.ts')};`,
              ].join('\n')
            : null,
      },
    ],
    build: { ssr: ENTRY, write: false, minify: false, rollupOptions: { output: { format: 'es' } } },
  });
  const output = (Array.isArray(result) ? result[0] : result).output;
  const code = output.find((o) => o.type === 'chunk' && o.isEntry).code;
  const linker = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  linker.useCueData(() => linker.CUE_DATA);
  return linker;
}

/** One input line -> one output object. */
function answer(linker, line) {
  if (line.trim() === '') return { error: 'blank line' };
  let input;
  try {
    input = JSON.parse(line);
  } catch {
    return { error: 'not JSON' };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { error: 'not a JSON object' };
  const { entity, sentence, paragraph } = input;
  if (typeof entity !== 'string' || !linker.ENTITY_IDS.includes(entity)) {
    return { error: `unknown entity (one of ${linker.ENTITY_IDS.join(', ')})` };
  }
  if (typeof sentence !== 'string') return { error: 'sentence must be a string' };
  if (paragraph !== undefined && paragraph !== null && typeof paragraph !== 'string') {
    return { error: 'paragraph must be a string' };
  }
  const r = linker.linkMention(entity, sentence, paragraph ?? '');
  return { reason: r.reason, firm: r.firm, confidence: r.confidence, cues: r.cues };
}

const linker = await loadLinker();
const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
for await (const line of lines) {
  let out;
  try {
    out = answer(linker, line);
  } catch (e) {
    out = { error: `linker failed: ${e instanceof Error ? e.message : String(e)}` };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
