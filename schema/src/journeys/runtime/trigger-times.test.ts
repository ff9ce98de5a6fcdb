import { describe, expect, it } from 'vitest';
import type { CustomerFacts } from '../../rules/facts';
import { crossesThreshold, triggerInstants, triggerOccurrences } from './trigger-times';

const DAY = 86_400_000;
const from = Date.parse('2026-03-02T00:00:00Z'); // a Monday
const window = { from, to: from + 7 * DAY };
const facts = (extra: Partial<CustomerFacts> = {}): CustomerFacts => ({
  id: 'c1',
  traits: {},
  events: [],
  ...extra,
});

describe('crossesThreshold', () => {
  it('is true only on the step that crosses, in the asked direction', () => {
    expect(crossesThreshold(40, 50, 50, 'above')).toBe(true);
    expect(crossesThreshold(50, 40, 50, 'above')).toBe(false);
    expect(crossesThreshold(50, 49.5, 50, 'below')).toBe(true);
    expect(crossesThreshold(49, 30, 50, 'below')).toBe(false);
  });
});

describe('triggerOccurrences', () => {
  it('lists the local times on allowed weekdays in (from, to]', () => {
    const weekdays = triggerOccurrences(
      { type: 'schedule', time: '09:00', weekdays: [1, 3] },
      from,
      from + 8 * DAY,
      'Europe/Paris',
    );
    expect(weekdays.map((t) => new Date(t).toISOString())).toEqual([
      '2026-03-02T08:00:00.000Z',
      '2026-03-04T08:00:00.000Z',
      '2026-03-09T08:00:00.000Z',
    ]);
  });
});

describe('triggerInstants', () => {
  it('finds segment transitions of the trigger segment and kind in the window', () => {
    const transitions = [
      { segmentId: 's1', kind: 'entered' as const, at: from + DAY },
      { segmentId: 's1', kind: 'exited' as const, at: from + 2 * DAY },
      { segmentId: 's2', kind: 'entered' as const, at: from + 3 * DAY },
      { segmentId: 's1', kind: 'entered' as const, at: from - DAY },
    ];
    const spec = { type: 'segmentEntered' as const, segmentId: 's1' };
    expect(triggerInstants(spec, facts(), window, 'UTC', transitions)).toEqual([from + DAY]);
    expect(
      triggerInstants({ ...spec, type: 'segmentExited' }, facts(), window, 'UTC', transitions),
    ).toEqual([from + 2 * DAY]);
  });

  it('finds score crossings in the history, counting no score as 0', () => {
    const history = [
      { at: from - DAY, value: 60 }, // crossed before the window
      { at: from + DAY, value: 40 },
      { at: from + 2 * DAY, value: 55 }, // crosses 50 upwards
      { at: from + 3 * DAY, value: 70 },
    ];
    const f = facts({ scores: { lead: { history } } });
    const spec = { type: 'scoreThreshold' as const, model: 'lead', threshold: 50 };
    expect(triggerInstants({ ...spec, direction: 'above' }, f, window, 'UTC')).toEqual([
      from + 2 * DAY,
    ]);
    expect(triggerInstants({ ...spec, direction: 'below' }, f, window, 'UTC')).toEqual([
      from + DAY,
    ]);
  });

  it('enters schedules for segment members only, date traits on their day, API at the start', () => {
    const daily = { type: 'schedule' as const, time: '09:00' as const, segmentId: 's1' };
    expect(triggerInstants(daily, facts(), window, 'UTC')).toEqual([]);
    expect(triggerInstants(daily, facts({ segments: ['s1'] }), window, 'UTC')).toHaveLength(7);
    const birthday = facts({ traits: { birthday: '1990-03-05' } });
    const onTheDay = {
      type: 'dateTrait' as const,
      path: 'traits.birthday',
      offsetDays: 0,
      time: '10:00' as const,
    };
    expect(triggerInstants(onTheDay, birthday, window, 'UTC')).toEqual([
      Date.parse('2026-03-05T10:00:00Z'),
    ]);
    // Two days before: the occurrence on 3 March.
    expect(triggerInstants({ ...onTheDay, offsetDays: -2 }, birthday, window, 'UTC')).toEqual([
      Date.parse('2026-03-03T10:00:00Z'),
    ]);
    expect(triggerInstants({ type: 'api' }, facts(), window, 'UTC')).toEqual([from]);
  });
});
