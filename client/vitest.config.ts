import { defineConfig } from 'vitest/config';

/** Unit tests of the client's pure logic: no DOM needed. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
