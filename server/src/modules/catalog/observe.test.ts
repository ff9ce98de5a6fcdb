import { describe, expect, it } from 'vitest';
import { CatalogObservations, MAX_DEPTH, type ObservedEntry } from './observe';

const t1 = new Date('2026-03-01T10:00:00Z');
const t2 = new Date('2026-03-02T10:00:00Z');

/** `path:type` → entry, for compact assertions. */
const byKey = (entries: Iterable<ObservedEntry>) =>
  Object.fromEntries([...entries].map((e) => [`${e.path}:${e.type}`, e]));

const traitsOf = (...writes: Array<Record<string, unknown>>) => {
  const seen = new CatalogObservations();
  for (const w of writes) seen.trait(w, t1);
  return byKey(seen.traits());
};

describe('CatalogObservations: types', () => {
  it('infers the type of each leaf and walks nested objects into dotted paths', () => {
    const traits = traitsOf({
      plan: 'pro',
      age: 41,
      vip: false,
      signedUpAt: '2026-01-05T09:30:00Z',
      birthday: '1990-05-17',
      tags: ['a', 'b'],
      orders: [{ id: 1 }],
      mixed: ['a', 1],
      company: { size: 40, address: { city: 'Lyon' } },
    });
    expect(Object.keys(traits).sort()).toEqual([
      'age:number',
      'birthday:date',
      'company.address.city:string',
      'company.size:number',
      'mixed:list',
      'orders:list',
      'plan:string',
      'signedUpAt:date',
      'tags:stringList',
      'vip:boolean',
    ]);
  });

  it('reads dates as the rule language does: offsets, fractions, no impossible dates', () => {
    const traits = traitsOf({
      a: '2026-01-05T09:30+02:00',
      b: '2026-01-05T09:30:00.123456Z',
      c: '2026-02-30',
      d: '2026-01-05 09:30:00',
      e: '2026-01-05T09:30:00',
    });
    expect(traits['a:date']).toBeDefined();
    expect(traits['b:date']).toBeDefined();
    // Not dates to the rule language, so not dates here either.
    expect(traits['c:string']).toBeDefined();
    expect(traits['d:string']).toBeDefined();
    expect(traits['e:string']).toBeDefined();
  });

  it('skips nulls (removals), empty arrays, non-finite numbers and unaddressable keys', () => {
    const traits = traitsOf({
      gone: null,
      nested: { gone: null, kept: 1 },
      empty: [],
      nan: Number.NaN,
      'dotted.key': 1,
      '': 1,
      'nul\u0000key': 1,
      fn: () => 1,
      missing: undefined,
    });
    expect(Object.keys(traits)).toEqual(['nested.kept:number']);
  });

  it('records an empty object, and an object nested too deep, as `object`', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < MAX_DEPTH + 2; i++) deep = { d: deep };
    const traits = traitsOf({ empty: {}, deep });
    expect(traits['empty:object']).toBeDefined();
    const deepPath = ['deep', ...Array.from({ length: MAX_DEPTH - 1 }, () => 'd')].join('.');
    expect(traits[`${deepPath}:object`]).toBeDefined();
    expect(Object.keys(traits)).toHaveLength(2);
  });

  it('treats prototype names as ordinary keys', () => {
    const traits = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "constructor": "c", "toString": 1, "hasOwnProperty": true}',
    ) as Record<string, unknown>;
    const seen = new CatalogObservations();
    seen.trait(traits, t1);
    seen.event('__proto__', { constructor: { prototype: 1 } }, t1);
    seen.event('constructor', {}, t1);
    expect(Object.keys(byKey(seen.traits())).sort()).toEqual([
      '__proto__.polluted:string',
      'constructor:string',
      'hasOwnProperty:boolean',
      'toString:number',
    ]);
    const events = [...seen.events()];
    expect(events.map((e) => e.name)).toEqual(['__proto__', 'constructor']);
    expect(Object.keys(byKey(events[0]!.properties.values()))).toEqual([
      'constructor.prototype:number',
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('CatalogObservations: aggregation', () => {
  it('counts each (path, type) per write and keeps the latest time', () => {
    const seen = new CatalogObservations();
    seen.trait({ plan: 'pro', age: 30 }, t2);
    seen.trait({ plan: 'free' }, t1);
    seen.trait({ plan: 3 }, t1);
    const traits = byKey(seen.traits());
    expect(traits['plan:string']).toMatchObject({ count: 2, lastSeenAt: t2 });
    expect(traits['plan:number']).toMatchObject({ count: 1, lastSeenAt: t1 });
    expect(traits['age:number']).toMatchObject({ count: 1, lastSeenAt: t2 });
  });

  it('keeps up to 5 distinct scalar examples, short strings only, 1 and "1" apart', () => {
    const seen = new CatalogObservations();
    for (const v of ['a', 'a', 'x'.repeat(101), 'x'.repeat(100), 'b', 'c', 'd', 'e'])
      seen.trait({ s: v }, t1);
    for (const v of [1, 1, 2]) seen.trait({ n: v, mixed: v }, t1);
    seen.trait({ mixed: '1' }, t1);
    seen.trait({ tags: ['red', 'blue', 'red'] }, t1);
    seen.trait({ tags: ['green'], objs: [{ a: 1 }], at: '2026-01-01' }, t1);
    const traits = byKey(seen.traits());
    expect(traits['s:string']!.examples).toEqual(['a', 'x'.repeat(100), 'b', 'c', 'd']);
    expect(traits['s:string']!.count).toBe(8);
    expect(traits['n:number']!.examples).toEqual([1, 2]);
    expect(traits['mixed:string']!.examples).toEqual(['1']);
    expect(traits['tags:stringList']).toMatchObject({
      count: 2,
      examples: ['red', 'blue', 'green'],
    });
    expect(traits['objs:list']!.examples).toEqual([]);
    expect(traits['at:date']!.examples).toEqual(['2026-01-01']);
  });

  it('counts events per name and their properties per (path, type)', () => {
    const seen = new CatalogObservations();
    seen.event('Order Completed', { total: 10, currency: 'EUR', items: [{ sku: 'a' }] }, t1);
    seen.event('Order Completed', { total: '12', coupon: null }, t2);
    seen.event('Signed Up', {}, t1);
    const events = Object.fromEntries([...seen.events()].map((e) => [e.name, e]));
    expect(events['Order Completed']).toMatchObject({ count: 2, lastSeenAt: t2 });
    expect(events['Signed Up']).toMatchObject({ count: 1, lastSeenAt: t1 });
    expect(events['Signed Up']!.properties.size).toBe(0);
    const props = byKey(events['Order Completed']!.properties.values());
    expect(Object.keys(props).sort()).toEqual([
      'currency:string',
      'items:list',
      'total:number',
      'total:string',
    ]);
    expect(props['total:number']).toMatchObject({ count: 1, examples: [10], lastSeenAt: t1 });
    expect(props['total:string']).toMatchObject({ count: 1, examples: ['12'], lastSeenAt: t2 });
  });

  it('skips event names the catalog cannot hold', () => {
    const seen = new CatalogObservations();
    seen.event('', { a: 1 }, t1);
    seen.event('e'.repeat(201), { a: 1 }, t1);
    seen.event('bad\u0000name', { a: 1 }, t1);
    expect(seen.isEmpty).toBe(true);
    seen.event('e'.repeat(200), {}, t1);
    expect(seen.isEmpty).toBe(false);
  });

  it('leaves strings PostgreSQL cannot store out of the examples', () => {
    const seen = new CatalogObservations();
    seen.trait({ s: 'nul\u0000' }, t1);
    seen.trait({ s: 'lone \ud800 surrogate' }, t1);
    seen.trait({ s: 'pair 😀' }, t1);
    expect(byKey(seen.traits())['s:string']).toMatchObject({ count: 3, examples: ['pair 😀'] });
  });
});
