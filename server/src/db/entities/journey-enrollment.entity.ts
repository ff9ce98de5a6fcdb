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
import { Journey } from './journey.entity';
import { Workspace } from './workspace.entity';

export type EnrollmentStatus = 'active' | 'exited';

/**
 * One entry of a customer into a journey, on the version they entered (or were moved to): where
 * they are now, since when, and for a wait for an event, which event ends it early.
 */
@Entity({ tableName: 'journey_enrollments' })
@Unique({ properties: ['journey', 'customer', 'entryNumber'] })
@Index({ properties: ['customer', 'status'] })
@Index({ properties: ['journey', 'status', 'nodeId'] })
export class JourneyEnrollment {
  [OptionalProps]?:
    'status' | 'awaiting' | 'exitedAt' | 'exitReason' | 'convertedAt' | 'goalNodeId' | 'enteredAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @ManyToOne(() => Journey, { deleteRule: 'cascade', index: false })
  journey!: Journey;

  @Property({ type: 'integer' })
  version!: number;

  @ManyToOne(() => Customer, { deleteRule: 'cascade', index: false })
  customer!: Customer;

  /** 1 for the first entry, 2 for the next…; part of every message's idempotency key. */
  @Property({ type: 'integer' })
  entryNumber!: number;

  @Property({ type: 'string', length: 10, default: 'active' })
  status: EnrollmentStatus = 'active';

  /** The step the customer is at (a wait while active; the last step once exited). */
  @Property({ type: 'string', length: 100 })
  nodeId!: string;

  /** When they reached that step. */
  @Property({ type: DateTimeType })
  since!: Date;

  /** For a wait for an event: its name (ingestion looks enrollments up by it). */
  @Property({ type: 'string', length: 200, nullable: true })
  awaiting: string | null = null;

  @Property({ type: DateTimeType })
  enteredAt: Date = new Date();

  @Property({ type: DateTimeType, nullable: true })
  exitedAt: Date | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  exitReason: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  convertedAt: Date | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  goalNodeId: string | null = null;
}
