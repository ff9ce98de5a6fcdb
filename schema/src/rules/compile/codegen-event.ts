import { assertUnreachable } from '../../assert-unreachable';
import type {
  EventCondition,
  EventMeasure,
  EventWindow,
  FilterNode,
  NumberComparison,
} from '../rule.types';
import { durationMs, parseIsoInstant } from '../time';
import { aggregateKey } from '../event-aggregates';
import type { Codegen } from './codegen';
import { comparisonExpr, predicateStatements } from './codegen-predicate';

/**
 * An event condition as a call of a generated function: the customer's precomputed aggregate
 * when the facts carry it for this instant (and time zone, when a filter may read it), else one
 * pass over the events: the name first, then the window (both cheap), then the `where` filter,
 * then the measure. Counts and first/last occurrences stop as soon as the verdict cannot change.
 */
export function eventConditionExpr(g: Codegen, n: EventCondition): string {
  const name = g.constant(n.event);
  const where = n.where === undefined ? undefined : filterExpr(g, n.where);
  const plan = measurePlan(g, n.measure);
  const key = g.constant(aggregateKey(n));
  const sameZone = n.where === undefined ? '' : " && a.timeZone === (o.timeZone ?? 'UTC')";
  const body = [
    // A value found only on Object.prototype (polluted) is not an aggregate: count instead.
    'const a = f.aggregates;',
    `if (a !== undefined && a.at === now${sameZone}) {`,
    `  const x = a.values[${key}];`,
    `  if (x !== undefined && !(${key} in objectProto)) {`,
    `    if (typeof x === 'number') return ${holdsExpr(g, n.measure)};`,
    '    if (x === null) return false;',
    '  }',
    '}',
    ...plan.prelude,
    'const events = f.events;',
    'for (let i = 0; i < events.length; i++) {',
    '  const e = events[i];',
    `  if (e.name !== ${name}) continue;`,
    '  const t = e.occurredAt;',
    `  if (!(${plan.inWindow})) continue;`,
    ...(where !== undefined || plan.readsProperties
      ? ['  const p = e.properties;', '  const ps = shapeOf(p);']
      : []),
    ...(where === undefined ? [] : [`  if (!${where}) continue;`]),
    ...plan.onMatch.map((line) => `  ${line}`),
    '}',
    ...plan.result,
  ];
  return `${g.declare('e', 'f, now, o', body)}(f, now, o)`;
}

/** `measureHolds(m, x, now)` as an expression over the number `x`. */
function holdsExpr(g: Codegen, m: EventMeasure): string {
  switch (m.type) {
    case 'count':
    case 'sum':
    case 'avg':
    case 'min':
    case 'max':
      return comparisonExpr(g, m.compare, 'x');
    case 'firstOccurredWithin':
    case 'lastOccurredWithin':
      return `x >= now - ${g.constant(durationMs(m.duration))}`;
    case 'firstOccurredBefore':
    case 'lastOccurredBefore':
      return `x < now - ${g.constant(durationMs(m.duration))}`;
    default:
      return assertUnreachable(m);
  }
}

/** An event's `where` filter as an expression over its properties `p` of shape `ps` (`filterMatches`). */
export function filterExpr(g: Codegen, f: FilterNode): string {
  switch (f.kind) {
    case 'all':
      return f.children.length === 0
        ? 'true'
        : `(${f.children.map((c) => filterExpr(g, c)).join(' && ')})`;
    case 'any':
      return f.children.length === 0
        ? 'false'
        : `(${f.children.map((c) => filterExpr(g, c)).join(' || ')})`;
    case 'not':
      return `!${filterExpr(g, f.child)}`;
    case 'property': {
      const body = [
        `const v = ${g.getter(f.path.split('.'))}(p, ps);`,
        ...predicateStatements(g, f, f.type),
      ];
      return `${g.declare('q', 'p, ps, now, o', body)}(p, ps, now, o)`;
    }
    default:
      return assertUnreachable(f);
  }
}

/** How one measure is computed in the pass: set-up, the window test on `t`, per matching event, verdict. */
interface MeasurePlan {
  readonly prelude: string[];
  readonly inWindow: string;
  readonly readsProperties: boolean;
  readonly onMatch: string[];
  readonly result: string[];
}

function measurePlan(g: Codegen, m: EventMeasure): MeasurePlan {
  switch (m.type) {
    case 'count': {
      const w = windowTest(g, m.window);
      const early = countDecidedAt(m.compare);
      const onMatch =
        early === undefined
          ? ['n++;']
          : [`if (++n >= ${g.constant(early.count)}) return ${early.result};`];
      return {
        prelude: [...w.prelude, 'let n = 0;'],
        inWindow: w.test,
        readsProperties: false,
        onMatch,
        result: [`return ${comparisonExpr(g, m.compare, 'n')};`],
      };
    }
    case 'sum':
    case 'avg': {
      // Exact sums rounded once (semantics.md): the runtime decides from a float estimate when
      // it can, so the values are kept for the exact computation.
      const w = windowTest(g, m.window);
      return {
        prelude: [...w.prelude, 'let vs;'],
        inWindow: w.test,
        readsProperties: true,
        onMatch: [
          `const x = ${g.getter(m.property.split('.'))}(p, ps);`,
          "if (typeof x === 'number' && x - x === 0) (vs ??= []).push(x);",
        ],
        result: [
          `return aggregateHolds(${g.constant(m.type)}, ${g.constant(m.compare)}, vs ?? noNumbers);`,
        ],
      };
    }
    case 'min':
    case 'max': {
      const w = windowTest(g, m.window);
      const accumulate = {
        min: 'if (c === 0 || x < s) s = x;\n  c++;',
        max: 'if (c === 0 || x > s) s = x;\n  c++;',
      }[m.type];
      // Minimum and maximum of nothing are no value: false.
      return {
        prelude: [...w.prelude, 'let s = 0;', 'let c = 0;'],
        inWindow: w.test,
        readsProperties: true,
        onMatch: [
          `const x = ${g.getter(m.property.split('.'))}(p, ps);`,
          `if (typeof x === 'number' && x - x === 0) {\n  ${accumulate}\n}`,
        ],
        result: ['if (c === 0) return false;', `return ${comparisonExpr(g, m.compare, 's')};`],
      };
    }
    case 'firstOccurredWithin':
    case 'firstOccurredBefore':
    case 'lastOccurredWithin':
    case 'lastOccurredBefore': {
      // Only events at or before now count. "last within" and "first before" hold as soon as one
      // matching event is on the right side of the cutoff; the other two fail as soon as one is not.
      const prelude = [
        `const cutoff = now - ${g.constant(durationMs(m.duration))};`,
        'let found = false;',
      ];
      const plans = {
        lastOccurredWithin: {
          inWindow: 't <= now && t >= cutoff',
          onMatch: ['return true;'],
          result: ['return false;'],
        },
        firstOccurredBefore: {
          inWindow: 't <= now && t < cutoff',
          onMatch: ['return true;'],
          result: ['return false;'],
        },
        lastOccurredBefore: {
          inWindow: 't <= now',
          onMatch: ['if (t >= cutoff) return false;', 'found = true;'],
          result: ['return found;'],
        },
        firstOccurredWithin: {
          inWindow: 't <= now',
          onMatch: ['if (t < cutoff) return false;', 'found = true;'],
          result: ['return found;'],
        },
      };
      return { prelude, readsProperties: false, ...plans[m.type] };
    }
    default:
      return assertUnreachable(m);
  }
}

/** `inWindow(t, windowBounds(w, now))` as an expression over `t`. */
function windowTest(g: Codegen, w: EventWindow): { prelude: string[]; test: string } {
  switch (w.type) {
    case 'ever':
      // from is -Infinity: every number that is not NaN is at or after it.
      return { prelude: [], test: 't <= now' };
    case 'last':
      return {
        prelude: [`const from = now - ${g.constant(durationMs(w.duration))};`],
        test: 't >= from && t <= now',
      };
    case 'between': {
      const from = g.constant(parseIsoInstant(w.from) ?? Infinity);
      const to = g.constant(parseIsoInstant(w.to) ?? -Infinity);
      return { prelude: [], test: `t >= ${from} && t < ${to}` };
    }
    default:
      return assertUnreachable(w);
  }
}

/**
 * The count from which a count comparison's verdict no longer changes as more events match, and
 * that verdict (`gte 2`: true from the second event; `lt 3`: false from the third).
 */
export function countDecidedAt(
  c: NumberComparison,
): { count: number; result: boolean } | undefined {
  const decided = (count: number, result: boolean) =>
    Number.isFinite(count) ? { count, result } : undefined;
  switch (c.op) {
    case 'gte':
      return decided(Math.ceil(c.value), true);
    case 'gt':
      return decided(Math.floor(c.value) + 1, true);
    case 'lt':
      return decided(Math.ceil(c.value), false);
    case 'lte':
    case 'eq':
      return decided(Math.floor(c.value) + 1, false);
    case 'neq':
      return decided(Math.floor(c.value) + 1, true);
    case 'between':
      return decided(Math.floor(c.max) + 1, false);
    default:
      return assertUnreachable(c);
  }
}
