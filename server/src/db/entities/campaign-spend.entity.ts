import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId } from '../ids';
import { Campaign } from './campaign.entity';
import { Workspace } from './workspace.entity';

/** What a campaign spent on one channel on one day (a local date, `YYYY-MM-DD`); set, not added. */
@Entity({ tableName: 'campaign_spend' })
@Unique({ properties: ['campaign', 'day', 'channel'] })
export class CampaignSpend {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @ManyToOne(() => Campaign, { deleteRule: 'cascade', index: false })
  campaign!: Campaign;

  @Property({ type: 'string', length: 10 })
  day!: string;

  @Property({ type: 'string', length: 50 })
  channel!: string;

  @Property({ type: 'double' })
  amount!: number;
}
