import { ORDER_COST_PROPERTY, type FieldPath, type Problem } from '@cairn/schema';
import type { OrderItem } from '../../db/entities';
import { isJsonObject } from './payload';

/**
 * The event that records a purchase. Its properties: `orderId` (the shop's id, unique per
 * workspace), `total` (a number >= 0), `currency` (ISO 4217, e.g. "EUR"), optionally `cost` (the
 * order's cost of goods, >= 0) and `products`: [{ productId, name?, quantity, price, cost? }].
 * A replay with the same orderId is stored once.
 */
export const ORDER_COMPLETED = 'Order Completed';

export interface OrderData {
  readonly orderId: string;
  readonly amount: number;
  readonly currency: string;
  readonly items: OrderItem[];
  /**
   * Cost of goods sold: `cost`, else Σ products' `cost × quantity` when every product has a
   * cost, else null (unknown: the period's gross margin is then missing, `semantics.md`).
   */
  readonly cost: number | null;
}

const CURRENCY = /^[A-Z]{3}$/;

/** Reads the order out of an `Order Completed` event's properties; problems go to `problems`. */
export function readOrder(
  properties: Record<string, unknown>,
  path: FieldPath,
  problems: Problem[],
): OrderData | undefined {
  const before = problems.length;
  const bad = (field: FieldPath, message: string) =>
    problems.push({ code: 'BAD_USER_INPUT', path: [...path, ...field], message });
  const orderId =
    typeof properties['orderId'] === 'number'
      ? String(properties['orderId'])
      : properties['orderId'];
  if (typeof orderId !== 'string' || orderId.trim() === '' || orderId.length > 200) {
    bad(
      ['orderId'],
      `An "${ORDER_COMPLETED}" event needs orderId: the shop's order id (1 to 200 characters).`,
    );
  }
  const total = properties['total'];
  if (typeof total !== 'number' || !Number.isFinite(total) || total < 0 || total >= 1e15) {
    bad(['total'], 'total must be the order amount, a number from 0 (e.g. 59.90).');
  }
  const currency =
    typeof properties['currency'] === 'string' ? properties['currency'].toUpperCase() : undefined;
  if (currency === undefined || !CURRENCY.test(currency)) {
    bad(['currency'], 'currency must be an ISO 4217 code such as "EUR" or "USD".');
  }
  const cost = properties[ORDER_COST_PROPERTY];
  if (cost !== undefined && cost !== null && !isAmount(cost))
    bad([ORDER_COST_PROPERTY], 'cost must be the cost of goods of the order, a number from 0.');
  const items = readItems(properties['products'], [...path, 'products'], problems);
  if (problems.length > before) return undefined;
  return {
    orderId: (orderId as string).trim(),
    amount: total as number,
    currency: currency!,
    items,
    cost: isAmount(cost) ? cost : costOfItems(items),
  };
}

const isAmount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < 1e15;

/** Σ cost × quantity when every line has a cost (rounded to the 4 decimals orders keep). */
function costOfItems(items: readonly OrderItem[]): number | null {
  if (items.length === 0 || items.some((i) => i.cost === undefined)) return null;
  const sum = items.reduce((total, i) => total + i.cost! * i.quantity, 0);
  return Math.round(sum * 10_000) / 10_000;
}

function readItems(value: unknown, path: FieldPath, problems: Problem[]): OrderItem[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({
      code: 'BAD_USER_INPUT',
      path,
      message: 'products must be a list of {productId, name?, quantity, price, cost?}.',
    });
    return [];
  }
  return value.flatMap((raw: unknown, i): OrderItem[] => {
    const at = [...path, i];
    const p = isJsonObject(raw) ? raw : {};
    const productId = typeof p['productId'] === 'number' ? String(p['productId']) : p['productId'];
    const { quantity, price, name, cost } = p;
    const before = problems.length;
    if (typeof productId !== 'string' || productId === '')
      problems.push({
        code: 'BAD_USER_INPUT',
        path: [...at, 'productId'],
        message: 'productId must be a non-empty string.',
      });
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1)
      problems.push({
        code: 'BAD_USER_INPUT',
        path: [...at, 'quantity'],
        message: 'quantity must be a whole number from 1.',
      });
    if (typeof price !== 'number' || !Number.isFinite(price) || price < 0)
      problems.push({
        code: 'BAD_USER_INPUT',
        path: [...at, 'price'],
        message: 'price must be a number from 0.',
      });
    if (cost !== undefined && !isAmount(cost))
      problems.push({
        code: 'BAD_USER_INPUT',
        path: [...at, 'cost'],
        message: 'cost must be the cost of goods of one unit, a number from 0.',
      });
    if (name !== undefined && typeof name !== 'string')
      problems.push({
        code: 'BAD_USER_INPUT',
        path: [...at, 'name'],
        message: 'name must be a string.',
      });
    if (problems.length > before) return [];
    return [
      {
        productId: productId as string,
        quantity: quantity as number,
        price: price as number,
        ...(typeof name === 'string' ? { name } : {}),
        ...(isAmount(cost) ? { cost } : {}),
      },
    ];
  });
}
