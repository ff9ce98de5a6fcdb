import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { PageInfo } from '../../graphql/page-info.type';

@ObjectType('Event', { description: 'Something a customer did.' })
export class EventNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => GraphQLJSONObject)
  properties!: Record<string, unknown>;

  @Field(() => Date, { description: 'When it happened (as the sender said).' })
  occurredAt!: Date;

  @Field(() => Date, { description: 'When Cairn received it.' })
  receivedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: "The sender's id for it; a replay with the same id is stored once.",
  })
  messageId!: string | null;
}

@ObjectType('EventEdge')
export class EventEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => EventNode)
  node!: EventNode;
}

/** One page of a customer's events; the total is counted only when asked for. */
@ObjectType('EventConnection', { description: "A page of a customer's events, newest first." })
export class EventConnection {
  @Field(() => [EventEdge])
  readonly edges: EventEdge[];

  @Field(() => PageInfo)
  readonly pageInfo: PageInfo;

  constructor(
    page: { edges: EventEdge[]; pageInfo: PageInfo },
    private readonly count: () => Promise<number>,
  ) {
    this.edges = page.edges;
    this.pageInfo = page.pageInfo;
  }

  @Field(() => Int, { description: 'Events matching the names and time range, over all pages.' })
  get totalCount(): Promise<number> {
    return this.count();
  }
}
