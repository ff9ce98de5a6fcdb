import {
  assertUnreachable,
  durationMs,
  interpret,
  parseIsoInstant,
  RULE_VERSION,
  type EventCondition,
  type EventWindow,
  type FilterNode,
} from '@cairn/schema';
import { raw, sql, type Fragment } from './sql-fragment';
import { comparison, group, truth, type RuleSqlContext } from './sql-logic';
import { jsonSubject, predicate } from './predicate-sql';

/** An event's `where` filter over `e.properties`, for a wanted verdict (see `truth`). */
function filter(f: FilterNode, want: boolean, ctx: RuleSqlContext): Fragment {
  switch (f.kind) {
    case 'all':
    case 'any':
    case 'not':
      return group(f, want, (child, w) => filter(child, w, ctx));
    case 'property':
      return truth(
        predicate(
          f,
          f.type,
          jsonSubject({ column: 'e.properties', path: f.path.split('.') }, ctx.d),
          ctx,
        ),
        want,
      );
    default:
      return assertUnreachable(f);
  }
}

function windowCondition(w: EventWindow, ctx: RuleSqlContext): Fragment {
  const { d } = ctx;
  switch (w.type) {
    case 'ever':
      return sql`e.occurred_at <= ${d.instantParam(ctx.now)}`;
    case 'last':
      return sql`e.occurred_at >= ${d.instantParam(ctx.now - durationMs(w.duration))} AND e.occurred_at <= ${d.instantParam(ctx.now)}`;
    case 'between':
      return sql`e.occurred_at >= ${d.instantParam(parseIsoInstant(w.from)!)} AND e.occurred_at < ${d.instantParam(parseIsoInstant(w.to)!)}`;
    default:
      return assertUnreachable(w);
  }
}

/**
 * What a condition measures over one customer's selected events: the time window that selects
 * them and the test on their aggregate (TRUE when it holds, FALSE or NULL when not).
 */
function measured(n: EventCondition, ctx: RuleSqlContext): { window: Fragment; holds: Fragment } {
  const { d } = ctx;
  const m = n.measure;
  switch (m.type) {
    case 'count':
      return {
        window: windowCondition(m.window, ctx),
        holds: comparison(raw('count(*)'), m.compare, d),
      };
    case 'sum':
    case 'avg':
      return {
        window: windowCondition(m.window, ctx),
        holds: d.aggregateHolds(
          m.type,
          { column: 'e.properties', path: m.property.split('.') },
          m.compare,
        ),
      };
    case 'min':
    case 'max': {
      const value = d.number({ column: 'e.properties', path: m.property.split('.') });
      return {
        window: windowCondition(m.window, ctx),
        holds: comparison(sql`${raw(m.type)}(${value})`, m.compare, d),
      };
    }
    case 'firstOccurredWithin':
    case 'firstOccurredBefore':
    case 'lastOccurredWithin':
    case 'lastOccurredBefore': {
      const occurred = raw(
        m.type.startsWith('first') ? 'min(e.occurred_at)' : 'max(e.occurred_at)',
      );
      const cutoff = d.instantParam(ctx.now - durationMs(m.duration));
      return {
        window: sql`e.occurred_at <= ${d.instantParam(ctx.now)}`,
        holds: m.type.endsWith('Within')
          ? sql`${occurred} >= ${cutoff}`
          : sql`${occurred} < ${cutoff}`,
      };
    }
    default:
      return assertUnreachable(m);
  }
}

/** A customer with no events at all. */
const NO_EVENTS = { id: '', traits: {}, events: [] };

/** The condition's verdict for every customer without selected events, as the interpreter gives it. */
export const holdsWithoutEvents = (n: EventCondition, ctx: RuleSqlContext): boolean =>
  interpret({ version: RULE_VERSION, root: n }, NO_EVENTS, {
    now: ctx.now,
    timeZone: ctx.timeZone,
  });

/**
 * An event condition for a wanted verdict (see `truth`), as a set of customers computed once over
 * the workspace's events (the (workspace_id, name, occurred_at) index) rather than a correlated
 * subquery per customer. The customers that have selected events are grouped, and each group's
 * verdict is tested in HAVING. Customers without selected events all get the verdict of a customer
 * with no events (the interpreter says which): when that is the wanted one, the condition holds
 * for every customer not among the groups with the other verdict.
 */
export function eventCondition(n: EventCondition, want: boolean, ctx: RuleSqlContext): Fragment {
  const { window, holds } = measured(n, ctx);
  const without = holdsWithoutEvents(n, ctx);
  const customers = (verdict: boolean) =>
    sql`SELECT e.customer_id FROM events e WHERE e.workspace_id = ${ctx.workspaceId} AND e.name = ${n.event} AND ${window}${n.where ? sql` AND ${filter(n.where, true, ctx)}` : raw('')} GROUP BY e.customer_id HAVING ${truth(holds, verdict)}`;
  return without === want
    ? ctx.d.customerAmong(`${ctx.c}.id`, customers(!want), false)
    : ctx.d.customerAmong(`${ctx.c}.id`, customers(want), true);
}
