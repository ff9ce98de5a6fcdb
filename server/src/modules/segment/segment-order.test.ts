import { describe, expect, it } from 'vitest';
import { segmentsToRecompute } from './segment-order';

describe('segmentsToRecompute', () => {
  it('puts the changed segment first and every dependent after what it references', () => {
    const refs = new Map<string, string[]>([
      ['a', []],
      ['b', ['a']],
      ['c', ['b', 'a']],
      ['d', ['c']],
      ['x', []],
      ['y', ['x']],
    ]);
    const order = segmentsToRecompute('a', refs);
    expect(order[0]).toBe('a');
    expect(new Set(order)).toEqual(new Set(['a', 'b', 'c', 'd']));
    for (const [id, r] of refs) {
      if (!order.includes(id)) continue;
      for (const ref of r)
        if (order.includes(ref)) expect(order.indexOf(ref)).toBeLessThan(order.indexOf(id));
    }
    expect(segmentsToRecompute('y', refs)).toEqual(['y']);
  });
});
