import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codes, startTestApp, testDialect, type TestApp } from '../harness';

// Each test breaks the database under a running app, so each gets its own app.
let t: TestApp;
let ws: { id: string; key: string };
beforeEach(async () => {
  t = await startTestApp();
  ws = await t.workspace('Masking');
});
afterEach(() => t.close());

describe('unexpected errors', () => {
  it('are masked to INTERNAL_SERVER_ERROR with the request id, and logged with the stack', async () => {
    // PostgreSQL refuses while other tables reference customers; SQLite has no CASCADE and needs none.
    await t.app.orm.em
      .getConnection()
      .execute(`drop table customers${testDialect === 'postgres' ? ' cascade' : ''}`);
    const res = await t.gql(ws.key, '{ customers { totalCount } }');
    expect(codes(res)).toEqual(['INTERNAL_SERVER_ERROR']);
    const error = res.body.errors![0]!;
    const requestId = error.extensions?.['requestId'];
    expect(requestId).toBe(res.headers.get('x-request-id'));
    expect(error.message).toContain(String(requestId));
    // The SQL error ("no such table", "relation does not exist", the statement) stays in the log.
    expect(JSON.stringify(res.body)).not.toMatch(/sql|select|table|relation|exist/i);
    const logged = t.logs.find((l) => l['reqId'] === requestId && l['level'] === 50 && l['err']);
    expect(logged).toBeDefined();
    expect(String((logged!['err'] as { stack: string }).stack)).toMatch(/customers/);
  });

  it('while authenticating are masked the same way', async () => {
    await t.app.orm.em.getConnection().execute('drop table api_keys');
    const res = await t.gql(ws.key, '{ workspace { id } }');
    expect(res.status).toBe(500);
    expect(codes(res)).toEqual(['INTERNAL_SERVER_ERROR']);
    const requestId = res.body.errors![0]!.extensions?.['requestId'];
    expect(requestId).toBe(res.headers.get('x-request-id'));
    expect(res.body.errors![0]!.message).not.toMatch(/api_keys/);
    expect(
      t.logs.some(
        (l) =>
          l['reqId'] === requestId &&
          l['level'] === 50 &&
          JSON.stringify(l['err']).includes('api_keys'),
      ),
    ).toBe(true);
  });

  it('make /readyz fail while the database is unreachable', async () => {
    await t.app.orm.close(true);
    const res = await fetch(`${t.url}/readyz`);
    expect(res.status).toBe(503);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    await t.app.orm.reconnect();
  });
});
