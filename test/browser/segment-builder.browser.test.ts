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
    await page.getByTestId('segments-empty').waitFor();
    await session.screenshot(page, 'segments-empty');
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
    expect(await trait.getByTestId('re-problem').count()).toBe(0);
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
    expect(saved.segments).toEqual([{ name: 'FR/DE engaged', size: expected, version: 1 }]);

    // The saved segment's insights: size history chart and the cross-tab against country.
    await page.getByTestId('size-history').locator('svg.recharts-surface').waitFor();
    await page.getByRole('tab', { name: 'Cross-tab' }).click();
    const table = page.getByTestId('cross-tab-table');
    await table.waitFor();
    const labels = await table.locator('tbody td:first-child').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['FR', 'DE']));
    await session.screenshot(page, 'segment-insights');

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
