import { DateTimeType, Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId } from '../ids';
import { Journey } from './journey.entity';
import { Workspace } from './workspace.entity';

/** How far a scheduled or date-triggered journey has been run: occurrences after `ranUntil` are due. */
@Entity({ tableName: 'journey_schedules' })
@Unique({ properties: ['journey'] })
export class JourneySchedule {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @ManyToOne(() => Journey, { deleteRule: 'cascade', index: false })
  journey!: Journey;

  @Property({ type: DateTimeType })
  ranUntil!: Date;
}
