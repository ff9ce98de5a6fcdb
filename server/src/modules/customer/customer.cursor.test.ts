import { describe, expect, it } from 'vitest';
import { CairnError } from '../../errors/cairn-error';
import { decodeCustomerCursor, encodeCustomerCursor } from './customer.cursor';

describe('customer cursor', () => {
  it('round-trips', () => {
    const cursor = { createdAt: new Date('2026-01-02T03:04:05.678Z'), id: '01a2-x' };
    expect(decodeCustomerCursor(encodeCustomerCursor(cursor), ['after'])).toEqual(cursor);
  });

  it.each([
    '',
    '!!!',
    Buffer.from('{}').toString('base64url'),
    Buffer.from('["customer.v1","x","y"]').toString('base64url'),
  ])('rejects %j as INVALID_CURSOR at the path', (raw) => {
    const error = (() => {
      try {
        decodeCustomerCursor(raw, ['after']);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CairnError);
    expect((error as CairnError).code).toBe('INVALID_CURSOR');
    expect((error as CairnError).fieldPath).toEqual(['after']);
  });
});
