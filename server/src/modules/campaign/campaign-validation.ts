import { isKpiId, isObjective } from '@cairn/schema';
import { Campaign, Journey, Segment, type CampaignTarget } from '../../db/entities';
import type { Em } from '../../db/orm';
import { CairnError } from '../../errors/cairn-error';
import type { CampaignInput, CampaignSpendInput } from './campaign.input';

const DAY_LABEL = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The fields of a campaign as stored, after every check. */
export type CheckedCampaign = Pick<
  Campaign,
  | 'name'
  | 'objective'
  | 'channels'
  | 'budget'
  | 'utmCampaign'
  | 'journeyIds'
  | 'segmentIds'
  | 'targets'
  | 'startsAt'
  | 'endsAt'
>;

function channelName(value: string, path: Array<string | number>): string {
  const channel = value.trim().toLowerCase();
  if (channel.length === 0 || channel.length > 50)
    throw CairnError.badInput(path, 'a channel has 1 to 50 characters (e.g. "email", "cpc").');
  return channel;
}

function targets(input: CampaignInput): CampaignTarget[] {
  const seen = new Set<string>();
  return input.targets.map((t, i) => {
    const at = (field: string) => ['input', 'targets', i, field];
    if (!isKpiId(t.kpiId))
      throw CairnError.badInput(at('kpiId'), `"${t.kpiId}" is not a built-in KPI; see kpiCatalog.`);
    if (seen.has(t.kpiId)) throw CairnError.badInput(at('kpiId'), 'give one target per KPI.');
    seen.add(t.kpiId);
    if (!Number.isFinite(t.value))
      throw CairnError.badInput(at('value'), 'must be a finite number.');
    const kind = t.toleranceKind ?? 'absolute';
    if (kind !== 'absolute' && kind !== 'relative')
      throw CairnError.badInput(at('toleranceKind'), 'must be "absolute" or "relative".');
    const tolerance = t.tolerance ?? 0;
    if (!Number.isFinite(tolerance) || tolerance < 0)
      throw CairnError.badInput(at('tolerance'), 'must be 0 or more.');
    return { kpiId: t.kpiId, value: t.value, tolerance, toleranceKind: kind };
  });
}

/** Checks a campaign's fields, throwing `BAD_USER_INPUT` (or `CONFLICT`) at the bad field. */
export async function checkCampaign(
  em: Em,
  input: CampaignInput,
  id?: string,
): Promise<CheckedCampaign> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200)
    throw CairnError.badInput(['input', 'name'], 'must have 1 to 200 characters.');
  const objective = input.objective;
  if (!isObjective(objective))
    throw CairnError.badInput(
      ['input', 'objective'],
      'use awareness, acquisition, nurture, retention or reactivation.',
    );
  const channels = [
    ...new Set(input.channels.map((c, i) => channelName(c, ['input', 'channels', i]))),
  ];
  const budget = input.budget ?? null;
  if (budget !== null && !(Number.isFinite(budget) && budget >= 0))
    throw CairnError.badInput(['input', 'budget'], 'must be 0 or more, or null for none.');
  const utmCampaign = input.utmCampaign?.trim() || null;
  if (utmCampaign !== null) {
    if (utmCampaign.length > 200)
      throw CairnError.badInput(['input', 'utmCampaign'], 'must have at most 200 characters.');
    const clash = await em.findOne(Campaign, {
      utmCampaign,
      archivedAt: null,
      ...(id ? { id: { $ne: id } } : {}),
    });
    if (clash)
      throw new CairnError(
        'CONFLICT',
        `input.utmCampaign: campaign "${clash.name}" already maps "${utmCampaign}"; use another value.`,
        ['input', 'utmCampaign'],
      );
  }
  const journeyIds = [...new Set(input.journeyIds)];
  const journeys = await em.count(Journey, { id: { $in: journeyIds } });
  if (journeys !== journeyIds.length)
    throw CairnError.badInput(
      ['input', 'journeyIds'],
      'name journeys of this workspace (see journeys).',
    );
  const segmentIds = [...new Set(input.segmentIds)];
  const segments = await em.count(Segment, { id: { $in: segmentIds }, archivedAt: null });
  if (segments !== segmentIds.length)
    throw CairnError.badInput(
      ['input', 'segmentIds'],
      'name active segments of this workspace (see segments).',
    );
  const endsAt = input.endsAt ?? null;
  if (endsAt !== null && !(endsAt > input.startsAt))
    throw CairnError.badInput(
      ['input', 'endsAt'],
      'must be after startsAt, or null for open-ended.',
    );
  return {
    name,
    objective,
    channels,
    budget,
    utmCampaign,
    journeyIds,
    segmentIds,
    targets: targets(input),
    startsAt: input.startsAt,
    endsAt,
  };
}

/** Checks spend entries (a real local date, a channel, an amount of 0 or more). */
export function checkSpend(entries: readonly CampaignSpendInput[]): CampaignSpendInput[] {
  return entries.map((e, i) => {
    const at = (field: string) => ['entries', i, field];
    if (
      !DAY_LABEL.test(e.day) ||
      new Date(`${e.day}T00:00:00Z`).toISOString().slice(0, 10) !== e.day
    )
      throw CairnError.badInput(at('day'), 'must be a calendar date, YYYY-MM-DD.');
    if (!(Number.isFinite(e.amount) && e.amount >= 0))
      throw CairnError.badInput(at('amount'), 'must be 0 or more.');
    return { day: e.day, channel: channelName(e.channel, at('channel')), amount: e.amount };
  });
}
