import type { FieldPath } from '@cairn/schema';
import { CairnError } from '../../errors/cairn-error';

/** Position in the customer list (newest first): creation time, then id as the tie-breaker. */
export interface CustomerCursor {
  readonly createdAt: Date;
  readonly id: string;
}

const TAG = 'customer.v1';

export function encodeCustomerCursor(cursor: CustomerCursor): string {
  return Buffer.from(JSON.stringify([TAG, cursor.createdAt.getTime(), cursor.id])).toString(
    'base64url',
  );
}

/** Decodes a cursor produced by `encodeCustomerCursor`; anything else is an INVALID_CURSOR error at `path`. */
export function decodeCustomerCursor(raw: string, path: FieldPath): CustomerCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw CairnError.invalidCursor(path);
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== TAG ||
    !Number.isSafeInteger(parsed[1]) ||
    typeof parsed[2] !== 'string'
  ) {
    throw CairnError.invalidCursor(path);
  }
  return { createdAt: new Date(parsed[1] as number), id: parsed[2] };
}
