import { writeFile } from 'node:fs/promises';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CampaignResolver } from '../modules/campaign/campaign.resolver';
import { CatalogResolver } from '../modules/catalog/catalog.resolver';
import { CustomerProfileResolver } from '../modules/customer/customer-profile.resolver';
import { CustomerResolver } from '../modules/customer/customer.resolver';
import { IngestResolver } from '../modules/ingestion/ingest.resolver';
import { CustomerJourneysResolver } from '../modules/journey/customer-journeys.resolver';
import { CustomerJourneyStepResolver } from '../modules/journey/customer-journey-step.resolver';
import { KpiResolver } from '../modules/kpi/kpi.resolver';
import { JourneyResolver } from '../modules/journey/journey.resolver';
import { ScoringResolver } from '../modules/scoring/scoring.resolver';
import { SegmentResolver } from '../modules/segment/segment.resolver';
import { SegmentAnalyticsResolver } from '../modules/segment/analytics/segment-analytics.resolver';
import { PrivacyResolver } from '../modules/privacy/privacy.resolver';
import { WorkspaceResolver } from '../modules/workspace/workspace.resolver';

/** Every resolver of the API. Adding a module: write `x.resolver.ts` and list it here. */
export const resolvers = [
  WorkspaceResolver,
  CustomerResolver,
  CustomerProfileResolver,
  IngestResolver,
  SegmentResolver,
  SegmentAnalyticsResolver,
  PrivacyResolver,
  CatalogResolver,
  JourneyResolver,
  CustomerJourneysResolver,
  CustomerJourneyStepResolver,
  ScoringResolver,
  CampaignResolver,
  KpiResolver,
] as const;

export function buildCairnSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: false, emitSchemaFile: false });
}

const HEADER =
  '# Generated from the server code by `pnpm schema:write`. Do not edit: a test compares it.\n\n';

/** The SDL of the API, sorted so the committed file diffs cleanly. */
export async function printCairnSchema(): Promise<string> {
  return HEADER + printSchema(lexicographicSortSchema(await buildCairnSchema())) + '\n';
}

/** Path of the committed contract, `schema/schema.graphql`. */
export const committedSchemaPath = new URL('../../../schema/schema.graphql', import.meta.url)
  .pathname;

export async function writeCairnSchema(): Promise<string> {
  const sdl = await printCairnSchema();
  await writeFile(committedSchemaPath, sdl);
  return committedSchemaPath;
}
