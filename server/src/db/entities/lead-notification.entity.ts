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
 * Sales' inbox: a lead that became MQL under a model, until someone acknowledges it; accepting it
 * (as sales-qualified) also records a `Lead Became SQL` event (`scoring/sales-acceptance.ts`).
 */
@Entity({ tableName: 'lead_notifications' })
@Index({ properties: ['workspace', 'acknowledgedAt', 'at'] })
export class LeadNotification {
  [OptionalProps]?: 'acknowledgedAt' | 'acceptedAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @ManyToOne(() => Customer, { deleteRule: 'cascade' })
  customer!: Customer;

  @Property({ type: 'string', length: 100 })
  model!: string;

  @Property({ type: 'double' })
  score!: number;

  @Property({ type: 'double' })
  threshold!: number;

  @Property({ type: DateTimeType })
  at!: Date;

  @Property({ type: DateTimeType, nullable: true })
  acknowledgedAt: Date | null = null;

  @Property({ type: DateTimeType, nullable: true })
  acceptedAt: Date | null = null;
}
