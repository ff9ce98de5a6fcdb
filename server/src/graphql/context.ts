import type { Em } from '../db/orm';
import type { Workspace } from '../db/entities';
import type { Logger } from '../logger';
import type { Loaders } from './loaders';

/** What every resolver gets: the request's id and logger, and an entity manager scoped to its workspace. */
export interface RequestContext {
  readonly requestId: string;
  readonly log: Logger;
  readonly em: Em;
  readonly workspace: Workspace;
  /** Batch the nested lists of many customers (one query per field); see `loaders.ts`. */
  readonly loaders: Loaders;
}
