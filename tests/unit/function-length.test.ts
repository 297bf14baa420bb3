/**
 * No function in product code runs over 80 lines, from its first line to its last. Biome's
 * noExcessiveLinesPerFunction (biome.json) counts only some bodies (a callback handed to defineBackground and long
 * JSX components slipped past it), so the whole span of every function, method and arrow is measured here.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@babel/parser';
import { expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const PRODUCT = ['entrypoints', 'components', 'content', 'platform', 'utils'];
const MAX_LINES = 80;

interface Node {
  type: string;
  loc?: { start: { line: number }; end: { line: number } };
  [key: string]: unknown;
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';

/** Every function-like node of `node` longer than the limit, as "line (lines)". */
function longFunctions(node: Node, out: string[]): string[] {
  if (/Function|Method/.test(node.type) && node.body && node.loc) {
    const lines = node.loc.end.line - node.loc.start.line + 1;
    if (lines > MAX_LINES) out.push(`line ${node.loc.start.line} (${lines} lines)`);
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (Array.isArray(value)) for (const v of value) if (isNode(v)) longFunctions(v, out);
    if (isNode(value)) longFunctions(value, out);
  }
  return out;
}

it(`has no function over ${MAX_LINES} lines in product code`, () => {
  const files = execFileSync('git', ['ls-files', ...PRODUCT], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.tsx?$/.test(f));
  expect(files.length).toBeGreaterThan(50);
  const long: string[] = [];
  for (const file of files) {
    const ast = parse(readFileSync(path.join(ROOT, file), 'utf8'), {
      sourceType: 'module',
      plugins: ['typescript', 'jsx'],
    });
    for (const where of longFunctions(ast.program as unknown as Node, [])) long.push(`${file} ${where}`);
  }
  expect(long).toEqual([]);
});
