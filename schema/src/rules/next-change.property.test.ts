import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { nextDown, nextUp } from './change-points';
import { ruleDependencies } from './dependencies';
import { interpret } from './explain';
import type { CustomerFacts, EvaluationOptions } from './facts';
import { nextChangeAt } from './next-change';
import type { RuleNode } from './rule.types';
import { arbEvaluationCase } from './testing/arbitraries';
import { durationMs, parseIsoInstant } from './time';

const env = (name: string): string | undefined =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
/** Cases per run: RULE_PROPERTY_RUNS (default 1,000), as the other property tests of the rule language. */
const RUNS = Number(env('RULE_PROPERTY_RUNS') ?? 1000) || 1000;
const TIMEOUT = 60_000 + RUNS * 30;
const YEAR = 365 * 86_400_000;
/** The language's dates end with the year 9999: later instants are outside its domain. */
const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Every node of the tree, the root first: each is checked on its own, so a group cannot mask a wrong child. */
function subtrees(n: RuleNode): RuleNode[] {
  if (n.kind === 'all' || n.kind === 'any') return [n, ...n.children.flatMap(subtrees)];
  if (n.kind === 'not') return [n, ...subtrees(n.child)];
  return [n];
}

/** The durations the rule mentions, in ms. */
function durations(value: unknown, out = new Set<number>([0])): Set<number> {
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o['amount'] === 'number' && typeof o['unit'] === 'string')
      out.add(durationMs(o as never));
    if (typeof o['days'] === 'number') out.add((o['days'] as number) * 86_400_000);
    Object.values(o).forEach((v) => durations(v, out));
  }
  return out;
}

/** The instants the customer's data holds: event times, score entries, dates in traits and properties, createdAt. */
function instants(facts: CustomerFacts): number[] {
  const out: number[] = [];
  const dates = (value: unknown, depth = 0): void => {
    if (typeof value === 'string') {
      const t = parseIsoInstant(value);
      if (t !== undefined) out.push(t);
    } else if (value !== null && typeof value === 'object' && depth < 4)
      Object.values(value).forEach((v) => dates(v, depth + 1));
  };
  dates(facts.traits);
  for (const e of facts.events) {
    out.push(e.occurredAt);
    dates(e.properties);
  }
  for (const { history } of Object.values(facts.scores ?? {}))
    out.push(...history.map((h) => h.at));
  if (facts.createdAt !== undefined) out.push(Math.trunc(facts.createdAt));
  return out.filter(Number.isFinite);
}

/**
 * Instants where a wrong answer would show: each of the customer's instants shifted by each of
 * the rule's durations, and the doubles on either side.
 */
function edges(rule: RuleNode, facts: CustomerFacts): number[] {
  const out: number[] = [];
  for (const x of instants(facts))
    for (const d of durations(rule)) out.push(x + d, nextUp(x + d), nextDown(x + d));
  return out;
}

/** Verdicts per kind of condition: how often the returned instant is a real flip. */
const tightness = new Map<string, { returned: number; flips: number; never: number }>();
function describeNode(n: RuleNode): string {
  switch (n.kind) {
    case 'trait':
      return `trait ${n.op}`;
    case 'event': {
      const m = n.measure;
      const timed = n.where === undefined ? '' : ' (filtered)';
      return `event ${m.type}${'window' in m ? ` ${m.window.type}` : ''}${timed}`;
    }
    case 'score':
      return `score ${n.measure.type}`;
    case 'all':
    case 'any':
    case 'not':
      return `group ${n.kind}`;
    default:
      return n.kind;
  }
}

function record(key: string, flipped: boolean | null) {
  const t = tightness.get(key) ?? { returned: 0, flips: 0, never: 0 };
  if (flipped === null) t.never++;
  else {
    t.returned++;
    if (flipped) t.flips++;
  }
  tightness.set(key, t);
}

/** Prints to the test output (schema/ has no Node or DOM types). */
const report = (text: string) =>
  (globalThis as unknown as { console: { log: (t: string) => void } }).console.log(text);

afterAll(() => {
  const rows = [...tightness.entries()].sort(([a], [b]) => a.localeCompare(b));
  const total = rows.reduce(
    (s, [, t]) => ({ returned: s.returned + t.returned, flips: s.flips + t.flips }),
    { returned: 0, flips: 0 },
  );
  const pct = (a: number, b: number) =>
    b === 0 ? '   -' : `${((100 * a) / b).toFixed(0)}%`.padStart(4);
  report(
    [
      `nextChangeAt tightness over ${RUNS} random rules (every node on its own) and ${RUNS} single time conditions: how often the returned instant is a flip`,
      ...rows.map(
        ([key, t]) =>
          `  ${key.padEnd(32)} ${pct(t.flips, t.returned)} of ${String(t.returned).padStart(5)} instants; null ${t.never}`,
      ),
      `  ${'all'.padEnd(32)} ${pct(total.flips, total.returned)} of ${total.returned}`,
    ].join('\n'),
  );
  // Conditions are exact: the returned instant is a flip. Groups may be conservative, and so may
  // filtered events (the first change of a filter on any event of the name stops the search).
  for (const [key, t] of rows)
    if (!key.startsWith('group') && !key.endsWith('(filtered)') && t.returned >= 20)
      expect([key, t.flips / t.returned]).toEqual([key, 1]);
});

function checkSound(
  rule: RuleNode,
  facts: CustomerFacts,
  options: EvaluationOptions,
  fractions: number[],
) {
  const now = options.now;
  const before = interpret(rule, facts, options);
  const next = nextChangeAt(rule, facts, options);
  const at = (u: number) => interpret(rule, facts, { ...options, now: u });
  let samples: number[];
  if (next === null) {
    samples = [...fractions.map((f) => now + f * 5 * YEAR), ...edges(rule, facts)].filter(
      (u) => u > now,
    );
    for (const days of [1, 7, 30, 61, 366, 1000]) samples.push(now + days * 86_400_000);
  } else {
    expect(next).toBeGreaterThan(now);
    samples = [
      nextUp(now),
      nextDown(next),
      ...fractions.map((f) => now + f * (next - now)),
      ...edges(rule, facts),
    ];
    samples = samples.filter((u) => u > now && u < next);
    record(describeNode(rule), at(next) !== before);
  }
  if (next === null) record(describeNode(rule), null);
  for (const u of samples.filter((x) => x <= LAST_INSTANT)) {
    if (at(u) !== before)
      expect.fail(
        `${JSON.stringify(rule)} at ${now} (${options.timeZone ?? 'UTC'}) is ${before}, next change ${next}, but ${!before} at ${u}`,
      );
  }
}

describe('nextChangeAt (property)', () => {
  it(
    `is never later than a change, for ${RUNS} random rules, customers, instants and time zones`,
    () => {
      fc.assert(
        fc.property(
          arbEvaluationCase(),
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
          ({ rule, facts, options }, fractions) => {
            for (const part of subtrees(rule.root)) checkSound(part, facts, options, fractions);
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `is exact on single time conditions: ${RUNS} more cases of one condition that reads the clock`,
    () => {
      const timed = arbEvaluationCase({ maxDepth: 0 }).filter(
        ({ rule }) => ruleDependencies(rule).timeDependent,
      );
      fc.assert(
        fc.property(
          timed,
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
          ({ rule, facts, options }, fractions) => checkSound(rule.root, facts, options, fractions),
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
