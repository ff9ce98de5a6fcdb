import { insertRows, insertStatement } from '../../../db/bulk-insert';
import { runStatement, type DriverStatement } from '../../../db/driver-sql';
import { newId } from '../../../db/ids';
import type { Em } from '../../../db/orm';

/** The next re-check a (segment, customer) pair wants, next to the one stored (if any). */
export interface WantedRecheck {
  readonly segmentId: string;
  readonly customerId: string;
  /** When the result may next change with the clock (Unix ms); null: never by the clock alone. */
  readonly at: number | null;
  /** The pending re-check stored for the pair, if any. */
  readonly stored?: { readonly id: string; readonly dueAt: number } | undefined;
}

/**
 * Brings the stored re-checks in line with `wanted`, writing as little as it can: a stored re-check
 * due at or before the wanted time is kept (run early, it finds nothing changed and schedules the
 * exact one), so only a pair whose next change comes sooner than stored, or that has none stored,
 * gets a new row. New events mostly push a window's next change later: most batches write nothing
 * here. At most two statements, whatever the number of segments and pairs.
 */
export async function writeRechecks(
  em: Em,
  workspaceId: string,
  wanted: readonly WantedRecheck[],
): Promise<void> {
  const stale: string[] = [];
  const rows: Array<[id: string, workspace: string, segment: string, customer: string, due: Date]> =
    [];
  for (const w of wanted) {
    const due = w.at === null ? null : Math.ceil(w.at);
    if (w.stored && (due === null || w.stored.dueAt <= due)) continue;
    if (w.stored) stale.push(w.stored.id);
    if (due !== null) rows.push([newId(), workspaceId, w.segmentId, w.customerId, new Date(due)]);
  }
  if (stale.length > 0)
    await runStatement(
      em,
      DELETE_RECHECK,
      () => stale.map((id) => [id]),
      () => [stale],
    );
  await insertRows(em, INSERT_RECHECK, rows);
}

const DELETE_RECHECK: DriverStatement = {
  sqlite: `delete from "segment_rechecks" where "id" = ?`,
  postgres: `delete from "segment_rechecks" where "id" = any($1::varchar[])`,
};

const INSERT_RECHECK = insertStatement({
  table: 'segment_rechecks',
  columns: [
    ['id', 'varchar'],
    ['workspace_id', 'varchar'],
    ['segment_id', 'varchar'],
    ['customer_id', 'varchar'],
    ['due_at', 'timestamptz'],
  ],
});
