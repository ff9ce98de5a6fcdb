import { LockMode, type EntityName, type FilterQuery } from '@mikro-orm/core';
import { BaseSqlitePlatform } from '@mikro-orm/knex';
import type { Em } from '../../../db/orm';
import { writeTransaction } from '../../../db/write-transaction';

/** A row a worker can lease: due, not dead, and not leased by a live worker. */
interface Leasable {
  id: string;
  dueAt: Date;
  leaseUntil: Date | null;
}

/**
 * Claims up to `limit` due rows for this worker in a short transaction: on PostgreSQL with
 * `FOR UPDATE SKIP LOCKED`, so workers in several processes never claim the same row; on
 * SQLite, whose writes are serialized, plainly. A claimed row carries a lease; one whose lease
 * ran out (its worker died) is due again, so nothing held by a dead worker waits longer than
 * the lease.
 */
export async function claimDue<T extends Leasable>(
  em: Em,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  now: Date,
  leaseMs: number,
  limit: number,
  dueBy: Date = now,
): Promise<T[]> {
  return writeTransaction(em.fork(), async (tx) => {
    const sqlite = tx.getPlatform() instanceof BaseSqlitePlatform;
    const rows = await tx.find(
      entity,
      {
        $and: [
          where,
          { dueAt: { $lte: dueBy } },
          { $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] },
        ],
      } as FilterQuery<T>,
      {
        filters: false,
        orderBy: { dueAt: 'asc', id: 'asc' } as never,
        limit,
        ...(sqlite ? {} : { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE }),
      },
    );
    const leaseUntil = new Date(now.getTime() + leaseMs);
    for (const row of rows) row.leaseUntil = leaseUntil;
    await tx.flush();
    return rows;
  });
}

/** Exponential back-off after a failure: 2 s, 4 s, 8 s… capped at 10 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(600_000, 1_000 * 2 ** attempts);
}
