import type { FieldPath, Problem } from '@cairn/schema';
import { Customer, Identity, type Workspace } from '../../db/entities';
import type { Em } from '../../db/orm';
import { identityKeyString, type IdentityKey } from '../identity/identity-key';
import { customerIdKey, erasureHash } from '../privacy/erasure-hash';
import { isErased } from '../privacy/tombstones';
import type { PreviewItem, ReadRow } from './row-reader';
import { readTogether } from '../../db/read-together';

export type ProfileMatch = { readonly existing: boolean } | { readonly problem: Problem };

interface LocatedKey {
  readonly key: IdentityKey;
  readonly path: FieldPath;
}

/**
 * For a dry run, reading only: whether each row of a chunk names a profile that exists (in the
 * database, or created by an earlier row of the file: `known` holds the identities of those), and
 * the refusals ingestion would make from what the database holds (an erased person, an unknown
 * customerId). Three queries per chunk. Problem paths start with the row's index in `rows`.
 */
export async function matchProfiles(
  em: Em,
  workspace: Workspace,
  rows: readonly ReadRow[],
  known: Set<string>,
): Promise<ProfileMatch[]> {
  const located = rows.map((row, index) => keysOf(row.item, index));
  const customerIds = rows.flatMap((row) => (row.item.customerId ? [row.item.customerId] : []));
  const allKeys = located.flat().map((l) => l.key);
  const [erased, stored, customers] = await readTogether(em, [
    () => isErased(em, workspace, [...allKeys, ...customerIds.map(customerIdKey)]),
    () =>
      allKeys.length === 0
        ? []
        : em.find(
            Identity,
            { value: { $in: [...new Set(allKeys.map((k) => k.value))] } },
            { fields: ['kind', 'source', 'value'] },
          ),
    () =>
      customerIds.length === 0
        ? []
        : em.find(Customer, { id: { $in: customerIds } }, { fields: ['id'] }),
  ]);
  const held = new Set(stored.map(identityKeyString));
  const existingIds = new Set(customers.map((c) => c.id));
  const isErasedKey = (key: Parameters<typeof erasureHash>[1]) =>
    erased.size > 0 && erased.has(erasureHash(workspace.erasureKey, key));
  return rows.map((row, index): ProfileMatch => {
    const { customerId } = row.item;
    if (customerId && isErasedKey(customerIdKey(customerId)))
      return { problem: erasedAt([index, 'customerId']) };
    const erasedKey = located[index]!.find((l) => isErasedKey(l.key));
    if (erasedKey) return { problem: erasedAt(erasedKey.path) };
    if (customerId && !existingIds.has(customerId))
      return {
        problem: {
          code: 'NOT_FOUND',
          path: [index, 'customerId'],
          message: `No customer with id "${customerId}" in this workspace; leave the cell empty to create one.`,
        },
      };
    const names = located[index]!.map((l) => identityKeyString(l.key));
    const existing = customerId !== undefined || names.some((n) => held.has(n) || known.has(n));
    if (!existing) for (const name of names) known.add(name);
    return { existing };
  });
}

function keysOf(item: PreviewItem, index: number): LocatedKey[] {
  const keys: LocatedKey[] = (item.externalIds ?? []).map((e, i) => ({
    key: { kind: 'externalId', source: e.source, value: e.id },
    path: [index, 'externalIds', i, 'id'],
  }));
  for (const kind of ['email', 'phone', 'anonymousId'] as const) {
    const value = item[kind];
    if (value !== undefined) keys.push({ key: { kind, source: '', value }, path: [index, kind] });
  }
  return keys;
}

function erasedAt(path: FieldPath): Problem {
  return {
    code: 'IDENTITY_ERASED',
    path,
    message:
      'This identifier belonged to a person whose data was erased; the row would not be stored.',
  };
}
