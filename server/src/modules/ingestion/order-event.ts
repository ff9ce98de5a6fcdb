import type { FieldPath, Problem } from '@cairn/schema';
import type { OrderItem } from '../../db/entities';
import { isJsonObject } from './payload';

/**
 * The event that records a purchase. Its properties: `orderId` (the shop's id, unique per
 * workspace), `total` (a number >= 0), `currency` (ISO 4217, e.g. "EUR") and optionally
 * `products`: [{ productId, name?, quantity, price }]. A replay with the same orderId is stored once.
 */
export const ORDER_COMPLETED = 'Order Completed';

export interface OrderData {
  readonly orderId: string;
  readonly amount: number;
  readonly currency: string;
  readonly items: OrderItem[];
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
  const items = readItems(properties['products'], [...path, 'products'], problems);
  if (problems.length > before) return undefined;
  return {
    orderId: (orderId as string).trim(),
    amount: total as number,
    currency: currency!,
    items,
  };
}

function readItems(value: unknown, path: FieldPath, problems: Problem[]): OrderItem[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({
      code: 'BAD_USER_INPUT',
      path,
      message: 'products must be a list of {productId, name?, quantity, price}.',
    });
    return [];
  }
  return value.flatMap((raw: unknown, i): OrderItem[] => {
    const at = [...path, i];
    const p = isJsonObject(raw) ? raw : {};
    const productId = typeof p['productId'] === 'number' ? String(p['productId']) : p['productId'];
    const { quantity, price, name } = p;
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
      },
    ];
  });
}
