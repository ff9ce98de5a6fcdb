import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogTrait } from '../../src/db/entities';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import { recordCatalog } from '../../src/modules/catalog/catalog.store';
import { CatalogObservations } from '../../src/modules/catalog/observe';
import { loadRuleCatalog } from '../../src/modules/catalog/rule-catalog';
import { startTestApp, type TestApp } from '../harness';

let t: TestApp;
let ws: { id: string; key: string };
let other: { id: string; key: string };

interface Entry {
  path: string;
  type: string;
  count: number;
  examples: unknown[];
  lastSeenAt: string;
}
interface CatalogData {
  catalog: {
    traits: Entry[];
    events: Array<{ name: string; count: number; lastSeenAt: string; properties: Entry[] }>;
  };
}
const CATALOG = `{
  catalog {
    traits { path type count examples lastSeenAt }
    events { name count lastSeenAt properties { path type count examples lastSeenAt } }
  }
}`;

const t1 = new Date('2026-03-01T10:00:00.000Z');
const t2 = new Date('2026-03-02T11:30:00.000Z');

/** Records one batch for a workspace on its own scoped fork, in a transaction (as ingestion does). */
async function record(workspaceId: string, fill: (seen: CatalogObservations) => void) {
  const seen = new CatalogObservations();
  fill(seen);
  const em = t.app.orm.em.fork();
  scopeToWorkspace(em, workspaceId);
  await em.transactional((tx) => recordCatalog(tx, workspaceId, seen));
}

async function catalogOf(key: string) {
  const res = await t.gql<CatalogData>(key, CATALOG);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.catalog;
}

const entry = (entries: Entry[], path: string, type: string) =>
  entries.find((e) => e.path === path && e.type === type);

beforeAll(async () => {
  t = await startTestApp();
  ws = await t.workspace('Catalog');
  other = await t.workspace('Other');
  await record(ws.id, (seen) => {
    seen.trait({ plan: 'pro', age: 30, company: { size: 40 }, tags: ['a', 'b'] }, t1);
    seen.trait({ plan: 'free', age: null, 'z-last': '2026-01-01' }, t1);
    for (let i = 0; i < 5; i++) seen.event('Order Completed', { total: i, currency: 'EUR' }, t1);
    seen.event('Signed Up', {}, t1);
  });
  await record(ws.id, (seen) => {
    for (const plan of ['pro', 'team', 'enterprise', 'starter', 'x'.repeat(101), 'more'])
      seen.trait({ plan }, t2);
    seen.trait({ age: '31', tags: ['b', 'c'] }, t2);
    seen.trait({ tags: ['y'.repeat(101)] }, t2); // no example to add: the stored ones stay
    for (let i = 3; i < 10; i++)
      seen.event('Order Completed', { total: i, items: [{ sku: i }] }, t2);
  });
});
afterAll(() => t.close());

describe('catalog: recorded batches, read over GraphQL', () => {
  it('adds counts up across batches, per path and type, sorted by path', async () => {
    const { traits } = await catalogOf(ws.key);
    expect(traits.map((e) => `${e.path}:${e.type}:${e.count}`)).toEqual([
      'age:number:1',
      'age:string:1',
      'company.size:number:1',
      'plan:string:8',
      'tags:stringList:3',
      'z-last:date:1',
    ]);
  });

  it('keeps the latest time', async () => {
    const { traits, events } = await catalogOf(ws.key);
    expect(entry(traits, 'plan', 'string')!.lastSeenAt).toBe(t2.toISOString());
    expect(entry(traits, 'company.size', 'number')!.lastSeenAt).toBe(t1.toISOString());
    expect(events.find((e) => e.name === 'Signed Up')!.lastSeenAt).toBe(t1.toISOString());
    expect(events.find((e) => e.name === 'Order Completed')!.lastSeenAt).toBe(t2.toISOString());
  });

  it('keeps up to 5 distinct examples, the first ones, without long strings', async () => {
    const { traits } = await catalogOf(ws.key);
    expect(entry(traits, 'plan', 'string')!.examples).toEqual([
      'pro',
      'free',
      'team',
      'enterprise',
      'starter',
    ]);
    expect(entry(traits, 'tags', 'stringList')!.examples).toEqual(['a', 'b', 'c']);
    expect(entry(traits, 'age', 'number')!.examples).toEqual([30]);
    expect(entry(traits, 'age', 'string')!.examples).toEqual(['31']);
    expect(entry(traits, 'z-last', 'date')!.examples).toEqual(['2026-01-01']);
  });

  it('lists events by name with their properties', async () => {
    const { events } = await catalogOf(ws.key);
    expect(events.map((e) => `${e.name}:${e.count}`)).toEqual([
      'Order Completed:12',
      'Signed Up:1',
    ]);
    const order = events[0]!;
    expect(order.properties.map((p) => `${p.path}:${p.type}:${p.count}`)).toEqual([
      'currency:string:5',
      'items:list:7',
      'total:number:12',
    ]);
    expect(entry(order.properties, 'total', 'number')!.examples).toEqual([0, 1, 2, 3, 4]);
    expect(entry(order.properties, 'items', 'list')!.examples).toEqual([]);
    expect(events[1]!.properties).toEqual([]);
  });

  it('shows another workspace nothing', async () => {
    expect(await catalogOf(other.key)).toEqual({ traits: [], events: [] });
  });

  it('stores what the ORM reads back (datetimes, JSON, bigint)', async () => {
    const em = t.app.orm.em.fork();
    scopeToWorkspace(em, ws.id);
    const plan = await em.findOneOrFail(CatalogTrait, { path: 'plan', type: 'string' });
    expect(plan.lastSeenAt).toEqual(t2);
    expect(plan.count).toBe(8);
    expect(plan.examples).toHaveLength(5);
  });

  it('gives the rule validator one type per path', async () => {
    const em = t.app.orm.em.fork();
    scopeToWorkspace(em, ws.id);
    const catalog = await loadRuleCatalog(em);
    expect(catalog.traits).toEqual({
      'traits.age': 'string', // seen once as each: a tie goes to the first in VALUE_TYPES order
      'traits.company.size': 'number',
      'traits.plan': 'string',
      'traits.tags': 'stringList',
      'traits.z-last': 'date',
    });
    expect(catalog.events['Order Completed']!.properties).toEqual({
      currency: 'string',
      total: 'number',
    });
  });
});

describe('catalog: concurrent writers', () => {
  it('sums counts exactly when batches are recorded in parallel', async () => {
    const target = await t.workspace('Concurrent');
    const writers = 8;
    const rounds = 3;
    for (let round = 0; round < rounds; round++) {
      await Promise.all(
        Array.from({ length: writers }, (_, w) =>
          record(target.id, (seen) => {
            // Every writer touches the same entries (new ones in round 0, existing ones after),
            // plus a few of its own, in an order of its own.
            const value = `${w}-${round}`;
            const writes = [{ shared: value }, { [`own${w}`]: value }, { also: { shared: value } }];
            if (w % 2) writes.reverse();
            for (const traits of writes) seen.trait(traits, t1);
            seen.trait({ shared: w, [`fresh${round}`]: `v${w}` }, t1);
            for (let i = 0; i < 10; i++) seen.event(w % 2 ? 'Odd' : 'Even', { n: i, w }, t1);
            seen.event('All', { w }, t1);
          }),
        ),
      );
    }
    const { traits, events } = await catalogOf(target.key);
    expect(entry(traits, 'shared', 'string')!.count).toBe(writers * rounds);
    expect(entry(traits, 'shared', 'number')!.count).toBe(writers * rounds);
    expect(entry(traits, 'also.shared', 'string')!.count).toBe(writers * rounds);
    expect(entry(traits, 'own3', 'string')!.count).toBe(rounds);
    expect(entry(traits, 'shared', 'string')!.examples).toHaveLength(5);
    // A new entry offered 8 distinct examples by 8 writers at once: none is lost to a race.
    for (let round = 0; round < rounds; round++) {
      const fresh = entry(traits, `fresh${round}`, 'string')!;
      expect(fresh.count).toBe(writers);
      expect(new Set(fresh.examples).size).toBe(5);
    }
    expect(events.map((e) => `${e.name}:${e.count}`)).toEqual([
      `All:${writers * rounds}`,
      `Even:${(writers / 2) * rounds * 10}`,
      `Odd:${(writers / 2) * rounds * 10}`,
    ]);
    const even = events.find((e) => e.name === 'Even')!;
    expect(entry(even.properties, 'n', 'number')!.count).toBe((writers / 2) * rounds * 10);
    expect(entry(even.properties, 'w', 'number')!.count).toBe((writers / 2) * rounds * 10);
  });
});
