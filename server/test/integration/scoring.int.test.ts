import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Event, JourneyEnrollment, ScoreEntry, ScoringRecheck } from '../../src/db/entities';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import { runInbox } from '../../src/modules/journey/runtime/inbox';
import { runDueRescores } from '../../src/modules/scoring/rescore-worker';
import { codes, startTestApp, type TestApp } from '../harness';

const DAY = 86_400_000;
let t: TestApp;
let ws: { id: string; key: string; writeKey: string };

beforeAll(async () => {
  t = await startTestApp({ SEGMENT_RECHECK_MS: '0', JOURNEY_WORKER_MS: '0' });
  ws = await t.workspace('Scoring');
});
afterAll(() => t.close());

function db() {
  const em = t.app.orm.em.fork();
  scopeToWorkspace(em, ws.id);
  return em;
}

const rule = (root: object) => ({ version: 1, root });
const pricing = rule({
  kind: 'event',
  event: 'Page Viewed',
  where: { kind: 'property', path: 'path', type: 'string', op: 'eq', value: '/pricing' },
  measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 1 } },
});
const caseStudy = rule({
  kind: 'event',
  event: 'Case Study Downloaded',
  measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 1 } },
});
const enterprise = rule({
  kind: 'trait',
  path: 'traits.employees',
  type: 'number',
  op: 'gte',
  value: 1000,
});

const MODEL_FIELDS =
  'model { id key version rules { id points } } problems { code path message } warnings { code path }';

async function saveModel(input: object, id?: string) {
  const res = await t.gql<{
    createScoringModel?: { model: { id: string; version: number } | null; problems: unknown[] };
    updateScoringModel?: { model: { id: string; version: number } | null; problems: unknown[] };
  }>(
    ws.key,
    id
      ? `mutation($id: ID!, $input: ScoringModelInput!) { updateScoringModel(id: $id, input: $input) { ${MODEL_FIELDS} } }`
      : `mutation($input: ScoringModelInput!) { createScoringModel(input: $input) { ${MODEL_FIELDS} } }`,
    id ? { id, input } : { input },
  );
  return res;
}

async function send(items: unknown[]) {
  const res = await t.events(ws.writeKey, items);
  expect(res.body).toMatchObject({ rejected: 0 });
  return res.body.results;
}

const lead = {
  key: 'lead',
  name: 'Lead score',
  halfLifeDays: 30,
  mqlThreshold: 50,
  rules: [
    { id: 'pricing', label: 'Pricing page', kind: 'behavior', points: 20, rule: pricing },
    { id: 'case', label: 'Case study', kind: 'behavior', points: 15, rule: caseStudy },
    { id: 'big', label: 'Enterprise', kind: 'fit', points: 40, rule: enterprise },
  ],
};

async function history(customerId: string) {
  const rows = await db().find(
    ScoreEntry,
    { customer: customerId, model: 'lead' },
    { orderBy: { at: 'asc', id: 'asc' } },
  );
  return rows.map((r) => ({ at: r.at.getTime(), value: r.value }));
}

describe('scoring models', () => {
  it('reports every rule problem with its path, and refuses bad fields with a fix', async () => {
    const bad = await saveModel({
      ...lead,
      rules: [
        { id: 'a', label: 'A', kind: 'behavior', points: 5, rule: rule({ kind: 'nope' }) },
        {
          id: 'b',
          label: 'B',
          kind: 'fit',
          points: 5,
          rule: rule({ kind: 'trait', path: 'traits.x', type: 'number', op: 'gte' }),
        },
        {
          id: 'c',
          label: 'C',
          kind: 'fit',
          points: 5,
          rule: rule({ kind: 'score', model: 'lead', measure: { type: 'hasScore' } }),
        },
      ],
    });
    const problems = bad.body.data!.createScoringModel!.problems as Array<{
      code: string;
      path: string[];
    }>;
    expect(bad.body.data!.createScoringModel!.model).toBeNull();
    expect(problems.map((p) => p.path.slice(0, 4))).toEqual([
      ['input', 'rules', '0', 'rule'],
      ['input', 'rules', '1', 'rule'],
      ['input', 'rules', '2', 'rule'],
    ]);
    expect(problems[0]!.code).toBe('RULE_UNKNOWN_KIND');
    expect(problems[2]!.code).toBe('RULE_BAD_VALUE');
    const badKey = await saveModel({ ...lead, key: 'Lead Score' });
    expect(codes(badKey)).toEqual(['BAD_USER_INPUT']);
    expect(badKey.body.errors![0]!.extensions!['field']).toEqual(['input', 'key']);
    const badDecay = await saveModel({ ...lead, halfLifeDays: 0 });
    expect(badDecay.body.errors![0]!.extensions!['field']).toEqual(['input', 'halfLifeDays']);
  });

  it('scores on ingestion, emits Lead Became MQL once (a journey enters the lead) and notifies sales', async () => {
    const created = await saveModel(lead);
    expect(created.body.errors).toBeUndefined();
    const model = created.body.data!.createScoringModel!.model!;
    const journey = await t.gql<{ createJourney: { journey: { id: string } } }>(
      ws.key,
      `mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } } }`,
      {
        input: {
          name: 'MQL hand-off',
          graph: {
            version: 1,
            settings: { reentry: 'always', exitOnGoal: false },
            nodes: [
              { id: 't', kind: 'trigger', trigger: { type: 'event', event: 'Lead Became MQL' } },
              { id: 'x', kind: 'exit' },
            ],
            edges: [{ id: 'a', source: 't', sourceHandle: 'next', target: 'x' }],
          },
        },
      },
    );
    const journeyId = journey.body.data!.createJourney.journey.id;
    const published = await t.gql(ws.key, `mutation($id: ID!) { publishJourney(id: $id) { ok } }`, {
      id: journeyId,
    });
    expect(published.body.errors).toBeUndefined();
    // A journey on the model's own threshold, re-entry always: it enters on each upward crossing.
    const warm = await t.gql<{ createJourney: { journey: { id: string } } }>(
      ws.key,
      `mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } } }`,
      {
        input: {
          name: 'Warm leads',
          graph: {
            version: 1,
            settings: { reentry: 'always', exitOnGoal: false },
            nodes: [
              {
                id: 't',
                kind: 'trigger',
                trigger: {
                  type: 'scoreThreshold',
                  model: 'lead',
                  threshold: 30,
                  direction: 'above',
                },
              },
              { id: 'x', kind: 'exit' },
            ],
            edges: [{ id: 'a', source: 't', sourceHandle: 'next', target: 'x' }],
          },
        },
      },
    );
    const warmId = warm.body.data!.createJourney.journey.id;
    const warmPublished = await t.gql(
      ws.key,
      `mutation($id: ID!) { publishJourney(id: $id) { ok } }`,
      { id: warmId },
    );
    expect(warmPublished.body.errors).toBeUndefined();

    const [ada] = await send([
      { type: 'identify', email: 'ada@example.com', traits: { employees: 20 } },
    ]);
    const adaId = ada!.customerId!;
    await send([{ email: 'ada@example.com', event: 'Page Viewed', properties: { path: '/blog' } }]);
    expect(await history(adaId)).toEqual([]); // no rule holds: no entry
    await send([
      { email: 'ada@example.com', event: 'Page Viewed', properties: { path: '/pricing' } },
    ]);
    await send([{ email: 'ada@example.com', event: 'Case Study Downloaded' }]);
    expect((await history(adaId)).map((h) => h.value)).toEqual([20, 35]);
    await runInbox(t.app.orm, new Date());
    expect(
      (await db().find(JourneyEnrollment, { journey: warmId })).map((e) => e.customer.id),
    ).toEqual([adaId]); // 20 -> 35 crossed 30
    await send([{ type: 'identify', email: 'ada@example.com', traits: { employees: 5000 } }]);
    expect((await history(adaId)).map((h) => h.value)).toEqual([20, 35, 75]);

    const mql = await db().find(Event, { customer: adaId, name: 'Lead Became MQL' });
    expect(mql.map((e) => e.properties)).toEqual([{ model: 'lead', score: 75, threshold: 50 }]);
    const entered = await db().find(JourneyEnrollment, { journey: journeyId });
    expect(entered.map((e) => e.customer.id)).toEqual([adaId]);
    await runInbox(t.app.orm, new Date());
    expect(await db().count(JourneyEnrollment, { journey: warmId })).toBe(1); // 35 -> 75: no crossing
    const inbox = await t.gql<{ leadNotifications: Array<{ customerId: string; score: number }> }>(
      ws.key,
      `{ leadNotifications { customerId score } }`,
    );
    expect(inbox.body.data!.leadNotifications).toEqual([{ customerId: adaId, score: 75 }]);

    // Staying above the threshold emits nothing more.
    await send([
      { email: 'ada@example.com', event: 'Page Viewed', properties: { path: '/pricing' } },
    ]);
    expect(await db().count(Event, { customer: adaId, name: 'Lead Became MQL' })).toBe(1);
    expect(model.version).toBe(1);
  });

  it('decays by the clock at the exact instants, so "score at t" and "change over a window" are exact', async () => {
    const [bob] = await send([
      { type: 'identify', email: 'bob@example.com', traits: { employees: 5000 } },
    ]);
    const bobId = bob!.customerId!;
    const at = Date.parse('2026-01-10T12:00:00Z');
    await send([
      {
        email: 'bob@example.com',
        event: 'Page Viewed',
        properties: { path: '/pricing' },
        timestamp: new Date(at).toISOString(),
      },
    ]);
    const before = await history(bobId);
    expect(before.at(-1)!.value).toBe(60 * 0.5 ** Math.floor((Date.now() - at) / (30 * DAY)));
    const recheck = await db().findOneOrFail(ScoringRecheck, { customer: bobId });
    const lastAt = before.at(-1)!.at;
    const halvings = Math.floor((lastAt - at) / (30 * DAY));
    expect(recheck.dueAt.getTime()).toBe(at + (halvings + 1) * 30 * DAY);

    // Two more half-lives pass: two re-scores, each written at its due instant.
    const later = new Date(at + (halvings + 2) * 30 * DAY + 1);
    while ((await runDueRescores(t.app.orm, later)) > 0);
    const after = (await history(bobId)).slice(before.length);
    expect(after).toEqual([
      { at: at + (halvings + 1) * 30 * DAY, value: 60 * 0.5 ** (halvings + 1) },
      { at: at + (halvings + 2) * 30 * DAY, value: 60 * 0.5 ** (halvings + 2) },
    ]);
    const q = await t.gql<{ scoreChange: { from: number; to: number; change: number } }>(
      ws.key,
      `query($c: ID!, $f: DateTimeISO!, $to: DateTimeISO!) { scoreChange(customerId: $c, model: "lead", from: $f, to: $to) { from to change } }`,
      { c: bobId, f: new Date(after[0]!.at - 1).toISOString(), to: later.toISOString() },
    );
    const s = before.at(-1)!.value;
    expect(q.body.data!.scoreChange).toEqual({ from: s, to: s / 4, change: s / 4 - s });
  });

  it('saves versions and re-scores everyone; a segment-scoped model scores only its members', async () => {
    const list = await t.gql<{ scoringModels: Array<{ id: string }> }>(
      ws.key,
      `{ scoringModels { id } }`,
    );
    const id = list.body.data!.scoringModels[0]!.id;
    const updated = await saveModel({ ...lead, rules: [{ ...lead.rules[2]!, points: 10 }] }, id);
    expect(updated.body.data!.updateScoringModel!.model!.version).toBe(2);
    const [ada] = await send([{ type: 'identify', email: 'ada@example.com' }]);
    // Ada's earlier entries include the previous test's simulated future (its decay); read now.
    const now = await t.gql<{ scoreAt: number }>(
      ws.key,
      `query($c: ID!, $at: DateTimeISO!) { scoreAt(customerId: $c, model: "lead", at: $at) }`,
      { c: ada!.customerId, at: new Date().toISOString() },
    );
    expect(now.body.data!.scoreAt).toBe(10);
    const renamed = await saveModel({ ...lead, key: 'other' }, id);
    expect(codes(renamed)).toEqual(['BAD_USER_INPUT']);

    const seg = await t.gql<{ createSegment: { segment: { id: string } } }>(
      ws.key,
      `mutation($input: SegmentInput!) { createSegment(input: $input) { segment { id } } }`,
      {
        input: {
          name: 'SMB',
          rule: rule({
            kind: 'trait',
            path: 'traits.employees',
            type: 'number',
            op: 'lt',
            value: 1000,
          }),
        },
      },
    );
    const smb = await saveModel({
      key: 'smb',
      name: 'SMB score',
      segmentId: seg.body.data!.createSegment.segment.id,
      rules: [{ id: 'case', label: 'Case study', kind: 'behavior', points: 7, rule: caseStudy }],
    });
    expect(smb.body.errors).toBeUndefined();
    const [carl] = await send([
      { type: 'identify', email: 'carl@example.com', traits: { employees: 10 } },
    ]);
    await send([
      { email: 'carl@example.com', event: 'Case Study Downloaded' },
      { email: 'ada@example.com', event: 'Case Study Downloaded' },
    ]);
    const smbScores = await db().find(ScoreEntry, { model: 'smb' });
    expect(smbScores.map((s) => [s.customer.id, s.value])).toEqual([[carl!.customerId, 7]]);
  });
});
