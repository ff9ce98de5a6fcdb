import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventAggregates } from '../event-aggregates';
import { explain, filterMatches, interpret, type Explanation } from '../explain';
import type { CustomerFacts, EvaluationOptions } from '../facts';
import { OPERATORS_BY_TYPE } from '../operators';
import { FILTER_NODE_KINDS, RULE_NODE_KINDS, type FilterNode, type RuleNode } from '../rule.types';
import { arbEvaluationCase } from '../testing/arbitraries';
import { validateRule } from '../validate/validate-rule';
import { compileRule } from './compile-rule';

const env = (name: string): string | undefined =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];

/** Cases per run: RULE_PROPERTY_RUNS, at least 1,000 (CI runs the default). */
const RUNS = Math.max(1000, Number(env('RULE_PROPERTY_RUNS') ?? 1000) || 1000);
/** A few ms per case (each part of the rule is compiled on its own) on a loaded CI core, with room to spare. */
const TIMEOUT = 60_000 + RUNS * 20;

describe('compiled evaluator vs reference interpreter', () => {
  it(
    `returns the interpreter's verdict for ${RUNS} random valid rules, customers, instants and time zones, from the events or from their aggregates`,
    () => {
      fc.assert(
        fc.property(arbEvaluationCase(), ({ rule, facts, options }) => {
          const validated = validateRule(rule);
          // A rule the validator refuses is a bug in the generator, not in the evaluator.
          expect(validated.ok ? [] : validated.problems).toEqual([]);
          if (!validated.ok) return;
          const expected = interpret(validated.rule, facts, options);
          const compiled = compileRule(validated.rule);
          expect(compiled.evaluate(facts, options)).toBe(expected);
          // With the event aggregates the events are not read: without them, the same verdict.
          const aggregates = eventAggregates([validated.rule], facts, options);
          expect(compiled.evaluate({ ...facts, events: [], aggregates }, options)).toBe(expected);
          // Every part on its own too, so that a wrong verdict deep in the tree is not masked by
          // its siblings (a false child of an "all" hides whatever its neighbours return).
          for (const part of parts(validated.rule.root)) {
            expect([part, compileRule(part).evaluate(facts, options)]).toEqual([
              part,
              interpret(part, facts, options),
            ]);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'is not vacuous: every node kind, operator and measure comes out both true and false',
    () => {
      const verdicts = new Map<string, { true: number; false: number }>();
      const add = (key: string, result: boolean) => {
        const v = verdicts.get(key) ?? { true: 0, false: 0 };
        v[result ? 'true' : 'false']++;
        verdicts.set(key, v);
      };
      for (const { rule, facts, options } of fc.sample(arbEvaluationCase(), {
        numRuns: Math.max(RUNS, 2000),
        seed: 20_260_315,
      })) {
        tally(rule.root, explain(rule, facts, options), facts, options, add);
      }
      const kinds = [...new Set([...RULE_NODE_KINDS, ...FILTER_NODE_KINDS])];
      const share = (v: { true: number; false: number }) =>
        Math.min(v.true, v.false) / (v.true + v.false);
      const lopsided = kinds
        .filter((kind) => share(verdicts.get(kind) ?? { true: 0, false: 0 }) < 0.1)
        .map((kind) => [kind, verdicts.get(kind)]);
      expect(lopsided).toEqual([]);
      // Every operator of every type, every event and score measure: both verdicts at least once.
      const fine = [
        ...Object.entries(OPERATORS_BY_TYPE).flatMap(([type, ops]) =>
          ops.map((op) => `trait:${type}:${op}`),
        ),
        ...[
          'count',
          'sum',
          'avg',
          'min',
          'max',
          'firstOccurredWithin',
          'firstOccurredBefore',
          'lastOccurredWithin',
          'lastOccurredBefore',
        ].map((m) => `event:${m}`),
        ...['current', 'hasScore', 'change'].map((m) => `score:${m}`),
      ];
      expect(
        fine
          .filter((key) => !verdicts.get(key)?.true || !verdicts.get(key)?.false)
          .map((key) => [key, verdicts.get(key)]),
      ).toEqual([]);
    },
    TIMEOUT,
  );
});

/** Every proper subtree of a rule, and each event condition once per subtree of its filter. */
function parts(root: RuleNode): RuleNode[] {
  const out: RuleNode[] = [];
  const filters = (f: FilterNode): FilterNode[] => [
    f,
    ...(f.kind === 'property' ? [] : (f.kind === 'not' ? [f.child] : f.children).flatMap(filters)),
  ];
  const visit = (n: RuleNode, isRoot: boolean): void => {
    if (!isRoot) out.push(n);
    if (n.kind === 'all' || n.kind === 'any') n.children.forEach((c) => visit(c, false));
    else if (n.kind === 'not') visit(n.child, false);
    else if (n.kind === 'event' && n.where !== undefined)
      for (const where of filters(n.where).slice(1)) out.push({ ...n, where });
  };
  visit(root, true);
  return out;
}

/** Counts verdicts per node kind (and per operator / measure) over an explanation, and of `where` filters per matching event. */
function tally(
  n: RuleNode,
  e: Explanation,
  facts: CustomerFacts,
  options: EvaluationOptions,
  add: (key: string, result: boolean) => void,
): void {
  add(n.kind, e.result);
  switch (n.kind) {
    case 'all':
    case 'any':
      n.children.forEach((c, i) => tally(c, e.children![i]!, facts, options, add));
      return;
    case 'not':
      tally(n.child, e.children![0]!, facts, options, add);
      return;
    case 'trait':
      add(`trait:${n.type}:${n.op}`, e.result);
      return;
    case 'score':
      add(`score:${n.measure.type}`, e.result);
      return;
    case 'event': {
      add(`event:${n.measure.type}`, e.result);
      const ctx = { now: options.now, timeZone: options.timeZone ?? 'UTC' };
      const filter = (f: FilterNode, properties: Readonly<Record<string, unknown>>): void => {
        if (f.kind === 'property') add('property', filterMatches(f, properties, ctx));
        else (f.kind === 'not' ? [f.child] : f.children).forEach((c) => filter(c, properties));
      };
      if (n.where !== undefined)
        for (const event of facts.events)
          if (event.name === n.event) filter(n.where, event.properties);
      return;
    }
    default:
      return;
  }
}
