import {
  compileJourney,
  simulateJourney,
  type CustomerFacts,
  type EventFact,
  type Simulation,
} from '@cairn/schema';
import {
  Customer,
  Journey,
  JourneyEnrollment,
  JourneyTimer,
  OutboxMessage,
  type Workspace,
} from '../../db/entities';
import type { Em } from '../../db/orm';
import { CairnError } from '../../errors/cairn-error';
import { loadCustomerFacts } from '../../rules/customer-facts';
import { loadJourneyCatalog } from './journey-catalog';
import { enterJourney, entryHistory } from './runtime/enter';
import { MoveBatch } from './runtime/move-batch';
import { loadPlans, planKey } from './runtime/plans';
import { readTogether } from '../../db/read-together';
import { writeTransaction } from '../../db/write-transaction';

export interface SimulationRequest {
  readonly journeyId?: string | null;
  readonly graph?: Record<string, unknown> | null;
  readonly customerId?: string | null;
  readonly profile?: {
    traits?: Record<string, unknown>;
    email?: string | null;
    consent?: Record<string, boolean>;
  } | null;
  readonly events: readonly EventFact[];
  readonly start: Date;
  readonly timeZone?: string | null;
}

export type SimulationOutcome =
  | { readonly ok: true; readonly simulation: Simulation }
  | { readonly ok: false; readonly problems: ReturnType<typeof compileJourney>['problems'] };

/**
 * The plan of a graph given by hand, or else of a journey's draft (a published version's graph is
 * its draft until edited), checked against the workspace's catalog.
 */
export async function compileDraft(
  em: Em,
  request: { readonly journeyId?: string | null; readonly graph?: Record<string, unknown> | null },
  purpose: 'simulate' | 'backtest',
): Promise<ReturnType<typeof compileJourney>> {
  let graph: unknown = request.graph;
  if (!graph) {
    if (!request.journeyId)
      throw CairnError.badInput(['input', 'graph'], `Give a journeyId or a graph to ${purpose}.`);
    const journey = await em.findOne(Journey, { id: request.journeyId });
    if (!journey) throw CairnError.notFound('journey', request.journeyId);
    graph = journey.draft;
  }
  return compileJourney(graph, { catalog: await loadJourneyCatalog(em) });
}

/** Running journeys for one customer: API entry, simulation, and what is stuck in dead letters. */
export class JourneyRunsService {
  constructor(
    private readonly em: Em,
    private readonly workspace: Workspace,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Enters a customer into a journey whose trigger is an API call (or any trigger, by hand). */
  async enroll(journeyId: string, customerId: string): Promise<JourneyEnrollment | null> {
    return writeTransaction(this.em, async (em) => {
      const journey = await em.findOne(Journey, { id: journeyId });
      if (!journey) throw CairnError.notFound('journey', journeyId);
      if (journey.status !== 'active' || journey.liveVersion === null)
        throw new CairnError(
          'JOURNEY_NOT_ACTIVE',
          `Journey "${journey.name}" is ${journey.status}; publish or resume it first.`,
          ['journeyId'],
        );
      const customer = await em.findOne(Customer, { id: customerId });
      if (!customer) throw CairnError.notFound('customer', customerId);
      const plan = (await loadPlans(em, [{ journeyId, version: journey.liveVersion }])).get(
        planKey(journeyId, journey.liveVersion),
      )!;
      const facts = (await loadCustomerFacts(em, [customerId])).get(customerId)!;
      const history = await entryHistory(em, [journeyId], [customerId]);
      const live = { journey, version: journey.liveVersion, plan };
      const batch = new MoveBatch(em, this.workspace, this.now());
      const entered = await enterJourney(batch, live, facts, customer.timeZone ?? 'UTC', history);
      await batch.write();
      return entered ?? null;
    });
  }

  /**
   * Simulates a journey (its live version, or a draft graph) for a stored customer or a profile
   * written by hand, over a timeline of events, touching no data and sending nothing.
   */
  async simulate(request: SimulationRequest): Promise<SimulationOutcome> {
    const compiled = await compileDraft(this.em, request, 'simulate');
    if (!compiled.ok) return { ok: false, problems: compiled.problems };
    let facts: CustomerFacts;
    let timeZone = request.timeZone ?? 'UTC';
    if (request.customerId) {
      const stored = (await loadCustomerFacts(this.em, [request.customerId])).get(
        request.customerId,
      );
      if (!stored) throw CairnError.notFound('customer', request.customerId);
      const customer = await this.em.findOneOrFail(
        Customer,
        { id: request.customerId },
        { fields: ['timeZone'] },
      );
      timeZone = request.timeZone ?? customer.timeZone ?? 'UTC';
      const start = request.start.getTime();
      facts = { ...stored, events: stored.events.filter((e) => e.occurredAt < start) };
    } else {
      const p = request.profile ?? {};
      facts = {
        id: 'simulated',
        email: p.email ?? null,
        traits: p.traits ?? {},
        events: [],
        ...(p.consent ? { consent: p.consent } : {}),
      };
    }
    return {
      ok: true,
      simulation: simulateJourney(compiled.plan, facts, request.events, {
        start: request.start.getTime(),
        timeZone,
      }),
    };
  }

  /** Timers and messages that failed too often to retry (oldest first). */
  async deadLetters(journeyId: string) {
    const [timers, messages] = await readTogether(this.em, [
      () =>
        this.em.find(
          JourneyTimer,
          { failedAt: { $ne: null }, enrollment: { journey: journeyId } },
          { populate: ['enrollment'], orderBy: { failedAt: 'asc' } },
        ),
      () =>
        this.em.find(
          OutboxMessage,
          { journey: journeyId, status: 'failed' },
          { orderBy: { createdAt: 'asc' } },
        ),
    ]);
    return [
      ...timers.map((t) => ({
        kind: 'timer',
        id: t.id,
        customerId: t.enrollment.customer.id,
        nodeId: t.nodeId,
        attempts: t.attempts,
        error: t.lastError ?? '',
        at: t.failedAt!,
      })),
      ...messages.map((m) => ({
        kind: 'message',
        id: m.id,
        customerId: m.customer.id,
        nodeId: m.nodeId,
        attempts: m.attempts,
        error: m.lastError ?? '',
        at: m.createdAt,
      })),
    ];
  }

  /** Puts a dead letter back in line: its attempts start again. */
  async retryDeadLetter(id: string): Promise<boolean> {
    const now = this.now();
    const timers = await this.em.nativeUpdate(
      JourneyTimer,
      { id, failedAt: { $ne: null } },
      { failedAt: null, attempts: 0, dueAt: now, leaseUntil: null },
    );
    const messages = await this.em.nativeUpdate(
      OutboxMessage,
      { id, status: 'failed' },
      { status: 'pending', attempts: 0, dueAt: now, leaseUntil: null },
    );
    return timers + messages > 0;
  }

  /** A customer's entries into journeys, newest first (loaded for many customers at once). */
  async enrollmentsOf(customerIds: readonly string[]): Promise<JourneyEnrollment[][]> {
    const rows = await this.em.find(
      JourneyEnrollment,
      { customer: { $in: [...customerIds] } },
      { populate: ['journey'], orderBy: { enteredAt: 'desc', id: 'desc' } },
    );
    return customerIds.map((id) => rows.filter((r) => r.customer.id === id));
  }
}
