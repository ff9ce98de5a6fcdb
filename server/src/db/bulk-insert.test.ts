import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows, insertStatement, insertTogether } from './bulk-insert';
import { runStatement } from './driver-sql';
import { createOrm, type Orm } from './orm';

let orm: Orm;

beforeAll(async () => {
  orm = await createOrm({ dialect: 'sqlite', path: ':memory:', url: 'sqlite::memory:' });
  const em = orm.em.fork();
  await em.execute(
    'create table "parents" ("id" text primary key, "at" integer not null, "flag" integer not null, "doc" text not null)',
  );
  await em.execute(
    'create table "children" ("id" text primary key, "parent_id" text not null references "parents" ("id"))',
  );
});
afterAll(() => orm.close(true));

const INSERT_PARENT = insertStatement({
  table: 'parents',
  columns: [
    ['id', 'varchar'],
    ['at', 'timestamptz'],
    ['flag', 'boolean'],
    ['doc', 'jsonb'],
  ],
  ignoreConflictOn: ['id'],
  returning: 'id',
});

const INSERT_CHILD = insertStatement({
  table: 'children',
  columns: [
    ['id', 'varchar'],
    ['parent_id', 'varchar'],
  ],
});

describe('insertRows (SQLite: one prepared step per row)', () => {
  it('stores Dates as Unix ms and booleans as 0/1, returns the rows written and skips conflicts', async () => {
    const em = orm.em.fork();
    const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    const first = await insertRows<{ id: string }>(em, INSERT_PARENT, [
      ['p1', at, true, '{"a":1}'],
      ['p2', at, false, '[]'],
    ]);
    expect(first.rows.map((r) => r.id)).toEqual(['p1', 'p2']);
    const again = await insertRows<{ id: string }>(em, INSERT_PARENT, [
      ['p2', at, true, '{}'],
      ['p3', at, true, '{}'],
    ]);
    expect(again.rows.map((r) => r.id)).toEqual(['p3']);
    const stored = await em.execute<Array<{ id: string; at: number; flag: number; doc: string }>>(
      'select * from "parents" order by "id"',
    );
    expect(stored).toEqual([
      { id: 'p1', at: at.getTime(), flag: 1, doc: '{"a":1}' },
      { id: 'p2', at: at.getTime(), flag: 0, doc: '[]' },
      { id: 'p3', at: at.getTime(), flag: 1, doc: '{}' },
    ]);
  });

  it("turns the driver's errors into MikroORM's exceptions", async () => {
    const em = orm.em.fork();
    await insertRows(em, INSERT_CHILD, [['c1', 'p1']]);
    await expect(insertRows(em, INSERT_CHILD, [['c1', 'p1']])).rejects.toBeInstanceOf(
      UniqueConstraintViolationException,
    );
  });

  it('writes several tables in order, inside the caller’s transaction', async () => {
    await expect(
      orm.em.fork().transactional(async (tx) => {
        await insertTogether(tx, [
          { statement: INSERT_PARENT, rows: [['p9', new Date(), true, '{}']] },
          { statement: INSERT_CHILD, rows: [['c9', 'p9']] },
        ]);
        const seen = await runStatement<{ n: number }>(
          tx,
          { sqlite: 'select count(*) as "n" from "children" where "parent_id" = ?', postgres: '' },
          () => [['p9']],
          () => [],
        );
        expect(seen.rows).toEqual([{ n: 1 }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const left = await orm.em.fork().execute('select * from "children" where "id" = \'c9\'');
    expect(left).toEqual([]);
  });
});
