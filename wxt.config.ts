import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See README "Permissions" for why each permission is asked for.
export default defineConfig({
  // Parallel builds (tests, benchmarks) can use their own output folder.
  outDir: process.env.ER_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  zip: {
    excludeSources: [
      'test-results/**',
      'playwright-report/**',
      'artifacts/**',
      'bench/results/**',
      '*.log',
      '.profile*/**',
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
      : { minimum_chrome_version: '114' }),
  }),
});
