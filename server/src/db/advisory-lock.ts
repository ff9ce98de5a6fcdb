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

/**
 * The advisory locks on (space, hash of each key), for a statement that takes them itself
 * (`cairn_lock_identities`, which also reads in the same round trip): the distinct hashes in
 * ascending order, the order to take them in, so two transactions locking overlapping sets never
 * deadlock on each other. Finer than one lock per workspace: batches that create different
 * identifiers run side by side.
 *
 * @example
 * const { space, hashes } = advisoryLockSet('identities', newKeys.map((k) => `${workspaceId}:${k}`));
 */
export function advisoryLockSet(
  space: keyof typeof LOCK_SPACES,
  keys: readonly string[],
): { readonly space: number; readonly hashes: number[] } {
  return {
    space: LOCK_SPACES[space],
    hashes: [...new Set(keys.map(fnv1a32))].sort((a, b) => a - b),
  };
}

/** FNV-1a of the UTF-16 code units, as a signed 32-bit integer (a collision only costs waiting). */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}
