/**
 * Rewrites of the compiled rule SQL for the experiments: what the compiler would emit after a
 * proposed change. Each one keeps the parameters in order and the result the same for the
 * benchmark's rules (the experiments check the counts).
 */
import { durationMs, type EventCondition, type RuleDocument } from '@cairn/schema';
import { compileRuleSql } from '../../../server/src/rules/compile-rule-sql';
import { postgresDialect } from '../../../server/src/rules/postgres-dialect';
import { join, raw, sql, type Fragment } from '../../../server/src/rules/sql-fragment';
import { sqliteDialect } from '../../../server/src/rules/sqlite-dialect';
import type { BoundSql } from './bench-db';
import { NOW, WORKSPACES, type EngineName } from './config';

const dialects = { sqlite: sqliteDialect, postgres: postgresDialect } as const;

/** The engine's placeholders: `?` stays on SQLite, becomes `$1`, `$2`... on PostgreSQL. */
export function bind(engine: EngineName, f: Fragment): BoundSql {
  let n = 0;
  return {
    sql: engine === 'postgres' ? f.sql.replace(/\?/g, () => `$${++n}`) : f.sql,
    params: f.params,
  };
}

/** The count `countMatchingCustomers` runs, around a WHERE fragment (`c.workspace_id` first, as the query builder writes it). */
export const countOf = (
  where: Fragment,
  options: { workspaceIndex?: boolean; table?: string } = {},
): Fragment =>
  sql`select count(c.id) as count from ${raw(options.table ?? 'customers')} as c where ${raw(options.workspaceIndex === false ? '+c.workspace_id' : 'c.workspace_id')} = ${WORKSPACES.main} and (${where})`;

/** The rule's WHERE fragment as the server compiles it. */
export const compiled = (engine: EngineName, rule: RuleDocument): Fragment =>
  compileRuleSql(rule, dialects[engine], { now: NOW, workspaceId: WORKSPACES.main });

const quote = (value: unknown): string =>
  typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`;

/**
 * JSON paths as SQL literals instead of parameters, which expression indexes need: SQLite's
 * `'$."country"'` arguments, PostgreSQL's `ARRAY['country']::text[]` elements.
 */
export function literalPaths(engine: EngineName, f: Fragment): Fragment {
  const parts = f.sql.split('?');
  const params: unknown[] = [];
  let text = parts[0]!;
  let previousWasPath = false;
  f.params.forEach((value, i) => {
    const before = parts[i]!;
    const isPath =
      engine === 'sqlite'
        ? typeof value === 'string' && value.startsWith('$.')
        : before.endsWith('ARRAY[') || (previousWasPath && before === ', ');
    if (isPath) text += quote(value);
    else {
      text += '?';
      params.push(value);
    }
    text += parts[i + 1]!;
    previousWasPath = isPath;
  });
  return { sql: text, params };
}

/** Index of the parenthesis closing the one at `open`, skipping quoted strings. */
function closing(text: string, open: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')' && --depth === 0) return i;
  }
  throw new Error(`Unbalanced parentheses in: ${text}`);
}

/**
 * Drops the `COALESCE(x, FALSE)` around each leaf. Equivalent when no NOT sits above a leaf (at
 * the top of a WHERE, NULL and FALSE both drop the row, through any AND/OR), and it is what lets
 * an index serve `x`.
 */
export function withoutCoalesce(f: Fragment): Fragment {
  let text = f.sql;
  for (let at = text.indexOf('COALESCE('); at !== -1; at = text.indexOf('COALESCE(', at)) {
    const end = closing(text, at + 'COALESCE'.length);
    const inner = text.slice(at + 'COALESCE('.length, end);
    if (!inner.endsWith(', FALSE')) {
      at = end;
      continue;
    }
    text = `${text.slice(0, at)}(${inner.slice(0, -', FALSE'.length)})${text.slice(end + 1)}`;
  }
  return { sql: text, params: f.params };
}

/** Counts with `count(*)` instead of `count(c.id)` (the same, as id is the primary key): an index can then cover the query. */
export const countStar = (q: BoundSql): BoundSql => ({
  sql: q.sql.replace('count(c.id)', 'count(*)'),
  params: q.params,
});

/**
 * A trait's typed value exactly as the compiler writes it, with a literal path and the bare
 * `traits` column: the expression an index must be built on for the compiled SQL to use it.
 */
export function traitExpression(
  engine: EngineName,
  key: string,
  type: 'string' | 'number',
): string {
  const ref = { column: 'traits', path: [key] };
  const f = type === 'number' ? dialects[engine].number(ref) : dialects[engine].text(ref);
  return literalPaths(engine, f).sql;
}

/**
 * An event count condition as a semi-join: the matching customers from one GROUP BY ... HAVING
 * over the (workspace_id, name, occurred_at) index, instead of a count subquery per customer.
 * Only valid when a customer with no matching event fails the comparison (count >= k, k >= 1).
 */
export function eventSemiJoin(engine: EngineName, n: EventCondition): Fragment {
  const m = n.measure;
  if (m.type !== 'count' || m.compare.op !== 'gte' || m.compare.value < 1 || n.where)
    throw new Error('eventSemiJoin handles "count >= k" (k >= 1) without a where filter.');
  const d = dialects[engine];
  const window =
    m.window.type === 'ever'
      ? sql`e.occurred_at <= ${d.instantParam(NOW)}`
      : m.window.type === 'last'
        ? sql`e.occurred_at >= ${d.instantParam(NOW - durationMs(m.window.duration))} AND e.occurred_at <= ${d.instantParam(NOW)}`
        : undefined;
  if (!window) throw new Error('eventSemiJoin handles "ever" and "last" windows.');
  return sql`c.id IN (SELECT e.customer_id FROM events e WHERE e.workspace_id = ${WORKSPACES.main} AND e.name = ${n.event} AND ${window} GROUP BY e.customer_id HAVING count(*) >= ${m.compare.value})`;
}

/**
 * The rule with each top-level event condition as a semi-join (`eventSemiJoin`): the root is
 * that condition, or an `all` whose other children compile as the server compiles them.
 */
export function withEventSemiJoins(engine: EngineName, rule: RuleDocument): Fragment {
  const root = rule.root;
  if (root.kind === 'event') return eventSemiJoin(engine, root);
  if (root.kind !== 'all') throw new Error('withEventSemiJoins handles an event or an "all" root.');
  return sql`(${join(
    root.children.map((child) =>
      child.kind === 'event'
        ? eventSemiJoin(engine, child)
        : compileRuleSql(child, dialects[engine], { now: NOW, workspaceId: WORKSPACES.main }),
    ),
    ' AND ',
  )})`;
}
