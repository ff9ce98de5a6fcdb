import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import {
  loadCatalogEvents,
  loadCatalogTraits,
  type CatalogEntry,
  type CatalogEventEntry,
} from './catalog.service';
import { CatalogEventNode, CatalogNode, CatalogTraitNode } from './catalog.type';

/** `catalog { traits events }`: each list is loaded only when asked for. */
@Resolver(() => CatalogNode)
export class CatalogResolver {
  @Query(() => CatalogNode, {
    description: 'The traits and events observed in the workspace of the API key in use.',
  })
  catalog(): CatalogNode {
    return new CatalogNode();
  }

  @FieldResolver(() => [CatalogTraitNode])
  traits(@Ctx() ctx: RequestContext): Promise<CatalogEntry[]> {
    return loadCatalogTraits(ctx.em);
  }

  @FieldResolver(() => [CatalogEventNode])
  events(@Ctx() ctx: RequestContext): Promise<CatalogEventEntry[]> {
    return loadCatalogEvents(ctx.em);
  }
}
