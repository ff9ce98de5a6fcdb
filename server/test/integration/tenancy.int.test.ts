import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Customer } from '../../src/db/entities';
import { startTestApp, type TestApp } from '../harness';

let t: TestApp;
let a: { id: string; key: string };
let b: { id: string; key: string };
let bCustomerId: string;

const UPSERT = `mutation($input: [CustomerInput!]!) {
  upsertCustomers(input: $input) { results { status customer { id email } problems { code path } } }
}`;

beforeAll(async () => {
  t = await startTestApp();
  a = await t.workspace('A');
  b = await t.workspace('B');
  await t.gql(a.key, UPSERT, { input: [{ email: 'alice@a.example', traits: { name: 'Alice' } }] });
  const res = await t.gql<{ upsertCustomers: { results: Array<{ customer: { id: string } }> } }>(
    b.key,
    UPSERT,
    {
      input: [{ email: 'bob@b.example', traits: { name: 'Bob', secret: 'b-only' } }],
    },
  );
  bCustomerId = res.body.data!.upsertCustomers.results[0]!.customer.id;
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
    const res = await t.gql<{
      upsertCustomers: {
        results: Array<{ status: string; problems: Array<{ code: string; path: string[] }> }>;
      };
    }>(a.key, UPSERT, { input: [{ id: bCustomerId, traits: { name: 'Hijacked' } }] });
    expect(res.body.data?.upsertCustomers.results[0]).toMatchObject({
      status: 'FAILED',
      problems: [{ code: 'NOT_FOUND', path: ['input', '0', 'id'] }],
    });
    const stored = await t.app.orm.em
      .fork()
      .findOneOrFail(Customer, { id: bCustomerId }, { filters: false });
    expect(stored.traits).toEqual({ name: 'Bob', secret: 'b-only' });
  });

  it('keeps the same email in two workspaces as two customers', async () => {
    const res = await t.gql<{
      upsertCustomers: { results: Array<{ status: string; customer: { id: string } }> };
    }>(a.key, UPSERT, {
      input: [{ email: 'bob@b.example', traits: { name: 'Bob at A' } }],
    });
    const result = res.body.data!.upsertCustomers.results[0]!;
    expect(result.status).toBe('CREATED');
    expect(result.customer.id).not.toBe(bCustomerId);
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
