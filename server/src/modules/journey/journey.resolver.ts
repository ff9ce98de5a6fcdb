import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { JOURNEY_STATUSES, type JourneyStatus } from '../../db/entities';
import type { RequestContext } from '../../graphql/context';
import { CairnError } from '../../errors/cairn-error';
import { CreateJourneyInput, NodeMoveInput, SaveJourneyDraftInput } from './journey.input';
import { JourneyService } from './journey.service';
import { journeyStats } from './journey-stats.service';
import { JourneyRunsService } from './journey-runs.service';
import { JourneyNode, JourneyPayload, JourneyStats, JourneyVersionNode } from './journey.type';
import { JourneyProblemNode } from './journey-problem.type';
import {
  JourneyDeadLetterNode,
  JourneyEnrollmentNode,
  JourneySimulationNode,
  SimulateJourneyInput,
} from './journey-run.type';
import { JourneyBacktestService } from './journey-backtest.service';
import { BacktestJourneyInput, JourneyBacktestNode } from './journey-backtest.type';
import { backtestNode, enrollmentNode, journeyNode, payload, simulationNode } from './journey-map';

const journeys = (ctx: RequestContext) => new JourneyService(ctx.em, ctx.workspace);
const runs = (ctx: RequestContext) => new JourneyRunsService(ctx.em, ctx.workspace);

function readStatus(status: string | null): JourneyStatus | null {
  if (status === null || (JOURNEY_STATUSES as readonly string[]).includes(status))
    return status as JourneyStatus | null;
  throw CairnError.badInput(['status'], `must be one of ${JOURNEY_STATUSES.join(', ')}.`);
}

@Resolver(() => JourneyNode)
export class JourneyResolver {
  @Query(() => [JourneyNode], {
    description: 'Journeys, most recently changed first (archived ones only when asked).',
  })
  async journeys(
    @Ctx() ctx: RequestContext,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('status', () => String, { nullable: true }) status: string | null,
  ) {
    return (await journeys(ctx).list({ search, status: readStatus(status) })).map(journeyNode);
  }

  @Query(() => JourneyNode, { nullable: true })
  async journey(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const j = await journeys(ctx).get(id);
    return j ? journeyNode(j) : null;
  }

  @Query(() => [JourneyProblemNode], {
    description: "Compiles a graph with the workspace's names checked; saves nothing.",
  })
  async compileJourney(
    @Ctx() ctx: RequestContext,
    @Arg('graph', () => GraphQLJSONObject) graph: Record<string, unknown>,
  ) {
    return (await journeys(ctx).problemsOf(graph)).map(JourneyProblemNode.of);
  }

  @Query(() => JourneySimulationNode, {
    description:
      'Follows one customer through a journey on a virtual clock; touches no data, sends nothing.',
  })
  async simulateJourney(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SimulateJourneyInput) input: SimulateJourneyInput,
  ) {
    const outcome = await runs(ctx).simulate({
      ...input,
      events: input.events.map((e) => ({
        name: e.name,
        occurredAt: e.occurredAt.getTime(),
        properties: e.properties ?? {},
      })),
      start: input.start ?? new Date(),
    });
    if (outcome.ok) return simulationNode(outcome.simulation);
    return {
      ...simulationNode({ entered: false, trace: [], sends: [] }),
      problems: outcome.problems.map(JourneyProblemNode.of),
    };
  }

  @Query(() => JourneyBacktestNode, {
    description:
      "Replays a journey's draft (or a graph) over a random sample of the customers its trigger could have entered in a window, on their real history: per-node counts and projected sends. Reads only.",
  })
  async backtestJourney(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => BacktestJourneyInput) input: BacktestJourneyInput,
  ): Promise<JourneyBacktestNode> {
    return backtestNode(await new JourneyBacktestService(ctx.em, ctx.workspace).backtest(input));
  }

  @Mutation(() => JourneyPayload, { description: 'Creates a journey as a draft.' })
  async createJourney(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateJourneyInput) input: CreateJourneyInput,
  ) {
    return payload(await journeys(ctx).create(input));
  }

  @Mutation(() => JourneyPayload, {
    description: 'Saves the draft as drawn, and returns its problems.',
  })
  async saveJourneyDraft(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SaveJourneyDraftInput) input: SaveJourneyDraftInput,
  ) {
    return payload(await journeys(ctx).saveDraft(id, input));
  }

  @Mutation(() => JourneyPayload, {
    description: 'Publishes the draft as the next version (refused while it has errors).',
  })
  async publishJourney(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('moves', () => [NodeMoveInput], { defaultValue: [] }) moves: NodeMoveInput[],
  ) {
    return payload(await journeys(ctx).publish(id, moves));
  }

  @Mutation(() => JourneyNode, { description: 'Stops entries and moves until resumed.' })
  async pauseJourney(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return journeyNode(await journeys(ctx).setStatus(id, 'paused'));
  }

  @Mutation(() => JourneyNode)
  async resumeJourney(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return journeyNode(await journeys(ctx).setStatus(id, 'active'));
  }

  @Mutation(() => JourneyNode, {
    description: 'Ends the journey: customers leave, queued messages are dropped.',
  })
  async archiveJourney(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return journeyNode(await journeys(ctx).archive(id));
  }

  @Mutation(() => JourneyEnrollmentNode, {
    nullable: true,
    description: 'Enters a customer now; null when re-entry rules keep them out.',
  })
  async enrollInJourney(
    @Ctx() ctx: RequestContext,
    @Arg('journeyId', () => ID) journeyId: string,
    @Arg('customerId', () => ID) customerId: string,
  ) {
    const e = await runs(ctx).enroll(journeyId, customerId);
    return e ? enrollmentNode(e) : null;
  }

  @Mutation(() => Boolean, { description: 'Puts a dead-lettered timer or message back in line.' })
  retryJourneyDeadLetter(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return runs(ctx).retryDeadLetter(id);
  }

  @FieldResolver(() => [JourneyVersionNode], { description: 'Published versions, newest first.' })
  async versions(@Root() j: JourneyNode, @Ctx() ctx: RequestContext) {
    return (await journeys(ctx).versions(j.id)) as unknown as JourneyVersionNode[];
  }

  @FieldResolver(() => [JourneyProblemNode], { description: "The draft's problems now." })
  async problems(@Root() j: JourneyNode, @Ctx() ctx: RequestContext) {
    return (await journeys(ctx).problemsOf(j.draft)).map(JourneyProblemNode.of);
  }

  @FieldResolver(() => JourneyStats, {
    description: 'Per-step counts (of the live version unless another is named).',
  })
  stats(
    @Root() j: JourneyNode,
    @Ctx() ctx: RequestContext,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
  ) {
    return journeyStats(ctx.em, j.id, version ?? j.liveVersion);
  }

  @FieldResolver(() => [JourneyDeadLetterNode])
  deadLetters(@Root() j: JourneyNode, @Ctx() ctx: RequestContext) {
    return runs(ctx).deadLetters(j.id);
  }
}
