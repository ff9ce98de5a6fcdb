import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { textOf, useBrowserSession } from './session';

const session = useBrowserSession();

const PREVIEW = /* GraphQL */ `
  query TestPreview($rule: JSONObject!) {
    segmentPreview(rule: $rule) {
      count
      problems {
        message
      }
    }
  }
`;

/** The audience the server counts for a rule: what the builder must show for the same rule. */
async function countOf(root: Record<string, unknown>): Promise<number> {
  const data = await session
    .cairn()
    .graphql<{ segmentPreview: { count: number | null; problems: unknown[] } }>(PREVIEW, {
      rule: { version: 1, root },
    });
  expect(data.segmentPreview.problems).toEqual([]);
  return data.segmentPreview.count!;
}

/** The count shown once the preview is not busy (a stale count reads as ''). */
async function shownCount(page: Page): Promise<string> {
  const count = page.getByTestId('audience-count');
  if ((await count.count()) === 0) return '';
  const busy = await page.locator('.audience__count').getAttribute('aria-busy');
  return busy === 'true' ? '' : (await textOf(count)).replace(/\D/g, '');
}

const footer = (group: Locator) => group.locator(':scope > footer');
const rowsOf = (group: Locator) => group.locator(':scope > ol > li > [data-testid="re-row"]');

describe('segment builder', () => {
  it('builds a segment with a nested group and an event condition, the count following each edit', async () => {
    const page = await session.open('/segments');
    // The demo workspace holds one segment already: its campaign's audience.
    await page.getByTestId('segment-row').first().waitFor();
    expect(await page.getByTestId('segment-row').count()).toBe(1);
    await page.getByTestId('new-segment').first().click();
    await page.waitForURL(/\/segments\/new$/);

    // An empty rule: everyone.
    const everyone = await countOf({ kind: 'all', children: [] });
    await expect.poll(() => shownCount(page)).toBe(String(everyone));

    // A trait condition: country is one of FR, DE. An empty list is flagged on the row first.
    const root = page.getByTestId('re-group').first();
    await footer(root).getByRole('button', { name: '+ Profile trait' }).click();
    const trait = rowsOf(root).first();
    await trait.getByLabel('Trait', { exact: true }).selectOption('traits.country');
    await trait.getByLabel('Operator', { exact: true }).selectOption('in');
    await expect
      .poll(() => textOf(trait.getByTestId('re-problem')))
      .toContain('at least one value');
    expect(await page.getByTestId('save-segment').isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('audience-blocked').count()).toBe(1);
    const add = trait.getByLabel('Add to Values', { exact: true });
    await add.fill('FR');
    await add.press('Enter');
    await add.fill('DE');
    await add.press('Enter');
    expect(await trait.getByTestId('re-chip').allTextContents()).toEqual(['FR×', 'DE×']);
    // The row's own check clears at once; the last preview's problem clears when the next
    // (debounced) preview answers.
    await expect.poll(() => trait.getByTestId('re-problem').count()).toBe(0);
    const country = {
      kind: 'trait',
      path: 'traits.country',
      type: 'string',
      op: 'in',
      values: ['FR', 'DE'],
    };
    const inCountries = await countOf({ kind: 'all', children: [country] });
    expect(inCountries).toBeLessThan(everyone);
    await expect.poll(() => shownCount(page)).toBe(String(inCountries));

    // A nested "any" group: clicked an email, or ordered for 50 or more.
    await footer(root).getByRole('button', { name: '+ Group' }).click();
    const group = root.locator(':scope > ol > li > [data-testid="re-group"]');
    expect(await group.getByLabel('Combine rows', { exact: true }).inputValue()).toBe('any');
    await footer(group).getByRole('button', { name: '+ Event' }).click();
    const clicked = rowsOf(group).nth(0);
    await clicked.getByLabel('Event', { exact: true }).selectOption('Email Clicked');
    await clicked.getByLabel('Window', { exact: true }).first().selectOption('ever');
    await footer(group).getByRole('button', { name: '+ Event' }).click();
    const ordered = rowsOf(group).nth(1);
    await ordered.getByLabel('Event', { exact: true }).selectOption('Order Completed');
    await ordered.getByLabel('Window', { exact: true }).first().selectOption('ever');
    await ordered.getByRole('button', { name: '+ Filter by property' }).click();
    const filter = ordered.getByTestId('re-row').first();
    await filter.getByLabel('Property', { exact: true }).selectOption('total');
    await filter.getByLabel('Operator', { exact: true }).selectOption('gte');
    await filter.getByLabel('Value', { exact: true }).fill('50');

    const ever = { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 1 } };
    const nested = {
      kind: 'all',
      children: [
        country,
        {
          kind: 'any',
          children: [
            { kind: 'event', event: 'Email Clicked', measure: ever },
            {
              kind: 'event',
              event: 'Order Completed',
              where: {
                kind: 'all',
                children: [
                  { kind: 'property', path: 'total', type: 'number', op: 'gte', value: 50 },
                ],
              },
              measure: ever,
            },
          ],
        },
      ],
    };
    const expected = await countOf(nested);
    expect(expected).toBeLessThanOrEqual(inCountries);
    await expect.poll(() => shownCount(page), { timeout: 10_000 }).toBe(String(expected));
    await session.screenshot(page, 'segment-builder');

    // Moving the group above the trait changes nothing in the audience; then save.
    await group.getByRole('button', { name: 'Move group up' }).first().click();
    expect(await root.locator(':scope > ol > li > *').first().getAttribute('data-testid')).toBe(
      're-group',
    );
    // From the keyboard: the trait into the "any" group above it (an OR now), then out again.
    const into = root.getByRole('button', { name: 'Move trait condition into the group above' });
    await into.focus();
    await page.keyboard.press('Enter');
    expect(await rowsOf(group).count()).toBe(3);
    const anyOf = nested.children[1] as { children: unknown[] };
    const widened = await countOf({
      kind: 'all',
      children: [{ kind: 'any', children: [...anyOf.children, country] }],
    });
    expect(widened).toBeGreaterThanOrEqual(expected);
    await expect.poll(() => shownCount(page), { timeout: 10_000 }).toBe(String(widened));
    await group
      .getByRole('button', { name: 'Move trait condition out of its group' })
      .press('Enter');
    expect(await rowsOf(group).count()).toBe(2);
    expect(await rowsOf(root).count()).toBe(1);
    await expect.poll(() => shownCount(page), { timeout: 10_000 }).toBe(String(expected));

    await page.getByTestId('segment-name-input').fill('FR/DE engaged');
    await page.getByTestId('save-segment').click();
    await expect
      .poll(() => textOf(page.getByTestId('toast').first()))
      .toContain('Saved “FR/DE engaged” (version 1');
    await page.waitForURL(/\/segments\/[0-9a-f-]{36}$/);
    const saved = await session
      .cairn()
      .graphql<{ segments: { name: string; size: number; version: number }[] }>(
        '{ segments { name size version } }',
      );
    expect(saved.segments).toHaveLength(2); // the demo's segment, and this one
    expect(saved.segments.filter((s) => s.name === 'FR/DE engaged')).toEqual([
      { name: 'FR/DE engaged', size: expected, version: 1 },
    ]);
    await expect.poll(() => textOf(page.getByTestId('builder-title'))).toBe('FR/DE engaged');

    // The saved segment's insights: size history chart and the cross-tab against country.
    await page.getByTestId('size-history').locator('svg.recharts-surface').waitFor();
    await page.getByRole('tab', { name: 'Cross-tab' }).click();
    const table = page.getByTestId('cross-tab-table');
    await table.waitFor();
    const labels = await table.locator('tbody td:first-child').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['FR', 'DE']));
    await session.screenshot(page, 'segment-insights');

    // Explain for a chosen customer: the verdict the server gives for them.
    const segmentId = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.getByRole('tab', { name: 'Explain a customer' }).click();
    const pick = page.getByTestId('explain').locator('[data-customer-id]').first();
    await pick.click();
    const explained = await session
      .cairn()
      .graphql<{ explainSegment: { result: boolean } }>(
        'query($c: ID!, $s: ID!) { explainSegment(customerId: $c, segmentId: $s) { result } }',
        { c: await pick.getAttribute('data-customer-id'), s: segmentId },
      );
    await expect
      .poll(() => textOf(page.getByTestId('explain-verdict')))
      .toContain(
        explained.explainSegment.result ? 'Matches the rule now' : 'Does not match the rule now',
      );
    const explanation = page.getByTestId('explanation');
    expect(await explanation.locator('.xnode').count()).toBeGreaterThanOrEqual(5);
    expect(await textOf(explanation)).toContain('country is one of FR, DE');
    expect(await textOf(explanation)).toContain('Email Clicked happened at least 1 times ever');
    await session.screenshot(page, 'segment-explain');

    // A second save is version 2; both versions are listed.
    await page
      .getByLabel('Description', { exact: true })
      .fill('Clicked or bought big, in France or Germany');
    await page.getByTestId('save-segment').click();
    await expect
      .poll(() => page.getByTestId('toast').allTextContents())
      .toContainEqual(expect.stringContaining('(version 2'));
    await page.getByRole('tab', { name: 'Versions' }).click();
    await expect.poll(() => page.getByTestId('versions').locator('li').count()).toBe(2);

    // The list shows it with its size.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Segments' })
      .click();
    await page.getByTestId('segment-row').first().waitFor();
    expect(await textOf(page.getByTestId('segment-size').first())).toBe(String(expected));
    await page.getByTestId('segments-search').fill('nothing like it');
    await page.getByTestId('segments-empty').waitFor();
    await page.getByTestId('segments-search').fill('engaged');
    await expect.poll(() => page.getByTestId('segment-row').count()).toBe(1);
    await session.screenshot(page, 'segments-list');
  });
});

describe('segment references', () => {
  it('references another segment, and flags a reference that would make a cycle on its row', async () => {
    const cairn = session.cairn();
    const made = await cairn.graphql<{ createSegment: { segment: { id: string; size: number } } }>(
      `mutation { createSegment(input: { name: "Opted in to email", rule: { version: 1, root: { kind: "consent", channel: "email" } } }) { segment { id size } } }`,
    );
    const { id, size } = made.createSegment.segment;

    const page = await session.open('/segments/new');
    const root = page.getByTestId('re-group').first();
    await footer(root).getByRole('button', { name: '+ In segment' }).click();
    const row = rowsOf(root).first();
    await row.getByLabel('Segment', { exact: true }).selectOption({ label: 'Opted in to email' });
    expect(await row.getByLabel('Segment', { exact: true }).inputValue()).toBe(id);
    await expect.poll(() => shownCount(page)).toBe(String(size));
    await page.getByTestId('segment-name-input').fill('Refers to opted in');
    await page.getByTestId('save-segment').click();
    await page.waitForURL(/\/segments\/[0-9a-f-]{36}$/);
    const referring = new URL(page.url()).pathname.split('/').at(-1)!;

    // Now the first segment may not reference the second: that would be a cycle.
    await page.goto(`${cairn.baseUrl}/segments/${id}`);
    const first = page.getByTestId('re-group').first();
    await footer(first).getByRole('button', { name: '+ In segment' }).click();
    const cycle = rowsOf(first).nth(1);
    await cycle.getByLabel('Segment', { exact: true }).selectOption(referring);
    await expect.poll(() => textOf(cycle.getByTestId('re-problem'))).toContain('cycle');
    expect(await page.getByTestId('save-segment').isDisabled()).toBe(true);
    await session.screenshot(page, 'segment-cycle');
  });
});
