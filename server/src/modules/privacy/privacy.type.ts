import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('EraseCustomerPayload', {
  description:
    'What an erasure removed. Hashed tombstones stay, so a replayed event or import cannot bring the person back.',
})
export class EraseCustomerPayload {
  @Field(() => ID, { description: 'The id of the erased profile (it no longer exists).' })
  customerId!: string;

  @Field(() => Int)
  identities!: number;

  @Field(() => Int)
  events!: number;

  @Field(() => Int)
  orders!: number;

  @Field(() => Int)
  consentRecords!: number;

  @Field(() => Int)
  scoreEntries!: number;

  @Field(() => Int)
  segmentMemberships!: number;

  @Field(() => Int, { description: 'Merge records of which the person was the survivor.' })
  merges!: number;

  @Field(() => Int, {
    description: "The person's values removed from the examples of the trait and event catalog.",
  })
  catalogExamples!: number;

  @Field(() => Int, {
    description: 'Hashed tombstones that now stand for the person (identities and profile ids).',
  })
  tombstones!: number;
}
