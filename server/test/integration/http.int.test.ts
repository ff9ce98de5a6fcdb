import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestApp, type TestApp } from '../harness';

let t: TestApp;
let ws: { id: string; key: string };
beforeAll(async () => {
  t = await startTestApp();
  ws = await t.workspace('HTTP');
});
afterAll(() => t.close());

describe('health', () => {
  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

describe('bad requests get a clear error with a code', () => {
  it('unknown route: 404 ROUTE_NOT_FOUND naming the route', async () => {
    const res = await fetch(`${t.url}/v1/nothing-here`, {
      headers: { accept: 'application/json' },
    });
    expect(res.status).toBe(404);
    const body = (await res.json()) as {
      errors: Array<{ message: string; extensions: { code: string } }>;
    };
    expect(body.errors[0]?.extensions.code).toBe('ROUTE_NOT_FOUND');
    expect(body.errors[0]?.message).toContain('GET /v1/nothing-here');
  });

  it('a body that is not JSON: 400 BAD_USER_INPUT', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ws.key}` },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      errors: Array<{ message: string; extensions: { code: string } }>;
    };
    expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]?.message).toMatch(/not valid JSON/);
  });

  it('a syntax error: GRAPHQL_PARSE_FAILED with its location', async () => {
    const res = await t.gql(ws.key, '{ customers { ');
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('an unknown field: GRAPHQL_VALIDATION_FAILED naming it', async () => {
    const res = await t.gql(ws.key, '{ customers { nope } }');
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.body.errors?.[0]?.message).toMatch(/nope/);
  });

  it('a variable of the wrong type: BAD_USER_INPUT naming the variable', async () => {
    const res = await t.gql(
      ws.key,
      'query($first: Int!) { customers(first: $first) { totalCount } }',
      { first: 'ten' },
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors?.[0]?.message).toMatch(/\$first/);
  });

  it('traits that are not an object: BAD_USER_INPUT at the item', async () => {
    const res = await t.gql(
      ws.key,
      'mutation($i: [IdentifyInput!]!) { identify(people: $i) { rejected } }',
      {
        i: [{ email: 'a@b.co', traits: [1, 2] }],
      },
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors?.[0]?.message).toMatch(/\$i.*\[0\].*traits/);
  });
});

describe('request ids and logs', () => {
  it('echoes a safe x-request-id and puts it on every log line of the request', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${ws.key}`,
        'x-request-id': 'trace-abc-123',
      },
      body: JSON.stringify({ query: '{ workspace { id } }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
    const lines = t.logs.filter((l) => JSON.stringify(l).includes('trace-abc-123'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l['reqId'] === 'trace-abc-123')).toBe(true);
  });

  it('replaces an unsafe request id with a fresh one', async () => {
    const res = await fetch(`${t.url}/healthz`, {
      headers: { 'x-request-id': 'bad id with spaces<script>' },
    });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
