import type { RunningCairn } from './cairn-server';

/** A journey graph as the API takes it (kept loose: the tests write plain JSON). */
export type GraphJson = Record<string, unknown>;

const SETTINGS = { reentry: 'afterExit', exitOnGoal: true };

/** A journey created through the API from nodes and edges; returns its id. */
export async function createJourney(
  cairn: RunningCairn,
  name: string,
  nodes: unknown[],
  edges: unknown[],
): Promise<string> {
  const data = await cairn.graphql<{ createJourney: { journey: { id: string } } }>(
    `mutation ($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } } }`,
    { input: { name, graph: { version: 1, nodes, edges, settings: SETTINGS } } },
  );
  return data.createJourney.journey.id;
}

/** The stored draft and its revision. */
export async function readDraft(
  cairn: RunningCairn,
  id: string,
): Promise<{ draft: { nodes: Record<string, unknown>[] }; draftRevision: number }> {
  const data = await cairn.graphql<{
    journey: { draft: { nodes: Record<string, unknown>[] }; draftRevision: number };
  }>(`query ($id: ID!) { journey(id: $id) { draft draftRevision } }`, { id });
  return data.journey;
}

/** Saves a draft through the API with a revision, as another tab or marketer would. */
export async function saveDraft(
  cairn: RunningCairn,
  id: string,
  graph: unknown,
  revision: number,
): Promise<number> {
  const data = await cairn.graphql<{ saveJourneyDraft: { journey: { draftRevision: number } } }>(
    `mutation ($id: ID!, $input: SaveJourneyDraftInput!) {
       saveJourneyDraft(id: $id, input: $input) { journey { draftRevision } }
     }`,
    { id, input: { graph, revision } },
  );
  return data.saveJourneyDraft.journey.draftRevision;
}

/** Sends events or profiles through `POST /v1/events`; fails unless every item was accepted. */
export async function ingest(cairn: RunningCairn, items: unknown[]): Promise<void> {
  const response = await fetch(`${cairn.baseUrl}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${cairn.apiKey}` },
    body: JSON.stringify(items),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`ingestion failed (${response.status}): ${text}`);
  const body = JSON.parse(text) as { results?: { status?: string }[] };
  const refused = (body.results ?? []).filter((r) => r.status === 'REJECTED');
  if (refused.length) throw new Error(`ingestion refused items: ${text}`);
}

/** A trigger step on an event, at the top of the canvas. */
export const eventTrigger = (event: string) => ({
  id: 'trigger',
  kind: 'trigger',
  position: { x: 0, y: 0 },
  trigger: { type: 'event', event },
});

/** A wait step of whole days. */
export const waitDays = (days: number, y: number, label?: string) => ({
  id: 'wait',
  kind: 'wait',
  ...(label ? { label } : {}),
  position: { x: 0, y },
  wait: { type: 'duration', duration: { amount: days, unit: 'days' } },
});
