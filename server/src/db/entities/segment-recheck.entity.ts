import {
  DateTimeType,
  Entity,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { newId } from '../ids';
import { Customer } from './customer.entity';
import { Workspace } from './workspace.entity';

/**
 * When a time-based segment's result for a customer may next change with the clock alone
 * (`nextChangeAt`): the re-check worker evaluates it then, instead of rescanning everyone.
 */
@Entity({ tableName: 'segment_rechecks' })
@Unique({ properties: ['segmentId', 'customer'] })
@Index({ properties: ['dueAt'] })
export class SegmentRecheck {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @Property({ type: 'string', length: 36 })
  segmentId!: string;

  @ManyToOne(() => Customer, { deleteRule: 'cascade', index: false })
  customer!: Customer;

  @Property({ type: DateTimeType })
  dueAt!: Date;
}
