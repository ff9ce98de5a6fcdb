import { isSqlite } from './driver-sql';
import type { Em } from './orm';

/**
 * A transaction that reads, then writes. On SQLite its first statement takes the write lock (a
 * write that changes nothing), as `BEGIN IMMEDIATE` would (knex only issues a deferred `BEGIN`):
 * a deferred transaction reads from a snapshot, and when another connection (a `cairn worker`
 * next to `cairn serve`, the checkpointer aside) commits before its first write, SQLite refuses
 * that write at once with SQLITE_BUSY_SNAPSHOT ("database is locked"; no busy wait helps, the
 * snapshot is stale). Taking the lock first waits, with `busy_timeout`, for the other writer
 * instead. Rails makes every SQLite transaction immediate for the same reason; here only those
 * that write are, so long reads (segment counts, KPI series) do not hold other writers back. On
 * PostgreSQL it is `em.transactional`.
 */
export function writeTransaction<T>(em: Em, work: (tx: Em) => Promise<T>): Promise<T> {
  return em.transactional(async (tx) => {
    if (isSqlite(tx))
      await tx.getConnection().execute(TAKE_WRITE_LOCK, [], 'run', tx.getTransactionContext());
    return work(tx);
  });
}

/** Changes no row (`where 0` is decided before any row is read) but makes SQLite take the lock. */
const TAKE_WRITE_LOCK = 'update "workspaces" set "name" = "name" where 0';
