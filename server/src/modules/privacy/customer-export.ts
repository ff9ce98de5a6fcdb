import {
  ConsentRecord,
  CustomerMerge,
  Event,
  Identity,
  JourneyEnrollment,
  Order,
  OutboxMessage,
  ScoreEntry,
  SegmentMembership,
} from '../../db/entities';
import type { Em } from '../../db/orm';
import { plainRowPages, plainRows, type PlainRow } from './plain-rows';
import { readTogether } from '../../db/read-together';

/** Version of the export document's shape; raise it when a field changes meaning or goes away. */
export const EXPORT_FORMAT_VERSION = 1;

type Json = Record<string, unknown>;

/**
 * Everything held about one person (GDPR art. 15 and 20, CCPA "right to know"), as one JSON
 * document. Times are ISO 8601 strings in UTC. Derived data that holds nothing new (the folded
 * search text) and the workspace's secrets are left out.
 */
export interface CustomerExport {
  readonly formatVersion: number;
  readonly exportedAt: string;
  readonly workspaceId: string;
  readonly profile: {
    readonly id: string;
    readonly email: string | null;
    readonly timeZone: string | null;
    readonly createdAt: string | null;
    readonly updatedAt: string | null;
  };
  readonly traits: Json;
  readonly identities: Json[];
  readonly events: Json[];
  readonly orders: Json[];
  readonly consent: Json[];
  readonly scores: Json[];
  readonly segmentMemberships: Json[];
  readonly merges: Json[];
  /** Journey entries (where the person is or ended) and the messages sent or queued to them. */
  readonly journeys: Json[];
  readonly messages: Json[];
}

/** A stored time (a Date, or what a driver returned for one) as an ISO string. */
export function isoTime(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

const str = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

const identity = (r: PlainRow): Json => ({
  kind: r['kind'],
  source: r['source'],
  value: r['value'],
  createdAt: isoTime(r['createdAt']),
});
const event = (r: PlainRow): Json => ({
  id: r['id'],
  name: r['name'],
  properties: r['properties'],
  occurredAt: isoTime(r['occurredAt']),
  receivedAt: isoTime(r['receivedAt']),
  messageId: str(r['messageId']),
});
const order = (r: PlainRow): Json => ({
  id: r['id'],
  orderId: r['orderId'],
  amount: Number(r['amount']),
  currency: r['currency'],
  items: r['items'],
  occurredAt: isoTime(r['occurredAt']),
  receivedAt: isoTime(r['receivedAt']),
});
const consent = (r: PlainRow): Json => ({
  channel: r['channel'],
  granted: Boolean(r['granted']),
  source: str(r['source']),
  recordedAt: isoTime(r['recordedAt']),
});
const score = (r: PlainRow): Json => ({
  model: r['model'],
  at: isoTime(r['at']),
  value: Number(r['value']),
});
const membership = (r: PlainRow): Json => ({
  segmentId: r['segmentId'],
  enteredAt: isoTime(r['enteredAt']),
});
const merge = (r: PlainRow): Json => ({
  id: r['id'],
  mergedId: r['mergedId'],
  mergedTraits: r['mergedTraits'],
  moved: r['moved'],
  reason: r['reason'],
  mergedAt: isoTime(r['mergedAt']),
});

/**
 * Builds the export of a customer whose profile row is `profile`. Every table is read as plain rows,
 * page by page, oldest first.
 */
export async function buildCustomerExport(
  em: Em,
  workspaceId: string,
  profile: PlainRow,
): Promise<CustomerExport> {
  const id = String(profile['id']);
  const own = { workspace: workspaceId, customer: id };
  const events: Json[] = [];
  for await (const page of plainRowPages(em, Event, own, 'occurredAt'))
    for (const row of page) events.push(event(row));
  const orders: Json[] = [];
  for await (const page of plainRowPages(em, Order, own, 'occurredAt'))
    for (const row of page) orders.push(order(row));
  const [identities, consents, scores, memberships, merges, journeys, messages] =
    await readTogether(em, [
      () => plainRows(em, Identity, own, 'createdAt'),
      () => plainRows(em, ConsentRecord, own, 'recordedAt'),
      () => plainRows(em, ScoreEntry, own, 'at'),
      () => plainRows(em, SegmentMembership, own, 'enteredAt'),
      () => plainRows(em, CustomerMerge, { workspace: workspaceId, survivor: id }, 'mergedAt'),
      () => plainRows(em, JourneyEnrollment, own, 'enteredAt'),
      () => plainRows(em, OutboxMessage, own, 'createdAt'),
    ]);
  return {
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    workspaceId,
    profile: {
      id,
      email: str(profile['email']),
      timeZone: str(profile['timeZone']),
      createdAt: isoTime(profile['createdAt']),
      updatedAt: isoTime(profile['updatedAt']),
    },
    traits: (profile['traits'] ?? {}) as Json,
    identities: identities.map(identity),
    events,
    orders,
    consent: consents.map(consent),
    scores: scores.map(score),
    segmentMemberships: memberships.map(membership),
    merges: merges.map(merge),
    journeys: journeys.map((r) => ({
      journeyId: r['journey'],
      version: r['version'],
      entryNumber: r['entryNumber'],
      status: r['status'],
      step: r['nodeId'],
      enteredAt: isoTime(r['enteredAt']),
      exitedAt: isoTime(r['exitedAt']),
      exitReason: r['exitReason'],
      convertedAt: isoTime(r['convertedAt']),
    })),
    messages: messages.map((r) => ({
      journeyId: r['journey'],
      step: r['nodeId'],
      channel: r['channel'],
      status: r['status'],
      skipReason: r['skipReason'],
      createdAt: isoTime(r['createdAt']),
      sentAt: isoTime(r['sentAt']),
    })),
  };
}
