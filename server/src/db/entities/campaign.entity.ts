import {
  DateTimeType,
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import type { KpiTarget, Objective } from '@cairn/schema';
import { newId } from '../ids';
import { Workspace } from './workspace.entity';

/** A target for one KPI of a campaign (in the KPI's unit). */
export interface CampaignTarget extends KpiTarget {
  readonly kpiId: string;
}

/**
 * A marketing campaign: an objective, channels, a budget, spend entries (`campaign_spend`), the
 * journeys and segments it runs through, and its UTM mapping: events whose `utm_campaign`
 * property equals `utmCampaign` are attributed to it (`campaign_touches`). KPI targets are
 * evaluated against its KPI values.
 */
@Entity({ tableName: 'campaigns' })
@Index({ properties: ['workspace', 'utmCampaign'] })
export class Campaign {
  [OptionalProps]?: 'archivedAt' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 20 })
  objective!: Objective;

  @Property({ type: 'json' })
  channels!: string[];

  @Property({ type: 'double', nullable: true })
  budget: number | null = null;

  /** The `utm_campaign` value that attributes events to this campaign; unique among active ones. */
  @Property({ type: 'string', length: 200, nullable: true })
  utmCampaign: string | null = null;

  @Property({ type: 'json' })
  journeyIds!: string[];

  @Property({ type: 'json' })
  segmentIds!: string[];

  @Property({ type: 'json' })
  targets!: CampaignTarget[];

  @Property({ type: DateTimeType })
  startsAt!: Date;

  @Property({ type: DateTimeType, nullable: true })
  endsAt: Date | null = null;

  @Property({ type: DateTimeType, nullable: true })
  archivedAt: Date | null = null;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: DateTimeType, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
