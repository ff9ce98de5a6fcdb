import {
  DateTimeType,
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { newId } from '../ids';
import { Customer } from './customer.entity';
import { Workspace } from './workspace.entity';

/**
 * A customer's current membership of a segment (rules that reference segments read it). Read by
 * segment or by customer, never by workspace alone: no workspace index, or SQLite's planner, with
 * statistics older than the memberships (a segment's first recompute fills thousands), picks it
 * for the workspace filter and scans every membership of the workspace per batch.
 */
@Entity({ tableName: 'segment_memberships' })
@Unique({ properties: ['segmentId', 'customer'] })
// A customer's segments, erasure and merges (PostgreSQL indexes no foreign key by itself).
@Index({ properties: ['customer'] })
export class SegmentMembership {
  [OptionalProps]?: 'enteredAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @Property({ type: 'string', length: 36 })
  segmentId!: string;

  @ManyToOne(() => Customer, { deleteRule: 'cascade' })
  customer!: Customer;

  @Property({ type: DateTimeType })
  enteredAt: Date = new Date();
}
