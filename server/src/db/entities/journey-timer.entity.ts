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
import { JourneyEnrollment } from './journey-enrollment.entity';
import { Workspace } from './workspace.entity';

/**
 * When a waiting customer's wait ends. Workers claim due timers (SKIP LOCKED on PostgreSQL) with
 * a lease; a lease that expires (its worker died) makes the timer claimable again. A timer that
 * fails `attempts` times backs off, and past the limit is dead-lettered (`failedAt`).
 */
@Entity({ tableName: 'journey_timers' })
@Unique({ properties: ['enrollment'] })
@Index({ properties: ['dueAt'] })
export class JourneyTimer {
  [OptionalProps]?: 'leaseUntil' | 'attempts' | 'lastError' | 'failedAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @ManyToOne(() => JourneyEnrollment, { deleteRule: 'cascade', index: false })
  enrollment!: JourneyEnrollment;

  /** The node whose wait this ends (a timer for an older step is stale and dropped). */
  @Property({ type: 'string', length: 100 })
  nodeId!: string;

  @Property({ type: DateTimeType })
  dueAt!: Date;

  @Property({ type: DateTimeType, nullable: true })
  leaseUntil: Date | null = null;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  failedAt: Date | null = null;
}
