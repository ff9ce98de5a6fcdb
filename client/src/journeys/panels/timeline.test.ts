import { describe, expect, it } from 'vitest';
import { readTimeline } from './timeline';

const T0 = Date.UTC(2026, 0, 1);

describe('readTimeline', () => {
  it('reads offsets, names and properties', () => {
    const read = readTimeline(
      '# a cart\n+0m Cart Abandoned\n\n+2h Order Completed {"amount": 30}',
      T0,
    );
    expect(read).toEqual({
      ok: true,
      events: [
        { name: 'Cart Abandoned', occurredAt: '2026-01-01T00:00:00.000Z' },
        {
          name: 'Order Completed',
          occurredAt: '2026-01-01T02:00:00.000Z',
          properties: { amount: 30 },
        },
      ],
    });
  });

  it('names the line that does not read', () => {
    expect(readTimeline('+1d Signed Up\nCart Abandoned', T0)).toMatchObject({ ok: false, line: 2 });
    expect(readTimeline('+1d Signed Up {oops}', T0)).toMatchObject({ ok: false, line: 1 });
  });
});
