import { raw, type EntityName, type FilterQuery } from '@mikro-orm/core';
import { JourneyEnrollment, JourneyStep } from '../../db/entities';
import type { Em } from '../../db/orm';
import type { JourneyNodeStats, JourneyStats } from './journey.type';
import { readTogether } from '../../db/read-together';

/** Steps that count as reaching a node (a resume is leaving the node the customer waited at). */
const REACHED = ['decide', 'action', 'wait', 'exit'];

type Row = { node_id?: string; nodeId?: string; n: number | string };

async function countBy<T extends object>(
  em: Em,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  count: string,
): Promise<Map<string, number>> {
  const qb = em
    .createQueryBuilder(entity)
    .select(['nodeId', raw(`${count} as n`)])
    .where(where)
    .groupBy('nodeId');
  await qb.applyFilters();
  const rows = await qb.execute<Row[]>('all', true);
  return new Map(rows.map((r) => [(r.nodeId ?? r.node_id)!, Number(r.n)]));
}

/**
 * Per-node counts of a journey (one version, or all): who reached each step, who waits there,
 * who ended there, and how many of those who reached it converted; and the journey's conversion.
 */
export async function journeyStats(
  em: Em,
  journeyId: string,
  version: number | null,
): Promise<JourneyStats> {
  const v = version === null ? {} : { version };
  const [entered, waiting, exited, converted, totals] = await readTogether(em, [
    () =>
      countBy(
        em,
        JourneyStep,
        { journey: journeyId, kind: { $in: REACHED }, ...v },
        'count(distinct enrollment_id)',
      ),
    () =>
      countBy(em, JourneyEnrollment, { journey: journeyId, status: 'active', ...v }, 'count(*)'),
    () =>
      countBy(em, JourneyEnrollment, { journey: journeyId, status: 'exited', ...v }, 'count(*)'),
    () =>
      countBy(
        em,
        JourneyStep,
        {
          journey: journeyId,
          kind: { $in: REACHED },
          enrollment: { convertedAt: { $ne: null } },
          ...v,
        },
        'count(distinct enrollment_id)',
      ),
    () =>
      readTogether(em, [
        () => em.count(JourneyEnrollment, { journey: journeyId, ...v }),
        () => em.count(JourneyEnrollment, { journey: journeyId, status: 'active', ...v }),
        () => em.count(JourneyEnrollment, { journey: journeyId, convertedAt: { $ne: null }, ...v }),
      ]),
  ]);
  const ids = new Set([...entered.keys(), ...waiting.keys(), ...exited.keys()]);
  const nodes: JourneyNodeStats[] = [...ids].sort().map((nodeId) => ({
    nodeId,
    entered: entered.get(nodeId) ?? 0,
    waiting: waiting.get(nodeId) ?? 0,
    exited: exited.get(nodeId) ?? 0,
    converted: converted.get(nodeId) ?? 0,
  }));
  const [all, active, conv] = totals;
  return {
    version,
    entered: all,
    active,
    converted: conv,
    conversionRate: all === 0 ? null : conv / all,
    nodes,
  };
}
