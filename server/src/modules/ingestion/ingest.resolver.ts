import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { IdentifyInput, TrackInput } from './ingest.input';
import { IngestService } from './ingest.service';
import { IngestPayload, ingestPayload } from './ingest.type';

@Resolver()
export class IngestResolver {
  @Mutation(() => IngestPayload, {
    description:
      'Records up to 1,000 events; one result per item. Replays (same messageId) are acknowledged as DUPLICATE.',
  })
  async track(
    @Ctx() ctx: RequestContext,
    @Arg('events', () => [TrackInput]) events: TrackInput[],
  ): Promise<IngestPayload> {
    const outcomes = await new IngestService(ctx.em, ctx.workspace).ingest(events, {
      defaultType: 'track',
      source: 'GraphQL track',
    });
    return ingestPayload(outcomes, ['events']);
  }

  @Mutation(() => IngestPayload, {
    description: 'Creates, updates or merges up to 1,000 profiles; one result per item.',
  })
  async identify(
    @Ctx() ctx: RequestContext,
    @Arg('people', () => [IdentifyInput]) people: IdentifyInput[],
  ): Promise<IngestPayload> {
    const outcomes = await new IngestService(ctx.em, ctx.workspace).ingest(people, {
      defaultType: 'identify',
      source: 'GraphQL identify',
    });
    return ingestPayload(outcomes, ['people']);
  }
}
