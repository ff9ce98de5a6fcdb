import { Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';

@ObjectType('Workspace', { description: 'The tenant the API key belongs to.' })
export class WorkspaceNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;
}

@Resolver(() => WorkspaceNode)
export class WorkspaceResolver {
  @Query(() => WorkspaceNode, { description: 'The workspace of the API key in use.' })
  workspace(@Ctx() ctx: RequestContext): WorkspaceNode {
    return ctx.workspace;
  }
}
