import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { committedSchemaPath, printCairnSchema } from './schema';

it('schema/schema.graphql is what the server code produces', async () => {
  const committed = readFileSync(committedSchemaPath, 'utf8');
  // On failure vitest prints the line diff; `pnpm schema:write` brings the file up to date.
  expect(
    await printCairnSchema(),
    'schema/schema.graphql is stale: run `pnpm schema:write` and commit it',
  ).toBe(committed);
});
