import { DateTimeType, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../ids';
import { Customer } from './customer.entity';
import { Workspace } from './workspace.entity';

export type TransitionKind = 'entered' | 'exited';

/** What made a membership change: new data for the customer, the clock, or a saved rule. */
export type TransitionCause = 'data' | 'clock' | 'rule' | 'merge';

/**
 * A customer entering or leaving a segment, with when and why. Append-only: journeys trigger on
 * it, and the segment's size history is summed from it.
 */
@Entity({ tableName: 'segment_transitions' })
@Index({ properties: ['segmentId', 'at'] })
@Index({ properties: ['customer', 'at'] })
export class SegmentTransition {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @Property({ type: 'string', length: 36 })
  segmentId!: string;

  @ManyToOne(() => Customer, { deleteRule: 'cascade', index: false })
  customer!: Customer;

  @Property({ type: 'string', length: 10 })
  kind!: TransitionKind;

  @Property({ type: 'string', length: 10 })
  cause!: TransitionCause;

  @Property({ type: DateTimeType })
  at!: Date;
}
