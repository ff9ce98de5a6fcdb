import {
  bucketOf,
  computeKpi,
  isKpiId,
  kpiDefinition,
  targetTransition,
  type KpiValue,
  type TargetStatus,
} from '@cairn/schema';
import { KpiAlert, type Campaign, type Workspace } from '../../db/entities';
import type { Em } from '../../db/orm';
import { bucketMetrics } from './metric-sql';

/** The status a stored alert leaves remembered. */
const REMEMBERED = { wentOffTarget: 'offTarget', backOnTarget: 'onTarget' } as const;

/**
 * Evaluates a campaign's targets on its KPIs from its start to `now` (or its end), one period,
 * and records an alert where `targetTransition` says to emit: `wentOffTarget` on entering
 * off-target (also at the first check), `backOnTarget` on leaving it, nothing while it stays
 * or while there is no data. Returns the values with their status.
 */
export async function checkCampaignTargets(
  em: Em,
  workspace: Workspace,
  campaign: Campaign,
  now: Date,
  timeZone: string,
): Promise<KpiValue[]> {
  const start = campaign.startsAt.getTime();
  const end = Math.max(start, Math.min(now.getTime(), campaign.endsAt?.getTime() ?? Infinity));
  const lastDay = bucketOf(Math.max(start, end - 1), 'day', timeZone);
  const period = {
    start,
    end,
    label: bucketOf(start, 'day', timeZone).label,
    nextLabel: bucketOf(lastDay.end, 'day', timeZone).label,
  };
  const [metrics] = await bucketMetrics(
    em,
    workspace.id,
    { kind: 'campaign', campaignId: campaign.id },
    [period],
  );
  const values: KpiValue[] = [];
  for (const target of campaign.targets) {
    if (!isKpiId(target.kpiId)) continue;
    const value = computeKpi(kpiDefinition(target.kpiId), metrics!, target);
    values.push(value);
    const last = await em.findOne(
      KpiAlert,
      { campaignId: campaign.id, kpiId: target.kpiId },
      { orderBy: { at: 'desc', id: 'desc' } },
    );
    const previous: TargetStatus | undefined = last ? REMEMBERED[last.kind] : undefined;
    const { emit } = targetTransition(previous, value.status!);
    if (emit)
      em.create(KpiAlert, {
        workspace,
        campaignId: campaign.id,
        kpiId: target.kpiId,
        kind: emit,
        value: value.value ?? null,
        target: target.value,
        at: now,
      });
  }
  await em.flush();
  return values;
}
