import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness';

// Regression: the preview fetched every matching id to keep the first few; its sample is now the
// newest matches, read along the (workspace, created_at, id) index with a LIMIT.

let t: TestApp;
let ws: { id: string; key: string; writeKey: string };

beforeAll(async () => {
  t = await startTestApp();
  ws = await t.workspace('Preview');
});
afterAll(() => t.close());

describe('segment preview', () => {
  it('samples the most recently created matching customers, newest first', async () => {
    const people = ['ann', 'bob', 'cat', 'dan'];
    for (const [i, name] of people.entries()) {
      // One batch each, a few milliseconds apart, so creation times are distinct.
      const res = await t.events(ws.writeKey, [
        { type: 'identify', email: `${name}@preview.example`, traits: { fan: i !== 2 } },
      ]);
      expect(res.body.rejected).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const res = await t.gql<{
      segmentPreview: { count: number | null; sample: Array<{ email: string }> };
    }>(
      ws.key,
      'query($rule: JSONObject!) { segmentPreview(rule: $rule, sampleSize: 2) { count sample { email } } }',
      {
        rule: {
          version: 1,
          root: { kind: 'trait', path: 'traits.fan', type: 'boolean', op: 'eq', value: true },
        },
      },
    );
    expect(res.body.data!.segmentPreview.count).toBe(3);
    expect(res.body.data!.segmentPreview.sample.map((c) => c.email)).toEqual([
      'dan@preview.example',
      'bob@preview.example',
    ]);
  });

  it('counts and samples a rule on events in one pass: the same count, newest first, 0 when none match', async () => {
    const people = ['eve', 'fay', 'gus', 'hal'];
    for (const [i, name] of people.entries()) {
      const res = await t.events(ws.writeKey, [
        { type: 'identify', email: `${name}@preview.example` },
        ...(i === 1 ? [] : [{ email: `${name}@preview.example`, event: 'Demo Booked' }]),
      ]);
      expect(res.body.rejected).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const booked = (value: number) => ({
      version: 1,
      root: {
        kind: 'event',
        event: 'Demo Booked',
        measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value } },
      },
    });
    const preview = async (rule: object, sampleSize: number) => {
      const res = await t.gql<{
        segmentPreview: { count: number | null; sample: Array<{ email: string }> };
      }>(
        ws.key,
        'query($rule: JSONObject!, $n: Int!) { segmentPreview(rule: $rule, sampleSize: $n) { count sample { email } } }',
        { rule, n: sampleSize },
      );
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.segmentPreview;
    };
    expect(await preview(booked(1), 2)).toEqual({
      count: 3,
      sample: [{ email: 'hal@preview.example' }, { email: 'gus@preview.example' }],
    });
    expect((await preview(booked(1), 0)).count).toBe(3);
    expect(await preview(booked(2), 5)).toEqual({ count: 0, sample: [] });
  });
});
