import { raw, type EntityName, type FilterQuery } from '@mikro-orm/core';
import {
  assertUnreachable,
  backtestJourney,
  triggerInstants,
  type Backtest,
  type BacktestCustomer,
  type JourneyProblem,
  type SegmentTransitionFact,
  type TriggerSpec,
} from '@cairn/schema';
import {
  Customer,
  Event,
  ScoreEntry,
  SegmentMembership,
  SegmentTransition,
  type Workspace,
} from '../../db/entities';
import type { Em } from '../../db/orm';
import { CairnError } from '../../errors/cairn-error';
import { loadCustomerFacts } from '../../rules/customer-facts';
import { compileDraft } from './journey-runs.service';
import { readTogether } from '../../db/read-together';

const DAY = 86_400_000;
export const BACKTEST_DEFAULT_SAMPLE = 500;
export const BACKTEST_MAX_SAMPLE = 5_000;
export const BACKTEST_MAX_DAYS = 400;

export interface BacktestRequest {
  readonly journeyId?: string | null;
  readonly graph?: Record<string, unknown> | null;
  readonly from?: Date | null;
  readonly to?: Date | null;
  readonly sampleSize?: number | null;
}

export interface BacktestReport {
  readonly from: Date;
  readonly to: Date;
  /** Customers the trigger could have entered in the window (the population sampled). */
  readonly eligibleCustomers: number;
  readonly result: Backtest;
}

export type BacktestOutcome =
  | ({ readonly ok: true } & BacktestReport)
  | { readonly ok: false; readonly problems: readonly JourneyProblem[] };

/** Where the customers a trigger can enter come from: a table, its customer column, a filter. */
interface Population<T extends object> {
  readonly entity: EntityName<T>;
  readonly column: string;
  readonly where: FilterQuery<T>;
}

/**
 * Backtests a draft (or a given graph): replays it over a random sample of the customers its
 * trigger could have entered in the window, on their stored history, with `backtestJourney`.
 * Reads only; nothing is written or sent.
 */
export class JourneyBacktestService {
  constructor(
    private readonly em: Em,
    private readonly workspace: Workspace,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async backtest(request: BacktestRequest): Promise<BacktestOutcome> {
    const to = request.to ?? this.now();
    const from = request.from ?? new Date(to.getTime() - 30 * DAY);
    if (from.getTime() >= to.getTime())
      throw CairnError.badInput(['input', 'to'], 'must be after `from`.');
    if (to.getTime() - from.getTime() > BACKTEST_MAX_DAYS * DAY)
      throw CairnError.badInput(
        ['input', 'from'],
        `A backtest covers at most ${BACKTEST_MAX_DAYS} days; move \`from\` closer to \`to\`.`,
      );
    const size = request.sampleSize ?? BACKTEST_DEFAULT_SAMPLE;
    if (!Number.isInteger(size) || size < 1 || size > BACKTEST_MAX_SAMPLE)
      throw CairnError.badInput(
        ['input', 'sampleSize'],
        `must be a whole number from 1 to ${BACKTEST_MAX_SAMPLE}.`,
      );
    const compiled = await compileDraft(this.em, request, 'backtest');
    if (!compiled.ok) return { ok: false, problems: compiled.problems };
    const { plan } = compiled;
    const window = { from: from.getTime(), to: to.getTime() };

    const population = this.population(plan.trigger.spec, from, to);
    const [eligibleCustomers, ids] = await readTogether(this.em, [
      () => this.countOf(population),
      () => this.sampleOf(population, size),
    ]);
    const [facts, zones, transitions] = await readTogether(this.em, [
      () => loadCustomerFacts(this.em, ids),
      () => this.em.find(Customer, { id: { $in: ids } }, { fields: ['timeZone'] }),
      () => this.transitionsOf(plan.trigger.spec, ids, from, to),
    ]);
    const zoneOf = new Map(zones.map((c) => [c.id, c.timeZone ?? 'UTC']));
    const customers: BacktestCustomer[] = [];
    for (const id of ids) {
      const f = facts.get(id);
      if (!f) continue;
      const timeZone = zoneOf.get(id) ?? 'UTC';
      customers.push({
        facts: f,
        timeZone,
        entries: triggerInstants(plan.trigger.spec, f, window, timeZone, transitions.get(id)),
      });
    }
    return {
      ok: true,
      from,
      to,
      eligibleCustomers,
      result: backtestJourney(plan, customers, window),
    };
  }

  /** The customers a trigger can have entered between `from` and `to`. */
  private population(spec: TriggerSpec, from: Date, to: Date): Population<object> {
    const workspace = this.workspace.id;
    switch (spec.type) {
      case 'event':
        return {
          entity: Event,
          column: 'customer_id',
          where: { workspace, name: spec.event, occurredAt: { $gte: from, $lte: to } },
        };
      case 'segmentEntered':
      case 'segmentExited':
        return {
          entity: SegmentTransition,
          column: 'customer_id',
          where: {
            workspace,
            segmentId: spec.segmentId,
            kind: spec.type === 'segmentEntered' ? 'entered' : 'exited',
            at: { $gte: from, $lte: to },
          },
        };
      case 'scoreThreshold':
        return {
          entity: ScoreEntry,
          column: 'customer_id',
          where: { workspace, model: spec.model, at: { $gte: from, $lte: to } },
        };
      case 'schedule':
        if (spec.segmentId)
          return {
            entity: SegmentMembership,
            column: 'customer_id',
            where: { workspace, segmentId: spec.segmentId },
          };
        return { entity: Customer, column: 'id', where: { workspace } };
      case 'dateTrait':
      case 'api':
        return { entity: Customer, column: 'id', where: { workspace } };
      default:
        return assertUnreachable(spec);
    }
  }

  private async countOf(p: Population<object>): Promise<number> {
    const rows = await this.em
      .createQueryBuilder(p.entity)
      .select(raw(`count(distinct ${p.column}) as n`))
      .where(p.where)
      .execute<Array<{ n: number | string }>>('all', false);
    return Number(rows[0]?.n ?? 0);
  }

  /** Up to `size` distinct customers of the population, drawn at random. */
  private async sampleOf(p: Population<object>, size: number): Promise<string[]> {
    const rows = await this.em
      .createQueryBuilder(p.entity)
      .select(raw(`${p.column} as id`))
      .where(p.where)
      .groupBy(raw(p.column))
      .orderBy({ [raw('random()')]: 'asc' })
      .limit(size)
      .execute<Array<{ id: string }>>('all', false);
    return rows.map((r) => r.id);
  }

  /** The sampled customers' transitions of a segment trigger's segment, per customer. */
  private async transitionsOf(
    spec: TriggerSpec,
    ids: readonly string[],
    from: Date,
    to: Date,
  ): Promise<Map<string, SegmentTransitionFact[]>> {
    const out = new Map<string, SegmentTransitionFact[]>();
    if (spec.type !== 'segmentEntered' && spec.type !== 'segmentExited') return out;
    const rows = await this.em.find(
      SegmentTransition,
      { customer: { $in: [...ids] }, segmentId: spec.segmentId, at: { $gte: from, $lte: to } },
      { orderBy: { at: 'asc', id: 'asc' } },
    );
    for (const r of rows)
      out.set(r.customer.id, [
        ...(out.get(r.customer.id) ?? []),
        { segmentId: r.segmentId, kind: r.kind, at: r.at.getTime() },
      ]);
    return out;
  }
}
