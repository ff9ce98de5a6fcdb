import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { InputProblem } from '../../graphql/problem.type';
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

export enum UpsertStatus {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  FAILED = 'FAILED',
}
registerEnumType(UpsertStatus, {
  name: 'UpsertStatus',
  description: 'What happened to one input item.',
});

@ObjectType('UpsertCustomerResult', { description: 'The outcome for the input item at `index`.' })
export class UpsertCustomerResult {
  @Field(() => Int)
  index!: number;

  @Field(() => UpsertStatus)
  status!: UpsertStatus;

  @Field(() => CustomerNode, { nullable: true })
  customer!: CustomerNode | null;

  @Field(() => [InputProblem])
  problems!: InputProblem[];
}

@ObjectType('UpsertCustomersPayload')
export class UpsertCustomersPayload {
  @Field(() => [UpsertCustomerResult], {
    description: 'One result per input item, in input order.',
  })
  results!: UpsertCustomerResult[];

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  failed!: number;
}
