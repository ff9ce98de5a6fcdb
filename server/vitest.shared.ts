import { createRequire } from 'node:module';
import type { ViteUserConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * graphql 16 ships CommonJS (`main`) and ESM (`module`) builds. Node loads the CommonJS one for
 * the externalized libraries (type-graphql, Apollo), while Vite would give our sources the ESM one:
 * two copies, and "Cannot use GraphQLScalarType from another module or realm". Point everything
 * at the one Node uses.
 */
export const sharedServerTestConfig: ViteUserConfig = {
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
};
