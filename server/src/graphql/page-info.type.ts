import { Field, ObjectType } from 'type-graphql';

@ObjectType('PageInfo', { description: 'Relay-style paging information.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}
