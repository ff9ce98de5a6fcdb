import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedServerTestConfig } from '../server/vitest.shared';

/**
 * End-to-end tests in a real Chromium against the real server serving the built client.
 * Build the client first: `pnpm --filter @cairn/client build`.
 */
export default mergeConfig(
  sharedServerTestConfig,
  defineConfig({
    test: {
      name: 'browser',
      include: ['browser/**/*.test.ts'],
      testTimeout: 60_000,
      hookTimeout: 120_000,
      fileParallelism: false,
    },
  }),
);
