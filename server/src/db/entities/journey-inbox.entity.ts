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
import { Journey } from './journey.entity';
import { Workspace } from './workspace.entity';

/**
 * Customers due to enter a journey from a trigger other than an ingested event: a segment entry
 * or exit, a score crossing its threshold, a schedule or a date. Rows are written in the same
 * transaction as what triggered them (the segment transition, the score), and a worker enters
 * each customer and deletes the row in one transaction, so every trigger enters once.
 */
@Entity({ tableName: 'journey_inbox' })
@Index({ properties: ['dueAt'] })
export class JourneyInbox {
  [OptionalProps]?: 'leaseUntil' | 'attempts' | 'lastError';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @ManyToOne(() => Journey, { deleteRule: 'cascade', index: false })
  journey!: Journey;

  @ManyToOne(() => Customer, { deleteRule: 'cascade', index: false })
  customer!: Customer;

  /** What triggered it (the trigger type), for the record. */
  @Property({ type: 'string', length: 30 })
  reason!: string;

  @Property({ type: DateTimeType })
  dueAt!: Date;

  @Property({ type: DateTimeType, nullable: true })
  leaseUntil: Date | null = null;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;
}
