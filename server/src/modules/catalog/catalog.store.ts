import type { ObservedType } from '../../db/entities';
import { newId } from '../../db/ids';
import { advisoryLockKeys, lockForTransaction } from '../../db/advisory-lock';
import { isSqlite, runStatement, type DriverStatement, type Param } from '../../db/driver-sql';
import type { Em } from '../../db/orm';
import {
  addExample,
  entryKey,
  MAX_EXAMPLES,
  type CatalogExample,
  type CatalogObservations,
  type ObservedEntry,
} from './observe';

/** A property entry with the name of its event. */
interface PropertyRow extends ObservedEntry {
  readonly eventName: string;
}

/**
 * Adds one batch's observations to the workspace's stored catalog, in the transaction of `em` if
 * it has one, with multi-row `INSERT … ON CONFLICT DO UPDATE`s.
 *
 * - Counts are incremented in SQL (`count = count + excluded.count`), so concurrent writers never
 *   lose one; `last_seen_at` keeps the later time.
 * - Examples (up to 5 distinct, the stored ones first): on PostgreSQL merged in SQL, in the
 *   upsert, with the row's latest version (see {@link recordOnPostgres}): one statement that
 *   takes the shared catalog lock and upserts the three tables, and no batch waits for another's
 *   lock. On SQLite (one writer at a time) merged in JavaScript after one SELECT per table of the
 *   stored examples the batch may add to, and written whole; an entry written with no examples
 *   keeps the stored ones, and entries known (per process) to be full are neither read nor
 *   rewritten.
 * - The upsert locks the rows it writes until the commit, and every batch touches the same few
 *   hot rows (the workspace's event names): make this the last write of the transaction.
 *
 * Driver SQL (`db/driver-sql.ts`, prepared statements): the ORM's upsert cannot express
 * `count + excluded.count`, and its raw queries inline every value.
 *
 * @example
 * const seen = new CatalogObservations();
 * for (const e of accepted) seen.event(e.name, e.properties, e.occurredAt);
 * await recordCatalog(tx, workspaceId, seen);
 */
export async function recordCatalog(
  em: Em,
  workspaceId: string,
  observations: CatalogObservations,
): Promise<void> {
  if (observations.isEmpty) return;
  const traits = [...observations.traits()].sort(byPathType);
  const events = [...observations.events()].sort((a, b) => compare(a.name, b.name));
  const properties = events.flatMap((e) =>
    [...e.properties.values()]
      .sort(byPathType)
      .map((p): PropertyRow => ({ ...p, eventName: e.name })),
  );
  if (!isSqlite(em)) {
    await recordOnPostgres(em, workspaceId, traits, events, properties);
    return;
  }
  const sql = new CatalogSql(em);

  if (traits.length > 0) {
    const examples = await sql.examplesToWrite(
      'catalog_traits',
      workspaceId,
      traits.map((t) => ({ key: entryKey(t.path, t.type), entry: t })),
      (keys) => {
        const paths = distinct(keys.map((k) => k.entry.path));
        return {
          query: `select "path", "type", "examples" from "catalog_traits"
            where "workspace_id" = ? and "path" in (${marks(paths)})`,
          params: [workspaceId, ...paths],
          keyOf: (r) => entryKey(r['path'] as string, r['type'] as ObservedType),
        };
      },
    );
    sql.queue(
      'catalog_traits',
      traits.map((t, i) => traitRow(workspaceId, t, examples[i] ?? '[]')),
    );
  }

  if (events.length > 0) {
    sql.queue(
      'catalog_events',
      events.map((e) => eventRow(workspaceId, e)),
    );
  }

  if (properties.length > 0) {
    const examples = await sql.examplesToWrite(
      'catalog_event_properties',
      workspaceId,
      properties.map((p) => ({ key: propertyKey(p.eventName, p.path, p.type), entry: p })),
      (keys) => {
        const names = distinct(keys.map((k) => k.entry.eventName));
        const paths = distinct(keys.map((k) => k.entry.path));
        return {
          query: `select "event_name", "path", "type", "examples" from "catalog_event_properties"
            where "workspace_id" = ? and "event_name" in (${marks(names)})
              and "path" in (${marks(paths)})`,
          params: [workspaceId, ...names, ...paths],
          keyOf: (r) =>
            propertyKey(r['event_name'] as string, r['path'] as string, r['type'] as ObservedType),
        };
      },
    );
    sql.queue(
      'catalog_event_properties',
      properties.map((p, i) => propertyRow(workspaceId, p, examples[i] ?? '[]')),
    );
  }
  await sql.flush();
}

/**
 * PostgreSQL: the workspace's catalog lock in shared mode (batches do not wait for each other,
 * only an erasure's scrub, which takes it alone, waits for them and they for it), then, in the
 * same statement, one upsert
 * of the three tables whose `do update` merges the examples in SQL with the row's latest version,
 * so nothing is read first and no example is lost to a concurrent batch. The statement always
 * writes the three tables, in one order, and each table's rows in key order: concurrent batches
 * lock the hot rows in the same order and never deadlock on each other.
 */
async function recordOnPostgres(
  em: Em,
  workspaceId: string,
  traits: readonly ObservedEntry[],
  events: ReadonlyArray<{ name: string; count: number; lastSeenAt: Date }>,
  properties: readonly PropertyRow[],
): Promise<void> {
  const rows: Record<CatalogTable, ReadonlyArray<readonly Param[]>> = {
    catalog_traits: traits.map((t) => traitRow(workspaceId, t, JSON.stringify(t.examples))),
    catalog_events: events.map((e) => eventRow(workspaceId, e)),
    catalog_event_properties: properties.map((p) =>
      propertyRow(workspaceId, p, JSON.stringify(p.examples)),
    ),
  };
  await runStatement(
    em,
    POSTGRES_UPSERT,
    () => [],
    () => [
      ...TABLES.flatMap((table) =>
        COLUMNS[table].map((_, column) => rows[table].map((row) => row[column] ?? null)),
      ),
      ...advisoryLockKeys('catalog', workspaceId),
    ],
  );
}

/**
 * PostgreSQL: takes the workspace's catalog lock alone, a transaction-level advisory lock, waiting
 * for the transactions holding it to end. `recordCatalog` holds it in shared mode; anything else
 * that rewrites the catalog's rows in a transaction (an erasure's scrub) should take it first, so
 * that it cannot deadlock with ingestion. Outside a transaction it is released at once. SQLite:
 * nothing to do.
 */
export function lockWorkspaceCatalog(em: Em, workspaceId: string): Promise<void> {
  return lockForTransaction(em, 'catalog', workspaceId);
}

/** A table's row in `COLUMNS` order, with its examples as a JSON array. */
const traitRow = (workspaceId: string, t: ObservedEntry, examples: string): Param[] => [
  newId(),
  workspaceId,
  t.path,
  t.type,
  t.count,
  examples,
  t.lastSeenAt,
];

const eventRow = (
  workspaceId: string,
  e: { readonly name: string; readonly count: number; readonly lastSeenAt: Date },
): Param[] => [newId(), workspaceId, e.name, e.count, e.lastSeenAt];

const propertyRow = (workspaceId: string, p: PropertyRow, examples: string): Param[] => [
  newId(),
  workspaceId,
  p.eventName,
  p.path,
  p.type,
  p.count,
  examples,
  p.lastSeenAt,
];

/** The columns of each table, in insert order (the upsert's rows follow it), with their PostgreSQL types. */
const COLUMNS = {
  catalog_traits: [
    ['id', 'varchar'],
    ['workspace_id', 'varchar'],
    ['path', 'varchar'],
    ['type', 'varchar'],
    ['count', 'bigint'],
    ['examples', 'jsonb'],
    ['last_seen_at', 'timestamptz'],
  ],
  catalog_events: [
    ['id', 'varchar'],
    ['workspace_id', 'varchar'],
    ['name', 'varchar'],
    ['count', 'bigint'],
    ['last_seen_at', 'timestamptz'],
  ],
  catalog_event_properties: [
    ['id', 'varchar'],
    ['workspace_id', 'varchar'],
    ['event_name', 'varchar'],
    ['path', 'varchar'],
    ['type', 'varchar'],
    ['count', 'bigint'],
    ['examples', 'jsonb'],
    ['last_seen_at', 'timestamptz'],
  ],
} as const satisfies Record<string, ReadonlyArray<readonly [string, string]>>;

const CONFLICT_KEYS: Readonly<Record<keyof typeof COLUMNS, readonly string[]>> = {
  catalog_traits: ['workspace_id', 'path', 'type'],
  catalog_events: ['workspace_id', 'name'],
  catalog_event_properties: ['workspace_id', 'event_name', 'path', 'type'],
};

type CatalogTable = keyof typeof COLUMNS;

/**
 * The `do update` of a table: counts add up, the later time wins. Examples: on SQLite the batch
 * writes the merged list whole (`[]` keeps the stored one); on PostgreSQL the batch's own examples
 * are appended in SQL to those of the row's latest version, distinct, up to {@link MAX_EXAMPLES}
 * (jsonb equality tells `1` from `"1"`, as `exampleKey` does).
 */
function updateSet(table: CatalogTable, sqlite: boolean): string {
  const columns = COLUMNS[table] as ReadonlyArray<readonly [string, string]>;
  const stored = `"${table}"."examples"`;
  const examples = sqlite
    ? `case when json_array_length(excluded."examples") = 0 then ${stored} else excluded."examples" end`
    : `case when jsonb_array_length(excluded."examples") = 0
        or jsonb_array_length(${stored}) >= ${MAX_EXAMPLES} then ${stored}
      else (select jsonb_agg(m."v" order by m."o") from (
        select a."v", min(a."o") as "o" from (
          select s."v", s."o" from jsonb_array_elements(${stored}) with ordinality as s("v", "o")
          union all
          select n."v", n."o" + 1000000 from jsonb_array_elements(excluded."examples")
            with ordinality as n("v", "o")
        ) as a group by a."v" order by min(a."o") limit ${MAX_EXAMPLES}) as m) end`;
  return [
    `"count" = "${table}"."count" + excluded."count"`,
    `"last_seen_at" = ${sqlite ? 'max' : 'greatest'}("${table}"."last_seen_at", excluded."last_seen_at")`,
    ...(columns.some(([c]) => c === 'examples') ? [`"examples" = ${examples}`] : []),
  ].join(', ');
}

/**
 * A table's upsert; on PostgreSQL its rows come as arrays from parameter `first` on, and only
 * once `gate` (a condition: the catalog lock taken) holds.
 */
function upsertOf(table: CatalogTable, sqlite: boolean, first = 1, gate = 'true'): string {
  const columns = COLUMNS[table] as ReadonlyArray<readonly [string, string]>;
  const names = columns.map(([c]) => `"${c}"`).join(', ');
  const source = sqlite
    ? `values (${columns.map(() => '?').join(', ')})`
    : `select * from unnest(${columns.map(([, type], i) => `$${first + i}::${type}[]`).join(', ')})
      where ${gate}`;
  const conflict = CONFLICT_KEYS[table].map((c) => `"${c}"`).join(', ');
  return `insert into "${table}" (${names}) ${source}
    on conflict (${conflict}) do update set ${updateSet(table, sqlite)}`;
}

/** The tables in the one order every PostgreSQL upsert writes them. */
const TABLES = ['catalog_traits', 'catalog_events', 'catalog_event_properties'] as const;

/** SQLite: one table's upsert of one row, prepared once and run per entry. */
const SQLITE_UPSERTS: Readonly<Record<CatalogTable, DriverStatement>> = {
  catalog_traits: { sqlite: upsertOf('catalog_traits', true), postgres: '' },
  catalog_events: { sqlite: upsertOf('catalog_events', true), postgres: '' },
  catalog_event_properties: { sqlite: upsertOf('catalog_event_properties', true), postgres: '' },
};

/**
 * PostgreSQL: the three tables' upserts in one statement, the first two as data-modifying `with`
 * clauses, each taking its rows as arrays (`unnest`; a table without entries gets empty arrays):
 * one named statement, of one shape, for any number of entries. The workspace's catalog lock in
 * shared mode is taken by the statement itself (the last two parameters), a round trip less
 * while the transaction holds its identity locks and its new events' keys: `l` is materialized
 * once, and each upsert's rows wait for it (a one-time filter runs before the first row), since
 * PostgreSQL runs the `with` clauses in no set order.
 */
const POSTGRES_UPSERT: DriverStatement = (() => {
  let first = 1;
  const parts = TABLES.map((table) => {
    const text = upsertOf(table, false, first, 'exists (select from l)');
    first += COLUMNS[table].length;
    return text;
  });
  const last = parts.pop()!;
  const lock = `l as (select pg_advisory_xact_lock_shared($${first}::int, $${first + 1}::int))`;
  return {
    sqlite: '',
    postgres: `with ${lock}, ${parts.map((p, i) => `u${i} as (${p})`).join(', ')} ${last}`,
  };
})();

interface Keyed<E extends ObservedEntry> {
  readonly key: string;
  readonly entry: E;
}

interface StoredExamplesQuery {
  readonly query: string;
  readonly params: unknown[];
  readonly keyOf: (row: Record<string, unknown>) => string;
}

/**
 * Entries read with {@link MAX_EXAMPLES} examples already, per ORM (its configuration object),
 * keyed by workspace, table and entry. Examples only grow, except when an erasure scrubs one: such
 * an entry then gets no new example until the process restarts, which is harmless.
 */
const fullEntriesByOrm = new WeakMap<object, Set<string>>();
const MAX_FULL_ENTRIES = 100_000;

/** SQLite's catalog writes: the stored examples read and merged in JavaScript, then the upserts. */
class CatalogSql {
  private readonly fullEntries: Set<string>;
  private readonly pending: Array<{ table: CatalogTable; rows: ReadonlyArray<readonly Param[]> }> =
    [];

  constructor(private readonly em: Em) {
    let full = fullEntriesByOrm.get(em.config);
    if (!full) fullEntriesByOrm.set(em.config, (full = new Set()));
    this.fullEntries = full;
  }

  /**
   * The JSON to write as each entry's examples: the stored ones merged with the batch's where the
   * batch may add one, `[]` (keep the stored ones) elsewhere. One query, for those entries only.
   */
  async examplesToWrite<E extends ObservedEntry>(
    table: string,
    workspaceId: string,
    entries: ReadonlyArray<Keyed<E>>,
    select: (entries: ReadonlyArray<Keyed<E>>) => StoredExamplesQuery,
  ): Promise<string[]> {
    const cacheKey = (key: string) => `${workspaceId}\u0000${table}\u0000${key}`;
    const open = entries.filter(
      (e) => e.entry.examples.length > 0 && !this.fullEntries.has(cacheKey(e.key)),
    );
    const stored = new Map<string, CatalogExample[]>();
    if (open.length > 0) {
      const { query, params, keyOf } = select(open);
      const rows = await this.em.execute<Array<Record<string, unknown>>>(query, params, 'all');
      for (const row of rows) {
        const raw = row['examples'];
        // SQLite returns the JSON text, PostgreSQL the parsed jsonb.
        const examples: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
        if (Array.isArray(examples)) stored.set(keyOf(row), examples as CatalogExample[]);
      }
    }
    if (this.fullEntries.size > MAX_FULL_ENTRIES) this.fullEntries.clear();
    const merged = new Map<string, string>();
    for (const e of open) {
      const before = stored.get(e.key);
      // Only what was read counts as full: the caller's transaction may still roll back.
      if (before && before.length >= MAX_EXAMPLES) this.fullEntries.add(cacheKey(e.key));
      else merged.set(e.key, JSON.stringify(merge(before, e.entry.examples)));
    }
    return entries.map((e) => merged.get(e.key) ?? '[]');
  }

  /** Queues the batch's entries of a table, to be added to the stored ones by {@link flush}. */
  queue(table: CatalogTable, rows: ReadonlyArray<readonly Param[]>): void {
    this.pending.push({ table, rows });
  }

  /** Writes the queued entries: one prepared step per entry. */
  async flush(): Promise<void> {
    for (const { table, rows } of this.pending.splice(0))
      await runStatement(
        this.em,
        SQLITE_UPSERTS[table],
        () => rows,
        () => [],
      );
  }
}

/** The stored examples, then the batch's new ones, up to the cap and distinct. */
function merge(
  stored: readonly CatalogExample[] | undefined,
  observed: readonly CatalogExample[],
): CatalogExample[] {
  const merged: CatalogExample[] = [];
  for (const e of stored ?? []) addExample(merged, e);
  for (const e of observed) addExample(merged, e);
  return merged;
}

const propertyKey = (eventName: string, path: string, type: ObservedType) =>
  `${eventName}\u0000${entryKey(path, type)}`;

const marks = (items: readonly unknown[]) => items.map(() => '?').join(', ');

const distinct = (items: readonly string[]) => [...new Set(items)];

/** Code-unit order: the same in every process, whatever the database's collation. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const byPathType = (a: ObservedEntry, b: ObservedEntry) =>
  compare(a.path, b.path) || compare(a.type, b.type);
