import type { Em } from '../../../db/orm';
import { dialectOf } from '../../../rules/rule-query';
import { sql } from '../../../rules/sql-fragment';
import type { DayRange } from './analytics-args';
import { numberOf, paramList, selectRows } from './analytics-sql';

/** A segment's size at the end of one UTC day, and the changes of that day. */
export interface SizePoint {
  readonly day: string;
  readonly size: number;
  readonly entered: number;
  readonly exited: number;
}

interface Changes {
  entered: number;
  exited: number;
}

/**
 * Daily sizes from the transitions: the size at the end of day D is everyone who entered up to D
 * minus everyone who exited up to D. Each point starts from the size before the range.
 *
 * @example
 * cumulate(['2026-01-01', '2026-01-02'], { entered: 3, exited: 1 }, new Map([['2026-01-02', { entered: 1, exited: 0 }]]));
 * // [{ day: '2026-01-01', size: 2, entered: 0, exited: 0 }, { day: '2026-01-02', size: 3, entered: 1, exited: 0 }]
 */
export function cumulate(
  days: readonly string[],
  before: Changes,
  byDay: ReadonlyMap<string, Changes>,
): SizePoint[] {
  let size = before.entered - before.exited;
  return days.map((day) => {
    const { entered, exited } = byDay.get(day) ?? { entered: 0, exited: 0 };
    size += entered - exited;
    return { day, size, entered, exited };
  });
}

/**
 * The size histories of several segments over one range, in one query: transitions before the
 * range summed into one group per segment, those in it grouped by UTC day (served by the
 * (segment_id, at) index).
 */
export async function sizeHistories(
  em: Em,
  workspaceId: string,
  segmentIds: readonly string[],
  range: DayRange,
): Promise<SizePoint[][]> {
  const d = dialectOf(em);
  const day = sql`substr(${d.isoTextOfColumn('t.at')}, 1, 10)`;
  const rows = await selectRows(
    em,
    sql`SELECT t.segment_id AS segment_id,
        CASE WHEN t.at < ${d.instantParam(range.startMs)} THEN NULL ELSE ${day} END AS day,
        sum(CASE WHEN t.kind = 'entered' THEN 1 ELSE 0 END) AS entered,
        sum(CASE WHEN t.kind = 'exited' THEN 1 ELSE 0 END) AS exited
      FROM segment_transitions t
      WHERE t.workspace_id = ${workspaceId} AND t.segment_id IN (${paramList(segmentIds)})
        AND t.at < ${d.instantParam(range.endMs)}
      GROUP BY 1, 2`,
  );
  const bySegment = new Map<string, { before: Changes; byDay: Map<string, Changes> }>(
    segmentIds.map((id) => [id, { before: { entered: 0, exited: 0 }, byDay: new Map() }]),
  );
  for (const row of rows) {
    const history = bySegment.get(String(row['segment_id']));
    if (!history) continue;
    const changes = { entered: numberOf(row['entered']), exited: numberOf(row['exited']) };
    if (row['day'] === null) history.before = changes;
    else history.byDay.set(String(row['day']), changes);
  }
  return segmentIds.map((id) => {
    const { before, byDay } = bySegment.get(id)!;
    return cumulate(range.days, before, byDay);
  });
}
