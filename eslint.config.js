// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'client/src/gql/**',
      'data/**',
      'test/artifacts/**',
      'server/src/db/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // schema/ is the pure core: no I/O, no ORM, no UI, no other workspace package.
    files: ['schema/src/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*'],
              message: 'schema/ is pure: no Node built-ins (do I/O in server/).',
            },
            {
              group: ['@mikro-orm/*', 'pg', 'better-sqlite3', 'knex'],
              message: 'schema/ is pure: no database access.',
            },
            {
              group: ['react', 'react-dom', 'react/*', '@xyflow/*', 'urql'],
              message: 'schema/ is pure: no UI libraries.',
            },
            { group: ['@cairn/*'], message: 'schema/ depends on no other workspace package.' },
          ],
          paths: ['fs', 'path', 'http', 'https', 'child_process', 'crypto', 'os', 'net'].map(
            (name) => ({
              name,
              message: 'schema/ is pure: no Node built-ins (do I/O in server/).',
            }),
          ),
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
