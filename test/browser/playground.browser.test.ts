import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './session';

const session = useBrowserSession();

/** Visible text of a GraphiQL pane; Monaco renders spaces as no-break spaces. */
const paneText = async (locator: Locator) => (await locator.innerText()).replace(/\u00a0/g, ' ');

describe('playground examples', () => {
  it('opens the example operations with the demo key and ids filled in, and runs the membership check, the customer 360 and the KPI values', async () => {
    const cairn = session.cairn();
    const created = await cairn.graphql<{ createSegment: { segment: { id: string } } }>(
      `mutation { createSegment(input: { name: "Email opt-in", rule: { version: 1, root: { kind: "consent", channel: "email" } } }) { segment { id } } }`,
    );
    const segmentId = created.createSegment.segment.id;
    const first = await cairn.graphql<{ customers: { edges: { node: { id: string } }[] } }>(
      '{ customers(first: 1) { edges { node { id } } } }',
    );
    const customerId = first.customers.edges[0]!.node.id;
    const member = await cairn.graphql<{ isMember: boolean }>(
      'query($c: ID!, $s: ID!) { isMember(customerId: $c, segmentId: $s) }',
      { c: customerId, s: segmentId },
    );

    const page = await session.open('/playground');
    const tabs = page.locator('.graphiql-tab');
    await expect.poll(() => tabs.count(), { timeout: 30_000 }).toBe(7);
    expect(await tabs.allInnerTexts()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('MembershipCheckQuery'),
        expect.stringContaining('Customer360Query'),
        expect.stringContaining('TrackEventsMutation'),
        expect.stringContaining('IdentifyMutation'),
        expect.stringContaining('SegmentPreviewExampleQuery'),
        expect.stringContaining('KpiValuesQuery'),
      ]),
    );
    // Tabs switch once the editor is up (Monaco loads after the tab bar).
    const query = page.locator('.graphiql-query-editor');
    await expect.poll(() => paneText(query), { timeout: 30_000 }).toContain('FirstCustomersQuery');
    await tabs.filter({ hasText: 'MembershipCheckQuery' }).locator('button').first().click();
    await expect
      .poll(() => paneText(query), { timeout: 15_000 })
      .toContain('isMember(customerId: $customerId, segmentId: $segmentId)');
    await page.getByRole('button', { name: 'Variables' }).click();
    const tools = page.locator('.graphiql-editor-tool');
    await expect.poll(() => paneText(tools)).toContain(`"segmentId": "${segmentId}"`);
    await page.getByRole('button', { name: 'Headers' }).click();
    await expect.poll(() => paneText(tools)).toContain(`"Authorization": "Bearer ${cairn.apiKey}"`);

    await page.locator('.graphiql-execute-button').click();
    await expect
      .poll(() => paneText(page.locator('.graphiql-response')))
      .toContain(`"isMember": ${member.isMember}`);
    await session.screenshot(page, 'playground-membership');

    // The customer 360 example runs too, for the same customer.
    await tabs.filter({ hasText: 'Customer360Query' }).locator('button').first().click();
    await expect
      .poll(() => paneText(query), { timeout: 15_000 })
      .toContain('query Customer360Query');
    // Its variables name the same customer (checking them also gives GraphiQL the 100 ms it takes
    // to re-read the operation name after a tab switch).
    await page.getByRole('button', { name: 'Variables' }).click();
    await expect.poll(() => paneText(tools)).toContain(`"id": "${customerId}"`);
    await page.locator('.graphiql-execute-button').click();
    await expect
      .poll(() => paneText(page.locator('.graphiql-response')))
      .toContain(`"id": "${customerId}"`);
    await session.screenshot(page, 'playground-customer-360');

    // The KPI values example: the demo's published journey's conversion rate over the last three
    // months (the playground picks the first active journey, as this query does).
    const active = await cairn.graphql<{ journeys: { id: string }[] }>(
      '{ journeys(status: "active") { id } }',
    );
    const journeyId = active.journeys[0]!.id;
    const now = new Date();
    const month = (offset: number) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString();
    const series = await cairn.graphql<{
      kpiSeries: { label: string; values: { kpiId: string; value: number | null }[] }[];
    }>(
      `query($scope: KpiScopeInput!, $from: DateTimeISO!, $to: DateTimeISO!) {
        kpiSeries(scope: $scope, kpiIds: ["conversionRate"], from: $from, to: $to, unit: "month") {
          label values { kpiId value }
        }
      }`,
      { scope: { kind: 'journey', journeyId }, from: month(-2), to: month(1) },
    );
    expect(series.kpiSeries).toHaveLength(3);
    await tabs.filter({ hasText: 'KpiValuesQuery' }).locator('button').first().click();
    await expect.poll(() => paneText(query), { timeout: 15_000 }).toContain('query KpiValuesQuery');
    await page.getByRole('button', { name: 'Variables' }).click();
    await expect.poll(() => paneText(tools)).toContain(`"journeyId": "${journeyId}"`);
    await page.locator('.graphiql-execute-button').click();
    const bucket = series.kpiSeries[0]!;
    const response = () => paneText(page.locator('.graphiql-response'));
    // The first bucket's label is the first month of the range (the pane shows only a few
    // lines of the variables; the response tells that `from` is the same).
    await expect.poll(response).toContain(`"label": "${bucket.label}"`);
    const compact = (await response()).replace(/\s+/g, '');
    for (const v of bucket.values)
      expect(compact).toContain(`"kpiId":"${v.kpiId}","value":${JSON.stringify(v.value)}`);
    expect(await response()).not.toContain('"errors"');
    await session.screenshot(page, 'playground-kpi-values');
  });
});
