import { ApiKey } from './api-key.entity';
import { Customer } from './customer.entity';
import { Workspace } from './workspace.entity';

export { ApiKey, Customer, Workspace };
export type { Traits } from './customer.entity';

/** Every entity the ORM knows. Adding one: create `x.entity.ts`, list it here, then run `pnpm --filter @cairn/server migration:create`. */
export const entities = [Workspace, ApiKey, Customer];
