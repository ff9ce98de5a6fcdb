import { assertUsableKey, bearerToken, hashApiKey } from '../../auth/api-key.service';
import { Workspace, type ApiKeyScope } from '../../db/entities';
import { runStatement, type DriverStatement } from '../../db/driver-sql';
import type { Em } from '../../db/orm';
import {
  activityColumns,
  activityOf,
  type ActivityRow,
  type WorkspaceActivity,
} from './workspace-activity';

interface KeyRow extends ActivityRow {
  readonly scope: ApiKeyScope;
  readonly id: string;
  readonly name: string;
  readonly erasure_key: string;
  readonly created_at: unknown;
}

/**
 * The key (not revoked), its workspace and the workspace's activity in one round trip. Like
 * `authenticate`, the one lookup before a workspace is known: scoped by the key's hash alone.
 */
const FIND_KEY: DriverStatement = (() => {
  const text = (
    param: string,
  ) => `select k."scope", w."id", w."name", w."erasure_key", w."created_at",
      ${activityColumns('w."id"')}
    from "api_keys" k join "workspaces" w on w."id" = k."workspace_id"
    where k."token_hash" = ${param} and k."revoked_at" is null`;
  return { sqlite: text('?'), postgres: text('$1') };
})();

/**
 * `authenticate` for ingestion: the bearer key's workspace (an entity of `em`), refused as
 * `authenticate` refuses it, together with the {@link WorkspaceActivity} the batch needs, in one
 * prepared statement instead of a key lookup plus one query per kind of activity.
 *
 * @example
 * const { workspace, activity } = await authenticateIngest(em, req.headers.authorization, ['write']);
 * await new IngestService(em, workspace).ingest(items, { source, activity });
 */
export async function authenticateIngest(
  em: Em,
  authorization: string | undefined,
  scopes: readonly ApiKeyScope[],
): Promise<{ workspace: Workspace; activity: WorkspaceActivity }> {
  const tokenHash = hashApiKey(bearerToken(authorization));
  const { rows } = await runStatement<KeyRow>(
    em,
    FIND_KEY,
    () => [[tokenHash]],
    () => [tokenHash],
  );
  const row = rows[0];
  assertUsableKey(row?.scope, scopes);
  const { id, name, erasure_key, created_at } = row!;
  // As the ORM would have loaded it (SQLite's dates are numbers): mapped and merged into `em`.
  const workspace = em.map(Workspace, { id, name, erasure_key, created_at });
  return { workspace, activity: activityOf(row!) };
}
