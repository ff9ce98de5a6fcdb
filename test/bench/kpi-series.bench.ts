/**
 * KPI series benchmark (issue 9): a daily series over one year for a campaign, with N events in
 * the workspace, on PostgreSQL. The server's path (`kpiSeries`: base metrics from
 * `campaign_touches` per local day in Europe/Berlin, bucketed by `bucketsBetween`, then the
 * campaign KPIs with their target status) against the baseline measured in the same run: the
 * same metrics straight from `events`, filtering the JSON `utm_campaign` property and grouping
 * by PostgreSQL's own local day. The two must agree bucket by bucket (the run aborts otherwise);
 * nothing asserts on timing. Data is generated inside a scratch database, dropped at the end.
 *
 *   cd test && pnpm bench:kpi                       # 10,000,000 events (the size)
 *   BENCH_KPI_EVENTS=100000 pnpm bench:kpi          # CI size
 *
 * Target: <= 1 s on PostgreSQL for 10M events.
 */
import { cpus, loadavg } from 'node:os';
import { kpiDefinition, type KpiId } from '@cairn/schema';
import { DEFAULT_TEST_PG_URL, isPostgresReachable } from '@cairn/server';
import { Campaign, Workspace } from '../../server/src/db/entities';
import { createOrm, migrate, type Em } from '../../server/src/db/orm';
import { createScratchPostgres } from '../../server/src/db/scratch-postgres';
import { scopeToWorkspace } from '../../server/src/db/workspace-filter';
import { kpiSeries, type KpiSeriesPoint } from '../../server/src/modules/kpi/kpi-series';
import { elapsed, fmtCount, fmtMs, phaseAsync, timeRuns } from './segment-sql/measure';

const EVENTS = Number(process.env['BENCH_KPI_EVENTS'] ?? 10_000_000);
const RUNS = Number(process.env['BENCH_KPI_RUNS'] ?? 5);
const CUSTOMERS = Math.max(100, Math.round(EVENTS / 50));
const ZONE = 'Europe/Berlin';
const FROM = Date.parse('2025-12-31T23:00:00Z'); // 2026-01-01 00:00 in Berlin
const TO = Date.parse('2026-12-31T23:00:00Z'); // 2027-01-01 00:00 in Berlin
const KPIS: KpiId[] = ['conversionRate', 'revenue', 'roas', 'averageOrderValue'];
const TARGET_MS = 1_000;

/**
 * Events over the year (plus 2 % before it): 10 % tagged utm_campaign "spring" (the campaign),
 * 5 % "other"; 6 % of them `Order Completed` with a total. Ids are zero-padded counters.
 */
function eventsSql(workspaceId: string): string {
  const span = TO - FROM;
  return `INSERT INTO events (id, workspace_id, customer_id, name, properties, occurred_at, received_at, message_id)
SELECT 'e' || lpad(i::text, 35, '0'), '${workspaceId}', 'c' || lpad((1 + (h % ${CUSTOMERS}))::text, 35, '0'),
  CASE WHEN h2 % 100 < 6 THEN 'Order Completed' ELSE 'Page Viewed' END,
  jsonb_strip_nulls(jsonb_build_object(
    'utm_campaign', CASE WHEN h3 % 100 < 10 THEN 'spring' WHEN h3 % 100 < 15 THEN 'other' END,
    'utm_medium', CASE WHEN h3 % 2 = 0 THEN 'email' ELSE 'cpc' END,
    'total', CASE WHEN h2 % 100 < 6 THEN round((h % 20000) / 100.0, 2) END)),
  to_timestamp((${FROM} - ${Math.round(span * 0.02)} + floor(h4::float8 / 4294967296 * ${Math.round(span * 1.02)}))::float8 / 1000),
  to_timestamp(${FROM}::float8 / 1000), NULL
FROM (SELECT i, (i * 2654435761) % 4294967296 AS h, (i * 40503) % 1000003 AS h2,
             (i * 69069 + 7) % 999983 AS h3, (i::bigint * 2246822519) % 4294967296 AS h4
        FROM generate_series(1::bigint, ${EVENTS}::bigint) AS i) g`;
}

/** What ingestion's UTM mapping writes for those events, in arrival (time) order: the campaign's touches. */
function touchesSql(workspaceId: string, campaignId: string): string {
  return `INSERT INTO campaign_touches (id, workspace_id, campaign_id, customer_id, name, channel, amount, occurred_at)
SELECT 't' || substr(e.id, 2), e.workspace_id, '${campaignId}', e.customer_id, e.name,
  coalesce(e.properties->>'utm_medium', 'unknown'),
  CASE WHEN e.name = 'Order Completed' THEN (e.properties->>'total')::float8 END, e.occurred_at
FROM events e WHERE e.workspace_id = '${workspaceId}' AND e.properties->>'utm_campaign' = 'spring'
ORDER BY e.occurred_at`;
}

/** The baseline: the same base metrics from events, by PostgreSQL's local day. */
async function baseline(em: Em, workspaceId: string): Promise<Map<string, Record<string, number>>> {
  const rows = await em.execute<Array<Record<string, string | number | null>>>(
    `SELECT to_char(e.occurred_at AT TIME ZONE '${ZONE}', 'YYYY-MM-DD') AS day,
       count(DISTINCT e.customer_id) AS entered,
       count(DISTINCT CASE WHEN e.name = 'Order Completed' THEN e.customer_id END) AS conversions,
       sum(CASE WHEN e.name = 'Order Completed' THEN 1 ELSE 0 END) AS orders,
       sum(CASE WHEN e.name = 'Order Completed' THEN (e.properties->>'total')::float8 END) AS revenue
     FROM events e
     WHERE e.workspace_id = ? AND e.properties->>'utm_campaign' = 'spring'
       AND e.occurred_at >= to_timestamp(?::float8 / 1000) AND e.occurred_at < to_timestamp(?::float8 / 1000)
     GROUP BY 1`,
    [workspaceId, FROM, TO],
  );
  return new Map(
    rows.map((r) => [
      String(r['day']),
      {
        entered: Number(r['entered']),
        conversions: Number(r['conversions']),
        orders: Number(r['orders']),
        revenue: Math.round(Number(r['revenue'] ?? 0) * 10_000) / 10_000,
      },
    ]),
  );
}

function compare(series: readonly KpiSeriesPoint[], expected: Map<string, Record<string, number>>) {
  let checked = 0;
  for (const point of series) {
    const want = expected.get(point.label) ?? { entered: 0, conversions: 0, orders: 0, revenue: 0 };
    for (const [metric, value] of Object.entries(want)) {
      const got = point.metrics[metric as keyof typeof point.metrics];
      if (got === undefined || Math.abs(got - value) > 1e-6)
        throw new Error(`${point.label} ${metric}: kpiSeries gave ${got}, the baseline ${value}`);
      checked++;
    }
    if (point.metrics.spend !== 100)
      throw new Error(`${point.label} spend: ${point.metrics.spend}`);
  }
  return checked;
}

async function main(): Promise<void> {
  const url = process.env['CAIRN_TEST_PG_URL'] || DEFAULT_TEST_PG_URL;
  if (!(await isPostgresReachable(url))) {
    console.log(`kpi-series benchmark: no PostgreSQL answers at ${url}; skipped.`);
    return;
  }
  console.log(
    `KPI series benchmark: ${fmtCount(EVENTS)} events, ${fmtCount(CUSTOMERS)} customers, daily over 2026 in ${ZONE}; ${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const scratch = await createScratchPostgres(url);
  const orm = await createOrm({ dialect: 'postgres', url: scratch.url });
  try {
    await migrate(orm);
    const root = orm.em.fork();
    const ws = root.create(Workspace, { name: 'Bench' });
    await root.flush();
    const em = orm.em.fork();
    scopeToWorkspace(em, ws.id);
    const campaign = em.create(Campaign, {
      workspace: ws.id,
      name: 'Spring',
      objective: 'acquisition',
      channels: ['email', 'cpc'],
      utmCampaign: 'spring',
      journeyIds: [],
      segmentIds: [],
      targets: [{ kpiId: 'conversionRate', value: 10 }],
      startsAt: new Date(FROM),
    });
    await em.flush();
    console.log('Generating (inside PostgreSQL):');
    await phaseAsync(`customers (${fmtCount(CUSTOMERS)})`, () =>
      em.execute(`INSERT INTO customers (id, workspace_id, email, traits, created_at, updated_at, search_text)
        SELECT 'c' || lpad(i::text, 35, '0'), '${ws.id}', 'c' || i || '@example.com', '{}'::jsonb, now(), now(), ''
        FROM generate_series(1, ${CUSTOMERS}) AS i`),
    );
    // Bulk load: the events table's secondary indexes dropped and rebuilt after, FK triggers off.
    const indexes = await em.execute<Array<{ name: string; def: string }>>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes i
        WHERE i.tablename = 'events' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    );
    await phaseAsync(`events (${fmtCount(EVENTS)})`, () =>
      em.transactional(async (tx) => {
        await tx.execute('SET LOCAL session_replication_role = replica');
        for (const index of indexes) await tx.execute(`DROP INDEX "${index.name}"`);
        await tx.execute(eventsSql(ws.id));
      }),
    );
    await phaseAsync(`events' ${indexes.length} indexes rebuilt`, async () => {
      for (const index of indexes) await em.execute(index.def);
    });
    await phaseAsync('campaign touches (the UTM mapping)', () =>
      em.execute(touchesSql(ws.id, campaign.id)),
    );
    await phaseAsync('spend (365 days x 2 channels)', () =>
      em.execute(`INSERT INTO campaign_spend (id, workspace_id, campaign_id, day, channel, amount)
        SELECT 's' || d || ch, '${ws.id}', '${campaign.id}', to_char(date '2026-01-01' + d, 'YYYY-MM-DD'), ch, 50
        FROM generate_series(0, 364) AS d, (VALUES ('email'), ('cpc')) AS c(ch)`),
    );
    await phaseAsync('VACUUM ANALYZE', () => em.execute('VACUUM ANALYZE'));
    const [touches] = await em.execute<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM campaign_touches WHERE campaign_id = '${campaign.id}'`,
    );
    console.log(`  ${fmtCount(Number(touches?.n))} touches of the campaign`);

    const targets = new Map([['conversionRate', { value: 10 }]]);
    const scoped = () => {
      const fork = orm.em.fork();
      scopeToWorkspace(fork, ws.id);
      return fork;
    };
    const run = () =>
      kpiSeries(scoped(), ws.id, {
        scope: { kind: 'campaign', campaignId: campaign.id },
        kpis: KPIS.map(kpiDefinition),
        from: FROM,
        to: TO,
        unit: 'day',
        timeZone: ZONE,
        targets,
      });
    console.log(`Measuring: 1 warm-up + median of ${RUNS}`);
    const took = elapsed();
    const series = await run();
    console.log(`  first run (cold): ${fmtMs(took())}`);
    const server = await timeRuns(RUNS, async () => (await run()).length);
    const base = await timeRuns(RUNS, async () => (await baseline(scoped(), ws.id)).size);
    const checked = compare(series, await baseline(scoped(), ws.id));
    console.log(
      `  ${series.length} daily buckets; ${checked} metric values equal to the baseline's`,
    );
    const load = loadavg()[0]!.toFixed(2);
    console.log(
      `  kpiSeries (campaign_touches):        ${fmtMs(server.median).padStart(9)}  (min ${fmtMs(server.min)}, max ${fmtMs(server.max)})`,
    );
    console.log(
      `  baseline (events, JSON utm filter):  ${fmtMs(base.median).padStart(9)}  (min ${fmtMs(base.min)}, max ${fmtMs(base.max)})`,
    );
    console.log(
      `  ratio baseline / kpiSeries: ${(base.median / server.median).toFixed(1)}x; target <= ${fmtMs(TARGET_MS)}: ${server.median <= TARGET_MS ? 'met' : 'NOT met'} (load ${load})`,
    );
  } finally {
    await orm.close();
    await scratch.drop();
  }
}

await main();
