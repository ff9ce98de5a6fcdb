import type { CustomerFacts, RuleDependencies } from '@cairn/schema';
import type { EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import {
  ConsentRecord,
  Customer,
  Event,
  ScoreEntry,
  SegmentMembership,
  SegmentRecheck,
} from '../../../db/entities';
import { chunks } from '../../../db/chunks';
import type { Em } from '../../../db/orm';

/** What the segment engine reads besides profiles: only what some rule being evaluated reads. */
export interface FactNeeds {
  readonly eventNames: readonly string[];
  readonly scoreModels: readonly string[];
  readonly consentChannels: readonly string[];
  /** The segments whose memberships to load. */
  readonly memberships: readonly string[];
  /** The segments whose pending re-checks to load (`LiveCustomer.rechecks`). */
  readonly rechecks: readonly string[];
}

/** One customer as the engine evaluates them. */
export interface LiveCustomer {
  /** The evaluators' facts; `segments` is kept in step as segments are evaluated in order. */
  facts: CustomerFacts;
  /** The customer's IANA time zone for calendar conditions (undefined: UTC). */
  readonly timeZone: string | undefined;
  /** Pending re-check by segment id (when `FactNeeds.rechecks`). */
  readonly rechecks: Map<string, { readonly id: string; readonly dueAt: number }>;
}

/**
 * Which customers to load: some ids, or an id range (`after` < id <= `upTo`, no upper bound
 * without `upTo`) for whole scans.
 */
export type CustomerSelection =
  | { readonly ids: readonly string[] }
  | { readonly after: string; readonly upTo: string | undefined };

/** The union of what some rules read, for `loadLiveFacts`. */
export function factNeeds(
  deps: readonly RuleDependencies[],
  memberships: readonly string[],
  rechecks: readonly string[],
): FactNeeds {
  const union = (pick: (d: RuleDependencies) => readonly string[]) => [
    ...new Set(deps.flatMap(pick)),
  ];
  return {
    eventNames: union((d) => d.eventNames),
    scoreModels: union((d) => d.scoreModels),
    consentChannels: union((d) => d.consentChannels),
    memberships,
    rechecks,
  };
}

type Row = Record<string, unknown>;

/**
 * Rows of one entity for the selected customers, as the driver returns them (keyed by property
 * name; dates and JSON converted by `ms` and `object`): no entities, no identity map, not even
 * the ORM's result mapping, which cost more than the query for thousands of events. The
 * workspace filter applies.
 */
async function rowsOf(
  em: Em,
  entity: EntityName<object>,
  customerKey: string,
  selection: CustomerSelection,
  fields: readonly string[],
  where: FilterQuery<object>,
  orderBy?: QueryOrderMap<object>,
): Promise<Row[]> {
  const { properties } = em.getMetadata().find(entity) as unknown as {
    properties: Record<string, { fieldNames: string[] }>;
  };
  const columns = fields.map((f) => [f, properties[f]!.fieldNames[0]!] as const);
  const run = async (customers: FilterQuery<object>) => {
    const qb = em
      .createQueryBuilder(entity)
      .select([...fields])
      .where({ ...(where as object), [customerKey]: customers });
    if (orderBy) qb.orderBy(orderBy);
    await qb.applyFilters();
    const raw = await qb.execute<Row[]>('all', false);
    return raw.map((r) => {
      const row: Row = {};
      for (const [field, column] of columns) row[field] = r[column];
      return row;
    });
  };
  if (!('ids' in selection))
    return run({
      $gt: selection.after,
      ...(selection.upTo === undefined ? {} : { $lte: selection.upTo }),
    });
  const rows: Row[] = [];
  for (const chunk of chunks(selection.ids)) rows.push(...(await run({ $in: chunk })));
  return rows;
}

/** A JSON object column: parsed by the PostgreSQL driver, text on SQLite. */
const object = (value: unknown): Record<string, unknown> =>
  (typeof value === 'string' ? JSON.parse(value) : (value ?? {})) as Record<string, unknown>;
/**
 * A datetime column as Unix ms: a number on SQLite (how the ORM stores dates there), text such
 * as `2026-12-01 22:27:42.417+00` from PostgreSQL, or a Date.
 */
const ms = (value: unknown): number => {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  const text = String(value).replace(' ', 'T');
  return Date.parse(/[+-]\d\d$/.test(text) ? `${text}:00` : text);
};

/**
 * Rows by time, then id, as the evaluators expect (sorted in memory: the index seeks return them
 * customer by customer, and SQL would sort them in a temporary B-tree all the same).
 */
function oldestFirst(rows: Row[], time: string): Row[] {
  const at = new Map(rows.map((r) => [r, ms(r[time])]));
  return rows.sort((a, b) => at.get(a)! - at.get(b)! || (a['id']! < b['id']! ? -1 : 1));
}

/** Rows grouped by their customer. */
function byCustomer(rows: readonly Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const id = row['customer'] as string;
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return groups;
}

const EVENT_FIELDS = ['id', 'name', 'properties', 'occurredAt'];
const SCORE_FIELDS = ['id', 'model', 'at', 'value'];
const CONSENT_FIELDS = ['id', 'channel', 'granted', 'recordedAt'];
const RECHECK_FIELDS = ['id', 'segmentId', 'dueAt'];

/**
 * Loads the selected customers' facts for the segment engine: profiles, then only the events,
 * scores, consent, memberships and re-checks `needs` asks for, each in one query per chunk of
 * customers (ordered as the evaluators expect: oldest first).
 */
export async function loadLiveFacts(
  em: Em,
  selection: CustomerSelection,
  needs: FactNeeds,
): Promise<Map<string, LiveCustomer>> {
  const customers = await rowsOf(
    em,
    Customer,
    'id',
    selection,
    ['id', 'email', 'traits', 'timeZone', 'createdAt'],
    {},
    { id: 'asc' },
  );
  const out = new Map<string, LiveCustomer>();
  if (customers.length === 0) return out;
  const range: CustomerSelection =
    'ids' in selection ? { ids: customers.map((c) => c['id'] as string) } : selection;
  /** The selected customers' rows of one entity whose `key` is one of `values` (none asked: none). */
  const load = async (
    entity: EntityName<object>,
    fields: readonly string[],
    key: string,
    values: readonly string[],
    time?: string,
  ): Promise<Map<string, Row[]>> => {
    if (values.length === 0) return new Map();
    const rows = await rowsOf(em, entity, 'customer', range, ['customer', ...fields], {
      [key]: { $in: [...values] },
    });
    return byCustomer(time ? oldestFirst(rows, time) : rows);
  };
  const events = await load(Event, EVENT_FIELDS, 'name', needs.eventNames, 'occurredAt');
  const scores = await load(ScoreEntry, SCORE_FIELDS, 'model', needs.scoreModels, 'at');
  const consent = await load(
    ConsentRecord,
    CONSENT_FIELDS,
    'channel',
    needs.consentChannels,
    'recordedAt',
  );
  // Both by (segment, customer): the unique index answers them with one seek a pair.
  const memberships = await load(SegmentMembership, ['segmentId'], 'segmentId', needs.memberships);
  const rechecks = await load(SegmentRecheck, RECHECK_FIELDS, 'segmentId', needs.rechecks);
  for (const c of customers) {
    const id = c['id'] as string;
    const history = new Map<string, Array<{ at: number; value: number }>>();
    for (const s of scores.get(id) ?? []) {
      const model = s['model'] as string;
      history.set(model, [
        ...(history.get(model) ?? []),
        { at: ms(s['at']), value: Number(s['value']) },
      ]);
    }
    out.set(id, {
      facts: {
        id,
        email: (c['email'] as string | null) ?? null,
        createdAt: ms(c['createdAt']),
        traits: object(c['traits']),
        events: (events.get(id) ?? []).map((e) => ({
          id: e['id'] as string,
          name: e['name'] as string,
          occurredAt: ms(e['occurredAt']),
          properties: object(e['properties']),
        })),
        scores: Object.fromEntries([...history].map(([model, h]) => [model, { history: h }])),
        // Oldest first, so the latest record per channel wins.
        consent: Object.fromEntries(
          (consent.get(id) ?? []).map((r) => [r['channel'] as string, Boolean(r['granted'])]),
        ),
        segments: (memberships.get(id) ?? []).map((m) => m['segmentId'] as string),
      },
      timeZone: (c['timeZone'] as string | null) ?? undefined,
      rechecks: new Map(
        (rechecks.get(id) ?? []).map((r) => [
          r['segmentId'] as string,
          { id: r['id'] as string, dueAt: ms(r['dueAt']) },
        ]),
      ),
    });
  }
  return out;
}
