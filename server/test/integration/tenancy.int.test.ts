import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Customer } from '../../src/db/entities';
import { startTestApp, type TestApp } from '../harness';

let t: TestApp;
let a: { id: string; key: string };
let b: { id: string; key: string };
let bCustomerId: string;

const IDENTIFY = `mutation($people: [IdentifyInput!]!) {
  identify(people: $people) { results { status customerId profile problems { code path } } }
}`;
interface Identified {
  identify: {
    results: Array<{
      status: string;
      customerId: string | null;
      profile: string | null;
      problems: Array<{ code: string; path: string[] }>;
    }>;
  };
}

beforeAll(async () => {
  t = await startTestApp();
  a = await t.workspace('A');
  b = await t.workspace('B');
  await t.gql(a.key, IDENTIFY, {
    people: [{ email: 'alice@a.example', traits: { name: 'Alice' } }],
  });
  const res = await t.gql<Identified>(b.key, IDENTIFY, {
    people: [{ email: 'bob@b.example', traits: { name: 'Bob', secret: 'b-only' } }],
  });
  bCustomerId = res.body.data!.identify.results[0]!.customerId!;
});
afterAll(() => t.close());

describe('workspace isolation', () => {
  it("lists only the key's own workspace", async () => {
    const res = await t.gql<{
      customers: { totalCount: number; edges: Array<{ node: { email: string } }> };
    }>(a.key, '{ customers { totalCount edges { node { email } } } }');
    expect(res.body.data?.customers.totalCount).toBe(1);
    expect(res.body.data?.customers.edges.map((e) => e.node.email)).toEqual(['alice@a.example']);
  });

  it("never returns another workspace's customer by id or by search", async () => {
    const byId = await t.gql<{ customer: unknown }>(
      a.key,
      'query($id: ID!) { customer(id: $id) { id } }',
      { id: bCustomerId },
    );
    expect(byId.body.errors).toBeUndefined();
    expect(byId.body.data?.customer).toBeNull();
    const search = await t.gql<{ customers: { totalCount: number } }>(
      a.key,
      '{ customers(search: "bob") { totalCount } }',
    );
    expect(search.body.data?.customers.totalCount).toBe(0);
  });

  it("cannot update another workspace's customer by id", async () => {
    const res = await t.gql<Identified>(a.key, IDENTIFY, {
      people: [{ customerId: bCustomerId, traits: { name: 'Hijacked' } }],
    });
    expect(res.body.data?.identify.results[0]).toMatchObject({
      status: 'REJECTED',
      problems: [{ code: 'NOT_FOUND', path: ['people', '0', 'customerId'] }],
    });
    const stored = await t.app.orm.em
      .fork()
      .findOneOrFail(Customer, { id: bCustomerId }, { filters: false });
    expect(stored.traits).toEqual({ name: 'Bob', secret: 'b-only' });
  });

  it('keeps the same email in two workspaces as two customers', async () => {
    const res = await t.gql<Identified>(a.key, IDENTIFY, {
      people: [{ email: 'bob@b.example', traits: { name: 'Bob at A' } }],
    });
    const result = res.body.data!.identify.results[0]!;
    expect(result.profile).toBe('CREATED');
    expect(result.customerId).not.toBe(bCustomerId);
    const stored = await t.app.orm.em
      .fork()
      .findOneOrFail(Customer, { id: bCustomerId }, { filters: false });
    expect(stored.traits['name']).toBe('Bob');
  });

  it('refuses to query without a workspace scope (fails closed)', async () => {
    await expect(t.app.orm.em.fork().find(Customer, {})).rejects.toThrow(
      /No arguments provided for filter 'workspace'/,
    );
  });
});
