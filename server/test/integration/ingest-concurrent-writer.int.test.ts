import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, testDialect, type TestApp } from '../harness';

/**
 * Another process writing to the same SQLite file (a `cairn worker` next to `cairn serve`) commits
 * between the reads and the first write of an ingestion transaction. SQLite then refuses the
 * write at once with SQLITE_BUSY_SNAPSHOT ("database is locked", no busy wait: the transaction's
 * snapshot is stale); the batch must be retried, never answered with a 500. Here a thread with
 * its own connection commits in a tight loop while batches arrive over HTTP.
 */
const BATCHES = 40;
const onSqlite = testDialect === 'sqlite';

let t: TestApp;
let ws: { id: string; key: string; writeKey: string };
let writer: Worker | undefined;

beforeAll(async () => {
  t = await startTestApp();
  ws = await t.workspace('Concurrent writer');
});
afterAll(async () => {
  await writer?.terminate();
  await t.close();
});

/** Starts a thread that commits one row at a time until terminated; resolves once it has. */
async function startWriter(path: string): Promise<Worker> {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.driver);
    const db = new Database(workerData.path, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.exec('create table if not exists concurrent_writer (at integer)');
    const insert = db.prepare('insert into concurrent_writer (at) values (?)');
    let first = true;
    for (;;) {
      insert.run(Date.now());
      if (first) { parentPort.postMessage('writing'); first = false; }
    }
    `,
    {
      eval: true,
      workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), path },
    },
  );
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return worker;
}

it.skipIf(!onSqlite)(
  'SQLite: batches ingested while another connection commits all succeed (the stale snapshot is retried)',
  async () => {
    const config = t.app.config.database;
    if (config.dialect !== 'sqlite') throw new Error('SQLite only');
    writer = await startWriter(config.path);
    const statuses: number[] = [];
    let accepted = 0;
    for (let b = 0; b < BATCHES; b++) {
      const items = Array.from({ length: 25 }, (_, i) => ({
        messageId: `concurrent-${b}-${i}`,
        event: 'Page Viewed',
        email: `c${(b * 25 + i) % 60}@concurrent.example`,
        properties: { url: `/p/${i}` },
      }));
      const res = await t.events(ws.writeKey, items);
      statuses.push(res.status);
      accepted += res.body.accepted;
    }
    await writer.terminate();
    writer = undefined;
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(accepted).toBe(BATCHES * 25);
    expect(await countEvents()).toBe(BATCHES * 25);
  },
);

async function countEvents(): Promise<number> {
  const row = (await t.app.orm.em
    .getConnection()
    .execute('select count(*) as n from events where workspace_id = ?', [ws.id], 'get')) as {
    n: number;
  };
  return row.n;
}
