import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, testDialect, type TestApp } from '../harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it(`the checked-in ${testDialect} migrations produce exactly the entities' schema`, async () => {
  const needed = await t.app.orm.getMigrator().checkMigrationNeeded();
  expect(
    needed,
    'entities changed without a migration: run `pnpm --filter @cairn/server migration:create <name>`',
  ).toBe(false);
  const executed = await t.app.orm.getMigrator().getExecutedMigrations();
  expect(executed.length).toBeGreaterThan(0);
  expect(await t.app.orm.getMigrator().getPendingMigrations()).toEqual([]);
});
