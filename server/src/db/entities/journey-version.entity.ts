import {
  DateTimeType,
  Entity,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import type { JourneyGraph, JourneyPlan } from '@cairn/schema';
import { newId } from '../ids';
import { Journey } from './journey.entity';
import { Workspace } from './workspace.entity';

/** One published version of a journey: the graph and its compiled plan, never changed after. */
@Entity({ tableName: 'journey_versions' })
@Unique({ properties: ['journey', 'version'] })
export class JourneyVersion {
  [OptionalProps]?: 'publishedAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @ManyToOne(() => Journey, { deleteRule: 'cascade', index: false })
  journey!: Journey;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'json' })
  graph!: JourneyGraph;

  @Property({ type: 'json' })
  plan!: JourneyPlan;

  /** What changed since the version before, as listed at publish time. */
  @Property({ type: 'json' })
  changes!: string[];

  @Property({ type: DateTimeType })
  publishedAt: Date = new Date();
}
