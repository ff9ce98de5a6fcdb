import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createApiKey, hashApiKey } from '../auth/api-key.service';
import { ApiKey, Customer, Workspace } from '../db/entities';
import { scopeToWorkspace } from '../db/workspace-filter';
import { IngestService } from '../modules/ingestion/ingest.service';
import { MAX_BATCH } from '../modules/ingestion/payload';
import type { Orm } from '../db/orm';
import type { Logger } from '../logger';
import { demoCustomers } from './demo-customers';
import { demoConsent, demoEvents } from './demo-events';
import {
  demoContentEvents,
  demoMessageEvents,
  demoNewsletter,
  seedDemoCampaign,
} from './demo-campaign';

export const DEMO_WORKSPACE_NAME = 'Demo workspace';
export const DEMO_CUSTOMER_COUNT = 60;

export interface DemoWorkspace {
  readonly workspaceId: string;
  readonly apiKey: string;
}

const keyFile = (dataDir: string) => join(dataDir, 'demo-api-key');

/**
 * Seeds the demo workspace (with an API key and demo customers) into an empty database. The key's
 * secret is kept in `DATA_DIR/demo-api-key` (mode 600) so later starts can print it again; the
 * database stores only its hash. Returns undefined when the database holds other data.
 */
export async function seedDemoIfEmpty(
  orm: Orm,
  dataDir: string,
  logger: Logger,
): Promise<DemoWorkspace | undefined> {
  const em = orm.em.fork();
  if ((await em.count(Workspace, {}, { filters: false })) > 0)
    return readExistingDemoKey(orm, dataDir);

  const now = new Date();
  const workspace = em.create(Workspace, { name: DEMO_WORKSPACE_NAME });
  const { secret } = createApiKey(em, workspace, 'Demo key');
  await em.flush();
  // Through ingestion, like real data: identities, catalog and orders come out right.
  scopeToWorkspace(em, workspace.id);
  const customers = demoCustomers(DEMO_CUSTOMER_COUNT, now);
  const people = customers.map((c, i) => ({
    type: 'identify',
    email: c.email,
    traits: c.traits,
    timestamp: c.createdAt.toISOString(),
    consent: demoConsent(i, c.createdAt),
  }));
  const ingest = new IngestService(em, workspace);
  const ingestAll = async (items: ReadonlyArray<Record<string, unknown>>) => {
    for (let i = 0; i < items.length; i += MAX_BATCH) {
      const outcomes = await ingest.ingest(items.slice(i, i + MAX_BATCH), {
        source: 'demo seed',
      });
      const rejected = outcomes.find((o) => o.status === 'REJECTED');
      if (rejected) throw new Error(`demo seed item rejected: ${JSON.stringify(rejected)}`);
    }
  };
  await ingestAll(people);
  // The campaign, its journey's past sends and its audience first: the events then attribute.
  const newsletter = demoNewsletter(customers, now);
  const profiles = await em.find(Customer, { email: { $in: customers.map((c) => c.email) } });
  await seedDemoCampaign(
    em,
    workspace,
    new Map(profiles.map((p) => [p.email!, p])),
    newsletter,
    customers,
    now,
  );
  const events = [
    ...demoEvents(customers, now),
    ...demoMessageEvents(customers, newsletter, now),
    ...demoContentEvents(customers, now),
  ];
  await ingestAll(events);
  const items = [...people, ...events];
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(keyFile(dataDir), `${secret}\n`, { mode: 0o600 });
  logger.info(
    {
      workspaceId: workspace.id,
      customers: DEMO_CUSTOMER_COUNT,
      events: items.length - people.length,
    },
    'seeded the demo workspace',
  );
  return { workspaceId: workspace.id, apiKey: secret };
}

async function readExistingDemoKey(orm: Orm, dataDir: string): Promise<DemoWorkspace | undefined> {
  if (!existsSync(keyFile(dataDir))) return undefined;
  const secret = readFileSync(keyFile(dataDir), 'utf8').trim();
  const key = await orm.em
    .fork()
    .findOne(ApiKey, { tokenHash: hashApiKey(secret), revokedAt: null }, { filters: false });
  return key ? { workspaceId: key.workspace.id, apiKey: secret } : undefined;
}
