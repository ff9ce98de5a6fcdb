/** Generators of customers whose times sit around an evaluation instant (see `arbitraries.ts`). */
import fc from 'fast-check';
import type { CustomerFacts, EventFact } from '../facts';
import { CHANNELS, type ValueType } from '../rule.types';
import { durationMs } from '../time';
import {
  arbEventName,
  DATE_LITERALS,
  DAY,
  EDGE_OFFSETS,
  ISO_FORMS,
  isoText,
  pick,
  RULE_POOLS,
  WINDOW_EDGES,
} from './pools';

/** A customer value that depends on `now` (dates, event times), resolved once `now` is known. */
export type AtNow<T> = (now: number) => T;

/** An instant relative to now (on window edges), or one of the absolute `between` edges. */
const arbInstant: fc.Arbitrary<AtNow<number>> = fc.oneof(
  { weight: 8, arbitrary: pick(EDGE_OFFSETS).map((offset) => (now: number) => now + offset) },
  { weight: 2, arbitrary: pick(WINDOW_EDGES).map((at) => () => at) },
  { weight: 1, arbitrary: pick([Number.NaN, -Infinity]).map((at) => () => at) },
);

/** A date text: near now in any accepted form, an anniversary of today, or malformed. */
const arbDateText: fc.Arbitrary<AtNow<string>> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(arbInstant, pick(ISO_FORMS)).map(
      ([at, form]) =>
        (now: number) =>
          Number.isFinite(at(now)) ? isoText(at(now), form) : 'NaN',
    ),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        pick([-1, 0, 1, 2, 7, 30, -300]),
        pick([0, 5, 23]),
        pick(['date', 'ms', 'plus0530'] as const),
      )
      .map(([days, hour, form]) => (now: number) => {
        const today = new Date(now);
        return isoText(Date.UTC(1990, today.getUTCMonth(), today.getUTCDate() + days, hour), form);
      }),
  },
  {
    weight: 2,
    arbitrary: pick([
      ...DATE_LITERALS,
      '1992-02-29',
      '0050-03-15',
      '2026-02-30',
      '2026-13-01',
      '2026-03-15T12:00:00',
      'yesterday',
      '',
    ]).map((text) => () => text),
  },
);

const WILD_VALUES: unknown[] = [
  null,
  '42',
  42,
  Number.NaN,
  Infinity,
  -Infinity,
  -0,
  [],
  ['US'],
  ['US', 1],
  [null],
  {},
  { city: 'Paris' },
  true,
  '',
  'US',
];

/** A value for a path whose usual type is `type`: mostly of that type, sometimes anything. */
function arbValue(type: ValueType): fc.Arbitrary<AtNow<unknown>> {
  const usual: fc.Arbitrary<AtNow<unknown>> =
    type === 'date'
      ? arbDateText
      : type === 'stringList'
        ? fc
            .array(pick([...RULE_POOLS.strings, ...RULE_POOLS.factStrings]), { maxLength: 3 })
            .map((list) => () => list)
        : type === 'boolean'
          ? fc.boolean().map((b) => () => b)
          : type === 'number'
            ? fc
                .oneof(
                  {
                    weight: 5,
                    arbitrary: pick([
                      ...RULE_POOLS.numbers,
                      59,
                      499,
                      1000,
                      20,
                      25,
                      Infinity,
                      -Infinity,
                      Number.NaN,
                    ]),
                  },
                  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
                )
                .map((x) => () => x)
            : pick([...RULE_POOLS.strings, ...RULE_POOLS.factStrings]).map((s) => () => s);
  return fc.oneof(
    { weight: 7, arbitrary: usual },
    { weight: 3, arbitrary: pick(WILD_VALUES).map((v) => () => v) },
  );
}

/** An object holding some of the pooled paths (nested paths as nested objects, or something else in the way). */
function arbRecord(paths: Record<string, ValueType>): fc.Arbitrary<AtNow<Record<string, unknown>>> {
  const entries = Object.entries(paths).map(([path, type]) =>
    fc.option(
      fc.tuple(
        fc.constant(path),
        arbValue(type),
        pick(['object', 'object', 'object', 'array', 'string'] as const),
      ),
      { nil: undefined },
    ),
  );
  const proto = pick(['plain', 'plain', 'plain', 'plain', 'null', 'inherited'] as const);
  return fc.tuple(fc.tuple(...entries), proto).map(([present, kind]) => (now: number) => {
    const inherited = { country: 'US', ltv: 900, amount: 10, plan: 'gold' };
    const out: Record<string, unknown> =
      kind === 'plain' ? {} : Object.create(kind === 'null' ? null : inherited);
    for (const entry of present) {
      if (entry === undefined) continue;
      const [path, value, container] = entry;
      const keys = path.startsWith('traits.') ? path.slice(7).split('.') : path.split('.');
      let target = out;
      for (const key of keys.slice(0, -1)) {
        const next: Record<string, unknown> = {};
        define(
          target,
          key,
          container === 'object' ? next : container === 'array' ? [next] : 'in the way',
        );
        target = next;
      }
      define(target, keys[keys.length - 1]!, value(now));
    }
    return out;
  });
}

/** Sets an own property, even "__proto__" (as JSON.parse does). */
export const define = (o: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

const arbEvent_: fc.Arbitrary<AtNow<EventFact>> = fc
  .tuple(
    arbEventName,
    arbInstant,
    arbRecord(RULE_POOLS.properties),
    fc.option(fc.nat(99), { nil: undefined }),
  )
  .map(([name, at, properties, id]) => (now: number) => ({
    ...(id === undefined ? {} : { id: `e${id}` }),
    name,
    occurredAt: at(now),
    properties: properties(now),
  }));

const arbHistory: fc.Arbitrary<AtNow<{ history: Array<{ at: number; value: number }> }>> = fc
  .array(
    fc.tuple(
      pick([
        0,
        -1,
        1,
        -DAY,
        DAY,
        -3 * DAY,
        ...RULE_POOLS.durations.map((d) => -durationMs(d)),
        -60 * DAY,
      ]),
      pick([0, 10, 20, 25, 50, 60, -5, 0.5]),
    ),
    { maxLength: 5 },
  )
  .map((entries) => (now: number) => ({
    history: entries
      .map(([offset, value]) => ({ at: now + offset, value }))
      .sort((a, b) => a.at - b.at),
  }));

/** A customer whose times are placed relative to `now` (call it with the evaluation instant). */
export function arbCustomerFactsAt(): fc.Arbitrary<AtNow<CustomerFacts>> {
  const scores = fc.array(fc.tuple(pick(RULE_POOLS.models), arbHistory), {
    minLength: 1,
    maxLength: 3,
  });
  const consent = fc.option(
    fc.dictionary(pick(CHANNELS), fc.boolean(), { minKeys: 2, maxKeys: 6 }),
    { nil: undefined, freq: 6 },
  );
  const createdAt = fc.option(
    fc.oneof(
      arbInstant,
      pick([
        Date.parse('0050-03-15T00:00:00Z'),
        Date.parse('0000-06-01T00:00:00Z'),
        Date.parse('+010000-01-01T00:00:00Z'),
        8.64e15,
        8.64e15 + 1,
        Infinity,
        1.5,
      ]).map((at) => () => at),
    ),
    { nil: undefined },
  );
  return fc
    .record({
      id: fc.oneof(pick(['c1', 'c2', 'cust-42', '']), fc.string({ maxLength: 8 })),
      email: fc
        .option(pick(['a@x.com', 'gold@y.org', '', 'US']), { nil: undefined, freq: 3 })
        .chain((e) => (e === undefined ? fc.constantFrom(undefined, null) : fc.constant(e))),
      createdAt,
      traits: arbRecord(RULE_POOLS.traits),
      events: fc.array(arbEvent_, { maxLength: 6 }),
      scores: fc.option(scores, { nil: undefined, freq: 4 }),
      consent,
      segments: fc.option(fc.subarray([...RULE_POOLS.segments]), { nil: undefined }),
    })
    .map((c) => (now: number) => {
      const facts: Record<string, unknown> = {
        id: c.id,
        traits: c.traits(now),
        events: c.events.map((e) => e(now)),
      };
      if (c.email !== undefined) facts['email'] = c.email;
      if (c.createdAt !== undefined) facts['createdAt'] = c.createdAt(now);
      if (c.scores !== undefined) {
        const scores: Record<string, unknown> = {};
        for (const [model, history] of c.scores) define(scores, model, history(now));
        facts['scores'] = scores;
      }
      if (c.consent !== undefined) facts['consent'] = c.consent;
      if (c.segments !== undefined) facts['segments'] = c.segments;
      return facts as unknown as CustomerFacts;
    });
}

/** A customer for a fixed evaluation instant. */
export const arbCustomerFacts = (now: number): fc.Arbitrary<CustomerFacts> =>
  arbCustomerFactsAt().map((at) => at(now));
