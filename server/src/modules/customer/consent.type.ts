import { Field, ObjectType } from 'type-graphql';

@ObjectType('ConsentRecord', { description: 'A consent decision for one channel.' })
export class ConsentRecordNode {
  @Field(() => String, { description: 'The channel, e.g. `email`, `sms`, `push`.' })
  channel!: string;

  @Field(() => Boolean)
  granted!: boolean;

  @Field(() => String, { nullable: true, description: 'Where the decision was made.' })
  source!: string | null;

  @Field(() => Date)
  recordedAt!: Date;
}
