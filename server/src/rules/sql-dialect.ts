import type { NumberComparison } from '@cairn/schema';
import type { Fragment } from './sql-fragment';

/** Where a JSON document lives: a column and a path of keys inside it. */
export interface JsonRef {
  readonly column: string;
  readonly path: readonly string[];
}

/**
 * What differs between SQLite and PostgreSQL in the rule SQL. Every typed accessor yields NULL
 * when the value is missing or of another JSON type, exactly as the evaluators' `asType` does.
 */
export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Present: the path exists and is not JSON null. */
  present(ref: JsonRef): Fragment;
  /** Missing, null, "" or []. */
  empty(ref: JsonRef): Fragment;
  text(ref: JsonRef): Fragment;
  number(ref: JsonRef): Fragment;
  /** 'true' / 'false' booleans: TRUE when the value is the JSON boolean `value`. */
  booleanIs(ref: JsonRef, value: boolean): Fragment;
  /** A list whose elements are all strings. */
  stringList(ref: JsonRef): Fragment;
  /** Some element of the (string) list is one of the values. */
  listHasAny(ref: JsonRef, values: readonly string[]): Fragment;
  /**
   * The one value the list tests read, for an expression index to hold (trait-indexes.ts), where
   * the engine can then answer them from the index alone (SQLite); absent elsewhere.
   */
  listText?(ref: JsonRef): Fragment;
  /**
   * The `sum` (0 of nothing) or `avg` (none of nothing) of the numbers at `ref` over a group's
   * rows, compared as the evaluators do: exact, rounded once to a double (aggregate.ts in
   * @cairn/schema), never an overflow error. TRUE when it holds, FALSE or NULL when not.
   */
  aggregateHolds(type: 'sum' | 'avg', ref: JsonRef, c: NumberComparison): Fragment;
  /** A numeric parameter (PostgreSQL needs a type on it). */
  num(value: number): Fragment;
  /** Unix ms of an ISO 8601 text the language accepts, else NULL. */
  instantOfText(text: Fragment): Fragment;
  /** Unix ms of a datetime column, and the column as ISO text. */
  instantOfColumn(column: string): Fragment;
  isoTextOfColumn(column: string): Fragment;
  /** A value to compare a datetime column with, for a Unix ms instant. */
  instantParam(ms: number): Fragment;
  /** Days until the next anniversary of a date, in `timeZone` (a name, or SQL giving one). */
  anniversaryDays(text: Fragment, now: number, timeZone: string | Fragment): Fragment;
  contains(text: Fragment, needle: string): Fragment;
  startsWith(text: Fragment, prefix: string): Fragment;
  endsWith(text: Fragment, suffix: string): Fragment;
  matches(text: Fragment, pattern: string, ignoreCase: boolean): Fragment;
  bucket(idColumn: string, salt: string): Fragment;
  /**
   * The customer (`idColumn`) is among (`among`), or not among, the customers a query selects
   * (one column, customer_id, never NULL): TRUE or FALSE, never NULL.
   */
  customerAmong(idColumn: string, customers: Fragment, among: boolean): Fragment;
  /**
   * The customers of a workspace, as the outer query of a count or a list selects them;
   * `narrowedByEvents`: the rule's WHERE has an event condition's set at its top (see
   * `narrowedByEvents` in compile-rule-sql.ts).
   */
  inWorkspace(customerAlias: string, workspaceId: string, narrowedByEvents: boolean): Fragment;
  /** Settings for a whole-table rule query (`SET LOCAL …`, run in its transaction). */
  settings(rule: { readonly readsEvents: boolean }): readonly string[];
}
