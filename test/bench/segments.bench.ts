/**
 * Live segments benchmark, in-process on a fresh SQLite database (the real application built with
 * `createApp`, re-check worker off):
 *
 * 1. Preview: `SegmentMembersService.preview(rule, 10, now)` over BENCH_SEG_CUSTOMERS bulk-loaded
 *    customers for a trait-only, an event-count (last 30 days) and a mixed rule: 1 cold run, then
 *    median and p95 of BENCH_SEG_RUNS runs, against the issue's target (300 ms), next to the
 *    bare SQL count of the same rule (`countMatchingCustomers`) measured in the same run.
 * 2. Live updates: BENCH_SEG_SEGMENTS saved segments of mixed kinds (trait, event counts over
 *    windows, property filters, mixed, built on other segments), then BENCH_SEG_EVENTS `Page
 *    Viewed` events for existing customers through `IngestService.ingest` in batches of 100.
 *    Membership is updated inside the ingestion transaction, so a batch's latency (ingest() until
 *    it returns, the transaction committed) is the time until its membership changes are visible;
 *    a sample of batches checks that from a fresh entity manager. The same stream goes, batch by
 *    batch interleaved, into a second workspace holding the same customers and no segment: the
 *    baseline (ratio). Target: p99 <= 100 ms a batch on SQLite.
 *
 * Nothing asserts on timing. Exits non-zero when the verifier (`verifySegment`, the rule from
 * scratch in SQL against the stored members) reports a missing or extra member in any segment,
 * when a sampled membership change is not visible after its batch, or when an item is not
 * ACCEPTED.
 *
 *   cd test && pnpm bench:live-segments
 *   BENCH_SEG_CUSTOMERS=3000 BENCH_SEG_EVENTS=2000 pnpm bench:live-segments
 *
 * Sizes: BENCH_SEG_CUSTOMERS (100000), BENCH_SEG_HISTORY (events already stored per customer, 3),
 * BENCH_SEG_SEGMENTS (20), BENCH_SEG_EVENTS (50000), BENCH_SEG_RUNS (preview runs, 5),
 * BENCH_SEG_SAMPLE_EVERY (check visibility after every n-th batch, 10).
 * Profiling: BENCH_SEG_CPU_PROF=<file.cpuprofile> writes a CPU profile of the live stream (open it
 * in Chrome DevTools or VS Code). Experiments: BENCH_SEG_KEEP_DB=<file> copies the loaded and
 * analyzed database there (`VACUUM INTO`) before the measurements, for trying plans by hand.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateRule, type RuleNode } from '@cairn/schema';
import { loadConfig } from '../../server/src/config/config';
import {
  Customer,
  Event,
  Identity,
  SegmentMembership,
  SegmentTransition,
  Workspace,
  type Segment,
} from '../../server/src/db/entities';
import { newId } from '../../server/src/db/ids';
import type { Em } from '../../server/src/db/orm';
import { customerSearchText } from '../../server/src/db/search-text';
import { scopeToWorkspace } from '../../server/src/db/workspace-filter';
import { createApp, type CairnApp } from '../../server/src/http/create-app';
import { createLogger } from '../../server/src/logger';
import { IngestService } from '../../server/src/modules/ingestion/ingest.service';
import { verifySegment } from '../../server/src/modules/segment/membership/verify';
import { SegmentMembersService } from '../../server/src/modules/segment/segment-members.service';
import { SegmentService } from '../../server/src/modules/segment/segment.service';
import { countMatchingCustomers } from '../../server/src/rules/rule-query';
import { prng } from './rule-eval/profiles';
import { elapsed, fmtCount, fmtMs, median } from './segment-sql/measure';

const size = (name: string, fallback: number): number => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const CUSTOMERS = size('BENCH_SEG_CUSTOMERS', 100_000);
const HISTORY = size('BENCH_SEG_HISTORY', 3);
const SEGMENTS = size('BENCH_SEG_SEGMENTS', 20);
const EVENTS = size('BENCH_SEG_EVENTS', 50_000);
const RUNS = size('BENCH_SEG_RUNS', 5);
const SAMPLE_EVERY = size('BENCH_SEG_SAMPLE_EVERY', 10);
const CPU_PROFILE = process.env['BENCH_SEG_CPU_PROF'] || undefined;
const KEEP_DB = process.env['BENCH_SEG_KEEP_DB'] || undefined;
const BATCH = 100;
/** Rows per multi-row INSERT of the bulk load (SQLite caps compound SELECTs at 500 terms). */
const CHUNK = 400;
const PREVIEW_TARGET_MS = 300;
const BATCH_P99_TARGET_MS = 100;
const DAY = 86_400_000;

const COUNTRIES = ['US', 'CA', 'GB', 'FR', 'DE', 'ES', 'BR', 'JP'];
const PLANS = ['free', 'free', 'free', 'pro', 'pro', 'enterprise'];
const PATHS = ['/', '/pricing', '/docs', '/blog', '/p/1', '/p/2', '/p/3', '/signup'];

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
/** Nearest-rank percentile. */
const percentile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
};
const email = (i: number) => `c${i}@segments.example`;

// ── rules ────────────────────────────────────────────────────────────────────────────────────
const trait = (path: string, type: string, op: string, value: unknown): RuleNode =>
  ({
    kind: 'trait',
    path: `traits.${path}`,
    type,
    op,
    ...(Array.isArray(value) ? { values: value } : { value }),
  }) as RuleNode;
const pageViews = (min: number, days: number | 'ever', urlContains?: string): RuleNode =>
  ({
    kind: 'event',
    event: 'Page Viewed',
    ...(urlContains
      ? {
          where: {
            kind: 'property',
            path: 'url',
            type: 'string',
            op: 'contains',
            value: urlContains,
          },
        }
      : {}),
    measure: {
      type: 'count',
      window:
        days === 'ever'
          ? { type: 'ever' }
          : { type: 'last', duration: { amount: days, unit: 'days' } },
      compare: { op: 'gte', value: min },
    },
  }) as RuleNode;
const all = (...children: RuleNode[]): RuleNode => ({ kind: 'all', children });
const any = (...children: RuleNode[]): RuleNode => ({ kind: 'any', children });

const PREVIEW_RULES: ReadonlyArray<{ key: string; description: string; root: RuleNode }> = [
  {
    key: 'trait',
    description: 'country in [US, CA] and ltv > 500',
    root: all(trait('country', 'string', 'in', ['US', 'CA']), trait('ltv', 'number', 'gt', 500)),
  },
  {
    key: 'event-30d',
    description: 'Page Viewed count >= 2 in the last 30 days',
    root: pageViews(2, 30),
  },
  {
    key: 'mixed',
    description:
      '(plan = pro or leadScore >= 80) and Page Viewed /pricing count >= 1 in the last 30 days',
    root: all(
      any(trait('plan', 'string', 'eq', 'pro'), trait('leadScore', 'number', 'gte', 80)),
      pageViews(1, 30, '/pricing'),
    ),
  },
];

/** The i-th saved segment: kinds in turn, thresholds varying; `ids` are the earlier segments. */
function segmentRule(i: number, ids: readonly string[]): { kind: string; root: RuleNode } {
  const k = Math.floor(i / 6);
  switch (i % 6) {
    case 0:
      return {
        kind: 'trait',
        root: all(
          trait('country', 'string', 'in', [COUNTRIES[k % COUNTRIES.length]!, 'US']),
          trait('ltv', 'number', 'gt', 200 + 100 * k),
        ),
      };
    case 1:
      return { kind: 'events 7d', root: pageViews(2 + k, 7) };
    case 2:
      return { kind: 'events 30d', root: pageViews(4 + k, 30) };
    case 3:
      return { kind: 'event property', root: pageViews(1 + k, 30, PATHS[1 + (k % 3)]) };
    case 4:
      return {
        kind: 'mixed',
        root: all(
          any(
            trait('plan', 'string', 'eq', PLANS[3 + (k % 3)]),
            trait('leadScore', 'number', 'gte', 70),
          ),
          pageViews(3 + k, 'ever'),
        ),
      };
    default:
      // Built on the previous (event) segment: entering it re-evaluates this one.
      return {
        kind: 'segment ref',
        root: all(
          { kind: 'segment', segmentId: ids[i - 1]! },
          trait('leadScore', 'number', 'gte', 30 + 10 * k),
        ),
      };
  }
}

function document(root: RuleNode): Record<string, unknown> {
  const validated = validateRule({ version: 1, root });
  if (!validated.ok)
    throw new Error(
      `Benchmark rule is invalid: ${validated.problems.map((p) => p.message).join('; ')}`,
    );
  return validated.rule as unknown as Record<string, unknown>;
}

// ── bulk load ────────────────────────────────────────────────────────────────────────────────
async function inChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

interface CustomerRow {
  id: string;
  workspace: string;
  email: string;
  traits: Record<string, unknown>;
  timeZone: null;
  createdAt: Date;
  updatedAt: Date;
  searchText: string;
}
interface IdentityRow {
  id: string;
  workspace: string;
  customer: string;
  kind: 'email';
  source: string;
  value: string;
  createdAt: Date;
}
interface EventRow {
  id: string;
  workspace: string;
  customer: string;
  name: string;
  properties: Record<string, unknown>;
  occurredAt: Date;
  receivedAt: Date;
  messageId: string;
}

/**
 * A workspace with `CUSTOMERS` customers (traits, an email identity each) and `HISTORY` events
 * each over the last 60 days, inserted directly (em.insertMany, 400 rows a statement, one
 * transaction). The same seed gives every workspace the same population.
 */
async function loadWorkspace(app: CairnApp, name: string, now: number): Promise<Workspace> {
  const random = prng(20261123);
  const em = app.orm.em.fork();
  const workspace = em.create(Workspace, { name });
  await em.flush();
  const ws = workspace.id;
  await em.transactional(async (tx) => {
    const customers: CustomerRow[] = [];
    const identities: IdentityRow[] = [];
    const events: EventRow[] = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      const id = newId();
      const traits = {
        name: `Customer ${i}`,
        country: COUNTRIES[Math.floor(random() * COUNTRIES.length)],
        plan: PLANS[Math.floor(random() * PLANS.length)],
        ltv: Math.round(random() * 1000),
        leadScore: Math.floor(random() * 100),
      };
      const createdAt = new Date(now - 90 * DAY + Math.floor(random() * 30 * DAY));
      customers.push({
        id,
        workspace: ws,
        email: email(i),
        traits,
        timeZone: null,
        createdAt,
        updatedAt: createdAt,
        searchText: customerSearchText(email(i), traits),
      });
      identities.push({
        id: newId(),
        workspace: ws,
        customer: id,
        kind: 'email' as const,
        source: '',
        value: email(i),
        createdAt,
      });
      for (let e = 0; e < HISTORY; e++) {
        const at = new Date(now - Math.floor(random() * 60 * DAY));
        const click = random() < 0.2;
        events.push({
          id: newId(),
          workspace: ws,
          customer: id,
          name: click ? 'email_click' : 'Page Viewed',
          properties: click
            ? { campaign: 'spring' }
            : { url: `https://shop.example.com${PATHS[Math.floor(random() * PATHS.length)]}` },
          occurredAt: at,
          receivedAt: at,
          messageId: `history-${i}-${e}`,
        });
      }
    }
    await inChunks(customers, (c) => tx.insertMany(Customer, c));
    await inChunks(identities, (c) => tx.insertMany(Identity, c));
    // In the order ingestion stores them, which is the order they happen in (roughly): the
    // events table's rows then follow time, as the (workspace, name, occurred_at) index does.
    events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    await inChunks(events, (c) => tx.insertMany(Event, c));
  });
  return workspace;
}

function scoped(app: CairnApp, workspace: Workspace): Em {
  const em = app.orm.em.fork();
  scopeToWorkspace(em, workspace.id);
  return em;
}

// ── 1. preview ───────────────────────────────────────────────────────────────────────────────
async function measurePreview(app: CairnApp, workspace: Workspace): Promise<string[]> {
  console.log(
    `\n=== Preview: SegmentMembersService.preview(rule, 10, now) over ${fmtCount(CUSTOMERS)} customers; 1 cold run, then median and p95 of ${RUNS} ===`,
  );
  console.log(
    `  baseline: countMatchingCustomers (the rule's bare SQL count, no validation, no sample), median of ${RUNS}`,
  );
  const summary: string[] = [];
  for (const { key, description, root } of PREVIEW_RULES) {
    const rule = document(root);
    const times: number[] = [];
    let cold = 0;
    let count: number | null = null;
    for (let run = 0; run <= RUNS; run++) {
      const took = elapsed();
      const result = await new SegmentMembersService(scoped(app, workspace), workspace).preview(
        rule,
        10,
        new Date(),
      );
      const ms = took();
      if (result.problems.length > 0)
        throw new Error(`preview ${key}: ${JSON.stringify(result.problems)}`);
      if (run === 0) cold = ms;
      else times.push(ms);
      count = result.count;
    }
    const base: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const took = elapsed();
      await countMatchingCustomers(scoped(app, workspace), workspace.id, rule as never, {
        now: Date.now(),
      });
      base.push(took());
    }
    const med = median(times);
    const p95 = percentile(times, 0.95);
    const line = `${key.padEnd(10)} ${fmtCount(count ?? 0).padStart(8)} matching  median ${fmtMs(med).padStart(8)}  p95 ${fmtMs(p95).padStart(8)}  cold ${fmtMs(cold).padStart(8)}  target ${PREVIEW_TARGET_MS} ms ${p95 <= PREVIEW_TARGET_MS ? 'met' : 'NOT met'}  | SQL count median ${fmtMs(median(base)).padStart(8)}, ratio ${(med / median(base)).toFixed(2)}`;
    console.log(`  ${line}\n    (${description}; load average ${load()})`);
    summary.push(line);
  }
  return summary;
}

/** Starts the V8 CPU profiler; the returned function stops it and writes BENCH_SEG_CPU_PROF. */
async function startProfile(): Promise<() => Promise<void>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(CPU_PROFILE!, JSON.stringify(profile));
    session.disconnect();
    console.log(`  CPU profile of the stream written to ${CPU_PROFILE}`);
  };
}

// ── 2. live updates ──────────────────────────────────────────────────────────────────────────
interface StreamFigures {
  readonly latencies: number[];
  totalMs: number;
  notAccepted: number;
}

function streamBatches(now: number): unknown[][] {
  const random = prng(7);
  const batches: unknown[][] = [];
  for (let b = 0; b < Math.ceil(EVENTS / BATCH); b++) {
    const items: unknown[] = [];
    for (let i = 0; i < Math.min(BATCH, EVENTS - b * BATCH); i++) {
      // Skewed activity: a few customers send many events, so some cross the thresholds.
      const who = Math.floor(CUSTOMERS * random() ** 3);
      items.push({
        messageId: `live-${b}-${i}`,
        event: 'Page Viewed',
        email: email(who),
        properties: {
          url: `https://shop.example.com${PATHS[Math.floor(random() * PATHS.length)]}`,
        },
        timestamp: new Date(now - Math.floor(random() * 60_000)).toISOString(),
      });
    }
    batches.push(items);
  }
  return batches;
}

/** Checks that the batch's last membership change (if any) reads back from a fresh entity manager. */
async function checkVisible(
  app: CairnApp,
  workspace: Workspace,
  batchNow: Date,
): Promise<'visible' | 'none' | string> {
  const em = scoped(app, workspace);
  const [last] = await em.find(
    SegmentTransition,
    { at: { $gte: batchNow }, cause: 'data' },
    { orderBy: { at: 'desc', id: 'desc' }, limit: 1 },
  );
  if (!last) return 'none';
  const stored = await em.count(SegmentMembership, {
    segmentId: last.segmentId,
    customer: last.customer.id,
  });
  const want = last.kind === 'entered' ? 1 : 0;
  return stored === want
    ? 'visible'
    : `segment ${last.segmentId}, customer ${last.customer.id}: ${last.kind} but ${stored} membership rows`;
}

async function measureLive(
  app: CairnApp,
  withSegments: Workspace,
  baseline: Workspace,
): Promise<{ summary: string[]; failures: string[] }> {
  const failures: string[] = [];
  console.log(`\n=== Live updates: ${SEGMENTS} segments, ${fmtCount(EVENTS)} events ===`);
  const segments: Segment[] = [];
  const kinds = new Map<string, { n: number; ms: number }>();
  const took = elapsed();
  for (let i = 0; i < SEGMENTS; i++) {
    const one = elapsed();
    const { kind, root } = segmentRule(
      i,
      segments.map((s) => s.id),
    );
    const outcome = await new SegmentService(scoped(app, withSegments), withSegments).create({
      name: `bench ${i} (${kind})`,
      rule: document(root),
    });
    if (!outcome.ok) throw new Error(`segment ${i} refused: ${JSON.stringify(outcome.problems)}`);
    segments.push(outcome.segment);
    const k = kinds.get(kind) ?? { n: 0, ms: 0 };
    kinds.set(kind, { n: k.n + 1, ms: k.ms + one() });
  }
  const sizes = await new SegmentMembersService(scoped(app, withSegments), withSegments).sizes(
    segments.map((s) => s.id),
  );
  console.log(
    `  created ${SEGMENTS} segments (${[...kinds].map(([k, { n, ms }]) => `${n} ${k}: ${fmtMs(ms / n)} each`).join(', ')}) in ${fmtMs(took())}; members ${sizes.map(fmtCount).join(', ')}`,
  );

  const batches = streamBatches(Date.now());
  const figures = new Map<Workspace, StreamFigures>(
    [withSegments, baseline].map((w) => [w, { latencies: [], totalMs: 0, notAccepted: 0 }]),
  );
  let sampled = 0;
  let withChange = 0;
  const loadAtStart = load();
  const profiler = CPU_PROFILE ? await startProfile() : undefined;
  const wall = elapsed();
  console.log(
    `  streaming ${fmtCount(batches.length)} batches of ${BATCH} into each workspace, interleaved batch by batch (segments, then baseline)...`,
  );
  for (const [b, items] of batches.entries()) {
    for (const workspace of [withSegments, baseline]) {
      let batchNow = new Date();
      const service = new IngestService(scoped(app, workspace), workspace, () => {
        batchNow = new Date();
        return batchNow;
      });
      const t = elapsed();
      const outcomes = await service.ingest(items, { source: 'bench' });
      const ms = t();
      const f = figures.get(workspace)!;
      f.latencies.push(ms);
      f.totalMs += ms;
      f.notAccepted += outcomes.filter((o) => o.status !== 'ACCEPTED').length;
      if (workspace === withSegments && b % SAMPLE_EVERY === 0) {
        sampled++;
        const seen = await checkVisible(app, workspace, batchNow);
        if (seen === 'visible') withChange++;
        else if (seen !== 'none') failures.push(`batch ${b}: change not visible: ${seen}`);
      }
    }
    if ((b + 1) % Math.max(1, Math.floor(batches.length / 5)) === 0)
      console.log(`    ${fmtCount(b + 1)} batches, ${fmtMs(wall())} (load average ${load()})`);
  }
  if (profiler) await profiler();

  console.log(
    `  streamed in ${fmtMs(wall())} wall (load average ${loadAtStart} -> ${load()}); visibility checked after ${sampled} batches: ${withChange} had a membership change, read back from a fresh entity manager right after ingest() returned`,
  );

  const summary: string[] = [];
  const base = figures.get(baseline)!;
  const baseRate = (EVENTS * 1000) / base.totalMs;
  for (const [workspace, label] of [
    [withSegments, `${SEGMENTS} segments`],
    [baseline, 'no segments (baseline)'],
  ] as const) {
    const f = figures.get(workspace)!;
    const rate = (EVENTS * 1000) / f.totalMs;
    const p99 = percentile(f.latencies, 0.99);
    const line = `${label.padEnd(24)} ${fmtCount(Math.round(rate)).padStart(7)} events/s  batch p50 ${fmtMs(percentile(f.latencies, 0.5)).padStart(7)}  p99 ${fmtMs(p99).padStart(7)}  max ${fmtMs(Math.max(...f.latencies)).padStart(7)}${workspace === withSegments ? `  target p99 <= ${BATCH_P99_TARGET_MS} ms ${p99 <= BATCH_P99_TARGET_MS ? 'met' : 'NOT met'}; rate ratio to baseline ${(rate / baseRate).toFixed(2)}, p50 ratio ${(percentile(f.latencies, 0.5) / percentile(base.latencies, 0.5)).toFixed(2)}` : ''}`;
    console.log(`  ${line}`);
    summary.push(line);
    if (f.notAccepted > 0) failures.push(`${label}: ${f.notAccepted} items not ACCEPTED`);
  }

  console.log('  verifier (rule from scratch in SQL against the stored members):');
  const now = new Date();
  for (const segment of segments) {
    const drift = await verifySegment(scoped(app, withSegments), withSegments, segment, now);
    const ok = drift.missing.length === 0 && drift.extra.length === 0;
    console.log(
      `    ${ok ? 'ok    ' : 'FAILED'} ${segment.name.padEnd(28)} members ${fmtCount(drift.members).padStart(7)}, rule ${fmtCount(drift.matching).padStart(7)}, missing ${drift.missing.length}, extra ${drift.extra.length}, re-check due ${drift.pending.length}`,
    );
    if (!ok)
      failures.push(
        `${segment.name}: ${drift.missing.length} missing, ${drift.extra.length} extra (e.g. ${[...drift.missing, ...drift.extra].slice(0, 3).join(', ')})`,
      );
  }
  return { summary, failures };
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────
async function main(): Promise<number> {
  console.log(
    `Live segments benchmark: SQLite, ${fmtCount(CUSTOMERS)} customers (x2 workspaces), ${HISTORY} stored events each, ${SEGMENTS} segments, ${fmtCount(EVENTS)} streamed events; ${cpus().length} CPUs, load average ${load()}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'cairn-segments-bench-'));
  let app: CairnApp | undefined;
  const cleanup = async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      console.error(`\n${signal}: deleting the benchmark database...`);
      void cleanup().finally(() => process.exit(130));
    });
  try {
    const config = loadConfig({
      DATABASE_URL: `sqlite:${join(dir, 'cairn.sqlite')}`,
      DATA_DIR: dir,
      CLIENT_DIST: dir,
      SEED_DEMO: 'false',
      SEGMENT_RECHECK_MS: '0',
      NODE_ENV: 'production',
    });
    app = await createApp(config, { logger: createLogger({ logLevel: 'silent' }) });
    const now = Date.now();
    let took = elapsed();
    const main = await loadWorkspace(app, 'Segments benchmark', now);
    const baseline = await loadWorkspace(app, 'Segments benchmark baseline (no segments)', now);
    console.log(
      `  bulk-loaded 2 x ${fmtCount(CUSTOMERS)} customers, identities and ${fmtCount(CUSTOMERS * HISTORY)} events in ${fmtMs(took())}`,
    );
    took = elapsed();
    // A long-running server keeps SQLite's statistics fresh (`pragma optimize`); a bulk load has none yet.
    await app.orm.em.getConnection().execute('analyze');
    console.log(`  ANALYZE: ${fmtMs(took())}`);
    if (KEEP_DB) {
      await app.orm.em.getConnection().execute('VACUUM INTO ?', [KEEP_DB]);
      console.log(`  copied the database to ${KEEP_DB}`);
    }

    const preview = await measurePreview(app, main);
    const live = await measureLive(app, main, baseline);

    console.log(`\n=== Summary (SQLite; load average ${load()}) ===`);
    console.log('Preview:');
    for (const line of preview) console.log(`  ${line}`);
    console.log(`Live updates (batches of ${BATCH}):`);
    for (const line of live.summary) console.log(`  ${line}`);
    if (live.failures.length > 0) {
      console.log(`\nFAILED (${live.failures.length}):`);
      for (const f of live.failures) console.log(`  ${f}`);
      return 1;
    }
    console.log('\nAll checks passed (verifier: no missing or extra member; changes visible).');
    return 0;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
