import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trackAggregate } from './aggregate-tracker';
import { nextUp } from './change-points';
import { aggregateOf, compare } from './aggregate';
import type { NumberComparison } from './rule.types';

const env = (name: string): string | undefined =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
const RUNS = Number(env('RULE_PROPERTY_RUNS') ?? 1000) || 1000;

/** Values whose sums round differently in different orders. */
const arbValue = fc.oneof(
  fc.constantFrom(0.1, 0.2, 0.3, 0.7, 1e16, -1e16, 1, -0, 0, 3, 1e308, -1e308, 5e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
);

describe('trackAggregate (property)', () => {
  it(`gives the interpreter's verdict after every change, bounds on the exact sums included (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom('sum', 'avg', 'min', 'max') as fc.Arbitrary<'sum' | 'avg' | 'min' | 'max'>,
        fc.array(arbValue, { minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between') as fc.Arbitrary<
          NumberComparison['op']
        >,
        fc.nat(),
        fc.constantFrom(-1, 0, 1),
        (type, values, initial, flips, op, boundSeed, nudge) => {
          const member = values.map((_, i) => initial[i]!);
          const exact = () =>
            aggregateOf(
              type,
              values.filter((_, i) => member[i]),
            );
          // A bound exactly at (or a double beside) an aggregate the sweep will pass through.
          const reachable: number[] = [];
          const copy = [...member];
          for (const f of flips) {
            copy[f % values.length] = !copy[f % values.length];
            const a = aggregateOf(
              type,
              values.filter((_, i) => copy[i]),
            );
            if (a !== null) reachable.push(a);
          }
          const base = reachable.length === 0 ? 0 : reachable[boundSeed % reachable.length]!;
          const bound = nudge === 0 ? base : nudge > 0 ? nextUp(base) : -nextUp(-base);
          const comparison: NumberComparison =
            op === 'between' ? { op, min: bound, max: Math.max(bound, 1) } : { op, value: bound };
          const tracker = trackAggregate(type, comparison, values, member);
          const check = () => {
            const a = exact();
            const verdict = tracker.verdict();
            if (verdict !== undefined) expect(verdict).toBe(a !== null && compare(comparison, a));
          };
          check();
          for (const f of flips) {
            const i = f % values.length;
            member[i] = !member[i];
            tracker.update(i, member[i]!);
            check();
          }
        },
      ),
      { numRuns: RUNS * 5 },
    );
  });
});
