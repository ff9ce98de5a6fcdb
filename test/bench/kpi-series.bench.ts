/**
 * KPI series benchmark (issue 9): a daily series over one year for a campaign, with N events in
 * the workspace, on PostgreSQL. The server's path (`kpiSeries`: base metrics from
 * `campaign_touches` per local day in Europe/Berlin, bucketed by `bucketsBetween`, then the
 * campaign KPIs with their target status) against the baseline measured in the same run: the
 * same metrics straight from `events`, filtering the JSON `utm_campaign` property and grouping
 * by PostgreSQL's own local day. The two must agree bucket by bucket (the run aborts otherwise);
 * nothing asserts on timing. Data is generated inside a scratch database, dropped at the end.
 * Since issue 9's metrics the campaign series also reads gross margin and new customers (each
 * order touch looks for an earlier order of its customer in `orders`) and MQLs / SQLs (each lead
 * event looks for an earlier touch of the campaign); the data has orders with costs and lead
 * events, and those metrics are checked against the events too (untimed).
 *
 *   cd test && pnpm bench:kpi                       # 10,000,000 events (the issue's size)
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
const KPIS: KpiId[] = [
  'conversionRate',
  'revenue',
  'roas',
  'averageOrderValue',
  'roi',
  'cac',
  'mqlCount',
  'mqlToSqlRate',
  'engagementRate',
];
const TARGET_MS = 1_000;

/**
 * Events over the year (plus 2 % before it): 10 % tagged utm_campaign "spring" (the campaign),
 * 5 % "other"; 6 % of them `Order Completed` with a total and a cost of goods, 0.4 % lead events
 * (`Lead Became MQL`, `Lead Became SQL`). Ids are zero-padded counters.
 */
function eventsSql(workspaceId: string): string {
  const span = TO - FROM;
  return `INSERT INTO events (id, workspace_id, customer_id, name, properties, occurred_at, received_at, message_id)
SELECT 'e' || lpad(i::text, 35, '0'), '${workspaceId}', 'c' || lpad((1 + (h % ${CUSTOMERS}))::text, 35, '0'),
  CASE WHEN h2 % 100 < 6 THEN 'Order Completed' WHEN h2 % 1000 >= 997 THEN 'Lead Became MQL'
    WHEN h2 % 1000 >= 996 THEN 'Lead Became SQL' ELSE 'Page Viewed' END,
  jsonb_strip_nulls(jsonb_build_object(
    'utm_campaign', CASE WHEN h3 % 100 < 10 THEN 'spring' WHEN h3 % 100 < 15 THEN 'other' END,
    'utm_medium', CASE WHEN h3 % 2 = 0 THEN 'email' ELSE 'cpc' END,
    'total', CASE WHEN h2 % 100 < 6 THEN round((h % 20000) / 100.0, 2) END,
    'cost', CASE WHEN h2 % 100 < 6 THEN round((h % 20000) * 0.4 / 100.0, 2) END)),
  to_timestamp((${FROM} - ${Math.round(span * 0.02)} + floor(h4::float8 / 4294967296 * ${Math.round(span * 1.02)}))::float8 / 1000),
  to_timestamp(${FROM}::float8 / 1000), NULL
FROM (SELECT i, (i * 2654435761) % 4294967296 AS h, (i * 40503) % 1000003 AS h2,
             (i * 69069 + 7) % 999983 AS h3, (i::bigint * 2246822519) % 4294967296 AS h4
        FROM generate_series(1::bigint, ${EVENTS}::bigint) AS i) g`;
}

/** What ingestion's UTM mapping writes for those events, in arrival (time) order: the campaign's touches. */
function touchesSql(workspaceId: string, campaignId: string): string {
  return `INSERT INTO campaign_touches (id, workspace_id, campaign_id, customer_id, name, channel, amount, cost, occurred_at)
SELECT 't' || substr(e.id, 2), e.workspace_id, '${campaignId}', e.customer_id, e.name,
  coalesce(e.properties->>'utm_medium', 'unknown'),
  CASE WHEN e.name = 'Order Completed' THEN (e.properties->>'total')::float8 END,
  CASE WHEN e.name = 'Order Completed' THEN (e.properties->>'cost')::float8 END, e.occurred_at
FROM events e WHERE e.workspace_id = '${workspaceId}' AND e.properties->>'utm_campaign' = 'spring'
ORDER BY e.occurred_at`;
}

/** What ingestion writes for every `Order Completed` event: the orders, with their cost. */
function ordersSql(workspaceId: string): string {
  return `INSERT INTO orders (id, workspace_id, customer_id, order_id, amount, currency, items, occurred_at, received_at, cost)
SELECT 'o' || substr(e.id, 2), e.workspace_id, e.customer_id, e.id, (e.properties->>'total')::numeric, 'EUR', '[]'::jsonb,
  e.occurred_at, e.received_at, (e.properties->>'cost')::numeric
FROM events e WHERE e.workspace_id = '${workspaceId}' AND e.name = 'Order Completed'`;
}

/**
 * Issue 9's campaign metrics from events (untimed): margin and new customers of the spring
 * orders, leads with a spring event at or before their lead event.
 */
async function issue9Check(
  em: Em,
  workspaceId: string,
): Promise<Map<string, Record<string, number>>> {
  const rows = await em.execute<Array<Record<string, string | number | null>>>(
    `WITH firsts AS (SELECT customer_id, min(occurred_at) AS first FROM events
        WHERE workspace_id = ? AND name = 'Order Completed' GROUP BY customer_id),
      spring AS (SELECT e.*, to_char(e.occurred_at AT TIME ZONE '${ZONE}', 'YYYY-MM-DD') AS day FROM events e
        WHERE e.workspace_id = ? AND e.properties->>'utm_campaign' = 'spring'
          AND e.occurred_at >= to_timestamp(?::float8 / 1000) AND e.occurred_at < to_timestamp(?::float8 / 1000)),
      margins AS (SELECT day, sum((properties->>'total')::numeric - (properties->>'cost')::numeric) AS margin,
          count(DISTINCT CASE WHEN s.occurred_at = f.first THEN s.customer_id END) AS new_customers
        FROM spring s JOIN firsts f ON f.customer_id = s.customer_id WHERE s.name = 'Order Completed' GROUP BY day),
      leads AS (SELECT to_char(l.occurred_at AT TIME ZONE '${ZONE}', 'YYYY-MM-DD') AS day,
          count(DISTINCT CASE WHEN l.name = 'Lead Became MQL' THEN l.customer_id END) AS mqls,
          count(DISTINCT CASE WHEN l.name = 'Lead Became SQL' THEN l.customer_id END) AS sqls
        FROM events l WHERE l.workspace_id = ? AND l.name IN ('Lead Became MQL', 'Lead Became SQL')
          AND l.occurred_at >= to_timestamp(?::float8 / 1000) AND l.occurred_at < to_timestamp(?::float8 / 1000)
          AND EXISTS (SELECT 1 FROM events x WHERE x.customer_id = l.customer_id AND x.occurred_at <= l.occurred_at
            AND x.properties->>'utm_campaign' = 'spring')
        GROUP BY 1)
     SELECT coalesce(m.day, l.day) AS day, coalesce(m.margin, 0) AS margin, coalesce(m.new_customers, 0) AS new_customers,
       coalesce(l.mqls, 0) AS mqls, coalesce(l.sqls, 0) AS sqls
     FROM margins m FULL JOIN leads l ON l.day = m.day`,
    [workspaceId, workspaceId, FROM, TO, workspaceId, FROM, TO],
  );
  return new Map(
    rows.map((r) => [
      String(r['day']),
      {
        grossMargin: Math.round(Number(r['margin']) * 10_000) / 10_000,
        newCustomers: Number(r['new_customers']),
        mqls: Number(r['mqls']),
        sqls: Number(r['sqls']),
      },
    ]),
  );
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

const NONE = {
  entered: 0,
  conversions: 0,
  orders: 0,
  revenue: 0,
  grossMargin: 0,
  newCustomers: 0,
  mqls: 0,
  sqls: 0,
};

function compare(series: readonly KpiSeriesPoint[], expected: Map<string, Record<string, number>>) {
  let checked = 0;
  for (const point of series) {
    const want = { ...NONE, ...expected.get(point.label) };
    for (const [metric, value] of Object.entries(want)) {
      const got = point.metrics[metric as keyof typeof point.metrics];
      // Sums of doubles (touches) against exact numerics: equal to a cent's hundredth.
      if (got === undefined || Math.abs(got - value) > (metric === 'grossMargin' ? 1e-3 : 1e-6))
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
    await phaseAsync('orders (Order Completed events, with cost)', () =>
      em.execute(ordersSql(ws.id)),
    );
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
    const check = await issue9Check(scoped(), ws.id);
    const expected = await baseline(scoped(), ws.id);
    for (const [day, metrics] of check) expected.set(day, { ...expected.get(day), ...metrics });
    const checked = compare(series, expected);
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
