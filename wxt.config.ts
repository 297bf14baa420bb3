import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { addCueData, generatedBatchPattern } from './scripts/generated';
import { noRawHtml } from './scripts/vite-no-raw-html';

// See README "Permissions" for why each permission is asked for.
export default defineConfig({
  // Parallel builds (tests, benchmarks) can use their own output folder.
  outDir: process.env.ER_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  hooks: {
    // The locales' cue_data message, from utils/cues.ts (scripts/generated.ts).
    'build:publicAssets': (_wxt, files) => addCueData(files),
  },
  vite: () => ({
    plugins: [preact(), noRawHtml(), generatedBatchPattern()],
    build: {
      sourcemap: process.env.ER_SOURCEMAP === '1',
      // Terser with three passes packs the content script (which runs on every page, within its budget) smaller than
      // Vite's default minifier does.
      minify: 'terser',
      terserOptions: { compress: { passes: 3, unsafe_arrows: true }, ecma: 2020 },
    },
  }),
  zip: {
    // The store package holds the built extension only; never source maps.
    exclude: ['**/*.map'],
    // The Firefox sources zip is what a reviewer needs to rebuild the add-on:
    // sources, config, lockfile, public/ and assets/. Test suites, benchmarks,
    // store screenshots and every kind of output stay out. WXT already leaves
    // out node_modules, dot files and *.test/*.spec files, and .output only
    // when it is the output folder in use, so it is listed here as well.
    excludeSources: [
      '.output/**',
      'test-results/**',
      'playwright-report/**',
      'artifacts/**',
      'coverage/**',
      'tests/**',
      'bench/**',
      'store/screenshots/**',
      'docs/screenshots/**',
      '**/*.log',
      '.profile*/**',
      'stats.html',
    ],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    homepage_url: 'https://github.com/eight-reasons/eight-reasons',
    default_locale: 'en',
    permissions: ['storage'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'open-panel': { suggested_key: { default: 'Alt+Shift+E' }, description: '__MSG_cmdOpenPanel__' },
      'toggle-highlighting': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_cmdToggle__' },
      'next-mention': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_cmdNext__' },
      'prev-mention': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_cmdPrev__' },
    },
    // Minimum versions: see CHANGELOG "Browser support". Firefox 140 is the first
    // with the CSS Custom Highlight API (and the ESR we test on). Chrome 116 is
    // the first with sidePanel.open(), which a click on a mention relies on
    // (side panel 114, highlights 105). No Firefox for Android entry: nothing
    // here runs or tests it, and it has no sidebar.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'eight-reasons@eight-reasons.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '116' }),
  }),
});
