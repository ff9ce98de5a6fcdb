import {
  decideWinner,
  type ArmCounts,
  type ExperimentPlan,
  type WinnerDecision,
} from '@cairn/schema';
import type { Em } from '../../db/orm';
import { numberOf, selectRows } from '../segment/analytics/analytics-sql';
import { sql } from '../../rules/sql-fragment';

export interface ExperimentResult {
  readonly arms: readonly ArmCounts[];
  readonly decision: WinnerDecision;
}

/**
 * An experiment on a random split: per arm (the handle taken at `nodeId`), the enrollments
 * exposed and those that converted at or after the split, over the whole run; then
 * `decideWinner` with the plan. Arms named in `arms` with no exposures yet count as 0.
 */
export async function experimentResults(
  em: Em,
  workspaceId: string,
  journeyId: string,
  nodeId: string,
  arms: readonly string[],
  plan: ExperimentPlan,
): Promise<ExperimentResult> {
  const rows = await selectRows(
    em,
    sql`SELECT st.handle AS arm, count(DISTINCT st.enrollment_id) AS exposures,
        count(DISTINCT CASE WHEN en.converted_at >= st.at THEN st.enrollment_id END) AS conversions
      FROM journey_steps st JOIN journey_enrollments en ON en.id = st.enrollment_id
      WHERE st.workspace_id = ${workspaceId} AND st.journey_id = ${journeyId}
        AND st.node_id = ${nodeId} AND st.kind = 'decide' AND st.handle IS NOT NULL
      GROUP BY st.handle`,
  );
  const counts = new Map<string, ArmCounts>(
    arms.map((id) => [id, { id, exposures: 0, conversions: 0 }]),
  );
  for (const r of rows) {
    const id = String(r['arm']);
    counts.set(id, {
      id,
      exposures: numberOf(r['exposures']),
      conversions: numberOf(r['conversions']),
    });
  }
  const list = [...counts.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { arms: list, decision: decideWinner(list, plan) };
}
