import { BaseSqlitePlatform } from '@mikro-orm/knex';
import { runStatement } from './driver-sql';
import type { Em } from './orm';

/** The advisory lock spaces (first key) in use, one per kind of lock. */
export const LOCK_SPACES = {
  /** A workspace's catalog rows (`recordCatalog`, an erasure's scrub). */
  catalog: 0x63617461,
  /** Creating an identity (ingestion, one lock per identifier), so two batches never create the same one. */
  identities: 0x69646e74,
} as const;

/** How a lock is held: alone, or alongside the other holders in shared mode (they exclude only `exclusive`). */
export type LockMode = 'exclusive' | 'shared';

const LOCK_ONE: Readonly<Record<LockMode, { sqlite: string; postgres: string }>> = {
  exclusive: { sqlite: '', postgres: 'select pg_advisory_xact_lock($1, $2)' },
  shared: { sqlite: '', postgres: 'select pg_advisory_xact_lock_shared($1, $2)' },
};

/**
 * PostgreSQL: takes a transaction-level advisory lock on (space, key), waiting for the
 * transactions holding it in a conflicting mode to end (shared holders only wait for an exclusive
 * one, and it for them); released at commit or rollback. SQLite has one writer at a time: nothing
 * to do.
 */
export async function lockForTransaction(
  em: Em,
  space: keyof typeof LOCK_SPACES,
  key: string,
  mode: LockMode = 'exclusive',
): Promise<void> {
  if (em.getPlatform() instanceof BaseSqlitePlatform) return;
  await runStatement(
    em,
    LOCK_ONE[mode],
    () => [],
    () => advisoryLockKeys(space, key),
  );
}

/**
 * The two keys of the advisory lock on (space, key), for a statement that takes the lock itself
 * (`pg_advisory_xact_lock_shared($1, $2)` among its other work) rather than in a round trip of
 * its own before it.
 */
export function advisoryLockKeys(space: keyof typeof LOCK_SPACES, key: string): [number, number] {
  return [LOCK_SPACES[space], fnv1a32(key)];
}

const LOCK_KEYS = {
  sqlite: '',
  postgres: 'select pg_advisory_xact_lock($1, k) from unnest($2::int[]) as k',
};

/**
 * PostgreSQL: takes the transaction-level advisory locks on (space, hash of each key), in
 * ascending order (so two transactions locking overlapping sets never deadlock on each other),
 * in one statement; released at commit or rollback. Finer than one lock per workspace: batches
 * that create different identifiers run side by side. Returns whether it locked (and may have
 * waited for another transaction, whose writes the caller should look for again); SQLite, one
 * writer at a time: nothing to do, false.
 *
 * @example
 * await lockKeysForTransaction(tx, 'identities', newKeys.map((k) => `${workspaceId}:${k}`));
 */
export async function lockKeysForTransaction(
  em: Em,
  space: keyof typeof LOCK_SPACES,
  keys: readonly string[],
): Promise<boolean> {
  if (keys.length === 0 || em.getPlatform() instanceof BaseSqlitePlatform) return false;
  const hashes = [...new Set(keys.map(fnv1a32))].sort((a, b) => a - b);
  await runStatement(
    em,
    LOCK_KEYS,
    () => [],
    () => [LOCK_SPACES[space], hashes],
  );
  return true;
}

/** FNV-1a of the UTF-16 code units, as a signed 32-bit integer (a collision only costs waiting). */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}
