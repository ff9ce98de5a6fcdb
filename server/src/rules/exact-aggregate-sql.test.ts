import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalOf, exactAggregate } from '@cairn/schema';
import { roundsTo } from './exact-aggregate-sql';

/** The double a decimal text rounds to. */
const rounded = (text: string) => exactAggregate('sum', [decimalOf(text)]);
/** A text a little beyond the end, away from b: `text` ± 10^-1100. */
const beyond = (text: string, direction: 1 | -1) => {
  const { m, e } = decimalOf(text);
  const shift = 1100 + e;
  return `${m * 10n ** BigInt(shift) + BigInt(direction)}e-1100`;
};

describe('roundsTo', () => {
  it('gives the exact ends of the reals that round to a double', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.constantFrom(0, 1, 2 ** -1022, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 0.5),
        ),
        (b) => {
          const { low, high } = roundsTo(b);
          expect(rounded(low.text) === b).toBe(low.inclusive);
          expect(rounded(high.text) === b).toBe(high.inclusive);
          // ===: -0 and 0 are the same double to every comparison.
          expect(rounded(beyond(low.text, 1)) === b).toBe(true);
          expect(rounded(beyond(high.text, -1)) === b).toBe(true);
          expect(rounded(beyond(low.text, -1))).toBeLessThan(b);
          expect(rounded(beyond(high.text, 1))).toBeGreaterThan(b);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rounds the midpoint above the largest double to Infinity', () => {
    expect(roundsTo(Number.MAX_VALUE).high.inclusive).toBe(false);
    expect(rounded(roundsTo(Number.MAX_VALUE).high.text)).toBe(Infinity);
  });
});
