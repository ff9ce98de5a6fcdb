/**
 * Event aggregates: what each event condition of some rules measures over a customer's events
 * at one instant (a count, a sum, a last occurrence...), computed once so that evaluations read a
 * number instead of scanning the events. The compiled evaluator uses them (`CustomerFacts.
 * aggregates`); the values are the interpreter's own (`measureEvents`), so a rule's verdict is the
 * same with them or without.
 */
import { assertUnreachable } from '../assert-unreachable';
import { measureEvents } from './explain';
import type { CustomerFacts, EvaluationOptions, EventAggregates } from './facts';
import type { EventCondition, RuleDocument, RuleNode } from './rule.types';

/**
 * The key of an event condition's value: its event, filter and measure without the comparison
 * (conditions that differ only in the threshold share one value), as JSON with sorted keys, so
 * equal conditions of different rules, written in any key order, share it too.
 */
export function aggregateKey(n: EventCondition): string {
  const m = n.measure;
  const measured = ((): Record<string, unknown> => {
    switch (m.type) {
      case 'count':
        return { type: 'count', window: m.window };
      case 'sum':
      case 'avg':
      case 'min':
      case 'max':
        return { type: m.type, property: m.property, window: m.window };
      case 'firstOccurredWithin':
      case 'firstOccurredBefore':
        return { type: 'first' };
      case 'lastOccurredWithin':
      case 'lastOccurredBefore':
        return { type: 'last' };
      default:
        return assertUnreachable(m);
    }
  })();
  return sortedJson({ event: n.event, where: n.where ?? null, measure: measured });
}

/**
 * The aggregates of every event condition in `rules` for these facts at `options.now` (in
 * `options.timeZone`, default UTC), for `CustomerFacts.aggregates`.
 *
 * @example
 * const facts = { ...profile, aggregates: eventAggregates([rule], profile, { now }) };
 * compileRule(rule).evaluate(facts, { now }) // reads the counts, does not scan the events
 */
export function eventAggregates(
  rules: ReadonlyArray<RuleDocument | RuleNode>,
  facts: CustomerFacts,
  options: EvaluationOptions,
): EventAggregates {
  const timeZone = options.timeZone ?? 'UTC';
  const ctx = { facts, now: options.now, timeZone };
  const values: Record<string, number | null> = {};
  const visit = (n: RuleNode): void => {
    switch (n.kind) {
      case 'all':
      case 'any':
        n.children.forEach(visit);
        return;
      case 'not':
        visit(n.child);
        return;
      case 'event': {
        const key = aggregateKey(n);
        if (!Object.prototype.hasOwnProperty.call(values, key))
          values[key] = measureEvents(n, ctx).value;
        return;
      }
      case 'trait':
      case 'score':
      case 'segment':
      case 'consent':
      case 'randomBucket':
        return;
      default:
        assertUnreachable(n);
    }
  };
  for (const rule of rules) visit('root' in rule ? rule.root : rule);
  return { at: options.now, timeZone, values };
}

/** JSON with every object's keys sorted (arrays keep their order). */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
