import { Field, ID, Int, ObjectType } from 'type-graphql';
import { IdentityKeyNode } from './identity.type';

@ObjectType('MergeMoved', { description: 'What a merge moved from the merged profile.' })
export class MergeMovedNode {
  @Field(() => [IdentityKeyNode])
  identities!: IdentityKeyNode[];

  @Field(() => Int)
  events!: number;

  @Field(() => Int)
  orders!: number;

  @Field(() => Int)
  consentRecords!: number;
}

@ObjectType('CustomerMerge', {
  description: 'Profile `mergedId` (now gone) was folded into this customer.',
})
export class CustomerMergeNode {
  @Field(() => ID)
  mergedId!: string;

  @Field(() => Date)
  mergedAt!: Date;

  @Field(() => String, {
    description: "Why: the identify call's message id, or a description of the request.",
  })
  reason!: string;

  @Field(() => MergeMovedNode)
  moved!: MergeMovedNode;
}
