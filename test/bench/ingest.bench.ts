/**
 * Ingestion benchmark: `POST /v1/events` in batches of 100 items, driven by autocannon over
 * loopback against the real server (`cairn serve` in its own process; on PostgreSQL also several
 * processes sharing one database), against the baselines of a bare multi-row INSERT of the same
 * event rows, through the server's ORM and through its driver alone, measured in the same run.
 * Each configuration gets a fresh database (a temporary SQLite file, a scratch PostgreSQL
 * database), deleted at the end.
 *
 * Prints events/s (items answered ACCEPTED or DUPLICATE per second), requests/s, p50/p99 latency,
 * non-2xx answers and errors next to the issue's targets, and the CPU time per event of the
 * servers (and PostgreSQL's backends), which a busy shared machine distorts less than the rates.
 * Nothing asserts on timing. Then checks
 * correctness, and exits non-zero when any check fails: no error, no rejection, every distinct
 * messageId accepted exactly once and stored exactly once (a tenth of the items replay an earlier
 * messageId), one profile per person, one order per `Order Completed`, the catalog's counts whole.
 *
 *   cd test && pnpm bench:ingest
 *   BENCH_INGEST_BATCHES=2000 BENCH_INGEST_CONNECTIONS=16 pnpm bench:ingest
 *   BENCH_INGEST_CPU_PROF=/tmp/ingest-prof BENCH_ENGINES=sqlite pnpm bench:ingest
 *
 * Sizes and switches: see ingest/config.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TEST_PG_URL, isPostgresReachable } from '@cairn/server';
import { readConfig, TARGETS, type EngineName, type IngestBenchConfig } from './ingest/config';
import { CpuMeter } from './ingest/cpu';
import {
  bareInsertBaseline,
  type BaselineKind,
  createBenchDatabase,
  createWriteKey,
  storedCounts,
  type BenchDatabase,
  type StoredCounts,
} from './ingest/database';
import { drive, ResponseLedger } from './ingest/load';
import { monotonicUs, summarizeProfiles } from './ingest/profile-summary';
import { startServer, type QueryStat, type ServerProcess } from './ingest/servers';
import { generateWorkload, type Workload } from './ingest/workload';
import { elapsed, fmtCount, fmtMs } from './segment-sql/measure';

/** What to clean up if the run is interrupted (Ctrl-C): normal and failed runs use `finally`. */
const openDatabases = new Set<BenchDatabase>();
const runningServers = new Set<ServerProcess>();
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers and deleting the benchmark databases...`);
    void Promise.allSettled([...runningServers].map((s) => s.stop()))
      .then(() => Promise.allSettled([...openDatabases].map((db) => db.drop())))
      .then(() => process.exit(130));
  });

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const perSecond = (n: number, ms: number) => (n * 1000) / ms;
const fmtRate = (n: number) => fmtCount(Math.round(n));

interface Figures {
  readonly engine: EngineName;
  readonly setup: string;
  readonly eventsPerSecond: number;
  readonly storedPerSecond: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** CPU milliseconds per event (servers, plus PostgreSQL's backends); undefined without /proc. */
  readonly cpuMsPerEvent: number | undefined;
  readonly failures: readonly string[];
}

/** Compares a figure with what it must be, prints the line, and collects the failure. */
function checker(failures: string[]) {
  return (label: string, got: number, want: number) => {
    const ok = got === want;
    console.log(
      `    ${ok ? 'ok    ' : 'FAILED'} ${label}: ${fmtCount(got)}${ok ? '' : ` (expected ${fmtCount(want)})`}`,
    );
    if (!ok) failures.push(`${label}: ${fmtCount(got)}, expected ${fmtCount(want)}`);
  };
}

/**
 * The correctness checks of one configuration (warm-up included): no error, every distinct
 * messageId answered ACCEPTED once and stored once, every replay answered DUPLICATE, nothing
 * acknowledged and missing, one profile per person, one order per `Order Completed`, the
 * catalog's counts whole. Returns the failures.
 */
function checkRun(
  workload: Workload,
  ledger: ResponseLedger,
  stored: StoredCounts,
  connectionErrors: number,
  errorLogs: readonly string[],
): string[] {
  const failures: string[] = [];
  const check = checker(failures);
  console.log('  checks (warm-up included):');
  check('non-2xx answers', ledger.non2xx, 0);
  check('connection errors and timeouts', connectionErrors, 0);
  check('error lines in the server logs', errorLogs.length, 0);
  check('items answered REJECTED', ledger.rejected, 0);
  check('items answered ACCEPTED', ledger.accepted, workload.distinctMessages);
  check('items answered DUPLICATE (the replays)', ledger.duplicates, workload.replays);
  check(
    'messageIds answered ACCEPTED more than once',
    [...ledger.acceptedTimes.values()].filter((n) => n > 1).length,
    0,
  );
  check(
    'messageIds answered ACCEPTED or DUPLICATE but not stored (lost)',
    [...ledger.acknowledged].filter((id) => !stored.messageIds.has(id)).length,
    0,
  );
  check(
    'events stored (one per distinct messageId sent)',
    stored.events,
    workload.distinctMessages,
  );
  check('events stored twice (same messageId)', stored.events - stored.messageIds.size, 0);
  check('profiles (one per person)', stored.customers, workload.people);
  check('orders (one per Order Completed)', stored.orders, workload.orders);
  check('catalog event counts (sum)', stored.catalogEventCount, workload.distinctMessages);
  for (const line of ledger.badAnswers) console.log(`      ${line.slice(0, 300)}`);
  return failures;
}

/** CPU used during the measured run: the servers, PostgreSQL's backends, and this process. */
class RunCpu {
  private readonly servers: CpuMeter;
  private readonly backends: CpuMeter;
  private readonly own = process.cpuUsage();

  private constructor(
    private readonly serverPids: readonly number[],
    private readonly backendPids: readonly number[],
  ) {
    this.servers = new CpuMeter(serverPids);
    this.backends = new CpuMeter(backendPids);
  }

  static async start(servers: readonly ServerProcess[], db: BenchDatabase): Promise<RunCpu> {
    return new RunCpu(
      servers.map((s) => s.pid),
      await db.backendPids(),
    );
  }

  async stop(db: BenchDatabase): Promise<{ servers: number; backends: number; own: number }> {
    const own = process.cpuUsage(this.own);
    const backendPids = [...new Set([...this.backendPids, ...(await db.backendPids())])];
    return {
      servers: this.servers.usedMs(this.serverPids),
      backends: this.backends.usedMs(backendPids),
      own: (own.user + own.system) / 1000,
    };
  }
}

async function startServers(
  db: BenchDatabase,
  processes: number,
  config: IngestBenchConfig,
  profileDir: string | undefined,
): Promise<ServerProcess[]> {
  const started = elapsed();
  const servers: ServerProcess[] = [];
  for (let i = 0; i < processes; i++) {
    const server = await startServer({
      databaseUrl: db.url,
      dataDir: db.dir,
      cpuProfileDir: profileDir,
      queryLog: config.queryLog,
    });
    servers.push(server);
    runningServers.add(server);
  }
  console.log(
    `  started ${servers.map((s) => `${s.url} (pid ${s.pid})`).join(', ')} in ${fmtMs(started())}`,
  );
  return servers;
}

async function measureServers(
  engine: EngineName,
  processes: number,
  config: IngestBenchConfig,
  workload: Workload,
): Promise<Figures> {
  const setup = `${processes} process${processes > 1 ? 'es' : ''}`;
  console.log(`\n=== ${engine}, ${setup} (cairn serve), ${config.connections} connections ===`);
  const db = await createBenchDatabase(engine, config.postgresAdminUrl);
  openDatabases.add(db);
  let servers: ServerProcess[] = [];
  const stopServers = async () => {
    await Promise.allSettled(servers.map((s) => s.stop()));
    servers.forEach((s) => runningServers.delete(s));
  };
  try {
    const { workspaceId, writeKey } = await createWriteKey(db);
    const profileDir =
      config.cpuProfileDir && join(config.cpuProfileDir, `${engine}-${processes}p`);
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    servers = await startServers(db, processes, config, profileDir);
    const ledger = new ResponseLedger();
    const send = (from: number, to: number) =>
      drive({
        urls: servers.map((s) => s.url),
        writeKey,
        workload,
        from,
        to,
        connections: config.connections,
        ledger,
      });
    const warm = await send(0, config.warmupBatches);
    console.log(
      `  warm-up: ${fmtCount(config.warmupBatches)} requests in ${fmtMs(warm.wallMs)} (not counted below)`,
    );
    const before = { handled: ledger.accepted + ledger.duplicates, accepted: ledger.accepted };
    const loadAtStart = load();
    const fromUs = monotonicUs();
    const cpu = await RunCpu.start(servers, db);
    const run = await send(config.warmupBatches, config.batches);
    const window = { fromUs, toUs: monotonicUs() };
    const used = await cpu.stop(db);
    const handled = ledger.accepted + ledger.duplicates - before.handled;
    const cpuMsPerEvent =
      used.servers > 0 && handled > 0 ? (used.servers + used.backends) / handled : undefined;
    const figures: Figures = {
      engine,
      setup,
      eventsPerSecond: perSecond(handled, run.wallMs),
      storedPerSecond: perSecond(ledger.accepted - before.accepted, run.wallMs),
      requestsPerSecond: perSecond(run.requests, run.wallMs),
      p50: run.latency.p50,
      p99: run.latency.p99,
      cpuMsPerEvent,
      failures: [],
    };
    console.log(
      `  measured: ${fmtCount(run.requests)} requests, ${fmtCount(handled)} items in ${fmtMs(run.wallMs)} (load average ${loadAtStart} -> ${load()})`,
    );
    console.log(
      `    ${fmtRate(figures.eventsPerSecond)} events/s (ACCEPTED + DUPLICATE items), of which ${fmtRate(figures.storedPerSecond)} stored/s; ${figures.requestsPerSecond.toFixed(1)} requests/s`,
    );
    console.log(
      `    latency p50 ${fmtMs(run.latency.p50)}, p99 ${fmtMs(run.latency.p99)}, max ${fmtMs(run.latency.max)}; non-2xx ${warm.non2xx + run.non2xx}, errors ${warm.errors + run.errors} (timeouts ${warm.timeouts + run.timeouts})`,
    );
    console.log(
      `    CPU time: servers ${fmtMs(used.servers)}${engine === 'postgres' ? `, PostgreSQL backends ${fmtMs(used.backends)}` : ''}, this process (load generator) ${fmtMs(used.own)}${cpuMsPerEvent === undefined ? '' : `; ${cpuMsPerEvent.toFixed(2)} ms per event, so one core's worth of CPU serves about ${fmtRate(1000 / cpuMsPerEvent)} events/s`}`,
    );

    await stopServers();
    const errorLogs = servers.flatMap((s) => s.errorLines());
    const failures = checkRun(
      workload,
      ledger,
      await storedCounts(db, workspaceId),
      warm.errors + run.errors,
      errorLogs,
    );
    if (errorLogs.length > 0) {
      const file = join(tmpdir(), `cairn-ingest-bench-${engine}-${processes}p-errors.log`);
      writeFileSync(file, errorLogs.join('\n') + '\n');
      console.log(`      the servers' error lines are in ${file}`);
    }
    if (profileDir) summarizeProfiles(profileDir, window);
    if (config.queryLog) printQueryTimes(servers, run.wallMs);
    return { ...figures, failures };
  } finally {
    await stopServers();
    openDatabases.delete(db);
    await db.drop();
  }
}

/** The statements' summed durations by shape, over all the servers (warm-up included). */
function printQueryTimes(servers: readonly ServerProcess[], wallMs: number): void {
  const all = new Map<string, QueryStat>();
  for (const server of servers)
    for (const [shape, stat] of server.queries) {
      const sum = all.get(shape) ?? { count: 0, ms: 0 };
      sum.count += stat.count;
      sum.ms += stat.ms;
      all.set(shape, sum);
    }
  const total = [...all.values()].reduce((sum, s) => sum + s.ms, 0);
  console.log(
    `  SQL statements as the ORM logs them (summed durations, ${fmtMs(total)} in all; the measured run took ${fmtMs(wallMs)} of wall time):`,
  );
  for (const [shape, stat] of [...all].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15))
    console.log(
      `    ${fmtMs(stat.ms).padStart(10)} ${fmtCount(stat.count).padStart(7)} x  ${shape}`,
    );
}

interface Baselines {
  readonly orm: number;
  readonly driver: number;
}

async function measureBaselines(
  engine: EngineName,
  config: IngestBenchConfig,
  workload: Workload,
): Promise<Baselines> {
  console.log(
    `\n=== ${engine}, baseline: bare multi-row INSERT of the same rows, ${config.batchSize} rows a statement, into a fresh database ===`,
  );
  const rates: Record<BaselineKind, number> = { orm: 0, driver: 0 };
  for (const kind of ['orm', 'driver'] as const) {
    const db = await createBenchDatabase(engine, config.postgresAdminUrl);
    openDatabases.add(db);
    try {
      const result = await bareInsertBaseline(db, kind, workload, {
        batchSize: config.batchSize,
        concurrency: config.connections,
      });
      rates[kind] = perSecond(result.rows, result.ms);
      const at = (q: number) =>
        result.latencies[
          Math.min(result.latencies.length - 1, Math.floor(q * result.latencies.length))
        ]!;
      const how =
        kind === 'orm'
          ? `through the ORM (em.insertMany), ${config.connections} at a time`
          : engine === 'sqlite'
            ? 'through better-sqlite3 alone (prepared statement), one at a time'
            : `through pg alone (prepared statement), ${config.connections} connections`;
      console.log(
        `  ${how}: ${fmtCount(result.rows)} rows in ${fmtMs(result.ms)}: ${fmtRate(rates[kind])} rows/s; statement p50 ${fmtMs(at(0.5))}, p99 ${fmtMs(at(0.99))} (load average ${load()})`,
      );
    } finally {
      openDatabases.delete(db);
      await db.drop();
    }
  }
  return rates;
}

function printSummary(
  rows: readonly Figures[],
  baselines: ReadonlyMap<EngineName, Baselines>,
  skipped: readonly string[],
): void {
  console.log('\n=== Summary ===');
  const header = [
    'engine'.padEnd(8),
    'setup'.padEnd(11),
    'events/s'.padStart(8),
    'target'.padStart(6),
    'met'.padEnd(7),
    'req/s'.padStart(6),
    'p50'.padStart(8),
    'p99'.padStart(9),
    'CPU/event'.padStart(9),
    'stored/s'.padStart(8),
    'INSERT ORM/s'.padStart(12),
    'ratio'.padStart(5),
    'INSERT driver/s'.padStart(15),
    'ratio'.padStart(5),
    ' checks',
  ];
  console.log(header.join(' '));
  for (const r of rows) {
    const target = TARGETS[r.engine];
    const b = baselines.get(r.engine);
    const ratio = (rate: number | undefined) =>
      rate === undefined ? '-' : (r.storedPerSecond / rate).toFixed(2);
    console.log(
      [
        r.engine.padEnd(8),
        r.setup.padEnd(11),
        fmtRate(r.eventsPerSecond).padStart(8),
        fmtCount(target).padStart(6),
        (r.eventsPerSecond >= target ? 'met' : 'not met').padEnd(7),
        r.requestsPerSecond.toFixed(1).padStart(6),
        fmtMs(r.p50).padStart(8),
        fmtMs(r.p99).padStart(9),
        (r.cpuMsPerEvent === undefined ? '-' : `${r.cpuMsPerEvent.toFixed(2)} ms`).padStart(9),
        fmtRate(r.storedPerSecond).padStart(8),
        (b ? fmtRate(b.orm) : '-').padStart(12),
        ratio(b?.orm).padStart(5),
        (b ? fmtRate(b.driver) : '-').padStart(15),
        ratio(b?.driver).padStart(5),
        ` ${r.failures.length === 0 ? 'ok' : `${r.failures.length} FAILED`}`,
      ].join(' '),
    );
  }
  console.log(
    'events/s: items answered ACCEPTED or DUPLICATE per second. CPU/event: CPU time of the server processes (and, on PostgreSQL, of its backends) per event.',
  );
  console.log(
    'ratio: events the server stores per second / rows the bare INSERT stores per second (the same rows), through the ORM and through the driver alone.',
  );
  for (const s of skipped) console.log(s);
}

async function main(): Promise<void> {
  const config = readConfig(process.env, DEFAULT_TEST_PG_URL);
  console.log(
    `Ingestion benchmark: Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}`,
  );
  console.log(`Load average at start: ${load()} (timings on a shared machine are noisy)`);
  const generated = elapsed();
  const workload = generateWorkload({
    batches: config.batches,
    batchSize: config.batchSize,
    people: config.people,
    replayShare: config.replayShare,
    now: Date.now(),
  });
  console.log(
    `Workload: ${fmtCount(config.batches)} requests of ${config.batchSize} items (${config.warmupBatches} of them warm-up) = ${fmtCount(workload.items)} items, ${(workload.bytes / 1e6).toFixed(1)} MB of JSON; ${fmtCount(workload.distinctMessages)} distinct messageIds + ${fmtCount(workload.replays)} replays; ${fmtCount(workload.people)} people of ${fmtCount(config.people)}; ${fmtCount(workload.orders)} orders (generated in ${fmtMs(generated())})`,
  );
  const total = elapsed();
  const rows: Figures[] = [];
  const baselines = new Map<EngineName, Baselines>();
  const skipped: string[] = [];
  for (const engine of config.engines) {
    if (engine === 'postgres' && !(await isPostgresReachable(config.postgresAdminUrl))) {
      skipped.push(
        `postgres skipped: no server answers at ${config.postgresAdminUrl} (set CAIRN_TEST_PG_URL).`,
      );
      continue;
    }
    const processCounts = engine === 'sqlite' ? [1] : config.processCounts;
    for (const processes of processCounts)
      rows.push(await measureServers(engine, processes, config, workload));
    baselines.set(engine, await measureBaselines(engine, config, workload));
  }
  printSummary(rows, baselines, skipped);
  console.log(`\nTotal ${fmtMs(total())}; load average at end: ${load()}`);
  const failures = rows.flatMap((r) => r.failures.map((f) => `${r.engine}, ${r.setup}: ${f}`));
  if (failures.length > 0) {
    console.error(`\nCorrectness checks failed:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}

await main();
