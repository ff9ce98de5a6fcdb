import { JOURNEY_EXAMPLES, type JourneyExampleName } from '@cairn/schema';
import type { RunningCairn } from './cairn-server';

/** Data the browser tests set up through the API, as an integration would. */

interface IngestPayload {
  accepted: number;
  rejected: number;
  results: { status: string; customerId: string | null; problems: { message: string }[] }[];
}

/** Creates a journey from one of the examples and publishes it; returns its id. */
export async function publishExample(
  cairn: RunningCairn,
  name: string,
  example: JourneyExampleName,
): Promise<string> {
  const created = await cairn.graphql<{ createJourney: { journey: { id: string } } }>(
    `mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } } }`,
    { input: { name, graph: JOURNEY_EXAMPLES[example] } },
  );
  const id = created.createJourney.journey.id;
  const published = await cairn.graphql<{
    publishJourney: { ok: boolean; problems: { message: string }[] };
  }>(`mutation($id: ID!) { publishJourney(id: $id) { ok problems { message } } }`, { id });
  if (!published.publishJourney.ok)
    throw new Error(`not published: ${JSON.stringify(published.publishJourney.problems)}`);
  return id;
}

/** Tracks events (all must be accepted); returns the customer id of each. */
export async function track(
  cairn: RunningCairn,
  events: ReadonlyArray<{ email: string; event: string; properties?: Record<string, unknown> }>,
): Promise<string[]> {
  const { track: payload } = await cairn.graphql<{ track: IngestPayload }>(
    `mutation($events: [TrackInput!]!) { track(events: $events) {
      accepted rejected results { status customerId problems { message } }
    } }`,
    { events },
  );
  if (payload.rejected > 0) throw new Error(`events rejected: ${JSON.stringify(payload.results)}`);
  return payload.results.map((r) => r.customerId!);
}

/** An `Order Completed` event with the properties ingestion needs to record the order. */
export const orderCompleted = (email: string, orderId: string, total: number) => ({
  email,
  event: 'Order Completed',
  properties: { orderId, total, currency: 'EUR' },
});
