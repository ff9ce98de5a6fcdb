import { Field, InputType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@InputType('SegmentInput', {
  description: 'A segment as the builder saves it; each save is a new version.',
})
export class SegmentInput {
  @Field(() => String, { description: '1 to 200 characters, unique among the active segments.' })
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => GraphQLJSONObject, {
    description: 'A rule document: { "version": 1, "root": { ... } }.',
  })
  rule!: Record<string, unknown>;
}
