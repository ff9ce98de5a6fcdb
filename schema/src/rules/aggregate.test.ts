import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateHolds, aggregateOf, compare } from './aggregate';
import type { NumberComparison } from './rule.types';

/** Values whose floating-point sums depend on the order, overflow or vanish. */
const arbValue = fc.oneof(
  fc.constantFrom(0.1, 0.2, 0.3, 1e16, -1e16, 1, -0, 3, 1e308, -1e308, 5e-324, -5e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

describe('aggregateOf', () => {
  it('is exact, rounded once, whatever the order', () => {
    expect(aggregateOf('sum', [1e308, 1e308, -1e308, -1e308])).toBe(0);
    expect(aggregateOf('sum', [1e308, 1e308])).toBe(Infinity);
    expect(aggregateOf('avg', [1e308, 1e308])).toBe(1e308);
    expect(aggregateOf('avg', [5e-324, 0])).toBe(5e-324);
    expect(aggregateOf('sum', [0.1, 0.2])).toBe(0.3);
    expect(aggregateOf('sum', [])).toBe(0);
    expect(aggregateOf('avg', [])).toBeNull();
    fc.assert(
      fc.property(fc.array(arbValue, { maxLength: 8 }), (values) => {
        const reversed = [...values].reverse();
        expect(aggregateOf('sum', reversed)).toBe(aggregateOf('sum', values));
        expect(aggregateOf('avg', reversed)).toBe(aggregateOf('avg', values));
      }),
    );
  });

  it('aggregateHolds decides as the exact aggregate does, at bounds next to it too', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('sum', 'avg') as fc.Arbitrary<'sum' | 'avg'>,
        fc.array(arbValue, { maxLength: 8 }),
        fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between') as fc.Arbitrary<
          NumberComparison['op']
        >,
        fc.constantFrom(-1, 0, 1),
        (type, values, op, nudge) => {
          const exact = aggregateOf(type, values);
          const base = exact !== null && Number.isFinite(exact) ? exact : 0;
          const bound =
            nudge === 0 ? base : base + nudge * Math.max(Math.abs(base) * 2 ** -52, 5e-324);
          const c: NumberComparison =
            op === 'between' ? { op, min: bound, max: Math.max(bound, 1) } : { op, value: bound };
          expect(aggregateHolds(type, c, values)).toBe(exact !== null && compare(c, exact));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
