import type { FieldPath } from '@cairn/schema';
import { keysetCursor } from '../../graphql/keyset-cursor';

/** Position in the customer list (newest first): creation time, then id as the tie-breaker. */
export interface CustomerCursor {
  readonly createdAt: Date;
  readonly id: string;
}

const cursor = keysetCursor('customer.v1');

export function encodeCustomerCursor(position: CustomerCursor): string {
  return cursor.encode({ at: position.createdAt, id: position.id });
}

/** Decodes a cursor produced by `encodeCustomerCursor`; anything else is an INVALID_CURSOR error at `path`. */
export function decodeCustomerCursor(raw: string, path: FieldPath): CustomerCursor {
  const { at, id } = cursor.decode(raw, path);
  return { createdAt: at, id };
}
