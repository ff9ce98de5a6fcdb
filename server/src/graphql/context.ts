import type { Em } from '../db/orm';
import type { Workspace } from '../db/entities';
import type { Logger } from '../logger';

/** What every resolver gets: the request's id and logger, and an entity manager scoped to its workspace. */
export interface RequestContext {
  readonly requestId: string;
  readonly log: Logger;
  readonly em: Em;
  readonly workspace: Workspace;
}
