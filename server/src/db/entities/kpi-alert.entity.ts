import { DateTimeType, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../ids';
import { Workspace } from './workspace.entity';

/**
 * A KPI that went off target (or came back) for a campaign: the event `targetTransition` decides
 * to emit. The latest row per (campaign, KPI) holds the status remembered for the next check.
 */
@Entity({ tableName: 'kpi_alerts' })
@Index({ properties: ['workspace', 'campaignId', 'kpiId', 'at'] })
export class KpiAlert {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @Property({ type: 'string', length: 36 })
  campaignId!: string;

  @Property({ type: 'string', length: 100 })
  kpiId!: string;

  /** `wentOffTarget` or `backOnTarget`. */
  @Property({ type: 'string', length: 20 })
  kind!: 'wentOffTarget' | 'backOnTarget';

  @Property({ type: 'double', nullable: true })
  value: number | null = null;

  @Property({ type: 'double' })
  target!: number;

  @Property({ type: DateTimeType })
  at!: Date;
}
