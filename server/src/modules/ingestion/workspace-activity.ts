import { runStatement, type DriverStatement } from '../../db/driver-sql';
import type { Em } from '../../db/orm';

/**
 * What a workspace has that a batch must consult: tombstones (items naming erased people are
 * refused), active segments (memberships), running journeys (waits, goals, event triggers) and
 * active scoring models. Most workspaces have none of some of them, and each "are there any?"
 * was a query of its own in every batch; {@link ACTIVITY_COLUMNS} answers all of them at once.
 *
 * Read before the batch's transaction, like the reads it replaces were read at READ COMMITTED
 * inside it: a segment, journey or model saved while a batch is in flight may miss that batch
 * either way (saving a segment recomputes its members from what is committed). On SQLite, with
 * one writer, the batch reads it again inside its transaction, so nothing saved before is missed.
 */
export interface WorkspaceActivity {
  readonly tombstones: boolean;
  readonly segments: boolean;
  readonly journeys: boolean;
  readonly scoringModels: boolean;
}

/**
 * The four `exists` as columns, for a query whose row has the workspace's id as `idColumn`;
 * each an index seek. The same text on both engines (SQLite answers 0/1, PostgreSQL booleans).
 * `journeys` counts the ones `activeJourneys` runs (status active with a live version): a
 * journey paused or stopped keeps its enrollments, but `journeysOnEvents` ignores them.
 */
export function activityColumns(idColumn: string): string {
  return `exists (select 1 from "erased_identities" x where x."workspace_id" = ${idColumn}) as "tombstones",
    exists (select 1 from "segments" s where s."workspace_id" = ${idColumn} and s."archived_at" is null) as "segments",
    exists (select 1 from "journeys" j where j."workspace_id" = ${idColumn} and j."status" = 'active'
      and j."live_version" is not null) as "journeys",
    exists (select 1 from "scoring_models" m where m."workspace_id" = ${idColumn} and m."archived_at" is null) as "scoring_models"`;
}

/** A row carrying {@link activityColumns}. */
export interface ActivityRow {
  readonly tombstones: boolean | number;
  readonly segments: boolean | number;
  readonly journeys: boolean | number;
  readonly scoring_models: boolean | number;
}

export function activityOf(row: ActivityRow): WorkspaceActivity {
  return {
    tombstones: Boolean(row.tombstones),
    segments: Boolean(row.segments),
    journeys: Boolean(row.journeys),
    scoringModels: Boolean(row.scoring_models),
  };
}

const ACTIVITY: DriverStatement = {
  sqlite: `select ${activityColumns('w."id"')} from (select ? as "id") as w`,
  postgres: `select ${activityColumns('w."id"')} from (select $1::varchar as "id") as w`,
};

/**
 * The workspace's {@link WorkspaceActivity}: one prepared statement.
 *
 * @example
 * const activity = await workspaceActivity(em, workspace.id);
 * if (activity.segments) await updateMemberships(tx, workspace, changed, now, 'data');
 */
export async function workspaceActivity(em: Em, workspaceId: string): Promise<WorkspaceActivity> {
  const { rows } = await runStatement<ActivityRow>(
    em,
    ACTIVITY,
    () => [[workspaceId]],
    () => [workspaceId],
  );
  return activityOf(rows[0]!);
}
