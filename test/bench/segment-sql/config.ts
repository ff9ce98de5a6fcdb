/** Sizes, switches and fixed constants of the whole-table rule benchmark, read once from the environment. */

/** The instant every rule is evaluated at; the data is generated relative to it, so runs are reproducible. */
export const NOW = Date.parse('2026-06-15T12:00:00Z');

/** The workspace every rule is counted in, and a smaller one whose rows the workspace filter must skip. */
export const WORKSPACES = {
  main: '00000000-0000-7000-8000-00000000000a',
  other: '00000000-0000-7000-8000-00000000000b',
} as const;

export type EngineName = 'sqlite' | 'postgres';

export interface BenchConfig {
  /** Customers in the main workspace. */
  readonly customers: number;
  /** Customers in the other workspace (a twentieth of the main one). */
  readonly otherCustomers: number;
  /** Events over both workspaces, per engine. */
  readonly events: Readonly<Record<EngineName, number>>;
  readonly engines: readonly EngineName[];
  /** Timed runs of each SQL count (after one warm-up); the median is reported. */
  readonly runs: number;
  /** Run the labelled experiments (indexes, SQL shapes, settings) after the main measurements. */
  readonly experiments: boolean;
  /** Server URL the scratch PostgreSQL database is created on. */
  readonly postgresAdminUrl: string;
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(
      `${name} must be a positive integer such as 1000000 or 1_000_000 (got "${raw}").`,
    );
  return value;
}

function engines(env: NodeJS.ProcessEnv): EngineName[] {
  const raw = env['BENCH_ENGINES'] ?? 'sqlite,postgres';
  const names = raw.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => n !== 'sqlite' && n !== 'postgres');
  if (unknown.length > 0)
    throw new Error(`BENCH_ENGINES lists sqlite and/or postgres, comma-separated (got "${raw}").`);
  return names as EngineName[];
}

/**
 *   BENCH_CUSTOMERS       customers in the main workspace (default 1,000,000)
 *   BENCH_EVENTS          events on PostgreSQL (default 10,000,000)
 *   BENCH_SQLITE_EVENTS   events on SQLite (default 2,000,000)
 *   BENCH_ENGINES         sqlite,postgres (default both)
 *   BENCH_RUNS            timed runs per SQL count (default 5)
 *   BENCH_EXPERIMENTS     0 to skip the experiments (default 1)
 *   CAIRN_TEST_PG_URL     PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test)
 */
export function readConfig(env: NodeJS.ProcessEnv, defaultPgUrl: string): BenchConfig {
  const customers = count(env, 'BENCH_CUSTOMERS', 1_000_000);
  return {
    customers,
    otherCustomers: Math.max(1, Math.round(customers / 20)),
    events: {
      postgres: count(env, 'BENCH_EVENTS', 10_000_000),
      sqlite: count(env, 'BENCH_SQLITE_EVENTS', 2_000_000),
    },
    engines: engines(env),
    runs: count(env, 'BENCH_RUNS', 5),
    experiments: env['BENCH_EXPERIMENTS'] !== '0',
    postgresAdminUrl: env['CAIRN_TEST_PG_URL'] || defaultPgUrl,
  };
}
