import type { Workspace } from '../../db/entities';
import { runStatement, type DriverStatement } from '../../db/driver-sql';
import type { Em } from '../../db/orm';
import type { LocatedKey } from '../identity/identity-key';
import { customerIdKey, erasureHash } from '../privacy/erasure-hash';
import { isErased } from '../privacy/tombstones';
import type { IngestItem } from './ingest-item';
import type { IngestOutcome } from './ingest.service';

/** Whether the workspace has any tombstone: one index seek, a prepared statement. */
const ANY_TOMBSTONE: DriverStatement = {
  sqlite: `select 1 as "found" from "erased_identities" where "workspace_id" = ? limit 1`,
  postgres: `select 1 as "found" from "erased_identities" where "workspace_id" = $1 limit 1`,
};

/**
 * Drops (as IDENTITY_ERASED, written into `outcomes`) the items that name an erased person, and
 * returns the others. A workspace without tombstones (the usual case) costs one index seek; else
 * the keyed hashes of every identifier are looked up in one query (`isErased`).
 *
 * @example
 * const live = await withoutErased(em, workspace, items, outcomes);
 */
export async function withoutErased(
  em: Em,
  workspace: Workspace,
  items: IngestItem[],
  outcomes: IngestOutcome[],
): Promise<IngestItem[]> {
  if (items.length === 0) return items;
  const any = await runStatement(
    em,
    ANY_TOMBSTONE,
    () => [[workspace.id]],
    () => [workspace.id],
  );
  if (any.rows.length === 0) return items;
  const located = (item: IngestItem): LocatedKey[] =>
    [
      ...(item.identities.customerId
        ? [{ key: customerIdKey(item.identities.customerId), path: [item.index, 'customerId'] }]
        : []),
      ...item.identities.keys,
    ] as LocatedKey[];
  const erased = await isErased(
    em,
    workspace,
    items.flatMap((i) => located(i).map((l) => l.key)),
  );
  if (erased.size === 0) return items;
  return items.filter((item) => {
    const hit = located(item).find((l) => erased.has(erasureHash(workspace.erasureKey, l.key)));
    if (!hit) return true;
    outcomes[item.index] = {
      index: item.index,
      status: 'REJECTED',
      problems: [
        {
          code: 'IDENTITY_ERASED',
          path: hit.path,
          message:
            'This identifier belonged to a person whose data was erased; the item is not stored.',
        },
      ],
    };
    return false;
  });
}
