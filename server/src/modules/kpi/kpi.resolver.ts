import { Arg, Ctx, Float, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { KpiValue } from '@cairn/schema';
import type { RequestContext } from '../../graphql/context';
import { KpiScopeInput } from './kpi.input';
import { KpiService } from './kpi.service';
import { ExperimentResultNode, KpiAlertNode, KpiBucketNode, KpiValueNode } from './kpi.type';

const kpis = (ctx: RequestContext) => new KpiService(ctx.em, ctx.workspace);

const valueNode = (v: KpiValue): KpiValueNode => ({
  kpiId: v.kpiId,
  value: v.value ?? null,
  unit: v.unit,
  direction: v.direction,
  target: v.target?.value ?? null,
  status: v.status ?? null,
});

@Resolver()
export class KpiResolver {
  @Query(() => [KpiBucketNode], {
    description:
      'KPI values of a scope over [from, to), bucketed by day, ISO week or month in a time zone; campaign values carry their target status.',
  })
  async kpiSeries(
    @Ctx() ctx: RequestContext,
    @Arg('scope', () => KpiScopeInput) scope: KpiScopeInput,
    @Arg('kpiIds', () => [String]) kpiIds: string[],
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('unit', () => String, { defaultValue: 'day' }) unit: string,
    @Arg('timeZone', () => String, { defaultValue: 'UTC' }) timeZone: string,
  ): Promise<KpiBucketNode[]> {
    const points = await kpis(ctx).series(scope, kpiIds, { from, to, unit, timeZone });
    return points.map((p) => ({
      label: p.label,
      start: new Date(p.start),
      end: new Date(p.end),
      metrics: { ...p.metrics },
      values: p.values.map(valueNode),
    }));
  }

  @Mutation(() => [KpiValueNode], {
    description:
      "Evaluates a campaign's targets from its start to now; a KPI going off target (or back) records a KpiAlert.",
  })
  async checkCampaignTargets(
    @Ctx() ctx: RequestContext,
    @Arg('campaignId', () => ID) campaignId: string,
    @Arg('timeZone', () => String, { defaultValue: 'UTC' }) timeZone: string,
  ) {
    return (await kpis(ctx).checkTargets(campaignId, timeZone, new Date())).map(valueNode);
  }

  @Query(() => [KpiAlertNode], { description: "A campaign's KPI alerts, newest first." })
  kpiAlerts(@Ctx() ctx: RequestContext, @Arg('campaignId', () => ID) campaignId: string) {
    return kpis(ctx).alerts(campaignId);
  }

  @Query(() => ExperimentResultNode, {
    description:
      'Conversions per arm of a random split and the winner decision (significance AND the planned sample).',
  })
  async experimentResults(
    @Ctx() ctx: RequestContext,
    @Arg('journeyId', () => ID) journeyId: string,
    @Arg('nodeId', () => String) nodeId: string,
    @Arg('arms', () => [String]) arms: string[],
    @Arg('controlArm', () => String) controlArm: string,
    @Arg('sampleSizePerArm', () => Int) sampleSizePerArm: number,
    @Arg('alpha', () => Float, { defaultValue: 0.05 }) alpha: number,
  ): Promise<ExperimentResultNode> {
    const plan = { controlId: controlArm, sampleSizePerArm, alpha };
    const { arms: counts, decision } = await kpis(ctx).experiment(journeyId, nodeId, arms, plan);
    return {
      arms: counts.map((a) => ({ ...a })),
      kind: decision.kind,
      message: decision.message,
      winnerId: decision.kind === 'winner' ? decision.winnerId : null,
      warning: decision.kind === 'sampleNotReached' ? decision.warning : null,
      decision: JSON.parse(JSON.stringify(decision)) as Record<string, unknown>,
    };
  }
}
