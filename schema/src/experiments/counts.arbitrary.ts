import fc from 'fast-check';

/**
 * fast-check generator of `[conversions, exposures]` with 1 ≤ exposures ≤ `maxExposures` and
 * 0 ≤ conversions ≤ exposures, for the property tests of this folder (not exported from the
 * package, so fast-check stays out of bundles).
 */
export function countsArbitrary(maxExposures: number): fc.Arbitrary<[number, number]> {
  return fc
    .integer({ min: 1, max: maxExposures })
    .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
}
