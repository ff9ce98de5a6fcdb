import { ApiKey } from './api-key.entity';
import { ConsentRecord } from './consent-record.entity';
import { Customer } from './customer.entity';
import { Event } from './event.entity';
import { ScoreEntry } from './score-entry.entity';
import { SegmentMembership } from './segment-membership.entity';
import { Workspace } from './workspace.entity';

export { ApiKey, ConsentRecord, Customer, Event, ScoreEntry, SegmentMembership, Workspace };
export type { Traits } from './customer.entity';

/** Every entity the ORM knows. Adding one: create `x.entity.ts`, list it here, then run `pnpm --filter @cairn/server migration:create`. */
export const entities = [
  Workspace,
  ApiKey,
  Customer,
  Event,
  ConsentRecord,
  ScoreEntry,
  SegmentMembership,
];
