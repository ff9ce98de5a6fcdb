/** Sizes and switches of the ingestion benchmark, read once from the environment. */

export type EngineName = 'sqlite' | 'postgres';

export interface IngestBenchConfig {
  /** Requests (batches) sent per measured configuration, warm-up included. */
  readonly batches: number;
  /** Items per request. */
  readonly batchSize: number;
  /** Share of the items that replay an earlier messageId (they must come back as DUPLICATE). */
  readonly replayShare: number;
  /** People the events are spread over. */
  readonly people: number;
  /** Concurrent HTTP connections (autocannon), also the baseline's concurrent inserts. */
  readonly connections: number;
  /** Batches sent first and not timed (JIT, caches, the catalog's first rows). */
  readonly warmupBatches: number;
  readonly engines: readonly EngineName[];
  /** PostgreSQL: app processes sharing the database, one measurement each (default 1 and 2). */
  readonly processCounts: readonly number[];
  /** When set, the servers run with `--cpu-prof` and write their profiles to this folder. */
  readonly cpuProfileDir: string | undefined;
  /** The servers log every SQL statement with its duration; the benchmark sums them by shape. */
  readonly queryLog: boolean;
  /** Server URL the scratch PostgreSQL databases are created on. */
  readonly postgresAdminUrl: string;
}

/** Events per second per engine that the issue asks of this 2-core machine. */
export const TARGETS: Readonly<Record<EngineName, number>> = { sqlite: 2_000, postgres: 5_000 };

function count(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < min)
    throw new Error(`${name} must be an integer from ${min}, such as 600 (got "${raw}").`);
  return value;
}

function list(env: NodeJS.ProcessEnv, name: string, fallback: string): string[] {
  return (env[name] ?? fallback).split(',').map((s) => s.trim());
}

/**
 *   BENCH_INGEST_BATCHES       requests of BENCH_INGEST_BATCH_SIZE items per configuration (default 600)
 *   BENCH_INGEST_BATCH_SIZE    items per request (default 100)
 *   BENCH_INGEST_PEOPLE        people the events are spread over (default 5,000)
 *   BENCH_INGEST_REPLAYS       percentage of items that replay an earlier messageId (default 10)
 *   BENCH_INGEST_CONNECTIONS   concurrent connections (default 8)
 *   BENCH_INGEST_PROCESSES     PostgreSQL app processes, one measurement per entry (default 1,2)
 *   BENCH_INGEST_CPU_PROF      folder: run the servers with --cpu-prof and write the profiles there
 *   BENCH_INGEST_QUERY_LOG     1: the servers log each SQL statement (LOG_LEVEL=trace; slower), and
 *                              the time is summed by statement shape
 *   BENCH_ENGINES              sqlite,postgres (default both)
 *   CAIRN_TEST_PG_URL          PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test)
 */
export function readConfig(env: NodeJS.ProcessEnv, defaultPgUrl: string): IngestBenchConfig {
  const batches = count(env, 'BENCH_INGEST_BATCHES', 600, 2);
  const connections = Math.min(count(env, 'BENCH_INGEST_CONNECTIONS', 8), batches);
  const engines = list(env, 'BENCH_ENGINES', 'sqlite,postgres');
  if (engines.some((e) => e !== 'sqlite' && e !== 'postgres'))
    throw new Error(`BENCH_ENGINES lists sqlite and/or postgres, comma-separated.`);
  const processCounts = list(env, 'BENCH_INGEST_PROCESSES', '1,2').map(Number);
  if (processCounts.some((n) => !Number.isInteger(n) || n < 1 || n > 8))
    throw new Error('BENCH_INGEST_PROCESSES lists process counts from 1 to 8, e.g. "1,2".');
  const replays = count(env, 'BENCH_INGEST_REPLAYS', 10, 0);
  if (replays > 50) throw new Error('BENCH_INGEST_REPLAYS is a percentage from 0 to 50.');
  return {
    batches,
    batchSize: count(env, 'BENCH_INGEST_BATCH_SIZE', 100),
    replayShare: replays / 100,
    people: count(env, 'BENCH_INGEST_PEOPLE', 5_000),
    connections,
    // At least one request per connection, and a tenth of the run at most.
    warmupBatches: Math.max(1, Math.min(connections * 2, Math.floor(batches / 10))),
    engines: engines as EngineName[],
    processCounts,
    cpuProfileDir: env['BENCH_INGEST_CPU_PROF'] || undefined,
    queryLog: env['BENCH_INGEST_QUERY_LOG'] === '1',
    postgresAdminUrl: env['CAIRN_TEST_PG_URL'] || defaultPgUrl,
  };
}
