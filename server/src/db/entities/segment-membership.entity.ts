import {
  DateTimeType,
  Entity,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { newId } from '../ids';
import { Customer } from './customer.entity';
import { Workspace } from './workspace.entity';

/** A customer's current membership of a segment (rules that reference segments read it). */
@Entity({ tableName: 'segment_memberships' })
@Unique({ properties: ['segmentId', 'customer'] })
export class SegmentMembership {
  [OptionalProps]?: 'enteredAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade' })
  workspace!: Workspace;

  @Property({ type: 'string', length: 36 })
  segmentId!: string;

  @ManyToOne(() => Customer, { deleteRule: 'cascade' })
  customer!: Customer;

  @Property({ type: DateTimeType })
  enteredAt: Date = new Date();
}
