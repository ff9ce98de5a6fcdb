import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the client: write operations with `graphql()` from `src/gql`, then run
 * `pnpm --filter @cairn/client codegen`. The output is committed; `codegen:check` fails when stale.
 */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        // `useFragment` would read as a React hook to the linter; it is a plain function.
        fragmentMasking: { unmaskFunctionName: 'getFragmentData' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        dedupeOperationSuffix: true,
        strictScalars: true,
        scalars: {
          DateTimeISO: 'string',
          JSONObject: 'Record<string, unknown>',
          JSON: 'unknown',
        },
      },
    },
  },
};

export default config;
