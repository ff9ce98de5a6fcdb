import { describe, expect, it } from 'vitest';
import { CairnError } from '../errors/cairn-error';
import { keysetCursor } from './keyset-cursor';

describe('keyset cursor', () => {
  const events = keysetCursor('event.v1');
  const position = { at: new Date('2026-01-02T03:04:05.678Z'), id: '01a2-x' };

  it('round-trips', () => {
    expect(events.decode(events.encode(position), ['after'])).toEqual(position);
  });

  it("rejects another list's cursor as INVALID_CURSOR at the path", () => {
    const customers = keysetCursor('customer.v1');
    expect(() => events.decode(customers.encode(position), ['events', 'after'])).toThrow(
      expect.objectContaining({ code: 'INVALID_CURSOR', fieldPath: ['events', 'after'] }),
    );
    expect(() => events.decode('!!!', ['after'])).toThrow(CairnError);
  });
});
