import {
  assertUnreachable,
  durationMs,
  type RuleDocument,
  type RuleNode,
  type ScoreCondition,
} from '@cairn/schema';
import type { SqlDialect } from './sql-dialect';
import { raw, sql, type Fragment } from './sql-fragment';
import { comparison, group, needsEveryChild, truth, type RuleSqlContext } from './sql-logic';
import { eventCondition, holdsWithoutEvents } from './event-sql';
import { predicate, traitSubject } from './predicate-sql';

export interface SqlRuleOptions {
  /** The instant of evaluation (Unix ms), as for the evaluators. */
  readonly now: number;
  readonly timeZone?: string;
  /** The workspace of the customers: event conditions read its events as a whole. */
  readonly workspaceId: string;
  /** Alias of the customers table in the surrounding query. */
  readonly customerAlias?: string;
}

/**
 * Compiles a validated rule into a boolean SQL expression over the customers table (alias `c`):
 * traits through JSON operators; event conditions as the set of matching customers, computed once
 * over the workspace's events; scores, consent and memberships through correlated subqueries on
 * their (customer, …, time) indexes. All user values are parameters. The result is TRUE for the
 * customers the reference interpreter accepts and FALSE or NULL for the others (property-tested
 * on both engines), so it belongs at the top of a WHERE.
 *
 * @example
 * const where = compileRuleSql(rule, sqliteDialect, { now: Date.now(), workspaceId });
 * sql`SELECT count(*) FROM customers c WHERE c.workspace_id = ${workspaceId} AND ${where}`;
 */
export function compileRuleSql(
  rule: RuleDocument | RuleNode,
  dialect: SqlDialect,
  options: SqlRuleOptions,
): Fragment {
  return node(rootOf(rule), true, contextOf(dialect, options));
}

/**
 * True when every customer the rule accepts is among the customers of an event condition's set
 * (`c.id IN (…)` at the top of the WHERE): the engine can then start from that set, usually far
 * smaller than the workspace, and look the customers up by id.
 */
export function narrowedByEvents(
  rule: RuleDocument | RuleNode,
  dialect: SqlDialect,
  options: SqlRuleOptions,
): boolean {
  return narrows(rootOf(rule), true, contextOf(dialect, options));
}

const rootOf = (rule: RuleDocument | RuleNode): RuleNode => ('root' in rule ? rule.root : rule);

const contextOf = (dialect: SqlDialect, options: SqlRuleOptions): RuleSqlContext => ({
  d: dialect,
  now: options.now,
  timeZone: options.timeZone ?? 'UTC',
  workspaceId: options.workspaceId,
  c: options.customerAlias ?? 'c',
});

/** `narrowedByEvents` for a node and a wanted verdict (see `group` and `eventCondition`). */
function narrows(n: RuleNode, want: boolean, ctx: RuleSqlContext): boolean {
  switch (n.kind) {
    case 'all':
    case 'any':
      return needsEveryChild(n.kind, want) && n.children.some((child) => narrows(child, want, ctx));
    case 'not':
      return narrows(n.child, !want, ctx);
    case 'event':
      return holdsWithoutEvents(n, ctx) !== want;
    case 'trait':
    case 'score':
    case 'segment':
    case 'consent':
    case 'randomBucket':
      return false;
    default:
      return assertUnreachable(n);
  }
}

/** True when some condition of the rule reads the events table. */
export function readsEvents(rule: RuleDocument | RuleNode): boolean {
  const n = rootOf(rule);
  if (n.kind === 'all' || n.kind === 'any') return n.children.some(readsEvents);
  return n.kind === 'event' || (n.kind === 'not' && readsEvents(n.child));
}

/** A node for a wanted verdict (see `truth` in sql-logic.ts). */
function node(n: RuleNode, want: boolean, ctx: RuleSqlContext): Fragment {
  const id = raw(`${ctx.c}.id`);
  switch (n.kind) {
    case 'all':
    case 'any':
    case 'not':
      return group(n, want, (child, w) => node(child, w, ctx));
    case 'trait':
      return truth(predicate(n, n.type, traitSubject(n.path, ctx), ctx), want);
    case 'event':
      return eventCondition(n, want, ctx);
    case 'score':
      return truth(scoreCondition(n, ctx), want);
    case 'segment':
      return sql`${raw(want ? '' : 'NOT ')}EXISTS (SELECT 1 FROM segment_memberships m WHERE m.segment_id = ${n.segmentId} AND m.customer_id = ${id})`;
    case 'consent':
      return truth(
        sql`(SELECT r.granted FROM consent_records r WHERE r.customer_id = ${id} AND r.channel = ${n.channel} ORDER BY r.recorded_at DESC, r.id DESC LIMIT 1)`,
        want,
      );
    case 'randomBucket': {
      const bucket = ctx.d.bucket(`${ctx.c}.id`, n.salt);
      return truth(
        sql`(${bucket} >= ${ctx.d.num(n.from)} AND ${bucket} < ${ctx.d.num(n.to)})`,
        want,
      );
    }
    default:
      return assertUnreachable(n);
  }
}

function scoreCondition(n: ScoreCondition, ctx: RuleSqlContext): Fragment {
  const { d } = ctx;
  const at = (instant: number) =>
    sql`(SELECT s.value FROM score_entries s WHERE s.customer_id = ${raw(`${ctx.c}.id`)} AND s.model = ${n.model} AND s.at <= ${d.instantParam(instant)} ORDER BY s.at DESC, s.id DESC LIMIT 1)`;
  const current = at(ctx.now);
  const m = n.measure;
  switch (m.type) {
    case 'hasScore':
      return sql`${current} IS NOT NULL`;
    case 'current':
      return comparison(current, m.compare, d);
    case 'change':
      return comparison(
        sql`(${current} - COALESCE(${at(ctx.now - durationMs(m.duration))}, 0))`,
        m.compare,
        d,
      );
    default:
      return assertUnreachable(m);
  }
}
