import { Arg, Ctx, Float, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { RuleProblemNode } from '../../graphql/rule-problem.type';
import { ScoringModelInput } from './scoring.input';
import { ScoringService, type ScoringSaveOutcome } from './scoring.service';
import type { LocatedRuleProblem } from './scoring-validation';
import {
  LeadNotificationNode,
  ScoreChangeNode,
  ScorePointNode,
  ScoringModelNode,
  ScoringModelPayload,
} from './scoring.type';

const scoring = (ctx: RequestContext) => new ScoringService(ctx.em, ctx.workspace);

const located = (p: LocatedRuleProblem) =>
  RuleProblemNode.of(p.problem, ['input', 'rules', String(p.index), 'rule']);

function payload(outcome: ScoringSaveOutcome): ScoringModelPayload {
  return outcome.ok
    ? {
        model: outcome.model as unknown as ScoringModelNode,
        problems: [],
        warnings: outcome.warnings.map(located),
      }
    : { model: null, problems: outcome.problems.map(located), warnings: [] };
}

@Resolver(() => ScoringModelNode)
export class ScoringResolver {
  @Query(() => [ScoringModelNode], { description: 'The lead-scoring models, by name.' })
  scoringModels(
    @Ctx() ctx: RequestContext,
    @Arg('includeArchived', () => Boolean, { defaultValue: false }) includeArchived: boolean,
  ) {
    return scoring(ctx).list(includeArchived);
  }

  @Query(() => ScoringModelNode, {
    nullable: true,
    description: 'One model by id; null when there is none.',
  })
  scoringModel(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return scoring(ctx).get(id);
  }

  @Query(() => [ScorePointNode], {
    description: "A customer's score history under a model, oldest first.",
  })
  scoreHistory(
    @Ctx() ctx: RequestContext,
    @Arg('customerId', () => ID) customerId: string,
    @Arg('model', () => String) model: string,
    @Arg('from', () => Date, { nullable: true }) from: Date | null,
    @Arg('to', () => Date, { nullable: true }) to: Date | null,
  ) {
    return scoring(ctx).history(customerId, model, from, to);
  }

  @Query(() => Float, {
    description: 'A score at an instant: the last history entry at or before it (0 before any).',
  })
  scoreAt(
    @Ctx() ctx: RequestContext,
    @Arg('customerId', () => ID) customerId: string,
    @Arg('model', () => String) model: string,
    @Arg('at', () => Date) at: Date,
  ) {
    return scoring(ctx).valueAt(customerId, model, at);
  }

  @Query(() => ScoreChangeNode, {
    description: 'A score at the start and end of a window, and the change.',
  })
  scoreChange(
    @Ctx() ctx: RequestContext,
    @Arg('customerId', () => ID) customerId: string,
    @Arg('model', () => String) model: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ) {
    return scoring(ctx).change(customerId, model, from, to);
  }

  @Query(() => [LeadNotificationNode], {
    description: 'Leads that became MQL, newest first (sales’ inbox).',
  })
  async leadNotifications(
    @Ctx() ctx: RequestContext,
    @Arg('includeAcknowledged', () => Boolean, { defaultValue: false })
    includeAcknowledged: boolean,
  ) {
    const list = await scoring(ctx).notifications(includeAcknowledged);
    return list.map((n) => ({ ...n, customerId: n.customer.id }));
  }

  @Mutation(() => ScoringModelPayload, {
    description: 'Creates a scoring model and scores every customer.',
  })
  async createScoringModel(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ScoringModelInput) input: ScoringModelInput,
  ) {
    return payload(await scoring(ctx).save(undefined, input));
  }

  @Mutation(() => ScoringModelPayload, {
    description: 'Saves a new version of a model and re-scores everyone now.',
  })
  async updateScoringModel(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ScoringModelInput) input: ScoringModelInput,
  ) {
    return payload(await scoring(ctx).save(id, input));
  }

  @Mutation(() => ScoringModelNode, {
    description: 'Archives a model: it stops scoring; history stays.',
  })
  archiveScoringModel(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return scoring(ctx).archive(id);
  }

  @Mutation(() => LeadNotificationNode, {
    description: 'Marks a lead notification as handled by sales.',
  })
  async acknowledgeLeadNotification(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const n = await scoring(ctx).acknowledge(id);
    return { ...n, customerId: n.customer.id };
  }

  @Mutation(() => LeadNotificationNode, {
    description:
      'Sales accepts the lead as sales-qualified: marks the notification accepted and acknowledged and records a `Lead Became SQL` event (once), which the sqls KPI metric counts.',
  })
  async acceptLeadNotification(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const n = await scoring(ctx).accept(id);
    return { ...n, customerId: n.customer.id };
  }
}
