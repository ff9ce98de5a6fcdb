import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SegmentTransition } from '../../src/db/entities';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import { codes, startTestApp, type TestApp } from '../harness';

let t: TestApp;
let ws: { id: string; key: string; writeKey: string };
const ids: Record<string, string> = {};

const trait = (path: string, value: string, id = `t-${path}`) => ({
  id,
  kind: 'trait',
  path: `traits.${path}`,
  type: 'string',
  op: 'eq',
  value,
});
const rule = (root: object) => ({ version: 1, root });
const segmentRef = (segmentId: string) => ({ id: 'ref', kind: 'segment', segmentId });

const SAVE_FIELDS =
  'segment { id name version size rule } problems { code path nodeId message } warnings { code path }';
const CREATE = `mutation($input: SegmentInput!) { createSegment(input: $input) { ${SAVE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: SegmentInput!) { updateSegment(id: $id, input: $input) { ${SAVE_FIELDS} } }`;

interface Saved {
  segment: { id: string; name: string; version: number; size: number; rule: unknown } | null;
  problems: Array<{ code: string; path: string[]; nodeId: string | null; message: string }>;
  warnings: Array<{ code: string; path: string[] }>;
}

async function save(mutation: string, variables: Record<string, unknown>): Promise<Saved> {
  const res = await t.gql<Record<string, Saved>>(ws.key, mutation, variables);
  expect(res.body.errors).toBeUndefined();
  return Object.values(res.body.data!)[0]!;
}

beforeAll(async () => {
  t = await startTestApp();
  ws = await t.workspace('Segments');
  const people = [
    { email: 'ann@example.com', traits: { plan: 'pro', country: 'FR' } },
    { email: 'bob@example.com', traits: { plan: 'pro', country: 'DE' } },
    { email: 'cat@example.com', traits: { plan: 'free', country: 'FR' } },
    { email: 'dan@example.com', traits: { plan: 'free', country: 'US' } },
  ];
  const res = await t.events(
    ws.writeKey,
    people.map((p) => ({ type: 'identify', ...p })),
  );
  people.forEach((p, i) => (ids[p.email.split('@')[0]!] = res.body.results[i]!.customerId!));
});
afterAll(() => t.close());

describe('segments', () => {
  let pro: string;

  it('creates a segment, computes its members, and answers membership from the table', async () => {
    const saved = await save(CREATE, {
      input: { name: 'Pro plan', description: 'Paying', rule: rule(trait('plan', 'pro')) },
    });
    expect(saved.problems).toEqual([]);
    expect(saved.segment).toMatchObject({ name: 'Pro plan', version: 1, size: 2 });
    pro = saved.segment!.id;
    const members = await t.gql<{
      segment: { members: { totalCount: number; edges: Array<{ node: { email: string } }> } };
    }>(
      ws.key,
      'query($id: ID!) { segment(id: $id) { members(first: 1) { totalCount edges { node { email } } pageInfo { hasNextPage } } } }',
      { id: pro },
    );
    expect(members.body.data!.segment.members.totalCount).toBe(2);
    expect(members.body.data!.segment.members.edges).toHaveLength(1);
    const check = await t.gql<{ a: boolean; c: boolean }>(
      ws.key,
      'query($a: ID!, $c: ID!, $s: ID!) { a: isMember(customerId: $a, segmentId: $s) c: isMember(customerId: $c, segmentId: $s) }',
      { a: ids['ann'], c: ids['cat'], s: pro },
    );
    expect(check.body.data).toEqual({ a: true, c: false });
    const customer = await t.gql<{ customer: { segments: Array<{ segmentId: string }> } }>(
      ws.key,
      'query($id: ID!) { customer(id: $id) { segments { segmentId enteredAt } } }',
      { id: ids['bob'] },
    );
    expect(customer.body.data!.customer.segments.map((s) => s.segmentId)).toEqual([pro]);
  });

  it('reports every problem of a bad rule with its path and node id, and saves nothing', async () => {
    const saved = await save(CREATE, {
      input: {
        name: 'Broken',
        rule: rule({
          id: 'g',
          kind: 'all',
          children: [
            {
              id: 'bad-op',
              kind: 'trait',
              path: 'traits.plan',
              type: 'string',
              op: 'gt',
              value: 'x',
            },
            { id: 'no-kind' },
          ],
        }),
      },
    });
    expect(saved.segment).toBeNull();
    expect(saved.problems.length).toBeGreaterThanOrEqual(2);
    expect(saved.problems.map((p) => p.nodeId)).toEqual(
      expect.arrayContaining(['bad-op', 'no-kind']),
    );
    for (const p of saved.problems)
      expect(p.path.slice(0, 4)).toEqual(['input', 'rule', 'root', 'children']);
    const list = await t.gql<{ segments: Array<{ name: string }> }>(
      ws.key,
      '{ segments { name } }',
    );
    expect(list.body.data!.segments.map((s) => s.name)).not.toContain('Broken');
  });

  it('saves a rule on a trait not seen yet, with a warning', async () => {
    const saved = await save(CREATE, {
      input: { name: 'Industry', rule: rule(trait('industry', 'retail')) },
    });
    expect(saved.segment).toMatchObject({ size: 0 });
    expect(saved.warnings.map((w) => w.code)).toEqual(['RULE_UNKNOWN_TRAIT']);
  });

  it('refuses duplicate names among active segments', async () => {
    const res = await t.gql(ws.key, CREATE, {
      input: { name: 'Pro plan', rule: rule(trait('plan', 'free')) },
    });
    expect(codes(res)).toEqual(['CONFLICT']);
    expect(res.body.errors?.[0]?.extensions?.['field']).toEqual(['input', 'name']);
  });

  it('keeps versions, recomputes on save (with transitions), and recomputes segments built on it', async () => {
    const french = await save(CREATE, {
      input: {
        name: 'Pro in France',
        rule: rule({ kind: 'all', children: [segmentRef(pro), trait('country', 'FR', 'fr')] }),
      },
    });
    expect(french.segment!.size).toBe(1);

    const updated = await save(UPDATE, {
      id: pro,
      input: {
        name: 'Pro plan',
        rule: rule({ kind: 'any', children: [trait('plan', 'pro'), trait('country', 'FR', 'fr')] }),
      },
    });
    expect(updated.segment).toMatchObject({ version: 2, size: 3 });
    const after = await t.gql<{ segment: { size: number; versions: Array<{ version: number }> } }>(
      ws.key,
      'query($id: ID!) { segment(id: $id) { size versions { version } } }',
      { id: french.segment!.id },
    );
    // Cat (free, FR) entered "Pro plan", so she is now in "Pro in France" too.
    expect(after.body.data!.segment.size).toBe(2);
    const versions = await t.gql<{
      segment: { versions: Array<{ version: number; rule: unknown }> };
    }>(ws.key, 'query($id: ID!) { segment(id: $id) { versions { version rule } } }', { id: pro });
    expect(versions.body.data!.segment.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions.body.data!.segment.versions[1]!.rule).toEqual(rule(trait('plan', 'pro')));

    const em = t.app.orm.em.fork();
    scopeToWorkspace(em, ws.id);
    const transitions = await em.find(
      SegmentTransition,
      { segmentId: pro },
      { orderBy: { at: 'asc' } },
    );
    expect(transitions.map((x) => [x.customer.id, x.kind, x.cause])).toEqual(
      expect.arrayContaining([
        [ids['ann'], 'entered', 'rule'],
        [ids['bob'], 'entered', 'rule'],
        [ids['cat'], 'entered', 'rule'],
      ]),
    );
    expect(transitions).toHaveLength(3);
  });

  it('rejects a reference cycle, naming the segments in it', async () => {
    const french = (
      await t.gql<{ segments: Array<{ id: string; name: string }> }>(
        ws.key,
        '{ segments { id name } }',
      )
    ).body.data!.segments.find((s) => s.name === 'Pro in France')!;
    const saved = await save(UPDATE, {
      id: pro,
      input: { name: 'Pro plan', rule: rule(segmentRef(french.id)) },
    });
    expect(saved.segment).toBeNull();
    expect(saved.problems[0]).toMatchObject({ code: 'RULE_SEGMENT_CYCLE', nodeId: 'ref' });
    expect(saved.problems[0]!.message).toContain('"Pro in France"');
    expect(saved.problems[0]!.message).toContain('"Pro plan"');
  });

  it('refuses to archive a segment others use, then archives it once they are gone', async () => {
    const all = (
      await t.gql<{ segments: Array<{ id: string; name: string }> }>(
        ws.key,
        '{ segments { id name } }',
      )
    ).body.data!.segments;
    const french = all.find((s) => s.name === 'Pro in France')!;
    const blocked = await t.gql(ws.key, 'mutation($id: ID!) { archiveSegment(id: $id) { id } }', {
      id: pro,
    });
    expect(codes(blocked)).toEqual(['CONFLICT']);
    expect(blocked.body.errors?.[0]?.message).toContain('Pro in France');
    const archived = await t.gql<{ archiveSegment: { archivedAt: string } }>(
      ws.key,
      'mutation($id: ID!) { archiveSegment(id: $id) { archivedAt } }',
      { id: french.id },
    );
    expect(archived.body.data!.archiveSegment.archivedAt).toBeTruthy();
    const list = await t.gql<{ active: Array<{ id: string }>; everything: Array<{ id: string }> }>(
      ws.key,
      '{ active: segments { id } everything: segments(includeArchived: true) { id } }',
    );
    expect(list.body.data!.active.map((s) => s.id)).not.toContain(french.id);
    expect(list.body.data!.everything.map((s) => s.id)).toContain(french.id);
  });

  it('previews an unsaved rule: count, sample and problems', async () => {
    const res = await t.gql<{
      segmentPreview: {
        count: number | null;
        sample: Array<{ email: string }>;
        problems: Array<{ code: string; path: string[] }>;
      };
    }>(
      ws.key,
      'query($rule: JSONObject!) { segmentPreview(rule: $rule, sampleSize: 5) { count sample { email } problems { code path } } }',
      { rule: rule(trait('country', 'FR')) },
    );
    expect(res.body.data!.segmentPreview.count).toBe(2);
    expect(res.body.data!.segmentPreview.sample.map((c) => c.email).sort()).toEqual([
      'ann@example.com',
      'cat@example.com',
    ]);
    const bad = await t.gql<{
      segmentPreview: { count: number | null; problems: Array<{ code: string; path: string[] }> };
    }>(
      ws.key,
      'query($rule: JSONObject!) { segmentPreview(rule: $rule) { count problems { code path } } }',
      { rule: { version: 2, root: {} } },
    );
    expect(bad.body.data!.segmentPreview.count).toBeNull();
    expect(bad.body.data!.segmentPreview.problems[0]!.path[0]).toBe('rule');
  });

  it('explains why a customer is or is not a member', async () => {
    const res = await t.gql<{
      yes: {
        member: boolean;
        result: boolean;
        explanation: { result: boolean; children: unknown[] };
      };
      no: { member: boolean; result: boolean };
    }>(
      ws.key,
      'query($s: ID!, $a: ID!, $d: ID!) { yes: explainSegment(segmentId: $s, customerId: $a) { member result explanation } no: explainSegment(segmentId: $s, customerId: $d) { member result } }',
      { s: pro, a: ids['ann'], d: ids['dan'] },
    );
    expect(res.body.data!.yes).toMatchObject({
      member: true,
      result: true,
      explanation: { result: true },
    });
    expect(res.body.data!.yes.explanation.children).toHaveLength(2);
    expect(res.body.data!.no).toEqual({ member: false, result: false });
  });

  it("never shows another workspace's segments", async () => {
    const other = await t.workspace('Other');
    const res = await t.gql<{ segment: unknown; segments: unknown[] }>(
      other.key,
      'query($id: ID!) { segment(id: $id) { id } segments { id } }',
      { id: pro },
    );
    expect(res.body.data).toEqual({ segment: null, segments: [] });
  });
});
