/**
 * fast-check generators for the rule language: valid rules (every one is accepted by
 * `validateRule`), customers, and evaluation instants. Shared by the compiled evaluator's
 * property test, the validator fuzz, the SQL compiler's tests and the benchmarks.
 *
 * Values are drawn from small pools on purpose so that rules and customers collide: the same few
 * trait names, event names, strings and numbers appear on both sides, events fall exactly on
 * window edges, dates fall on anniversaries, and conditions come out true a fair share of the time.
 *
 * @example
 * fc.assert(fc.property(arbEvaluationCase(), ({ rule, facts, options }) => check(rule, facts, options)));
 */
import fc from 'fast-check';
import type { CustomerFacts, EvaluationOptions, EventFact } from '../facts';
import type { EventMeasure, RuleDocument, RuleNode } from '../rule.types';
import { durationMs, parseIsoInstant } from '../time';
import { arbCustomerFactsAt, define } from './fact-arbitraries';
import { arbEvaluationOptions, isoText } from './pools';
import { arbRuleDocument } from './rule-arbitraries';

export { arbCustomerFacts, arbCustomerFactsAt, type AtNow } from './fact-arbitraries';
export { arbEvaluationOptions, isoText, RULE_POOLS } from './pools';
export {
  arbCondition,
  arbPredicate,
  arbRuleDocument,
  arbRuleNode,
  withIds,
} from './rule-arbitraries';

/**
 * A rule, a customer and evaluation options, with the customer's times placed around
 * `options.now`. In half the cases the customer also holds the rule's own literals (a trait
 * equal to the compared value, an event of the counted name now), so conditions hold often.
 */
export function arbEvaluationCase(
  options: { maxDepth?: number } = {},
): fc.Arbitrary<{ rule: RuleDocument; facts: CustomerFacts; options: EvaluationOptions }> {
  return fc
    .record({
      rule: arbRuleDocument(options),
      options: arbEvaluationOptions(),
      facts: arbCustomerFactsAt(),
      plant: fc.boolean(),
    })
    .map(({ rule, options, facts, plant }) => ({
      rule,
      facts: plant ? plantLiterals(rule.root, facts(options.now), options.now) : facts(options.now),
      options,
    }));
}

/**
 * The customer with values taken from the rule, on the edges its conditions test: each trait
 * holds the condition's literal (one above a "gt" bound, one below an "lt" one), a date exactly
 * at the start of a "withinLast" span or an anniversary exactly `days` away; `createdAt` sits half
 * a millisecond past the compared instant (the profile's ISO text drops it); each event condition
 * gets matching-name events on the edges of its window, or at its cutoff.
 */
export function plantLiterals(root: RuleNode, facts: CustomerFacts, now: number): CustomerFacts {
  const traits: Record<string, unknown> = { ...facts.traits };
  const events: EventFact[] = [...facts.events];
  let createdAt = facts.createdAt;
  const visit = (n: RuleNode): void => {
    if (n.kind === 'all' || n.kind === 'any') n.children.forEach(visit);
    else if (n.kind === 'not') visit(n.child);
    else if (n.kind === 'event') {
      // Two amounts, so that the sum, minimum and maximum of the planted events all differ.
      eventEdges(n.measure, now).forEach((occurredAt, i) =>
        events.push({
          name: n.event,
          occurredAt,
          properties: { amount: 10 + 40 * i, plan: 'gold', items: { count: 2 } },
        }),
      );
    } else if (n.kind === 'trait' && n.path === 'createdAt') {
      createdAt = createdAtEdge(n, now) ?? createdAt;
    } else if (n.kind === 'trait' && n.path.startsWith('traits.') && !n.path.includes('.', 7)) {
      // A list that holds none of the values satisfies notIn; any other list gets the literal.
      const literal = n.type === 'stringList' && n.op === 'notIn' ? [] : traitLiteral(n, now);
      if (literal !== undefined)
        define(
          traits,
          n.path.slice(7),
          n.type === 'stringList' && !Array.isArray(literal) ? [literal] : literal,
        );
    }
  };
  visit(root);
  return createdAt === undefined
    ? { ...facts, traits, events }
    : { ...facts, traits, events, createdAt };
}

function createdAtEdge(n: Extract<RuleNode, { kind: 'trait' }>, now: number): number | undefined {
  switch (n.op) {
    case 'before':
    case 'after':
      return (parseIsoInstant(n.value) ?? now) + 0.5;
    case 'between':
      return (parseIsoInstant(String(n.max)) ?? now) + 0.5;
    case 'withinLast':
    case 'notWithinLast':
      return now + 0.5;
    default:
      return undefined;
  }
}

function traitLiteral(n: Extract<RuleNode, { kind: 'trait' }>, now: number): unknown {
  switch (n.op) {
    case 'gt':
    case 'lt':
      return typeof n.value === 'number' ? n.value + (n.op === 'gt' ? 1 : -1) : n.value;
    case 'eq':
    case 'neq':
    case 'gte':
    case 'lte':
    case 'contains':
    case 'notContains':
    case 'startsWith':
    case 'endsWith':
    case 'before':
    case 'after':
      return n.value;
    case 'in':
    case 'notIn':
      return n.values[0];
    case 'between':
      return n.min;
    case 'matches':
      return 'gold';
    case 'withinLast':
    case 'notWithinLast':
      return isoText(now - durationMs(n.duration), 'ms');
    case 'anniversaryWithin': {
      const today = new Date(now);
      return isoText(Date.UTC(1990, today.getUTCMonth(), today.getUTCDate() + n.days), 'date');
    }
    default:
      return undefined;
  }
}

/** Instants on the edges a measure tests: now and the start of its window (for absolute windows, "from", just before "to" and the excluded "to"), or its cutoff. */
function eventEdges(m: EventMeasure, now: number): number[] {
  if (!('window' in m)) return [now - durationMs(m.duration)];
  switch (m.window.type) {
    case 'ever':
      return [now, now - 1];
    case 'last':
      return [now, now - durationMs(m.window.duration)];
    case 'between':
      return [
        parseIsoInstant(m.window.from)!,
        parseIsoInstant(m.window.to)! - 1,
        parseIsoInstant(m.window.to)!,
      ];
  }
}
