import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { JourneyGraph } from '@cairn/schema';
import { JourneyTimer, JourneyVersion } from '../../db/entities';
import type { Em } from '../../db/orm';
import type { RequestContext } from '../../graphql/context';
import { JourneyEnrollmentNode } from './journey-run.type';

/** What the customer 360 shows of a step: its kind and the marketer's name for it. */
interface StepInfo {
  readonly kind: string;
  readonly label: string | null;
}

const versionKey = (journeyId: string, version: number) => `${journeyId}:${version}`;

/** The steps of each `journeyId:version` key's graph by node id, in one query for all keys. */
async function stepsOfVersions(
  em: Em,
  keys: readonly string[],
): Promise<Array<Map<string, StepInfo>>> {
  const wanted = keys.map((k) => {
    const at = k.lastIndexOf(':');
    return { journey: k.slice(0, at), version: Number(k.slice(at + 1)) };
  });
  const rows = await em.find(
    JourneyVersion,
    { $or: wanted },
    { fields: ['journey', 'version', 'graph'] },
  );
  const byKey = new Map(rows.map((r) => [versionKey(r.journey.id, r.version), r.graph]));
  return keys.map((k) => {
    const graph: JourneyGraph | undefined = byKey.get(k);
    return new Map(
      (graph?.nodes ?? []).map((n) => [n.id, { kind: n.kind, label: n.label?.trim() || null }]),
    );
  });
}

/** The live (not dead-lettered) timer of each enrollment, if it has one. */
async function timersOf(em: Em, ids: readonly string[]): Promise<Array<JourneyTimer | null>> {
  const rows = await em.find(JourneyTimer, { enrollment: { $in: [...ids] }, failedAt: null });
  const byEnrollment = new Map(rows.map((t) => [t.enrollment.id, t]));
  return ids.map((id) => byEnrollment.get(id) ?? null);
}

/**
 * The current step of a customer's journey entry as the customer 360 shows it: the step's label
 * and kind from the graph of the version they are on, and when their wait ends. Batched per
 * request, so a list of entries costs one query per field.
 */
@Resolver(() => JourneyEnrollmentNode)
export class CustomerJourneyStepResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "The current step's label in the entry's version; null when it has none.",
  })
  async stepLabel(@Root() e: JourneyEnrollmentNode, @Ctx() ctx: RequestContext) {
    return (await stepOf(ctx, e))?.label ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The current step's kind (trigger, wait, condition, …) in the entry's version.",
  })
  async stepKind(@Root() e: JourneyEnrollmentNode, @Ctx() ctx: RequestContext) {
    return (await stepOf(ctx, e))?.kind ?? null;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description:
      'While active: when the wait at the current step ends at the latest (a wait for an event may end sooner); null without a timer.',
  })
  async waitingUntil(@Root() e: JourneyEnrollmentNode, @Ctx() ctx: RequestContext) {
    if (e.status !== 'active') return null;
    const timer = await ctx.loaders
      .keyed('enrollmentTimers', (ids) => timersOf(ctx.em, ids))
      .load(e.id);
    return timer && timer.nodeId === e.nodeId ? timer.dueAt : null;
  }
}

async function stepOf(ctx: RequestContext, e: JourneyEnrollmentNode) {
  const steps = await ctx.loaders
    .keyed('journeyVersionSteps', (keys) => stepsOfVersions(ctx.em, keys))
    .load(versionKey(e.journeyId, e.version));
  return steps.get(e.nodeId);
}
