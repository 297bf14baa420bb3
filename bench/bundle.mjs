/**
 * Bundles bench/page-entry.ts (the real content/engine.ts and what it
 * imports) into one IIFE for injection into a page. The engine must not use
 * extension APIs: any import of WXT's `browser` or the polyfill is replaced
 * by a shim and reported, so the lead hears about it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BROWSER_MODULES = /^(wxt\/browser|#imports|webextension-polyfill|@wxt-dev\/browser|wxt\/utils\/.*)$/;

/**
 * @param {string} entry a file in bench/ ('page-entry.ts' for the benchmark, 'phases-entry.ts' for the breakdown)
 * @returns {Promise<{ code: string, engine: 'real' | 'stub', browserImports: string[], bytes: number }>} */
export async function bundleEngine(entry = 'page-entry.ts') {
  const realEngine = path.join(root, 'content', 'engine.ts');
  const engine = existsSync(realEngine) ? 'real' : 'stub';
  /** @type {string[]} */
  const browserImports = [];
  const result = await build({
    entryPoints: [path.join(root, 'bench', entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome114',
    write: false,
    minify: false,
    tsconfig: path.join(root, 'tsconfig.json'),
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
    plugins: [
      {
        name: 'engine-under-test',
        setup(b) {
          if (engine === 'stub') {
            b.onResolve({ filter: /^@\/content\/engine$/ }, () => ({
              path: path.join(root, 'bench', 'stub-engine.ts'),
            }));
          }
          b.onResolve({ filter: BROWSER_MODULES }, (args) => {
            browserImports.push(`${path.relative(root, args.importer)} -> ${args.path}`);
            return { path: args.path, namespace: 'browser-shim' };
          });
          b.onLoad({ filter: /.*/, namespace: 'browser-shim' }, () => ({
            // Any use of it throws, so a hidden dependency cannot pass silently.
            contents:
              'const shim = new Proxy({}, { get(_, k) { throw new Error("extension API used in page engine: " + String(k)); } });\n' +
              'export const browser = shim; export default shim;',
            loader: 'js',
          }));
        },
      },
    ],
  });
  const code = result.outputFiles[0].text;
  return { code, engine, browserImports, bytes: Buffer.byteLength(code) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await bundleEngine();
  console.log(`engine=${r.engine} bytes=${r.bytes} browserImports=${JSON.stringify(r.browserImports)}`);
}
