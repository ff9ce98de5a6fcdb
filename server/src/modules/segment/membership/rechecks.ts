import { SegmentRecheck } from '../../../db/entities';
import { chunks } from '../../../db/chunks';
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
 * here. Two statements per 400 written pairs, whatever the number of segments.
 */
export async function writeRechecks(
  em: Em,
  workspaceId: string,
  wanted: readonly WantedRecheck[],
): Promise<void> {
  const stale: string[] = [];
  const rows: Array<{
    id: string;
    workspace: string;
    segmentId: string;
    customer: string;
    dueAt: Date;
  }> = [];
  for (const w of wanted) {
    const due = w.at === null ? null : Math.ceil(w.at);
    if (w.stored && (due === null || w.stored.dueAt <= due)) continue;
    if (w.stored) stale.push(w.stored.id);
    if (due !== null)
      rows.push({
        id: newId(),
        workspace: workspaceId,
        segmentId: w.segmentId,
        customer: w.customerId,
        dueAt: new Date(due),
      });
  }
  for (const chunk of chunks(stale)) await em.nativeDelete(SegmentRecheck, { id: { $in: chunk } });
  for (const chunk of chunks(rows)) await em.insertMany(SegmentRecheck, chunk);
}
