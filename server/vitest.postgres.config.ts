import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedServerTestConfig } from './vitest.shared';

/** The integration suite again, each test file on its own fresh PostgreSQL database. */
export default mergeConfig(
  sharedServerTestConfig,
  defineConfig({
    test: {
      name: 'server-postgres',
      include: ['test/integration/**/*.test.ts'],
      setupFiles: ['reflect-metadata'],
      env: { CAIRN_TEST_DB: 'postgres' },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  }),
);
