import { DateTimeType, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../ids';
import { Campaign } from './campaign.entity';
import { Customer } from './customer.entity';
import { Workspace } from './workspace.entity';

/**
 * An event attributed to a campaign by its `utm_campaign` property, written by ingestion. KPI
 * series of a campaign range-scan these by (campaign, occurred_at) instead of reading JSON
 * properties of every event. `amount` is the order total for `Order Completed` events, `cost` its cost of goods (null when
 * unknown); a content event's channel is its `channel` property.
 */
@Entity({ tableName: 'campaign_touches' })
// Covering: a campaign's KPI series is an index-only range scan (no heap fetch per touch).
@Index({
  properties: ['campaign', 'occurredAt', 'customer', 'name', 'amount', 'cost', 'workspace'],
})
// A lead's touches of a campaign before an instant (MQLs and SQLs attributed to the campaign).
@Index({ properties: ['customer', 'campaign', 'occurredAt'] })
export class CampaignTouch {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @ManyToOne(() => Campaign, { deleteRule: 'cascade', index: false })
  campaign!: Campaign;

  @ManyToOne(() => Customer, { deleteRule: 'cascade', index: false })
  customer!: Customer;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** `utm_medium` (email, cpc, social…), else `utm_source`, else "unknown". */
  @Property({ type: 'string', length: 50 })
  channel!: string;

  @Property({ type: 'double', nullable: true })
  amount: number | null = null;

  @Property({ type: 'double', nullable: true })
  cost: number | null = null;

  @Property({ type: DateTimeType })
  occurredAt!: Date;
}
