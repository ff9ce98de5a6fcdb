import type { Workspace } from '../../db/entities';
import type { Em } from '../../db/orm';
import type { LocatedKey } from '../identity/identity-key';
import { customerIdKey, erasureHash } from '../privacy/erasure-hash';
import { isErased } from '../privacy/tombstones';
import type { IngestItem } from './ingest-item';
import type { IngestOutcome } from './ingest.service';

/**
 * Drops (as IDENTITY_ERASED, written into `outcomes`) the items that name an erased person, and
 * returns the others: the keyed hashes of every identifier are looked up in one query
 * (`isErased`). Call it only for a workspace with tombstones (`WorkspaceActivity`): the usual
 * workspace has none, and then no query is needed.
 *
 * @example
 * const live = activity.tombstones ? await withoutErased(em, workspace, items, outcomes) : items;
 */
export async function withoutErased(
  em: Em,
  workspace: Workspace,
  items: IngestItem[],
  outcomes: IngestOutcome[],
): Promise<IngestItem[]> {
  if (items.length === 0) return items;
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
