import { describe, expect, it } from 'vitest';
import { orderCompleted, publishExample, track } from './api-fixtures';
import { textOf, useBrowserSession } from './session';

const session = useBrowserSession();

interface ListedStats {
  journey: { stats: { entered: number; converted: number; conversionRate: number | null } };
}

describe('the journeys list', () => {
  it('shows each journey with its status, conversion and last change, and searches by name', async () => {
    const cairn = session.cairn();
    const live = await publishExample(cairn, 'Cart rescue (list)', 'cartAbandoned');
    const draft = await cairn.graphql<{ createJourney: { journey: { id: string } } }>(
      `mutation { createJourney(input: { name: "Winback draft (list)", example: "reengagement" }) { journey { id } } }`,
    );
    const draftId = draft.createJourney.journey.id;
    // Three carts abandoned, one of them followed by an order (the journey's goal).
    const emails = ['ana.list@example.com', 'bo.list@example.com', 'cy.list@example.com'];
    await track(
      cairn,
      emails.map((email) => ({ email, event: 'Cart Abandoned', properties: {} })),
    );
    await track(cairn, [orderCompleted(emails[0]!, 'LIST-1', 39)]);
    const { journey } = await cairn.graphql<ListedStats>(
      `query($id: ID!) { journey(id: $id) { stats { entered converted conversionRate } } }`,
      { id: live },
    );
    expect(journey.stats.entered).toBe(emails.length);
    expect(journey.stats.converted).toBeGreaterThan(0);

    const page = await session.open('/journeys');
    const row = (id: string) =>
      page.locator(`[data-testid="journey-row"][data-journey-id="${id}"]`);
    await row(live).waitFor();
    const conversion = await textOf(row(live).getByTestId('journey-conversion'));
    expect(conversion).toContain(`${(journey.stats.conversionRate! * 100).toFixed(1)}%`);
    expect(conversion).toContain(
      `${journey.stats.converted} of ${journey.stats.entered} converted`,
    );
    expect(await textOf(row(live))).toContain('active · v1');
    // Nobody entered the draft: no rate, and it says so.
    expect(await textOf(row(draftId).getByTestId('journey-conversion'))).toBe(
      '—nobody entered yet',
    );
    expect(await textOf(row(draftId))).toContain('draft');
    await session.screenshot(page, 'journeys-list-conversion');

    await page.getByLabel('Search journeys').fill('rescue');
    // Both rows at once: while the filtered list loads, the last one stays on screen.
    const shown = async () => [await row(live).count(), await row(draftId).count()];
    await expect.poll(shown).toEqual([1, 0]);
    await page.getByLabel('Search journeys').fill('');
    await page.getByLabel('Status').selectOption('draft');
    await expect.poll(shown).toEqual([0, 1]);
  });
});
