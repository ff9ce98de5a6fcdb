import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedServerTestConfig } from './vitest.shared';

export default mergeConfig(
  sharedServerTestConfig,
  defineConfig({
    test: {
      name: 'server',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      setupFiles: ['reflect-metadata'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  }),
);
