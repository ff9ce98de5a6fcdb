import { Field, ID, InputType, Int } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@InputType('CreateJourneyInput')
export class CreateJourneyInput {
  @Field(() => String, { description: '1 to 200 characters.' })
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The first draft; a trigger and an exit when omitted (or the named example).',
  })
  graph?: Record<string, unknown> | null;

  @Field(() => String, {
    nullable: true,
    description: 'Start from an example: cartAbandoned, ebookNurture, reengagement, hardBounce.',
  })
  example?: string | null;
}

@InputType('SaveJourneyDraftInput', {
  description: 'The draft as drawn: saved even with problems (they come back in the payload).',
})
export class SaveJourneyDraftInput {
  @Field(() => GraphQLJSONObject)
  graph!: Record<string, unknown>;

  @Field(() => Int, {
    description: 'The draftRevision this edit started from; a save over a newer one is refused.',
  })
  revision!: number;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType('NodeMoveInput', {
  description:
    'On publish: customers waiting at `from` (in an older version) move to `to` in the new one.',
})
export class NodeMoveInput {
  @Field(() => ID)
  from!: string;

  @Field(() => ID, { description: 'A wait step of the new version.' })
  to!: string;
}
