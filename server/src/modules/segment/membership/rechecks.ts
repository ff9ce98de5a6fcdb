import { SegmentRecheck } from '../../../db/entities';
import { chunks } from '../../../db/chunks';
import { newId } from '../../../db/ids';
import type { Em } from '../../../db/orm';

/**
 * Records when each customer's result for a time-based segment may next change (`at`, Unix ms;
 * null: never by the clock alone, so any pending re-check is dropped).
 */
export async function writeRechecks(
  em: Em,
  workspaceId: string,
  segmentId: string,
  next: ReadonlyArray<{ readonly customerId: string; readonly at: number | null }>,
): Promise<void> {
  for (const chunk of chunks(next)) {
    await em.nativeDelete(SegmentRecheck, {
      segmentId,
      customer: { $in: chunk.map((n) => n.customerId) },
    });
    const rows = chunk
      .filter((n) => n.at !== null)
      .map((n) => ({
        id: newId(),
        workspace: workspaceId,
        segmentId,
        customer: n.customerId,
        dueAt: new Date(Math.ceil(n.at!)),
      }));
    if (rows.length > 0) await em.insertMany(SegmentRecheck, rows);
  }
}
