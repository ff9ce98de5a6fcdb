import { defineConfig } from 'vitest/config';

/** Unit and integration tests of every package, on SQLite (PostgreSQL and browser runs have their own configs). */
export default defineConfig({
  test: {
    projects: ['schema/vitest.config.ts', 'server/vitest.config.ts', 'client/vitest.config.ts'],
  },
});
