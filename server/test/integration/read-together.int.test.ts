import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Customer } from '../../src/db/entities';
import { readTogether } from '../../src/db/read-together';
import { startTestApp, testDialect, type TestApp } from '../harness';

let t: TestApp;
let ws: { id: string; key: string; writeKey: string };

beforeAll(async () => {
  t = await startTestApp();
  ws = await t.workspace('Read together');
});
afterAll(() => t.close());

/** Two reads; the first waits a tick, so `log` shows whether the second began before it ended. */
function twoReads(log: string[]) {
  return [
    async () => {
      log.push('a starts');
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push('a ends');
      return 'a';
    },
    async () => {
      log.push('b starts');
      return 2;
    },
  ] as const;
}

describe('readTogether', () => {
  it('overlaps reads outside a transaction and runs them one after the other inside one', async () => {
    const outside: string[] = [];
    const em = t.app.orm.em.fork();
    expect(await readTogether(em, twoReads(outside))).toEqual(['a', 2]);
    expect(outside).toEqual(['a starts', 'b starts', 'a ends']);

    const inside: string[] = [];
    const results = await em.transactional((tx) => readTogether(tx, twoReads(inside)));
    expect(results).toEqual(['a', 2]);
    expect(inside).toEqual(['a starts', 'a ends', 'b starts']);
  });

  describe('node-postgres is never sent a query while its connection runs another', () => {
    // pg queues such a query, deprecated since pg 8.16 ("Calling client.query() when the client
    // is already executing a query") and an error from pg 9. Seen at the driver, call by call.
    const queued: string[] = [];
    let calls = 0;
    // The Client class of the driver the ORM loaded (knex's own copy of pg).
    let Client: { prototype: { query: (...args: unknown[]) => unknown } } | undefined;
    let query: (...args: unknown[]) => unknown;
    beforeAll(() => {
      if (testDialect !== 'postgres') return;
      const knex = t.app.orm.em.getConnection().getKnex() as unknown as {
        client: { driver: { Client: NonNullable<typeof Client> } };
      };
      Client = knex.client.driver.Client;
      query = Client.prototype.query;
      Client.prototype.query = function (this: unknown, ...args: unknown[]) {
        calls++;
        const client = this as unknown as { _activeQuery: unknown; _queryQueue: unknown[] };
        if (client._activeQuery || client._queryQueue.length > 0)
          queued.push(String((args[0] as { text?: string }).text ?? args[0]).slice(0, 120));
        return query.apply(this, args);
      };
    });
    afterAll(() => {
      if (Client) Client.prototype.query = query;
    });

    it('while saving a segment, exporting and erasing a customer', async () => {
      const identify = await t.events(ws.writeKey, [
        { type: 'identify', email: 'queue@together.example', traits: { plan: 'pro' } },
        { email: 'queue@together.example', event: 'Page Viewed', properties: { url: '/a' } },
      ]);
      expect(identify.body.rejected).toBe(0);
      const rule = {
        version: 1,
        root: { kind: 'trait', path: 'traits.plan', type: 'string', op: 'eq', value: 'pro' },
      };
      const created = await t.gql<{ createSegment: { segment: { size: number } | null } }>(
        ws.key,
        'mutation($input: SegmentInput!) { createSegment(input: $input) { segment { size } } }',
        { input: { name: 'Pro', rule } },
      );
      expect(created.body.data!.createSegment.segment!.size).toBe(1);

      const customer = await t.app.orm.em
        .fork()
        .findOneOrFail(Customer, { email: 'queue@together.example' }, { filters: false });
      const exported = await t.gql<{ exportCustomerData: { identities: unknown[] } }>(
        ws.key,
        'query($id: ID!) { exportCustomerData(id: $id) }',
        { id: customer.id },
      );
      expect(exported.body.data!.exportCustomerData.identities).toHaveLength(1);
      const erased = await t.gql<{ eraseCustomer: { events: number } }>(
        ws.key,
        'mutation($id: ID!) { eraseCustomer(id: $id) { events } }',
        { id: customer.id },
      );
      expect(erased.body.data!.eraseCustomer.events).toBe(1);

      expect(queued).toEqual([]);
      // On PostgreSQL the hook saw every statement, so the empty list above is not vacuous.
      if (testDialect === 'postgres') expect(calls).toBeGreaterThan(10);
    });
  });
});
