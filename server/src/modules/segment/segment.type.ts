import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { PageInfo } from '../../graphql/page-info.type';
import { RuleProblemNode } from '../../graphql/rule-problem.type';
import { CustomerNode } from '../customer/customer.type';

@ObjectType('Segment', {
  description: 'A saved audience whose members stay up to date as data arrives.',
})
export class SegmentNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  description!: string;

  @Field(() => GraphQLJSONObject, { description: 'The current rule document.' })
  rule!: Record<string, unknown>;

  @Field(() => Int, {
    description: 'The current version (1 for a new segment, one more per save).',
  })
  version!: number;

  @Field(() => Date, {
    nullable: true,
    description: 'When the members were last recomputed from scratch.',
  })
  computedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  archivedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('SegmentVersion', { description: 'One saved version of a segment.' })
export class SegmentVersionNode {
  @Field(() => Int)
  version!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  description!: string;

  @Field(() => GraphQLJSONObject)
  rule!: Record<string, unknown>;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('SegmentPayload', {
  description: 'The saved segment, or the problems that kept it from being saved.',
})
export class SegmentPayload {
  @Field(() => SegmentNode, { nullable: true })
  segment!: SegmentNode | null;

  @Field(() => [RuleProblemNode], {
    description: 'Blocking problems (nothing was saved when there are any).',
  })
  problems!: RuleProblemNode[];

  @Field(() => [RuleProblemNode], {
    description: 'Traits or events this workspace has not received yet; saved anyway.',
  })
  warnings!: RuleProblemNode[];
}

@ObjectType('SegmentMemberEdge')
export class SegmentMemberEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => CustomerNode)
  node!: CustomerNode;

  @Field(() => Date, { description: 'When the customer entered the segment.' })
  enteredAt!: Date;
}

@ObjectType('SegmentMemberConnection', {
  description: 'Members of a segment, most recently entered first.',
})
export class SegmentMemberConnection {
  @Field(() => [SegmentMemberEdge])
  edges!: SegmentMemberEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType('SegmentPreview', { description: 'The audience an unsaved rule selects now.' })
export class SegmentPreview {
  @Field(() => Int, {
    nullable: true,
    description: 'How many customers match; null when the rule has problems.',
  })
  count!: number | null;

  @Field(() => [CustomerNode], {
    description: 'The most recently created matching customers, newest first.',
  })
  sample!: CustomerNode[];

  @Field(() => [RuleProblemNode])
  problems!: RuleProblemNode[];

  @Field(() => [RuleProblemNode])
  warnings!: RuleProblemNode[];
}

@ObjectType('CustomerSegment', { description: 'A segment a customer is in.' })
export class CustomerSegmentNode {
  @Field(() => ID)
  segmentId!: string;

  @Field(() => Date)
  enteredAt!: Date;
}

@ObjectType('SegmentExplanation', { description: 'Why a customer is, or is not, in a segment.' })
export class SegmentExplanation {
  @Field(() => Boolean, {
    description: 'Whether the stored membership says the customer is a member.',
  })
  member!: boolean;

  @Field(() => Boolean, { description: 'The rule evaluated now for the customer.' })
  result!: boolean;

  @Field(() => GraphQLJSONObject, {
    description: 'The evaluated tree: each node with its result and the deciding facts.',
  })
  explanation!: Record<string, unknown>;
}

@ObjectType('SegmentVerification', {
  description: "The stored members compared with the segment's rule evaluated from scratch now.",
})
export class SegmentVerification {
  @Field(() => ID)
  segmentId!: string;

  @Field(() => Int, { description: 'Customers the rule selects now.' })
  matching!: number;

  @Field(() => Int, { description: 'Customers stored as members.' })
  members!: number;

  @Field(() => Boolean, { description: 'True when nothing differs beyond re-checks already due.' })
  consistent!: boolean;

  @Field(() => [ID], { description: 'Selected by the rule but not stored (at most 100).' })
  missing!: string[];

  @Field(() => [ID], { description: 'Stored but not selected by the rule (at most 100).' })
  extra!: string[];

  @Field(() => Int, {
    description: 'Differences explained by a re-check that is due and not yet run.',
  })
  pending!: number;
}
