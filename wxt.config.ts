import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See README "Permissions" for why each permission is asked for.
export default defineConfig({
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
    name: 'Eight Reasons',
    description:
      'Reading companion for "Eight reasons why WeChat e-commerce doesn\'t work": the eight arguments, and highlights of WeChat, Taobao and Alibaba linked to them.',
    homepage_url: 'https://github.com/eight-reasons/eight-reasons',
    default_locale: 'en',
    permissions: ['storage'],
    action: { default_title: 'Eight Reasons' },
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
