import type { ObservedType } from '../../db/entities';
import { newId } from '../../db/ids';
import { lockForTransaction } from '../../db/advisory-lock';
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
 * it has one: per table, one multi-row `INSERT … ON CONFLICT DO UPDATE`, and before it, for the
 * tables with examples, one SELECT of the stored examples that the batch may add to: three to five
 * statements (and the lock on PostgreSQL).
 *
 * - Counts are incremented in SQL (`count = count + excluded.count`), so concurrent writers never
 *   lose one; `last_seen_at` keeps the later time.
 * - Examples are merged in JavaScript (the stored ones first, then the batch's, up to 5 distinct)
 *   and written whole. An entry written with no examples keeps the stored ones: entries the batch
 *   has no example for, and those known (per process) to be full already, are neither read nor
 *   rewritten, which in the steady state leaves no SELECT at all.
 * - PostgreSQL: the call first takes the workspace's catalog lock ({@link lockWorkspaceCatalog},
 *   held until the caller's transaction ends), so the catalog writers of one workspace take turns:
 *   they cannot deadlock on each other's rows, and each reads what the previous one committed (no
 *   example is lost). The rows read are also locked `for update`, so an erasure's scrub that does
 *   not take the catalog lock is never overwritten. SQLite has one writer at a time anyway.
 * - Since the locks last until the commit and every batch touches the same few hot rows (the
 *   workspace's event names), make this the last write of the transaction.
 *
 * Driver SQL for the upsert (`db/driver-sql.ts`, one prepared statement per table): the ORM's
 * upsert cannot express `count + excluded.count`, and its raw queries inline every value.
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
  await lockWorkspaceCatalog(em, workspaceId);
  const sql = new CatalogSql(em);
  const traits = [...observations.traits()].sort(byPathType);
  const events = [...observations.events()].sort((a, b) => compare(a.name, b.name));
  const properties = events.flatMap((e) =>
    [...e.properties.values()]
      .sort(byPathType)
      .map((p): PropertyRow => ({ ...p, eventName: e.name })),
  );

  if (traits.length > 0) {
    const examples = await sql.examplesToWrite(
      'catalog_traits',
      workspaceId,
      traits.map((t) => ({ key: entryKey(t.path, t.type), entry: t })),
      (keys) => {
        const paths = distinct(keys.map((k) => k.entry.path));
        return {
          query: `select "path", "type", "examples" from "catalog_traits"
            where "workspace_id" = ? and "path" in (${marks(paths)}) ${sql.lockForUpdate}`,
          params: [workspaceId, ...paths],
          keyOf: (r) => entryKey(r['path'] as string, r['type'] as ObservedType),
        };
      },
    );
    sql.queue(
      'catalog_traits',
      traits.map((t, i) => [
        newId(),
        workspaceId,
        t.path,
        t.type,
        t.count,
        examples[i] ?? '[]',
        sql.time(t.lastSeenAt),
      ]),
    );
  }

  if (events.length > 0) {
    sql.queue(
      'catalog_events',
      events.map((e) => [newId(), workspaceId, e.name, e.count, sql.time(e.lastSeenAt)]),
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
              and "path" in (${marks(paths)}) ${sql.lockForUpdate}`,
          params: [workspaceId, ...names, ...paths],
          keyOf: (r) =>
            propertyKey(r['event_name'] as string, r['path'] as string, r['type'] as ObservedType),
        };
      },
    );
    sql.queue(
      'catalog_event_properties',
      properties.map((p, i) => [
        newId(),
        workspaceId,
        p.eventName,
        p.path,
        p.type,
        p.count,
        examples[i] ?? '[]',
        sql.time(p.lastSeenAt),
      ]),
    );
  }
  await sql.flush();
}

/** First key of the catalog's advisory locks ("cata"), the second being the workspace's hash. */
/**
 * PostgreSQL: takes the workspace's catalog lock, a transaction-level advisory lock, waiting for
 * the transaction holding it to end. `recordCatalog` takes it; anything else that rewrites the
 * catalog's rows in a transaction (an erasure's scrub) should take it first too, so that it cannot
 * deadlock with ingestion. Outside a transaction it is released at once. SQLite: nothing to do.
 */
export function lockWorkspaceCatalog(em: Em, workspaceId: string): Promise<void> {
  return lockForTransaction(em, 'catalog', workspaceId);
}

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

/** The `do update` of a table: counts add up, the later time wins, `[]` keeps the stored examples. */
function updateSet(table: CatalogTable, sqlite: boolean): string {
  const columns = COLUMNS[table] as ReadonlyArray<readonly [string, string]>;
  return [
    `"count" = "${table}"."count" + excluded."count"`,
    `"last_seen_at" = ${sqlite ? 'max' : 'greatest'}("${table}"."last_seen_at", excluded."last_seen_at")`,
    ...(columns.some(([c]) => c === 'examples')
      ? [
          `"examples" = case when ${sqlite ? 'json_array_length' : 'jsonb_array_length'}(excluded."examples") = 0 then "${table}"."examples" else excluded."examples" end`,
        ]
      : []),
  ].join(', ');
}

/** A table's upsert; on PostgreSQL its rows come as arrays from parameter `first` on. */
function upsertOf(table: CatalogTable, sqlite: boolean, first = 1): string {
  const columns = COLUMNS[table] as ReadonlyArray<readonly [string, string]>;
  const names = columns.map(([c]) => `"${c}"`).join(', ');
  const source = sqlite
    ? `values (${columns.map(() => '?').join(', ')})`
    : `select * from unnest(${columns.map(([, type], i) => `$${first + i}::${type}[]`).join(', ')})`;
  const conflict = CONFLICT_KEYS[table].map((c) => `"${c}"`).join(', ');
  return `insert into "${table}" (${names}) ${source}
    on conflict (${conflict}) do update set ${updateSet(table, sqlite)}`;
}

const upserts = new Map<string, DriverStatement>();

/**
 * The upsert of `tables`' entries. SQLite: one table's, of one row (prepared once, run per entry).
 * PostgreSQL: all of them in one statement, the first tables as data-modifying `with` clauses,
 * each taking its rows as arrays (`unnest`): one named statement for any number of entries. The
 * catalog lock, held by the caller, keeps concurrent writers from locking rows in another order.
 */
function upsertStatement(tables: readonly CatalogTable[]): DriverStatement {
  const key = tables.join(',');
  let statement = upserts.get(key);
  if (!statement) {
    let first = 1;
    const parts = tables.map((table) => {
      const text = upsertOf(table, false, first);
      first += COLUMNS[table].length;
      return text;
    });
    const last = parts.pop()!;
    statement = {
      sqlite: upsertOf(tables[0]!, true),
      postgres: `${parts.length > 0 ? `with ${parts.map((p, i) => `u${i} as (${p})`).join(', ')} ` : ''}${last}`,
    };
    upserts.set(key, statement);
  }
  return statement;
}

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

/** What differs between SQLite and PostgreSQL, and the statements. */
class CatalogSql {
  private readonly sqlite: boolean;
  private readonly fullEntries: Set<string>;
  private readonly pending: Array<{ table: CatalogTable; rows: ReadonlyArray<readonly Param[]> }> =
    [];

  constructor(private readonly em: Em) {
    this.sqlite = isSqlite(em);
    let full = fullEntriesByOrm.get(em.config);
    if (!full) fullEntriesByOrm.set(em.config, (full = new Set()));
    this.fullEntries = full;
  }

  /** A datetime as the column stores it: Unix ms on SQLite (as the ORM writes it), ISO text for timestamptz. */
  time(at: Date): number | string {
    return this.sqlite ? at.getTime() : at.toISOString();
  }

  /**
   * PostgreSQL: the rows whose examples are read stay locked until the transaction ends, so an
   * erasure's scrub cannot change them in between (its removed values would be written back).
   */
  get lockForUpdate(): string {
    return this.sqlite ? '' : 'order by "id" for update';
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

  /**
   * Writes the queued entries (see {@link upsertStatement}): one statement for all tables on
   * PostgreSQL, one prepared step per entry on SQLite.
   */
  async flush(): Promise<void> {
    const pending = this.pending.splice(0);
    if (this.sqlite) {
      for (const { table, rows } of pending)
        await runStatement(
          this.em,
          upsertStatement([table]),
          () => rows,
          () => [],
        );
      return;
    }
    if (pending.length === 0) return;
    await runStatement(
      this.em,
      upsertStatement(pending.map((p) => p.table)),
      () => [],
      () =>
        pending.flatMap(({ table, rows }) =>
          COLUMNS[table].map((_, column) => rows.map((row) => row[column] ?? null)),
        ),
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
