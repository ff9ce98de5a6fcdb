import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../../../server/src/db/ids';
import { createOrm, migrate } from '../../../server/src/db/orm';
import type { registerSqliteFunctions } from '../../../server/src/db/sqlite-functions';
import { createLogger } from '../../../server/src/logger';
import { readCsvRecords } from '../../../server/src/modules/import/csv-records';

type SqliteDatabase = Parameters<typeof registerSqliteFunctions>[0];
const requireFromServer = createRequire(new URL('../../../server/package.json', import.meta.url));

/**
 * Baseline 1: reading the file, csv-parse as the importer sets it up (records with their line
 * numbers), nothing converted or validated. Returns the data rows.
 */
export async function parseOnly(path: string): Promise<number> {
  let records = 0;
  for await (const _record of readCsvRecords(createReadStream(path), ',')) records++;
  return records - 1;
}

/**
 * Baseline 2: the same rows written with bare INSERTs (better-sqlite3 prepared statements, one
 * transaction per 1,000 rows, the server's pragmas and UUIDv7 ids) into a fresh database migrated
 * by the server's migrations: a customer and its three identities per row, no lookups, no
 * validation. The floor of what writing these rows costs on this machine. Returns the customers
 * written.
 */
export async function bareInsert(path: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-import-'));
  const file = join(dir, 'bare.sqlite');
  try {
    const orm = await createOrm(
      { dialect: 'sqlite', path: file, url: `sqlite:${file}` },
      createLogger({ logLevel: 'warn' }),
    );
    await migrate(orm);
    await orm.close(true);
    const Database = requireFromServer('better-sqlite3') as new (path: string) => SqliteDatabase;
    const db = new Database(file);
    try {
      db.pragma('journal_mode = wal');
      db.pragma('synchronous = normal');
      const workspace = newId();
      const now = Date.now();
      db.prepare(
        'insert into workspaces (id, name, erasure_key, created_at) values (?, ?, ?, ?)',
      ).run(workspace, 'bare', 'k', now);
      const customer = db.prepare(
        'insert into customers (id, workspace_id, email, traits, search_text, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
      );
      const identity = db.prepare(
        'insert into identities (id, workspace_id, customer_id, kind, source, value, created_at) values (?, ?, ?, ?, ?, ?, ?)',
      );
      const write = db.transaction((rows: string[][]) => {
        for (const cells of rows) {
          const id = newId();
          const [email, phone, sfId, first, last, company, size, plan, vip, signup, tags] = cells;
          const traits = JSON.stringify({
            firstName: first,
            lastName: last,
            company: { name: company, size: Number(size) },
            plan,
            vip: vip === 'yes',
            signupDate: signup,
            tags: tags ? tags.split(';') : undefined,
          });
          customer.run(id, workspace, email, traits, `${email} ${first} ${last}`, now, now);
          identity.run(newId(), workspace, id, 'email', '', email, now);
          identity.run(newId(), workspace, id, 'phone', '', phone!.replace(/\s/g, ''), now);
          identity.run(newId(), workspace, id, 'externalId', 'salesforce', sfId, now);
        }
      });
      let batch: string[][] = [];
      for await (const { line, cells } of readCsvRecords(createReadStream(path), ',')) {
        if (line === 1) continue;
        batch.push([...cells]);
        if (batch.length === 1000) {
          write(batch);
          batch = [];
        }
      }
      write(batch);
      return Number(db.prepare('select count(*) from customers').pluck().get());
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
