import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The link evaluation: pure code, so plain Node, no extension shims.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['tests/eval/**/*.test.ts'],
    setupFiles: ['tests/cue-data-setup.ts'],
  },
});
