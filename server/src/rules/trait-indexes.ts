import { createHash } from 'node:crypto';
import {
  ruleDependencies,
  type RuleDocument,
  type RuleNode,
  type TraitCondition,
} from '@cairn/schema';
import type { Em } from '../db/orm';
import { compileRuleSql, readsEvents } from './compile-rule-sql';
import { dialectOf } from './dialect-of';
import type { JsonRef, SqlDialect } from './sql-dialect';
import { sql, type Fragment } from './sql-fragment';
import { sqliteRuleIndexDialect } from './sqlite-rule-index-dialect';

/**
 * The index a rule's trait conditions can use, partial on the workspace so it holds only that
 * workspace's customers. Either, for a rule whose SQL is fixed, a rule index: the rule as the
 * index's predicate (`ruleIndexOf`); or an expression index, one per workspace and set of trait
 * values, over exactly the expressions the rule SQL compiler writes (typed values such as
 * `CASE WHEN json_type(traits, '$."ltv"') IN ('integer', 'real') THEN … END`).
 */
export interface TraitIndex {
  readonly kind: 'rule' | 'traits';
  /** Deterministic: the same workspace and expressions always give the same name. */
  readonly name: string;
  /** `CREATE INDEX …` (idempotent), with every value written as a literal. */
  readonly ddl: string;
  /**
   * Every condition of the rule reads only the index's values: the engine can count from the
   * index alone (SQLite: `INDEXED BY`, see rule-query.ts).
   */
  readonly covers: boolean;
}

/** Columns of one index at most (PostgreSQL allows 32; wider indexes pay less). */
const MAX_COLUMNS = 8;

/** Operators that read no typed value (presence, emptiness) or only a boolean. */
const UNTYPED_OPS = new Set(['exists', 'notExists', 'isEmpty']);

interface Column {
  readonly expression: Fragment;
  /** An equality or list membership at the top of the rule: a column to seek on, first. */
  readonly seek: boolean;
}

/** The value a trait condition reads, as the compiler writes it over `traits`, if an index can hold it. */
function columnOf(n: TraitCondition, d: SqlDialect, seek: boolean): Column | undefined {
  if (!n.path.startsWith('traits.') || UNTYPED_OPS.has(n.op)) return undefined;
  const ref: JsonRef = { column: 'traits', path: n.path.slice('traits.'.length).split('.') };
  switch (n.type) {
    case 'number':
      return { expression: d.number(ref), seek: seek && (n.op === 'eq' || n.op === 'in') };
    case 'string':
    case 'date':
      return { expression: d.text(ref), seek: seek && (n.op === 'eq' || n.op === 'in') };
    case 'stringList':
      return d.listText ? { expression: d.listText(ref), seek: false } : undefined;
    case 'boolean':
      return undefined;
    default:
      return undefined;
  }
}

/** The trait columns of a rule, and whether every condition is one of them. */
function columnsOf(root: RuleNode, d: SqlDialect): { columns: Column[]; covers: boolean } {
  const columns: Column[] = [];
  let covers = true;
  const visit = (n: RuleNode, top: boolean): void => {
    if (n.kind === 'all') n.children.forEach((c) => visit(c, top));
    else if (n.kind === 'any') n.children.forEach((c) => visit(c, top && n.children.length === 1));
    else if (n.kind === 'not') visit(n.child, false);
    else if (n.kind !== 'trait') covers = false;
    else {
      const column = columnOf(n, d, top);
      if (column === undefined) covers = false;
      else columns.push(column);
    }
  };
  visit(root, true);
  return { columns, covers };
}

/**
 * A fragment as SQL text with its parameters written as literals (index definitions take none);
 * undefined when some parameter has no literal (see `literal`).
 */
export function inlined(f: Fragment): string | undefined {
  const parts = f.sql.split('?');
  if (parts.length !== f.params.length + 1)
    throw new Error(`Cannot inline ${f.params.length} parameters into: ${f.sql}`);
  const literals = f.params.map(literal);
  if (literals.some((l) => l === undefined)) return undefined;
  return parts.reduce((text, part, i) => `${text}${literals[i - 1]}${part}`);
}

/**
 * A value as an SQL literal. A string is quoted with its quotes doubled: inside a quoted literal
 * neither engine reads anything else specially (PostgreSQL's standard_conforming_strings, on since
 * 9.1, leaves backslashes alone), so no value can end the literal early. Except NUL, which ends
 * SQLite's reading of the statement and which PostgreSQL cannot store in text: `validateRule`
 * rejects it, and this last step before SQL text refuses it again (no literal, no rule index).
 */
function literal(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value !== 'string' || value.includes('\0')) return undefined;
  return `'${value.replaceAll("'", "''")}'`;
}

/** `inlined` of trusted text (index expressions, the workspace id): it always has literals. */
function inlinedTrusted(f: Fragment): string {
  const text = inlined(f);
  if (text === undefined) throw new Error(`No SQL literal for a parameter of: ${f.sql}`);
  return text;
}

/** The workspace id as an SQL literal. */
const workspaceLiteral = (workspaceId: string): string => inlinedTrusted(sql`${workspaceId}`);

/** The workspace scope of an index, `workspace_id = '<id>'`, as its WHERE starts. */
export const workspaceScope = (workspaceId: string, alias?: string): string =>
  `${alias === undefined ? '' : `${alias}.`}workspace_id = ${workspaceLiteral(workspaceId)}`;

/** PostgreSQL builds and drops indexes without blocking writes; SQLite has no such mode. */
const concurrentlyOn = (d: SqlDialect): string => (d.name === 'postgres' ? 'CONCURRENTLY ' : '');

/**
 * SQLite keeps each index's definition in its schema, which every connection parses when it opens
 * and after each schema change: a rule whose predicate is longer than this (long strings, long
 * lists) keeps the expression index.
 */
const MAX_SQLITE_PREDICATE = 10_000;

const indexName = (kind: 'traits' | 'rule', key: unknown): string =>
  `cairn_${kind}_${createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 24)}`;

/**
 * The rule itself as the predicate of a partial index on (created_at, id): its entries are
 * exactly the matches, so a count reads only them and the newest matches are its last entries.
 * PostgreSQL uses it when the query's WHERE implies the predicate (an Index Only Scan; the
 * visibility map spares the table). An expression index cannot do that there: PostgreSQL 15 scans
 * one index-only only if the `traits` column itself is in it, and a bitmap scan reads every table
 * page its matches are on (at 1M customers, a 40% `any` of three traits: 39 ms instead of 600 ms
 * by seq scan or 220 ms by a BitmapOr of one index per condition). SQLite uses a partial index
 * only when the query's WHERE holds the predicate's own terms with the same literal values (its
 * prover compares expressions), so its count and sample queries carry `ruleIndexWhere`'s text and
 * name the index (`INDEXED BY`, rule-query.ts); then it counts the index entries without reading a
 * row, instead of evaluating the rule over the workspace's every entry of an expression index.
 * Only for rules whose SQL is fixed: trait conditions that do not read the clock (their SQL holds
 * `now`) and not `createdAt` (its SQL calls stable functions, which an index cannot hold), and no
 * subquery. The functions in it are deterministic: SQLite's JSON functions and Cairn's own,
 * registered as deterministic on every connection (db/sqlite-functions.ts).
 */
function ruleIndexOf(
  rule: RuleDocument,
  workspaceId: string,
  d: SqlDialect,
): TraitIndex | undefined {
  const predicate = ruleIndexWhere(rule, d, workspaceId);
  if (predicate === undefined) return undefined;
  const name = indexName('rule', [d.name, predicate]);
  return {
    kind: 'rule',
    name,
    ddl: `CREATE INDEX ${concurrentlyOn(d)}IF NOT EXISTS ${name} ON customers (created_at, id) WHERE ${predicate}`,
    covers: true,
  };
}

/**
 * The predicate of the rule's rule index (see `ruleIndexOf`) over the customers table as `alias`
 * (the table's own name in the index definition), with every value a literal; undefined when the
 * rule cannot have one.
 */
export function ruleIndexWhere(
  rule: RuleDocument,
  d: SqlDialect,
  workspaceId: string,
  alias = 'customers',
): string | undefined {
  const deps = ruleDependencies(rule);
  const traitsOnly =
    deps.eventNames.length === 0 &&
    deps.scoreModels.length === 0 &&
    deps.consentChannels.length === 0 &&
    deps.segmentIds.length === 0 &&
    !deps.usesRandomBucket &&
    !deps.profileFields.includes('createdAt');
  const readsCustomer = deps.traitPaths.length > 0 || deps.profileFields.length > 0;
  if (!traitsOnly || deps.timeDependent || !readsCustomer) return undefined;
  const dialect = d.name === 'sqlite' ? sqliteRuleIndexDialect : d;
  // `now` is unused by these conditions (nor is the time zone: anniversaries read the clock).
  const where = compileRuleSql(rule, dialect, { now: 0, workspaceId, customerAlias: alias });
  // Nor subqueries (PostgreSQL's long lists, `listHasAny`): an index predicate cannot hold one.
  // The text is the compiler's own (every user value is a parameter), so a SELECT in it is one.
  if (/\bSELECT\b/i.test(where.sql)) return undefined;
  const condition = inlined(where);
  if (condition === undefined) return undefined;
  const predicate = `${workspaceScope(workspaceId, alias === 'customers' ? undefined : alias)} AND (${condition})`;
  return d.name === 'sqlite' && predicate.length > MAX_SQLITE_PREDICATE ? undefined : predicate;
}

/** The index a trait-only rule can use in a workspace, or undefined when none pays. */
export function traitIndexOf(
  rule: RuleDocument,
  d: SqlDialect,
  workspaceId: string,
): TraitIndex | undefined {
  // Event conditions are sets of customers the engine starts from, usually a few: an index on
  // the traits then only tempts the planner away from them (measured 10 times slower on PostgreSQL).
  if (readsEvents(rule)) return undefined;
  const ruleIndex = ruleIndexOf(rule, workspaceId, d);
  if (ruleIndex !== undefined) return ruleIndex;
  const { columns, covers } = columnsOf(rule.root, d);
  const distinct = [...new Map(columns.map((c) => [inlinedTrusted(c.expression), c])).entries()];
  if (distinct.length === 0) return undefined;
  // PostgreSQL cannot scan an expression index alone (it reads the table's rows for it), so an
  // index pays there only with an equality to seek on; SQLite's covering scan pays anyway.
  if (d.name === 'postgres' && !distinct.some(([, c]) => c.seek)) return undefined;
  // Seek columns first (an equality then a range is one index range), then the others.
  const ordered = [
    ...distinct.filter(([, c]) => c.seek),
    ...distinct.filter(([, c]) => !c.seek),
  ].map(([text]) => text);
  const kept = ordered.slice(0, MAX_COLUMNS);
  const name = indexName('traits', [d.name, workspaceId, kept]);
  return {
    kind: 'traits',
    name,
    ddl: `CREATE INDEX ${concurrentlyOn(d)}IF NOT EXISTS ${name} ON customers (${kept.map((e) => `(${e})`).join(', ')}) WHERE ${workspaceScope(workspaceId)}`,
    covers: covers && kept.length === ordered.length,
  };
}

/** Whether the index exists (and, on PostgreSQL, is valid: a failed concurrent build leaves an invalid one). */
export async function traitIndexState(
  em: Em,
  d: SqlDialect,
  name: string,
): Promise<'valid' | 'invalid' | 'missing'> {
  const rows =
    d.name === 'sqlite'
      ? await em
          .getConnection()
          .execute<Array<{ valid: number }>>(
            `SELECT 1 AS valid FROM sqlite_master WHERE type = 'index' AND name = ?`,
            [name],
          )
      : await em
          .getConnection()
          .execute<Array<{ valid: boolean }>>(
            `SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid WHERE x.relname = ? AND pg_table_is_visible(x.oid)`,
            [name],
          );
  const row = rows[0];
  return row === undefined ? 'missing' : row.valid ? 'valid' : 'invalid';
}

/**
 * Makes sure the index a rule's trait conditions can use exists in the workspace (see
 * `traitIndexOf`): idempotent, safe to repeat and to race (IF NOT EXISTS). On PostgreSQL it is
 * built CONCURRENTLY, so writes go on, and the table is analyzed for the planner to know the
 * indexed values; run it outside a transaction. Returns the index name, or undefined when the rule
 * has no trait value an index can hold.
 */
export async function ensureTraitIndex(
  em: Em,
  workspaceId: string,
  rule: RuleDocument,
): Promise<string | undefined> {
  const d = dialectOf(em);
  const index = traitIndexOf(rule, d, workspaceId);
  if (index === undefined) return undefined;
  const state = await traitIndexState(em, d, index.name);
  if (state === 'valid') return index.name;
  const connection = em.getConnection();
  if (state === 'invalid')
    await connection.execute(`DROP INDEX CONCURRENTLY IF EXISTS ${index.name}`);
  await connection.execute(index.ddl);
  if (d.name === 'postgres') await connection.execute('ANALYZE customers');
  return index.name;
}

/**
 * Drops the workspace's rule indexes (`ruleIndexOf`) that none of `rules` (its active segments'
 * rules) uses any more. A rule index holds one rule's exact values, so each edit of a segment
 * makes a new one, and every index costs every write to customers. On PostgreSQL concurrently,
 * outside a transaction. Should another save build its index between the read of `rules` and
 * this list, that index is dropped: only its counts are slower, until that segment is saved again.
 */
export async function dropUnusedRuleIndexes(
  em: Em,
  workspaceId: string,
  rules: readonly RuleDocument[],
): Promise<string[]> {
  const d = dialectOf(em);
  const used = new Set(rules.map((rule) => traitIndexOf(rule, d, workspaceId)?.name));
  const connection = em.getConnection();
  const rows =
    d.name === 'sqlite'
      ? // The definition as written (`ruleIndexOf`), its WHERE starting with the workspace.
        await connection.execute<Array<{ name: string }>>(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers'
            AND name LIKE 'cairn\\_rule\\_%' ESCAPE '\\' AND instr(sql, ?) > 0`,
          [` WHERE ${workspaceScope(workspaceId)} AND (`],
        )
      : // The predicate as PostgreSQL prints it: `(((workspace_id)::text = '<id>'::text) AND …)`.
        await connection.execute<Array<{ name: string }>>(
          `SELECT x.relname AS name FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid
            WHERE i.indrelid = 'customers'::regclass AND x.relname LIKE 'cairn\\_rule\\_%'
              AND pg_table_is_visible(x.oid) AND pg_get_expr(i.indpred, i.indrelid) LIKE ?`,
          [`%((workspace_id)::text = ${workspaceLiteral(workspaceId)}::text)%`],
        );
  const unused = rows.map((r) => r.name).filter((name) => !used.has(name));
  for (const name of unused)
    await connection.execute(`DROP INDEX ${concurrentlyOn(d)}IF EXISTS ${name}`);
  return unused;
}
