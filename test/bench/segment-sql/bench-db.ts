import { createRequire } from 'node:module';
import type { CustomerFacts, EventFact, RuleDocument } from '@cairn/schema';
import type { Orm } from '../../../server/src/db/orm';
import { dialectOf, matchingCustomersQuery } from '../../../server/src/rules/rule-query';
import { NOW, WORKSPACES, type EngineName } from './config';
import { bind } from './sql-variants';

/** A customer as the baseline loads it: id, traits and (for event rules) the relevant events. */
export type LoadedCustomer = CustomerFacts & { readonly events: EventFact[] };

/** SQL text in the engine's own placeholder style (`?` or `$1`) and its parameters. */
export interface BoundSql {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** One engine's scratch database, filled with the generated data. */
export interface BenchDb {
  readonly engine: EngineName;
  /** The engine's version, for the header. */
  readonly version: string;
  /** The ORM the server would use; `countMatchingCustomers` runs on it. */
  readonly orm: Orm;
  /** Rows per table, as generated. */
  readonly rows: { readonly customers: number; readonly events: number };
  /** Runs a count query on the benchmark's own connection (for experiments); returns the count. */
  count(query: BoundSql): Promise<number>;
  /** Runs any statement on the benchmark's own connection (experiment set-up). */
  exec(sql: string): Promise<void>;
  /** The engine's plan for a query, one line per row: EXPLAIN QUERY PLAN, or EXPLAIN (ANALYZE) on PostgreSQL. */
  explain(query: BoundSql, analyze: boolean): Promise<string[]>;
  /** Customers of the main workspace with their traits (events empty). */
  loadCustomers(): Promise<LoadedCustomer[]>;
  /** Appends the main workspace's events with these names to the customers; returns how many. */
  loadEvents(customers: readonly LoadedCustomer[], names: readonly string[]): Promise<number>;
  /** Closes every connection and deletes the database (file or scratch database). */
  close(): Promise<void>;
}

/**
 * The count `countMatchingCustomers` runs, as SQL and parameters (without its settings, such as
 * PostgreSQL's `SET LOCAL`). Experiments start from this text.
 */
export function countQuery(orm: Orm, rule: RuleDocument): BoundSql {
  const dialect = dialectOf(orm.em.fork());
  const { query } = matchingCustomersQuery(dialect, WORKSPACES.main, rule, { now: NOW }, 'count');
  return bind(dialect.name, query);
}

/** `require` as seen from the server package, for its database drivers (not dependencies of test/). */
export const requireFromServer = createRequire(
  new URL('../../../server/package.json', import.meta.url),
);

/** Indexes customers by id, so loaded events can be attached to their customer. */
export function byId(customers: readonly LoadedCustomer[]): Map<string, LoadedCustomer> {
  return new Map(customers.map((c) => [c.id, c]));
}
