import { DateTimeType, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../ids';
import { Journey } from './journey.entity';
import { JourneyEnrollment } from './journey-enrollment.entity';
import { Workspace } from './workspace.entity';

/**
 * Append-only log of every step a customer took in a journey (entered a node, left it by a
 * handle, exited): per-node statistics and the customer's journey history read it.
 */
@Entity({ tableName: 'journey_steps' })
@Index({ properties: ['journey', 'version', 'nodeId'] })
@Index({ properties: ['enrollment', 'at'] })
export class JourneyStep {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @ManyToOne(() => Journey, { deleteRule: 'cascade', index: false })
  journey!: Journey;

  @Property({ type: 'integer' })
  version!: number;

  @ManyToOne(() => JourneyEnrollment, { deleteRule: 'cascade', index: false })
  enrollment!: JourneyEnrollment;

  @Property({ type: 'string', length: 100 })
  nodeId!: string;

  /** entered, left (by `handle`), exited, converted. */
  @Property({ type: 'string', length: 10 })
  kind!: string;

  @Property({ type: 'string', length: 40, nullable: true })
  handle: string | null = null;

  @Property({ type: DateTimeType })
  at!: Date;
}
