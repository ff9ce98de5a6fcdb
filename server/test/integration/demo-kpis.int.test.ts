import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-key.service';
import { Workspace } from '../../src/db/entities';
import { DEMO_WORKSPACE_NAME } from '../../src/seed/demo-seed';
import { startTestApp, type TestApp } from '../harness';

let t: TestApp;
let key: string;

beforeAll(async () => {
  t = await startTestApp({ SEED_DEMO: 'true', SEGMENT_RECHECK_MS: '0' });
  const em = t.app.orm.em.fork();
  const demo = await em.findOneOrFail(Workspace, { name: DEMO_WORKSPACE_NAME }, { filters: false });
  key = createApiKey(em, demo, 'test').secret;
  await em.flush();
});
afterAll(() => t.close());

describe('the demo workspace', () => {
  it('has a campaign whose message, content, survey, margin and churn KPIs have values', async () => {
    const listed = await t.gql<{ campaigns: Array<{ id: string; name: string }> }>(
      key,
      `{ campaigns { id name } }`,
    );
    const campaign = listed.body.data!.campaigns.find((c) => c.name === 'November newsletter')!;
    const kpis = [
      'openRate',
      'ctr',
      'clickToOpenRate',
      'bounceRate',
      'hardBounceRate',
      'softBounceRate',
      'unsubscribeRate',
      'engagementRate',
      'nps',
      'csat',
      'churnRate',
      'retentionRate',
      'clvMargin',
      'roi',
      'revenue',
    ];
    const res = await t.gql<{
      kpiSeries: Array<{
        metrics: Record<string, number>;
        values: Array<{ kpiId: string; value: number | null }>;
      }>;
    }>(
      key,
      `query($scope: KpiScopeInput!, $kpis: [String!]!, $from: DateTimeISO!, $to: DateTimeISO!) {
        kpiSeries(scope: $scope, kpiIds: $kpis, from: $from, to: $to, unit: "month") { metrics values { kpiId value } }
      }`,
      {
        scope: { kind: 'campaign', campaignId: campaign.id },
        kpis,
        from: new Date(Date.now() - 40 * 86_400_000).toISOString(),
        to: new Date(Date.now() + 60_000).toISOString(),
      },
    );
    expect(res.body.errors).toBeUndefined();
    const points = res.body.data!.kpiSeries;
    // Over the buckets, each KPI has a value somewhere (the demo is not "no data" anywhere).
    for (const id of kpis)
      expect(
        points.some((p) => p.values.some((v) => v.kpiId === id && v.value !== null)),
        id,
      ).toBe(true);
    const total = (metric: string) => points.reduce((sum, p) => sum + (p.metrics[metric] ?? 0), 0);
    expect(total('opened')).toBeLessThanOrEqual(total('delivered'));
    expect(total('delivered') + total('bounced.hard') + total('bounced.soft')).toBe(total('sent'));
  });
});
