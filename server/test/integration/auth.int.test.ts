import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey } from '../../src/db/entities';
import { codes, startTestApp, type TestApp } from '../harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('API keys', () => {
  it('answers the workspace of a valid key', async () => {
    const ws = await t.workspace('Acme');
    const res = await t.gql<{ workspace: { id: string; name: string } }>(
      ws.key,
      '{ workspace { id name } }',
    );
    expect(res.status).toBe(200);
    expect(res.body.data?.workspace).toEqual({ id: ws.id, name: 'Acme' });
  });

  it.each([
    ['no Authorization header', undefined, /header is missing/],
    ['an unknown key', 'cairn_not-a-real-key', /not valid/],
  ])('rejects %s with 401 UNAUTHENTICATED', async (_label, key, message) => {
    const res = await t.gql(key, '{ workspace { id } }');
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.body.errors?.[0]?.message).toMatch(message);
    expect(res.body.data ?? null).toBeNull();
  });

  it('rejects a header that is not a bearer token', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwYXNz' },
      body: JSON.stringify({ query: '{ workspace { id } }' }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as {
      errors: Array<{ message: string; extensions: { code: string } }>;
    };
    expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0]?.message).toMatch(/Bearer <api key>/);
  });

  it('rejects a revoked key', async () => {
    const ws = await t.workspace('Revoked');
    const em = t.app.orm.em.fork();
    const key = await em.findOneOrFail(ApiKey, { workspace: ws.id }, { filters: false });
    key.revokedAt = new Date();
    await em.flush();
    const res = await t.gql(ws.key, '{ workspace { id } }');
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it('stores only a hash of the key', async () => {
    const ws = await t.workspace('Hashed');
    const rows = await t.app.orm.em.fork().getConnection().execute('select * from api_keys');
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(ws.key);
    expect(dump).toContain(ws.key.slice(0, 12));
  });
});
