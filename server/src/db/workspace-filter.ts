import type { Dictionary, EntityManager, EntityName, Options } from '@mikro-orm/core';

type FilterDef = NonNullable<Options['filters']>[string];

export const WORKSPACE_FILTER = 'workspace';

export interface WorkspaceFilterParams {
  readonly id: string;
}

/**
 * Tenancy: a global filter, on by default, that scopes every query of every entity with a
 * `workspace` relation (and the Workspace table itself) to one workspace. A request's entity
 * manager sets the params once (`em.setFilterParams`); a query run without them throws, so a
 * forgotten scope fails closed instead of leaking another workspace's rows.
 */
export const workspaceFilter: FilterDef = {
  name: WORKSPACE_FILTER,
  default: true,
  cond: (
    args: Dictionary,
    _type: unknown,
    em: EntityManager,
    _options: unknown,
    entityName?: EntityName<unknown>,
  ) => {
    const { id } = args as WorkspaceFilterParams;
    const meta = entityName === undefined ? undefined : em.getMetadata().find(entityName);
    if (meta?.className === 'Workspace') return { id };
    return meta?.properties['workspace' as never] ? { workspace: id } : {};
  },
};

/** Scopes an entity manager (a request's fork) to one workspace. */
export function scopeToWorkspace(em: EntityManager, workspaceId: string): void {
  em.setFilterParams(WORKSPACE_FILTER, { id: workspaceId } satisfies WorkspaceFilterParams);
}
