import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests in a real Chromium against the real server serving the built client.
 * Build the client first: `pnpm --filter @cairn/client build`.
 */
export default defineConfig({
  test: {
    include: ['browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
