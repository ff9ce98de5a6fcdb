import { LockMode } from '@mikro-orm/core';
import { BaseSqlitePlatform } from '@mikro-orm/knex';
import { triggerOccurrences, type RuleDocument, type TriggerSpec } from '@cairn/schema';
import { Customer, JourneySchedule, Workspace } from '../../../db/entities';
import type { Em, Orm } from '../../../db/orm';
import { scopeToWorkspace } from '../../../db/workspace-filter';
import { newId } from '../../../db/ids';
import { compileRuleSql } from '../../../rules/compile-rule-sql';
import { dialectOf } from '../../../rules/rule-query';
import { queueEntries } from './inbox';
import { activeJourneys, type LiveJourney } from './plans';
import { writeTransaction } from '../../../db/write-transaction';

const DAY = 86_400_000;
type Timed = Extract<TriggerSpec, { type: 'schedule' | 'dateTrait' }>;

/**
 * Runs scheduled and date-triggered journeys: for every time zone its customers live in, the
 * local occurrences of the trigger's time since the journey's last run queue the customers due
 * then (the segment's members, or those whose date trait falls on that day, shifted by the
 * offset). The schedule row is locked while it runs (SKIP LOCKED on PostgreSQL), and its new
 * position is written in the same transaction as the queued entries, so each occurrence enters
 * each customer once. A journey seen for the first time starts from now: nothing is run for the past.
 */
export async function runSchedules(orm: Orm, now: Date): Promise<number> {
  const root = orm.em.fork();
  const workspaces = await root.find(Workspace, {}, { fields: ['id'], filters: false });
  let queued = 0;
  for (const w of workspaces) {
    const em = orm.em.fork();
    scopeToWorkspace(em, w.id);
    for (const live of await activeJourneys(em)) {
      const spec = live.plan.trigger.spec;
      if (spec.type !== 'schedule' && spec.type !== 'dateTrait') continue;
      queued += await runOne(orm, w.id, live, spec, now);
    }
  }
  return queued;
}

async function runOne(
  orm: Orm,
  workspaceId: string,
  live: LiveJourney,
  spec: Timed,
  now: Date,
): Promise<number> {
  return writeTransaction(orm.em.fork(), async (tx) => {
    scopeToWorkspace(tx, workspaceId);
    const sqlite = tx.getPlatform() instanceof BaseSqlitePlatform;
    const row = await tx.findOne(
      JourneySchedule,
      { journey: live.journey.id },
      sqlite ? {} : { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
    if (!row) {
      // Another worker may create it at the same time: the unique journey key settles it.
      await tx
        .createQueryBuilder(JourneySchedule)
        .insert({ id: newId(), workspace: workspaceId, journey: live.journey.id, ranUntil: now })
        .onConflict(['journey'])
        .ignore()
        .execute();
      return 0;
    }
    const from = row.ranUntil.getTime();
    if (now.getTime() <= from) return 0;
    const zones = await timeZones(tx);
    let queued = 0;
    for (const zone of zones) {
      for (const at of triggerOccurrences(spec, from, now.getTime(), zone)) {
        const ids = await dueCustomers(tx, workspaceId, spec, at, zone);
        if (ids.length === 0) continue;
        await queueEntries(tx, workspaceId, live.journey.id, ids, spec.type, new Date(at));
        queued += ids.length;
      }
    }
    row.ranUntil = now;
    return queued;
  });
}

async function timeZones(em: Em): Promise<string[]> {
  const rows = await em
    .createQueryBuilder(Customer)
    .select('timeZone', true)
    .execute<Array<{ time_zone?: string | null; timeZone?: string | null }>>('all', true);
  return [...new Set(rows.map((r) => r.timeZone ?? r.time_zone ?? 'UTC'))];
}

/** The customers in `zone` due at `at`: a segment's members (or everyone), or those whose date is that day. */
async function dueCustomers(
  em: Em,
  workspaceId: string,
  spec: Timed,
  at: number,
  zone: string,
): Promise<string[]> {
  let rule: RuleDocument;
  let evaluatedAt = at;
  if (spec.type === 'schedule') {
    rule = {
      version: 1,
      root: spec.segmentId
        ? { kind: 'segment', segmentId: spec.segmentId }
        : { kind: 'all', children: [] },
    };
  } else {
    // "offsetDays before/after the date": the date's anniversary falls on the day `offsetDays` away.
    rule = {
      version: 1,
      root: { kind: 'trait', path: spec.path, type: 'date', op: 'anniversaryWithin', days: 0 },
    };
    evaluatedAt = at - spec.offsetDays * DAY;
  }
  const where = compileRuleSql(rule, dialectOf(em), {
    now: evaluatedAt,
    timeZone: zone,
    customerAlias: 'c',
    workspaceId,
  });
  const inZone =
    zone === 'UTC' ? { $or: [{ timeZone: null }, { timeZone: 'UTC' }] } : { timeZone: zone };
  const rows = await em
    .createQueryBuilder(Customer, 'c')
    .select('c.id')
    .where({ workspace: workspaceId, ...inZone })
    .andWhere(where.sql, [...where.params])
    .execute<Array<{ id: string }>>('all');
  return rows.map((r) => r.id);
}
