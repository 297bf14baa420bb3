/**
 * `bench report`: rewrites the generated sections of docs/performance.md (between `<!-- bench:NAME -->` and
 * `<!-- /bench:NAME -->`) from the JSON in bench/results/. A section whose results file is missing keeps the tables
 * of its last run, so the committed document always holds the last generated tables.
 *
 *   node bench/cli.mjs report [--check]   (--check: exit 1 if the document would change, write nothing)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RESULTS_DIR, ROOT } from '../lib/pages.mjs';
import { renderSections, replaceSections, SECTIONS } from '../lib/report.mjs';

export const DOC = path.join(ROOT, 'docs/performance.md');

export default async function report(args) {
  const results = {};
  for (const file of new Set(Object.values(SECTIONS).map((s) => s.file))) {
    const f = path.join(RESULTS_DIR, file);
    if (existsSync(f)) results[file] = JSON.parse(readFileSync(f, 'utf8'));
  }
  const found = Object.keys(results);
  if (!found.length) {
    console.error(`report: no results in ${path.relative(process.cwd(), RESULTS_DIR)}; run a bench subcommand first`);
    return 1;
  }
  const before = readFileSync(DOC, 'utf8');
  const { doc, replaced, missing } = replaceSections(before, renderSections(results));
  if (missing.length) console.error(`report: no markers in docs/performance.md for ${missing.join(', ')}`);
  if (args.includes('--check')) {
    console.error(doc === before ? 'report: up to date' : 'report: docs/performance.md would change');
    return doc === before ? 0 : 1;
  }
  if (doc !== before) writeFileSync(DOC, doc);
  console.error(`report: from ${found.join(', ')}: ${replaced.join(', ') || 'nothing'} rewritten`);
  return 0;
}
