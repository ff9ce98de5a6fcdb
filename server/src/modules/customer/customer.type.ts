import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { PageInfo } from '../../graphql/page-info.type';

@ObjectType('Customer', { description: 'One person: a unified profile.' })
export class CustomerNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => GraphQLJSONObject, {
    description: 'Free-form profile traits (nested objects allowed).',
  })
  traits!: Record<string, unknown>;

  @Field(() => String, {
    nullable: true,
    description: 'IANA time zone (e.g. `Europe/Paris`); null means UTC.',
  })
  timeZone!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('CustomerEdge')
export class CustomerEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => CustomerNode)
  node!: CustomerNode;
}

@ObjectType('CustomerConnection', { description: 'A page of customers, newest first.' })
export class CustomerConnection {
  @Field(() => [CustomerEdge])
  edges!: CustomerEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Customers matching the search, over all pages.' })
  totalCount!: number;
}
