import {
  isKpiId,
  isTimeZone,
  kpiDefinition,
  type BucketUnit,
  type ExperimentPlan,
  type KpiValue,
} from '@cairn/schema';
import { KpiAlert, type Workspace } from '../../db/entities';
import type { Em } from '../../db/orm';
import { CairnError } from '../../errors/cairn-error';
import { CampaignService } from '../campaign/campaign.service';
import { checkCampaignTargets } from './campaign-targets';
import { experimentResults, type ExperimentResult } from './experiment-results';
import type { KpiScopeInput } from './kpi.input';
import type { KpiScope } from './kpi-scope';
import { kpiSeries, type KpiSeriesPoint } from './kpi-series';

const UNITS: readonly BucketUnit[] = ['day', 'week', 'month'];

function required(value: string | null | undefined, field: string, kind: string): string {
  if (!value) throw CairnError.badInput(['scope', field], `is required for a ${kind} scope.`);
  return value;
}

/** The scope an input names, with the fields its kind needs. */
export function readScope(input: KpiScopeInput): KpiScope {
  const need = (field: keyof KpiScopeInput) => required(input[field], field, input.kind);
  switch (input.kind) {
    case 'campaign':
      return { kind: 'campaign', campaignId: need('campaignId') };
    case 'journey':
      return { kind: 'journey', journeyId: need('journeyId') };
    case 'journeyNode':
      return { kind: 'journeyNode', journeyId: need('journeyId'), nodeId: need('nodeId') };
    case 'segment':
      return { kind: 'segment', segmentId: need('segmentId') };
    case 'channel':
      return { kind: 'channel', channel: need('channel').toLowerCase() };
    case 'experimentArm':
      return {
        kind: 'experimentArm',
        journeyId: need('journeyId'),
        nodeId: need('nodeId'),
        arm: need('arm'),
      };
    default:
      throw CairnError.badInput(
        ['scope', 'kind'],
        'use campaign, journey, journeyNode, segment, channel or experimentArm.',
      );
  }
}

/** KPI values, campaign targets and experiment results of one workspace. */
export class KpiService {
  constructor(
    private readonly em: Em,
    private readonly workspace: Workspace,
  ) {}

  async series(
    scopeInput: KpiScopeInput,
    kpiIds: readonly string[],
    range: { from: Date; to: Date; unit: string; timeZone: string },
  ): Promise<KpiSeriesPoint[]> {
    const scope = readScope(scopeInput);
    const kpis = kpiIds.map((id, i) => {
      if (!isKpiId(id)) throw CairnError.badInput(['kpiIds', i], `"${id}" is not a built-in KPI.`);
      return kpiDefinition(id);
    });
    if (!UNITS.includes(range.unit as BucketUnit))
      throw CairnError.badInput(['unit'], 'use day, week or month.');
    if (!isTimeZone(range.timeZone))
      throw CairnError.badInput(['timeZone'], 'use an IANA time zone such as "Europe/Berlin".');
    const targets =
      scope.kind === 'campaign'
        ? new Map(
            (
              await new CampaignService(this.em, this.workspace).active(scope.campaignId)
            ).targets.map((t) => [t.kpiId, t]),
          )
        : undefined;
    return kpiSeries(this.em, this.workspace.id, {
      scope,
      kpis,
      from: range.from.getTime(),
      to: range.to.getTime(),
      unit: range.unit as BucketUnit,
      timeZone: range.timeZone,
      ...(targets ? { targets } : {}),
    });
  }

  async checkTargets(campaignId: string, timeZone: string, now: Date): Promise<KpiValue[]> {
    const campaign = await new CampaignService(this.em, this.workspace).active(campaignId);
    return checkCampaignTargets(this.em, this.workspace, campaign, now, timeZone);
  }

  alerts(campaignId: string): Promise<KpiAlert[]> {
    return this.em.find(KpiAlert, { campaignId }, { orderBy: { at: 'desc', id: 'desc' } });
  }

  async experiment(
    journeyId: string,
    nodeId: string,
    arms: readonly string[],
    plan: ExperimentPlan,
  ): Promise<ExperimentResult> {
    try {
      return await experimentResults(this.em, this.workspace.id, journeyId, nodeId, arms, plan);
    } catch (error) {
      if (error instanceof RangeError) throw CairnError.badInput(['plan'], error.message);
      throw error;
    }
  }
}
