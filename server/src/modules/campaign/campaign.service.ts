import { Campaign, CampaignSpend, type Workspace } from '../../db/entities';
import { newId } from '../../db/ids';
import type { Em } from '../../db/orm';
import { CairnError } from '../../errors/cairn-error';
import type { CampaignInput, CampaignSpendInput } from './campaign.input';
import { checkCampaign, checkSpend } from './campaign-validation';
import { writeTransaction } from '../../db/write-transaction';

/** Campaigns of one workspace: saving, archiving, and their daily spend per channel. */
export class CampaignService {
  constructor(
    private readonly em: Em,
    private readonly workspace: Workspace,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(includeArchived: boolean): Promise<Campaign[]> {
    return this.em.find(Campaign, includeArchived ? {} : { archivedAt: null }, {
      orderBy: { startsAt: 'desc', id: 'asc' },
    });
  }

  get(id: string): Promise<Campaign | null> {
    return this.em.findOne(Campaign, { id });
  }

  async active(id: string): Promise<Campaign> {
    const campaign = await this.em.findOne(Campaign, { id, archivedAt: null });
    if (!campaign) throw CairnError.notFound('active campaign', id);
    return campaign;
  }

  async save(id: string | undefined, input: CampaignInput): Promise<Campaign> {
    const existing = id === undefined ? undefined : await this.active(id);
    const fields = await checkCampaign(this.em, input, id);
    const campaign = existing
      ? Object.assign(existing, fields)
      : this.em.create(Campaign, { workspace: this.workspace, ...fields });
    await this.em.flush();
    return campaign;
  }

  async archive(id: string): Promise<Campaign> {
    const campaign = await this.active(id);
    campaign.archivedAt = this.now();
    await this.em.flush();
    return campaign;
  }

  /** Sets (replaces) the spend of each given day and channel; returns the campaign's spend. */
  async setSpend(id: string, entries: readonly CampaignSpendInput[]): Promise<CampaignSpend[]> {
    const campaign = await this.active(id);
    const checked = checkSpend(entries);
    await writeTransaction(this.em, async (em) => {
      for (const e of checked) {
        await em.upsert(
          CampaignSpend,
          {
            id: newId(),
            workspace: this.workspace,
            campaign,
            day: e.day,
            channel: e.channel,
            amount: e.amount,
          },
          { onConflictFields: ['campaign', 'day', 'channel'], onConflictMergeFields: ['amount'] },
        );
      }
    });
    return this.spend(id);
  }

  spend(id: string): Promise<CampaignSpend[]> {
    return this.spendOf([id]).then(([rows]) => rows!);
  }

  /** The spend of several campaigns in one query, in the order of `ids` (for a DataLoader). */
  async spendOf(ids: readonly string[]): Promise<CampaignSpend[][]> {
    const rows = await this.em.find(
      CampaignSpend,
      { campaign: { $in: [...ids] } },
      { orderBy: { day: 'asc', channel: 'asc' } },
    );
    return ids.map((id) => rows.filter((r) => r.campaign.id === id));
  }
}
