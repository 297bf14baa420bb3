/**
 * Bundles bench/page/page-entry.ts (the real content/engine.ts and what it
 * imports) into one IIFE for injection into a page. The engine must not use
 * extension APIs: any import of WXT's `browser` or the polyfill is replaced
 * by a shim and reported, so the lead hears about it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BROWSER_MODULES = /^(wxt\/browser|#imports|webextension-polyfill|@wxt-dev\/browser|wxt\/utils\/.*)$/;

/**
 * @param {string} entry a file in bench/page/ ('page-entry.ts' for the benchmark, 'phases-entry.ts' for the breakdown)
 * @returns {Promise<{ code: string, browserImports: string[], bytes: number }>} */
export async function bundleEngine(entry = 'page-entry.ts') {
  /** @type {string[]} */
  const browserImports = [];
  const result = await build({
    entryPoints: [path.join(root, 'bench', 'page', entry)],
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
  return { code, browserImports, bytes: Buffer.byteLength(code) };
}

/**
 * A UMD library's file as a script that defines `window[name]` and nothing else: mark.js and advanced-mark.js both
 * call their global `Mark`, so each is handed a CommonJS `module` to fill instead.
 * @param {string} file a path under node_modules @param {string} name
 */
export function umdAsGlobal(file, name) {
  const code = readFileSync(path.join(root, 'node_modules', file), 'utf8');
  return `window[${JSON.stringify(name)}] = (function () { var module = { exports: {} }; var exports = module.exports; var define;\n${code}\n;return module.exports; })();`;
}
