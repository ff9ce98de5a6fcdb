import type { Problem } from '@cairn/schema';
import { describe, expect, it } from 'vitest';
import { readOrder } from './order-event';

const read = (properties: Record<string, unknown>) => {
  const problems: Problem[] = [];
  const order = readOrder(
    { orderId: 'A-1', total: 100, currency: 'EUR', ...properties },
    [0],
    problems,
  );
  return { cost: order?.cost, problems: problems.map((p) => p.path.join('.')) };
};

describe('the cost of goods of an order', () => {
  it('is the `cost` property when given, else the products’ costs, else unknown', () => {
    expect(read({ cost: 40 })).toEqual({ cost: 40, problems: [] });
    expect(read({ cost: 0 })).toEqual({ cost: 0, problems: [] });
    // 2 × 12.5 + 1 × 7.125, rounded to the 4 decimals orders keep.
    const products = [
      { productId: 'a', quantity: 2, price: 30, cost: 12.5 },
      { productId: 'b', quantity: 1, price: 40, cost: 7.125 },
    ];
    expect(read({ products })).toEqual({ cost: 32.125, problems: [] });
    // `cost` wins over the products'.
    expect(read({ products, cost: 10 }).cost).toBe(10);
    // One product without a cost: unknown, not the others' sum.
    expect(
      read({ products: [...products, { productId: 'c', quantity: 1, price: 5 }] }).cost,
    ).toBeNull();
    expect(read({}).cost).toBeNull();
  });

  it('refuses a negative or non-numeric cost, with its path', () => {
    expect(read({ cost: -1 }).problems).toEqual(['0.cost']);
    expect(read({ cost: '5' }).problems).toEqual(['0.cost']);
    expect(
      read({ products: [{ productId: 'a', quantity: 1, price: 3, cost: -2 }] }).problems,
    ).toEqual(['0.products.0.cost']);
  });
});
