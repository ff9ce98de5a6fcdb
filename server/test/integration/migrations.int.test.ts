import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrm } from '../../src/db/orm';
import { createScratchPostgres, DEFAULT_TEST_PG_URL } from '../../src/db/scratch-postgres';
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

it('customer_data gives profiles that existed before it their email as an identity', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-migrate-'));
  const pg =
    testDialect === 'postgres'
      ? await createScratchPostgres(process.env['CAIRN_TEST_PG_URL'] || DEFAULT_TEST_PG_URL)
      : undefined;
  const orm = await createOrm(
    pg
      ? { dialect: 'postgres', url: pg.url }
      : {
          dialect: 'sqlite',
          path: join(dir, 'old.sqlite'),
          url: `sqlite:${join(dir, 'old.sqlite')}`,
        },
  );
  try {
    const migrator = orm.getMigrator();
    const names = (await migrator.getPendingMigrations()).map((m) => m.name);
    const index = names.findIndex((n) => n.endsWith('_customer_data'));
    expect(index).toBeGreaterThan(0);
    await migrator.up({ to: names[index - 1]! });
    const conn = orm.em.getConnection();
    const at = testDialect === 'sqlite' ? Date.now() : new Date();
    await conn.execute(`insert into workspaces (id, name, created_at) values ('w-old', 'Old', ?)`, [
      at,
    ]);
    await conn.execute(
      `insert into customers (id, workspace_id, email, traits, created_at, updated_at, search_text)
       values ('c-old', 'w-old', 'old@example.com', '{}', ?, ?, ''), ('c-none', 'w-old', null, '{}', ?, ?, '')`,
      [at, at, at, at],
    );
    await migrator.up();
    const rows = await conn.execute<Array<{ customer_id: string; kind: string; value: string }>>(
      `select customer_id, kind, value from identities where workspace_id = 'w-old'`,
    );
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { customer_id: 'c-old', kind: 'email', value: 'old@example.com' },
    ]);
    const keys = await conn.execute<Array<{ erasure_key: string }>>(
      `select erasure_key from workspaces where id = 'w-old'`,
    );
    expect(keys[0]!.erasure_key).toMatch(/^[0-9a-f]{64}$/);
  } finally {
    await orm.close(true);
    await pg?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
