import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { checkpointInBackground } from './sqlite-checkpointer';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A WAL database whose connection never checkpoints by itself, with ~4 MB written to the log. */
function filledDatabase(): { path: string; db: Database.Database } {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-checkpoint-'));
  dirs.push(dir);
  const path = join(dir, 'db.sqlite');
  const db = new Database(path);
  db.pragma('journal_mode = wal');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('create table t (id integer primary key, body text not null)');
  const insert = db.prepare('insert into t (body) values (?)');
  db.transaction(() => {
    for (let i = 0; i < 1_000; i++) insert.run('x'.repeat(4_000));
  })();
  return { path, db };
}

const settle = async (until: () => boolean, ms: number): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!until() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
};

it('copies the write-ahead log into the database file from its own thread', async () => {
  const { path, db } = filledDatabase();
  const before = statSync(path).size;
  expect(statSync(`${path}-wal`).size).toBeGreaterThan(4_000_000);
  const stop = checkpointInBackground(path, 20);
  try {
    await settle(() => statSync(path).size > 4_000_000, 5_000);
    expect(statSync(path).size).toBeGreaterThan(4_000_000);
    expect(before).toBeLessThan(100_000);
    // The application's connection still reads and writes while the thread runs.
    db.prepare('insert into t (body) values (?)').run('after');
    expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 1_001 });
  } finally {
    await stop();
    db.close();
  }
});

it('without it the log is not copied (the case above is the thread, not the connection)', async () => {
  const { path, db } = filledDatabase();
  await new Promise((r) => setTimeout(r, 200));
  expect(statSync(path).size).toBeLessThan(100_000);
  db.close();
});

it('stops cleanly, also after the database went away', async () => {
  const { path, db } = filledDatabase();
  db.close();
  const stop = checkpointInBackground(path, 20);
  rmSync(path);
  await expect(stop()).resolves.toBeUndefined();
});
