import { ErasedIdentity, type Workspace } from '../../db/entities';
import { newId } from '../../db/ids';
import type { Em } from '../../db/orm';
import { erasureHash, type TombstoneKey } from './erasure-hash';

/** The tombstone hashes of `keys` under the workspace's erasure key, without duplicates. */
export function tombstoneHashes(workspace: Workspace, keys: readonly TombstoneKey[]): string[] {
  return [...new Set(keys.map((key) => erasureHash(workspace.erasureKey, key)))];
}

/**
 * Which of `keys` belong to erased people: the set of their hashes (`erasureHash`) that have a
 * tombstone in the workspace, in one query. Ingestion and import call it before storing an item
 * and refuse the item (IDENTITY_ERASED) when any of its identifiers is in the set.
 *
 * @example
 * const keys = located.map((l) => l.key);
 * const erased = await isErased(em, workspace, keys);
 * const hit = keys.find((k) => erased.has(erasureHash(workspace.erasureKey, k)));
 */
export async function isErased(
  em: Em,
  workspace: Workspace,
  keys: readonly TombstoneKey[],
): Promise<Set<string>> {
  const hashes = tombstoneHashes(workspace, keys);
  if (hashes.length === 0) return new Set();
  const qb = em
    .createQueryBuilder(ErasedIdentity)
    .select('hash')
    .where({ workspace: workspace.id, hash: { $in: hashes } });
  await qb.applyFilters();
  const rows = await qb.execute<Array<{ hash: string }>>('all', true);
  return new Set(rows.map((row) => row.hash));
}

/**
 * Leaves a tombstone for each key that has none yet. Returns how many hashes now stand for the
 * keys (written now or before). Run it inside the erasure's transaction.
 */
export async function writeTombstones(
  em: Em,
  workspace: Workspace,
  keys: readonly TombstoneKey[],
): Promise<number> {
  const hashes = tombstoneHashes(workspace, keys);
  const existing = await isErased(em, workspace, keys);
  const erasedAt = new Date();
  const missing = hashes
    .filter((hash) => !existing.has(hash))
    .map((hash) => ({ id: newId(), workspace: workspace.id, hash, erasedAt }));
  if (missing.length > 0) await em.insertMany(ErasedIdentity, missing);
  return hashes.length;
}
