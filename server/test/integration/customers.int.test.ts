import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Customer } from '../../src/db/entities';
import { codes, startTestApp, type GraphQLResponse, type TestApp } from '../harness';

let t: TestApp;
let ws: { id: string; key: string };

interface Page {
  customers: {
    totalCount: number;
    edges: Array<{
      cursor: string;
      node: { id: string; email: string | null; traits: Record<string, unknown> };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
const PAGE = `query($first: Int!, $after: String, $search: String) {
  customers(first: $first, after: $after, search: $search) {
    totalCount edges { cursor node { id email traits } } pageInfo { hasNextPage endCursor }
  }
}`;

const COUNT = 45;

beforeAll(async () => {
  t = await startTestApp();
  ws = await t.workspace('Paging');
  // Customers created at distinct, known times (one minute apart), some sharing a timestamp.
  const em = t.app.orm.em.fork();
  const base = Date.UTC(2026, 0, 1);
  for (let i = 0; i < COUNT; i++) {
    em.create(Customer, {
      workspace: ws.id,
      email: `person${i}@example.com`,
      traits: { name: i % 3 === 0 ? `Zoë Walker ${i}` : `Sam Doe ${i}` },
      createdAt: new Date(base + Math.floor(i / 2) * 60_000),
      updatedAt: new Date(base),
    });
  }
  await em.flush();
});
afterAll(() => t.close());

async function allPages(first: number, search?: string): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | null = null;
  for (;;) {
    const res: GraphQLResponse<Page> = await t.gql<Page>(ws.key, PAGE, { first, after, search });
    expect(res.body.errors).toBeUndefined();
    const c = res.body.data!.customers;
    pages.push(c.edges.map((e) => e.node.id));
    if (!c.pageInfo.hasNextPage) return pages;
    after = c.pageInfo.endCursor;
  }
}

describe('customers connection', () => {
  it('pages through every customer once, newest first', async () => {
    const pages = await allPages(20);
    expect(pages.map((p) => p.length)).toEqual([20, 20, 5]);
    const ids = pages.flat();
    expect(new Set(ids).size).toBe(COUNT);
    const em = t.app.orm.em.fork();
    em.setFilterParams('workspace', { id: ws.id });
    const expected = (
      await em.find(Customer, {}, { orderBy: { createdAt: 'desc', id: 'desc' } })
    ).map((c) => c.id);
    expect(ids).toEqual(expected);
  });

  it('counts all matches and reports the last page', async () => {
    const res = await t.gql<Page>(ws.key, PAGE, { first: 100 });
    expect(res.body.data?.customers.totalCount).toBe(COUNT);
    expect(res.body.data?.customers.pageInfo.hasNextPage).toBe(false);
  });

  it('searches email and name without regard to case', async () => {
    const byName = await t.gql<Page>(ws.key, PAGE, { first: 100, search: 'zoË WALK' });
    const names = byName.body.data!.customers.edges.map((e) => e.node.traits['name']);
    expect(names.length).toBe(Math.ceil(COUNT / 3));
    expect(names.every((n) => String(n).startsWith('Zoë Walker'))).toBe(true);
    const byEmail = await t.gql<Page>(ws.key, PAGE, { first: 100, search: 'PERSON4' });
    expect(byEmail.body.data!.customers.edges.map((e) => e.node.email).sort()).toEqual(
      [
        'person4@example.com',
        ...Array.from({ length: 5 }, (_, i) => `person4${i}@example.com`),
      ].sort(),
    );
    expect(byEmail.body.data!.customers.totalCount).toBe(6);
  });

  it('pages through search results too', async () => {
    const pages = await allPages(4, 'walker');
    expect(pages.flat().length).toBe(Math.ceil(COUNT / 3));
    expect(new Set(pages.flat()).size).toBe(Math.ceil(COUNT / 3));
  });

  it.each([0, 101, -5])('rejects first = %i with BAD_USER_INPUT on the field', async (first) => {
    const res = await t.gql(ws.key, PAGE, { first });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors?.[0]?.extensions?.['field']).toEqual(['first']);
    expect(res.body.errors?.[0]?.message).toMatch(/from 1 to 100/);
  });

  it.each(['garbage', Buffer.from('["other",1,"x"]').toString('base64url')])(
    'rejects a foreign cursor %s',
    async (after) => {
      const res = await t.gql(ws.key, PAGE, { first: 5, after });
      expect(codes(res)).toEqual(['INVALID_CURSOR']);
      expect(res.body.errors?.[0]?.extensions?.['field']).toEqual(['after']);
    },
  );
});
