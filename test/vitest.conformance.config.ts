import { defineConfig } from 'vitest/config';

/**
 * Conformance suites: Cairn's rule evaluators against each other and against third-party engines
 * (json-logic-js). `RULE_PROPERTY_RUNS` sets the number of runs of each property (default 1000).
 */
export default defineConfig({
  test: {
    name: 'conformance',
    include: ['conformance/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
