import { Field, ID, InputType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@InputType('CustomerInput', {
  description:
    'Creates or updates one customer. Matched by `id` when given, else by `email`; otherwise created. ' +
    'Traits merge into the stored ones key by key; a trait set to null is removed.',
})
export class CustomerInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  traits?: Record<string, unknown> | null;
}
