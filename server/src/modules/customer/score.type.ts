import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType('Score', { description: "A score model's value for a customer." })
export class ScoreNode {
  @Field(() => String)
  model!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => Date, { description: 'Since when the customer has had this value.' })
  at!: Date;
}
