import { LockMode, type EntityName, type FilterQuery } from '@mikro-orm/core';
import { BaseSqlitePlatform } from '@mikro-orm/knex';
import type { Em } from './orm';

/** A row a clock-driven worker runs once when it is due. */
interface DueRow {
  readonly id: string;
  readonly dueAt: Date;
}

/**
 * Claims and deletes up to `limit` rows due at `now`, oldest first, across workspaces, inside the
 * caller's transaction. On PostgreSQL the rows are locked with SKIP LOCKED, so several processes
 * share the work without running a row twice; SQLite has one writer.
 */
export async function claimDueRows<T extends DueRow>(
  tx: Em,
  entity: EntityName<T>,
  now: Date,
  limit: number,
): Promise<T[]> {
  const sqlite = tx.getPlatform() instanceof BaseSqlitePlatform;
  const due = await tx.find(entity, { dueAt: { $lte: now } } as unknown as FilterQuery<T>, {
    filters: false,
    orderBy: { dueAt: 'asc', id: 'asc' } as never,
    limit,
    ...(sqlite ? {} : { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE }),
  });
  if (due.length > 0)
    await tx.nativeDelete(
      entity,
      { id: { $in: due.map((r) => r.id) } } as unknown as FilterQuery<T>,
      {
        filters: false,
      },
    );
  return due;
}
