import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  affectedBy,
  ruleDependencies,
  type DataChange,
  type RuleDependencies,
} from './dependencies';
import { interpret } from './explain';
import type { CustomerFacts, EventFact } from './facts';
import { nextChangeAt } from './next-change';
import { CHANNELS, type RuleNode } from './rule.types';
import { arbEvaluationCase, RULE_POOLS } from './testing/arbitraries';
import { define } from './testing/fact-arbitraries';

const env = (name: string): string | undefined =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
/** Cases per run: RULE_PROPERTY_RUNS (default 1,000), as the other property tests of the rule language. */
const RUNS = Number(env('RULE_PROPERTY_RUNS') ?? 1000) || 1000;
const TIMEOUT = 60_000 + RUNS * 20;
const DAY = 86_400_000;
let timeless = 0;

/** Every node of the tree, the root first. */
function subtrees(n: RuleNode): RuleNode[] {
  if (n.kind === 'all' || n.kind === 'any') return [n, ...n.children.flatMap(subtrees)];
  if (n.kind === 'not') return [n, ...subtrees(n.child)];
  return [n];
}

type Record_ = Record<string, unknown>;
/** A change to a customer's data and the change report the engine would receive for it. */
type Mutation = (
  facts: CustomerFacts,
  now: number,
  deps: RuleDependencies,
) => { facts: CustomerFacts; change: DataChange };

/** Half the time one of the rule's own dependencies (when it has any), so affecting changes occur too. */
const target = <T>(pooled: fc.Arbitrary<T>) =>
  fc.record({ pooled, own: fc.option(fc.nat(), { nil: undefined }) });
const choose = <T>(c: { pooled: T; own: number | undefined }, own: readonly T[]): T =>
  c.own === undefined || own.length === 0 ? c.pooled : own[c.own % own.length]!;

/** A shallow copy that keeps the prototype (customers may have null or inherited ones) and own "__proto__" keys. */
function copy(o: object): Record_ {
  const out = Object.create(Object.getPrototypeOf(o)) as Record_;
  for (const [k, v] of Object.entries(o)) define(out, k, v);
  return out;
}

/** Sets a trait path, creating objects on the way; reports the shallowest path it replaced. */
function setTrait(
  traits: object,
  path: string,
  value: unknown,
): { traits: Record_; changed: string } {
  const keys = path.split('.');
  const root = copy(traits);
  let target = root;
  let changed: string | undefined;
  keys.slice(0, -1).forEach((key, i) => {
    const current = Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
    const isObject = current !== null && typeof current === 'object' && !Array.isArray(current);
    if (!isObject) changed ??= keys.slice(0, i + 1).join('.');
    const next = isObject ? copy(current) : {};
    define(target, key, next);
    target = next;
  });
  define(target, keys[keys.length - 1]!, value);
  return { traits: root, changed: changed ?? path };
}

const TRAIT_PATHS = [
  ...Object.keys(RULE_POOLS.traits)
    .filter((p) => p.startsWith('traits.'))
    .map((p) => p.slice('traits.'.length)),
  'address',
  'address.zip',
  'tags.x',
  'other',
];
const VALUES = (now: number): unknown[] => [
  null,
  'US',
  'gold',
  42,
  501,
  true,
  ['gold', 'US'],
  { city: 'Paris' },
  '1990-03-15',
  new Date(now - DAY).toISOString(),
];
const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const arbOffset = pick([0, -1, 1, -DAY, DAY, -10 * DAY]);

const arbMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .record({
      name: target(pick([...RULE_POOLS.events, 'signup'])),
      offset: arbOffset,
      amount: pick([10, 50, 'x']),
    })
    .map(({ name: n, offset, amount }): Mutation => (facts, now, deps) => {
      const name = choose(n, deps.eventNames);
      const added: EventFact = {
        name,
        occurredAt: now + offset,
        properties: { amount, plan: 'gold' },
      };
      return {
        facts: { ...facts, events: [...facts.events, added] },
        change: { kind: 'event', name },
      };
    }),
  fc.nat(5).map((i): Mutation => (facts) => {
    const removed = facts.events[i % Math.max(1, facts.events.length)];
    if (removed === undefined) return { facts, change: { kind: 'event', name: 'none' } };
    const events = facts.events.filter((e) => e !== removed);
    return { facts: { ...facts, events }, change: { kind: 'event', name: removed.name } };
  }),
  fc
    .record({
      path: target(pick(TRAIT_PATHS)),
      // The path itself, its first segment, or a path inside it.
      shape: pick(['same', 'prefix', 'inside'] as const),
      value: fc.nat(9),
    })
    .map(({ path: p, shape, value }): Mutation => (facts, now, deps) => {
      const own = choose(p, deps.traitPaths);
      const path = shape === 'prefix' ? own.split('.')[0]! : shape === 'inside' ? `${own}.x` : own;
      const { traits, changed } = setTrait(facts.traits, path, VALUES(now)[value]);
      return { facts: { ...facts, traits }, change: { kind: 'traits', paths: [changed] } };
    }),
  fc
    .record({
      model: target(pick([...RULE_POOLS.models, 'other'])),
      value: pick([5, 99]),
      offset: arbOffset,
    })
    .map(({ model: m, value, offset }): Mutation => (facts, now, deps) => {
      const model = choose(m, deps.scoreModels);
      const scores = copy(facts.scores ?? {});
      define(scores, model, { history: [{ at: now + offset, value }] });
      return {
        facts: { ...facts, scores: scores as CustomerFacts['scores'] },
        change: { kind: 'score', model },
      };
    }),
  fc
    .record({ channel: target(pick(CHANNELS)), granted: fc.boolean() })
    .map(({ channel: c, granted }): Mutation => (facts, _now, deps) => {
      const channel = choose(c, deps.consentChannels);
      return {
        facts: { ...facts, consent: { ...facts.consent, [channel]: granted } },
        change: { kind: 'consent', channel },
      };
    }),
  target(pick([...RULE_POOLS.segments, 'seg-x'])).map((s): Mutation => (facts, _now, deps) => {
    const segmentId = choose(s, deps.segmentIds);
    const segments = facts.segments ?? [];
    const toggled = segments.includes(segmentId)
      ? segments.filter((id) => id !== segmentId)
      : [...segments, segmentId];
    return { facts: { ...facts, segments: toggled }, change: { kind: 'segment', segmentId } };
  }),
  fc
    .record({
      id: pick(['c1', 'c2', 'other-id']),
      email: pick(['b@y.com', 'gold@y.org']),
      offset: arbOffset,
    })
    .map(({ id, email, offset }): Mutation => (facts, now) => ({
      facts: { ...facts, id, email, createdAt: now + offset },
      change: { kind: 'identity' },
    })),
);

/** Per kind of change: those said not to affect the rule (checked), and those said to that did change it. */
const seen = new Map<string, { unaffected: number; affected: number; changed: number }>();
/** Prints to the test output (schema/ has no Node or DOM types). */
const report = (text: string) =>
  (globalThis as unknown as { console: { log: (t: string) => void } }).console.log(text);

afterAll(() => {
  report(
    [
      'affectedBy over random rules and changes: unaffected (result checked equal) / affected (result changed)',
      ...[...seen.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(
          ([kind, s]) =>
            `  ${kind.padEnd(9)} ${s.unaffected} unaffected; ${s.changed} of ${s.affected} affected changed`,
        ),
    ].join('\n'),
  );
  // Not vacuous: every kind of change is seen both ways, and some affecting changes really change the result.
  for (const [kind, s] of seen)
    expect([kind, s.unaffected > 0, s.changed > 0]).toEqual([kind, true, true]);
});

describe('ruleDependencies and affectedBy (property)', () => {
  it(
    `a change affectedBy calls unrelated never changes the result, for ${RUNS} random rules, customers and changes`,
    () => {
      fc.assert(
        fc.property(
          arbEvaluationCase(),
          fc.array(arbMutation, { minLength: 1, maxLength: 4 }),
          fc.nat(400),
          (c, mutations, later) => {
            const deps = ruleDependencies(c.rule);
            const before = interpret(c.rule, c.facts, c.options);
            const laterOptions = { ...c.options, now: c.options.now + later * 3_600_000 };
            const beforeLater = interpret(c.rule, c.facts, laterOptions);
            for (const mutate of mutations) {
              const { facts, change } = mutate(c.facts, c.options.now, deps);
              const s = seen.get(change.kind) ?? { unaffected: 0, affected: 0, changed: 0 };
              seen.set(change.kind, s);
              if (affectedBy(deps, change)) {
                s.affected++;
                if (interpret(c.rule, facts, c.options) !== before) s.changed++;
              } else {
                s.unaffected++;
                expect([change, interpret(c.rule, facts, c.options)]).toEqual([change, before]);
                expect([change, interpret(c.rule, facts, laterOptions)]).toEqual([
                  change,
                  beforeLater,
                ]);
              }
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `a rule (or any part of one) that is not time-dependent gives the same result at every later instant (${RUNS} rules)`,
    () => {
      fc.assert(
        fc.property(
          arbEvaluationCase(),
          fc.array(fc.double({ min: 0, max: 3650, noNaN: true }), { minLength: 4, maxLength: 4 }),
          (c, laterDays) => {
            for (const part of subtrees(c.rule.root)) {
              if (ruleDependencies(part).timeDependent) continue;
              timeless++;
              expect([part, nextChangeAt(part, c.facts, c.options)]).toEqual([part, null]);
              const before = interpret(part, c.facts, c.options);
              for (const d of [1e-9, ...laterDays]) {
                const later = { ...c.options, now: c.options.now + d * DAY };
                expect([part, d, interpret(part, c.facts, later)]).toEqual([part, d, before]);
              }
            }
          },
        ),
        { numRuns: RUNS },
      );
      expect(timeless).toBeGreaterThan(RUNS);
    },
    TIMEOUT,
  );
});
