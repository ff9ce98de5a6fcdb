import type { CustomerFacts, RuleDependencies } from '@cairn/schema';
import { runStatement, type DriverStatement } from '../../../db/driver-sql';
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
 * A read of one table's rows for some customers (and, with `key`, for some values of one more
 * column), in the workspace, columns aliased to property names. Through the driver, not the ORM:
 * one text whatever the number of customers, prepared once, the lists passed as one parameter
 * each (SQLite: JSON arrays through `json_each`, so its IN-list seeks run inside one step instead
 * of a step per pair; PostgreSQL: arrays). SQLite's `+"workspace_id"` keeps the planner off the
 * workspace indexes: their statistics may date from before the table grew, and a workspace scan
 * is what they would cost; `seekKey: false` likewise makes SQLite filter on the key instead of
 * seeking each (customer, key) pair.
 */
function factRead(
  table: string,
  columns: Readonly<Record<string, string>>,
  customerColumn: string,
  key?: string,
  { seekKey = true } = {},
): DriverStatement {
  const list = Object.entries(columns)
    .map(([property, column]) => `"${column}" as "${property}"`)
    .join(', ');
  const keyed = (condition: string, unindexed = '') =>
    key ? ` and ${unindexed}"${key}" ${condition}` : '';
  const jsonList = 'in (select "value" from json_each(?))';
  return {
    sqlite: `select ${list} from "${table}" where "${customerColumn}" ${jsonList}${keyed(jsonList, seekKey ? '' : '+')} and +"workspace_id" = ?`,
    postgres: `select ${list} from "${table}" where "${customerColumn}" = any($1::varchar[])${keyed(
      '= any($2::varchar[])',
    )} and "workspace_id" = $${key ? 3 : 2}`,
  };
}

const READ_CUSTOMERS = factRead(
  'customers',
  { id: 'id', email: 'email', traits: 'traits', timeZone: 'time_zone', createdAt: 'created_at' },
  'id',
);
const READ_EVENTS = factRead(
  'events',
  {
    customer: 'customer_id',
    id: 'id',
    name: 'name',
    properties: 'properties',
    occurredAt: 'occurred_at',
  },
  'customer_id',
  'name',
);
const READ_SCORES = factRead(
  'score_entries',
  { customer: 'customer_id', id: 'id', model: 'model', at: 'at', value: 'value' },
  'customer_id',
  'model',
);
const READ_CONSENT = factRead(
  'consent_records',
  {
    customer: 'customer_id',
    id: 'id',
    channel: 'channel',
    granted: 'granted',
    recordedAt: 'recorded_at',
  },
  'customer_id',
  'channel',
);
// By customer: a customer belongs to a few segments, and a batch reads memberships of all of
// them (a seek per customer, not one per (segment, customer) pair of the unique index).
const READ_MEMBERSHIPS = factRead(
  'segment_memberships',
  { customer: 'customer_id', segmentId: 'segment_id' },
  'customer_id',
  'segment_id',
  { seekKey: false },
);
// Re-checks have no customer index: one seek per (segment, customer) pair of the unique one.
const READ_RECHECKS = factRead(
  'segment_rechecks',
  { customer: 'customer_id', id: 'id', segmentId: 'segment_id', dueAt: 'due_at' },
  'customer_id',
  'segment_id',
);

/** The rows of `statement` for `customerIds` (and `keys`, for a keyed read; none asked: none). */
async function rowsOf(
  em: Em,
  workspaceId: string,
  statement: DriverStatement,
  customerIds: readonly string[],
  keys?: readonly string[],
): Promise<Row[]> {
  if (customerIds.length === 0 || keys?.length === 0) return [];
  const { rows } = await runStatement<Row>(
    em,
    statement,
    () => [
      keys
        ? [JSON.stringify(customerIds), JSON.stringify(keys), workspaceId]
        : [JSON.stringify(customerIds), workspaceId],
    ],
    () => (keys ? [customerIds, keys, workspaceId] : [customerIds, workspaceId]),
  );
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

/**
 * Loads some customers' facts for the segment engine: profiles, then only the events, scores,
 * consent, memberships and re-checks `needs` asks for, one statement each (ordered as the
 * evaluators expect: oldest first). Customers not in the workspace (or gone) are left out.
 */
export async function loadLiveFacts(
  em: Em,
  workspaceId: string,
  customerIds: readonly string[],
  needs: FactNeeds,
): Promise<Map<string, LiveCustomer>> {
  const out = new Map<string, LiveCustomer>();
  const customers = await rowsOf(em, workspaceId, READ_CUSTOMERS, customerIds);
  if (customers.length === 0) return out;
  customers.sort((a, b) => ((a['id'] as string) < (b['id'] as string) ? -1 : 1));
  const ids = customers.map((c) => c['id'] as string);
  const load = async (
    statement: DriverStatement,
    keys: readonly string[],
    time?: string,
  ): Promise<Map<string, Row[]>> => {
    const rows = await rowsOf(em, workspaceId, statement, ids, keys);
    return byCustomer(time ? oldestFirst(rows, time) : rows);
  };
  const events = await load(READ_EVENTS, needs.eventNames, 'occurredAt');
  const scores = await load(READ_SCORES, needs.scoreModels, 'at');
  const consent = await load(READ_CONSENT, needs.consentChannels, 'recordedAt');
  const memberships = await load(READ_MEMBERSHIPS, needs.memberships);
  const rechecks = await load(READ_RECHECKS, needs.rechecks);
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
