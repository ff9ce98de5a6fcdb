/**
 * The segment engine's proof: random streams of events, trait changes, consent, merges, clock
 * advances and rule edits; after every step, every segment's incrementally maintained membership
 * must equal its rule evaluated from scratch in SQL (the verifier), with no difference at all.
 * Runs on SQLite and, with CAIRN_TEST_DB=postgres, on PostgreSQL. Size: SEGMENT_MODEL_RUNS runs
 * (default 25) of up to 25 steps.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHANNELS, assertUnreachable, type RuleDocument, type RuleNode } from '@cairn/schema';
import { RULE_POOLS, arbRuleNode } from '@cairn/schema/testing';
import { Segment, Workspace } from '../../src/db/entities';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import { IngestService } from '../../src/modules/ingestion/ingest.service';
import { runDueRechecks } from '../../src/modules/segment/membership/recheck-worker';
import { verifySegment } from '../../src/modules/segment/membership/verify';
import { SegmentService } from '../../src/modules/segment/segment.service';
import { startTestApp, testDialect, type TestApp } from '../harness';

const RUNS = Number(process.env['SEGMENT_MODEL_RUNS'] ?? 25) || 25;
const DAY = 86_400_000;
const PEOPLE = ['p0@model.example', 'p1@model.example', 'p2@model.example', 'p3@model.example'];
const DEVICES = ['d0', 'd1', 'd2'];
const SEGMENTS = 3;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ SEGMENT_RECHECK_MS: '0' });
});
afterAll(() => t.close());

// ── steps ──────────────────────────────────────────────────────────────────────────────────
type Who = { readonly email: string } | { readonly anonymousId: string };
type Step =
  | {
      readonly kind: 'track';
      readonly who: Who;
      readonly event: string;
      readonly ageMs: number;
      readonly properties: Record<string, unknown>;
    }
  | { readonly kind: 'traits'; readonly who: Who; readonly traits: Record<string, TraitValue> }
  | {
      readonly kind: 'consent';
      readonly who: Who;
      readonly channel: string;
      readonly granted: boolean;
    }
  | { readonly kind: 'merge'; readonly anonymousId: string; readonly email: string }
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'edit'; readonly segment: number; readonly root: RuleNode };
/** A trait value; dates are written relative to the clock when the step runs. */
type TraitValue = string | number | boolean | null | string[] | { readonly daysAgo: number };

const AGES = [
  0,
  60_000,
  3_600_000,
  DAY - 1,
  DAY,
  6 * DAY,
  7 * DAY - 1,
  7 * DAY + 1,
  29 * DAY,
  31 * DAY,
  59 * DAY,
  61 * DAY,
  400 * DAY,
];
const arbWho: fc.Arbitrary<Who> = fc.oneof(
  fc.constantFrom(...PEOPLE).map((email) => ({ email })),
  fc.constantFrom(...DEVICES).map((anonymousId) => ({ anonymousId })),
);
const arbTraitValue: fc.Arbitrary<TraitValue> = fc.oneof(
  fc.constantFrom(...RULE_POOLS.strings, ...RULE_POOLS.factStrings),
  fc.constantFrom(...RULE_POOLS.numbers.filter((n) => Math.abs(n) < 1e300)),
  fc.boolean(),
  fc.constant(null),
  fc.subarray([...RULE_POOLS.strings]),
  fc.constantFrom(0, 1, 6, 7, 8, 29, 30, 31, 364, 365, 366, 3650).map((daysAgo) => ({ daysAgo })),
);
const TRAIT_KEYS = [
  'country',
  'plan',
  'ltv',
  'leadScore',
  'vip',
  'birthday',
  'lastOrderAt',
  'tags',
];
/** Conditions that read the clock, so that re-checks are exercised often. */
const DURATIONS = [
  { amount: 1, unit: 'days' },
  { amount: 7, unit: 'days' },
  { amount: 30, unit: 'days' },
  { amount: 60, unit: 'days' },
] as const;
const arbClockCondition: fc.Arbitrary<RuleNode> = fc.oneof(
  fc.record({
    kind: fc.constant('event' as const),
    event: fc.constantFrom('purchase', 'email_click'),
    measure: fc.record({
      type: fc.constant('count' as const),
      window: fc.record({
        type: fc.constant('last' as const),
        duration: fc.constantFrom(...DURATIONS),
      }),
      compare: fc.constantFrom(
        { op: 'eq' as const, value: 0 },
        { op: 'gte' as const, value: 1 },
        { op: 'gte' as const, value: 2 },
        { op: 'lt' as const, value: 2 },
      ),
    }),
  }),
  fc.record({
    kind: fc.constant('event' as const),
    event: fc.constantFrom('purchase', 'email_click'),
    measure: fc.record({
      type: fc.constantFrom('lastOccurredWithin' as const, 'firstOccurredBefore' as const),
      duration: fc.constantFrom(...DURATIONS),
    }),
  }),
  fc.record({
    kind: fc.constant('event' as const),
    event: fc.constant('purchase'),
    measure: fc.record({
      type: fc.constantFrom('sum' as const, 'max' as const),
      property: fc.constant('amount'),
      window: fc.record({
        type: fc.constant('last' as const),
        duration: fc.constantFrom(...DURATIONS),
      }),
      compare: fc.constantFrom({ op: 'gte' as const, value: 10 }, { op: 'lt' as const, value: 50 }),
    }),
  }),
  fc.record({
    kind: fc.constant('trait' as const),
    path: fc.constant('traits.lastOrderAt'),
    type: fc.constant('date' as const),
    op: fc.constantFrom('withinLast' as const, 'notWithinLast' as const),
    duration: fc.constantFrom(...DURATIONS),
  }),
  fc.record({
    kind: fc.constant('trait' as const),
    path: fc.constant('traits.birthday'),
    type: fc.constant('date' as const),
    op: fc.constant('anniversaryWithin' as const),
    days: fc.constantFrom(0, 1, 7, 30),
  }),
) as fc.Arbitrary<RuleNode>;
const arbSegmentRoot: fc.Arbitrary<RuleNode> = fc.oneof(
  { weight: 2, arbitrary: arbRuleNode({ maxDepth: 2 }) },
  { weight: 2, arbitrary: arbClockCondition },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('all' as const, 'any' as const),
      children: fc.array(
        fc.oneof(
          arbClockCondition,
          arbRuleNode({ maxDepth: 1 }),
          arbClockCondition.map((c): RuleNode => ({ kind: 'not', child: c })),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  },
);

const arbStep: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('track' as const),
      who: arbWho,
      event: fc.constantFrom(...RULE_POOLS.events.filter((e) => e !== '__proto__')),
      ageMs: fc.constantFrom(...AGES),
      properties: fc.record(
        {
          amount: fc.constantFrom(0, 1, 2, 10, 50, 60, 500, -1, 0.5),
          plan: fc.constantFrom('gold', 'x', 'US'),
          url: fc.constantFrom('https://x.com/Paris', 'gold', ''),
        },
        { requiredKeys: [] },
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('traits' as const),
      who: arbWho,
      traits: fc.dictionary(fc.constantFrom(...TRAIT_KEYS), arbTraitValue, {
        minKeys: 1,
        maxKeys: 3,
      }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('consent' as const),
      who: arbWho,
      channel: fc.constantFrom(...CHANNELS),
      granted: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('merge' as const),
      anonymousId: fc.constantFrom(...DEVICES),
      email: fc.constantFrom(...PEOPLE),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.constantFrom(60_000, 3_600_000, DAY, 7 * DAY, 30 * DAY, 61 * DAY),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      segment: fc.nat(SEGMENTS - 1),
      root: arbSegmentRoot,
    }),
  },
);

/** Segment conditions name the pool's placeholder ids; point them at real, earlier segments. */
function bindSegments(node: RuleNode, earlier: readonly string[]): RuleNode {
  switch (node.kind) {
    case 'all':
    case 'any':
      return { ...node, children: node.children.map((c) => bindSegments(c, earlier)) };
    case 'not':
      return { ...node, child: bindSegments(node.child, earlier) };
    case 'segment': {
      const index = RULE_POOLS.segments.indexOf(
        node.segmentId as (typeof RULE_POOLS.segments)[number],
      );
      const target = earlier[index % Math.max(earlier.length, 1)];
      return target ? { ...node, segmentId: target } : { kind: 'consent', channel: 'email' };
    }
    case 'trait':
    case 'event':
    case 'score':
    case 'consent':
    case 'randomBucket':
      return node;
    default:
      return assertUnreachable(node);
  }
}

function materialize(traits: Record<string, TraitValue>, now: number): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(traits).map(([k, v]) => [
      k,
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? new Date(now - v.daysAgo * DAY).toISOString()
        : v,
    ]),
  );
}

// ── the run ────────────────────────────────────────────────────────────────────────────────
it(`keeps every segment equal to a from-scratch SQL evaluation after every step (${testDialect}, ${RUNS} runs)`, async () => {
  let steps = 0;
  let flips = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(arbSegmentRoot, { minLength: SEGMENTS, maxLength: SEGMENTS }),
      fc.array(arbStep, { minLength: 5, maxLength: 25 }),
      async (roots, plan) => {
        let clock = Date.now();
        const now = () => new Date(clock);
        const setup = t.app.orm.em.fork();
        const workspace = setup.create(Workspace, { name: 'model' });
        await setup.flush();
        const em = () => {
          const fork = t.app.orm.em.fork();
          scopeToWorkspace(fork, workspace.id);
          return fork;
        };
        const ingest = (items: unknown[]) =>
          new IngestService(em(), workspace, now).ingest(items, { source: 'model test' });
        const segments = new SegmentService(em(), workspace, now);
        const ids: string[] = [];
        const save = async (index: number, root: RuleNode) => {
          const document: RuleDocument = {
            version: 1,
            root: bindSegments(root, ids.slice(0, index)),
          };
          const rule = document as unknown as Record<string, unknown>;
          const outcome =
            index < ids.length
              ? await segments.update(ids[index]!, { name: `s${index}`, rule })
              : await segments.create({ name: `s${index}`, rule });
          if (!outcome.ok) throw new Error(`segment refused: ${JSON.stringify(outcome.problems)}`);
          if (index >= ids.length) ids.push(outcome.segment.id);
        };
        for (const [i, root] of roots.entries()) await save(i, root);

        const check = async (after: string) => {
          const read = em();
          for (const segment of await read.find(Segment, { archivedAt: null })) {
            const drift = await verifySegment(read, workspace, segment, now());
            expect({
              after,
              segment: segment.rule,
              missing: drift.missing,
              extra: drift.extra,
              pending: drift.pending,
            }).toEqual({
              after,
              segment: segment.rule,
              missing: [],
              extra: [],
              pending: [],
            });
          }
        };
        await check('setup');
        for (const step of plan) {
          steps++;
          switch (step.kind) {
            case 'track':
              await ingest([
                {
                  event: step.event,
                  ...step.who,
                  timestamp: new Date(clock - step.ageMs).toISOString(),
                  properties: step.properties,
                },
              ]);
              break;
            case 'traits':
              await ingest([
                { type: 'identify', ...step.who, traits: materialize(step.traits, clock) },
              ]);
              break;
            case 'consent':
              await ingest([
                {
                  type: 'identify',
                  ...step.who,
                  consent: [{ channel: step.channel, granted: step.granted }],
                },
              ]);
              break;
            case 'merge':
              await ingest([
                { type: 'identify', anonymousId: step.anonymousId, email: step.email },
              ]);
              break;
            case 'advance':
              clock += step.ms;
              flips += await runDueRechecks(t.app.orm, now());
              break;
            case 'edit':
              await save(step.segment, step.root);
              break;
            default:
              assertUnreachable(step);
          }
          await check(JSON.stringify(step));
        }
      },
    ),
    { numRuns: RUNS },
  );
  console.log(
    `segment model (${testDialect}): ${RUNS} runs, ${steps} steps, ${flips} clock re-checks run, 0 differences`,
  );
  expect(steps).toBeGreaterThan(RUNS * 4);
}, 900_000);
