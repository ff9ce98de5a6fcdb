import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class EventPageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  first!: number;

  @Field(() => String, { nullable: true, description: "A page's `endCursor`: the next page." })
  after?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only events with one of these names (at most 100).',
  })
  names?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'Only events that occurred at or after.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only events that occurred before.' })
  to?: Date | null;
}
