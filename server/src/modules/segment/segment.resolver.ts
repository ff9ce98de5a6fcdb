import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { RequestContext } from '../../graphql/context';
import { RuleProblemNode } from '../../graphql/rule-problem.type';
import { SegmentVersion } from '../../db/entities';
import { SegmentInput } from './segment.input';
import { SegmentService, type SaveOutcome } from './segment.service';
import { SegmentMembersService } from './segment-members.service';
import {
  SegmentExplanation,
  SegmentMemberConnection,
  SegmentNode,
  SegmentPayload,
  SegmentPreview,
  SegmentVerification,
  SegmentVersionNode,
} from './segment.type';
import type { SegmentDrift } from './membership/verify';

const segments = (ctx: RequestContext) => new SegmentService(ctx.em, ctx.workspace);
const members = (ctx: RequestContext) => new SegmentMembersService(ctx.em, ctx.workspace);

function toVerification(drift: SegmentDrift): SegmentVerification {
  return {
    segmentId: drift.segmentId,
    matching: drift.matching,
    members: drift.members,
    consistent: drift.missing.length === 0 && drift.extra.length === 0,
    missing: drift.missing.slice(0, 100),
    extra: drift.extra.slice(0, 100),
    pending: drift.pending.length,
  };
}

function payload(outcome: SaveOutcome): SegmentPayload {
  const rule = (p: Parameters<typeof RuleProblemNode.of>[0]) =>
    RuleProblemNode.of(p, ['input', 'rule']);
  return outcome.ok
    ? {
        segment: outcome.segment as unknown as SegmentNode,
        problems: [],
        warnings: outcome.warnings.map(rule),
      }
    : { segment: null, problems: outcome.problems.map(rule), warnings: [] };
}

@Resolver(() => SegmentNode)
export class SegmentResolver {
  @Query(() => [SegmentNode], { description: 'The segments of the workspace, by name.' })
  segments(
    @Ctx() ctx: RequestContext,
    @Arg('includeArchived', () => Boolean, { defaultValue: false }) includeArchived: boolean,
  ) {
    return segments(ctx).list(includeArchived);
  }

  @Query(() => SegmentNode, {
    nullable: true,
    description: 'One segment by id; null when there is none.',
  })
  segment(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return segments(ctx).get(id);
  }

  @Query(() => SegmentPreview, {
    description: 'Size and a sample of the audience an unsaved rule selects now (for the builder).',
  })
  segmentPreview(
    @Ctx() ctx: RequestContext,
    @Arg('rule', () => GraphQLJSONObject) rule: Record<string, unknown>,
    @Arg('sampleSize', () => Int, { defaultValue: 10 }) sampleSize: number,
  ) {
    return members(ctx)
      .preview(rule, sampleSize, new Date())
      .then((p) => ({
        ...p,
        problems: p.problems.map((x) => RuleProblemNode.of(x, ['rule'])),
        warnings: p.warnings.map((x) => RuleProblemNode.of(x, ['rule'])),
      }));
  }

  @Query(() => Boolean, {
    description: 'Whether the customer is in the segment now (from the stored membership).',
  })
  isMember(
    @Ctx() ctx: RequestContext,
    @Arg('customerId', () => ID) customerId: string,
    @Arg('segmentId', () => ID) segmentId: string,
  ) {
    return members(ctx).isMember(customerId, segmentId);
  }

  @Query(() => SegmentExplanation, { description: 'Why a customer is, or is not, in a segment.' })
  explainSegment(
    @Ctx() ctx: RequestContext,
    @Arg('segmentId', () => ID) segmentId: string,
    @Arg('customerId', () => ID) customerId: string,
  ) {
    return members(ctx).explain(segmentId, customerId, new Date());
  }

  @Query(() => SegmentVerification, {
    description:
      'Checks a segment: its stored members against its rule evaluated from scratch now (read-only).',
  })
  async verifySegment(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
  ): Promise<SegmentVerification> {
    return toVerification(await segments(ctx).verify(id, new Date()));
  }

  @Mutation(() => SegmentPayload, { description: 'Creates a segment and computes its members.' })
  async createSegment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SegmentInput) input: SegmentInput,
  ) {
    return payload(await segments(ctx).create(input));
  }

  @Mutation(() => SegmentPayload, {
    description: 'Saves a new version of a segment and recomputes its members.',
  })
  async updateSegment(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SegmentInput) input: SegmentInput,
  ) {
    return payload(await segments(ctx).update(id, input));
  }

  @Mutation(() => SegmentNode, {
    description: 'Archives a segment: it stops updating and leaves the lists.',
  })
  archiveSegment(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return segments(ctx).archive(id);
  }

  @FieldResolver(() => Int, { description: 'How many customers are members now.' })
  size(@Root() segment: SegmentNode, @Ctx() ctx: RequestContext): Promise<number> {
    return ctx.loaders.keyed('segmentSizes', (ids) => members(ctx).sizes(ids)).load(segment.id);
  }

  @FieldResolver(() => SegmentMemberConnection)
  members(
    @Root() segment: SegmentNode,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
    first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return members(ctx).members(segment.id, first, after);
  }

  @FieldResolver(() => [SegmentVersionNode], { description: 'Every saved version, newest first.' })
  versions(@Root() segment: SegmentNode, @Ctx() ctx: RequestContext) {
    return ctx.em.find(SegmentVersion, { segment: segment.id }, { orderBy: { version: 'desc' } });
  }
}
