import {
  DateTimeType,
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import { newId } from '../ids';
import { Customer } from './customer.entity';
import { Workspace } from './workspace.entity';

/**
 * The record of an identity merge: profile `mergedId` (now deleted) was folded into `survivor`.
 * `mergedTraits` keeps the merged profile's traits as they were, so a marketer can see where a
 * value came from; it is erased with the survivor.
 */
@Entity({ tableName: 'customer_merges' })
@Index({ properties: ['survivor', 'mergedAt'] })
export class CustomerMerge {
  [OptionalProps]?: 'mergedAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @ManyToOne(() => Customer, { deleteRule: 'cascade', index: false })
  survivor!: Customer;

  @Property({ type: 'string', length: 36 })
  mergedId!: string;

  @Property({ type: 'json' })
  mergedTraits!: Record<string, unknown>;

  /** What moved: identities (as kind/source/value), and the numbers of events, orders and consent records. */
  @Property({ type: 'json' })
  moved!: {
    identities: Array<{ kind: string; source: string; value: string }>;
    events: number;
    orders: number;
    consentRecords: number;
  };

  /** Why: the identify call's message id or a description of the request. */
  @Property({ type: 'string', length: 200 })
  reason!: string;

  @Property({ type: DateTimeType })
  mergedAt: Date = new Date();
}
