/**
 * Whole-table rule benchmark: counts a segment over every customer of a workspace in the
 * database (`countMatchingCustomers`, the rule compiled to SQL) on SQLite and PostgreSQL, first
 * without and then with the trait indexes a segment save creates (`ensureTraitIndex`), against
 * the baseline of loading the rows into JavaScript and filtering there, measured in the same run.
 * Data is generated inside the database (deterministic), into a temporary SQLite file and a
 * scratch PostgreSQL database, both deleted at the end. Prints figures, ratios and the issue's
 * targets; nothing asserts on timing. Aborts if any count differs from the interpreter's.
 *
 *   cd test && pnpm bench:segments
 *   BENCH_CUSTOMERS=20000 BENCH_EVENTS=100000 BENCH_SQLITE_EVENTS=100000 pnpm bench:segments
 *
 * Sizes and switches: see segment-sql/config.ts. Experiments (indexes, SQL shapes, settings that
 * the server does not have) run after the main figures and are labelled EXPERIMENT.
 */
import { cpus, loadavg } from 'node:os';
import { DEFAULT_TEST_PG_URL, isPostgresReachable } from '@cairn/server';
import { countMatchingCustomers } from '../../server/src/rules/rule-query';
import { ensureTraitIndex } from '../../server/src/rules/trait-indexes';
import { filterInJs, loadCompiler } from './segment-sql/baseline';
import type { BenchDb } from './segment-sql/bench-db';
import {
  NOW,
  WORKSPACES,
  readConfig,
  type BenchConfig,
  type EngineName,
} from './segment-sql/config';
import { runExperiments } from './segment-sql/experiments';
import { elapsed, fmtCount, fmtMs, timeRuns, type Timing } from './segment-sql/measure';
import { openPostgresBench } from './segment-sql/postgres-bench-db';
import { printSummary, type ResultRow } from './segment-sql/report';
import { benchRules, type BenchRule } from './segment-sql/rules';
import { openSqliteBench } from './segment-sql/sqlite-bench-db';

type Compile = Awaited<ReturnType<typeof loadCompiler>>;

/** Databases to delete if the run is interrupted (Ctrl-C): normal and failed runs use `finally`. */
const open = new Set<BenchDb>();
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    console.error(`\n${signal}: deleting the benchmark databases...`);
    void Promise.allSettled([...open].map((db) => db.close())).then(() => process.exit(130));
  });

async function sqlCounts(db: BenchDb, rules: readonly BenchRule[], runs: number, how: string) {
  console.log(`SQL: countMatchingCustomers ${how}, 1 warm-up + median of ${runs}`);
  const counts = new Map<string, Timing<number>>();
  for (const { key, rule } of rules) {
    const t = await timeRuns(runs, () =>
      countMatchingCustomers(db.orm.em.fork(), WORKSPACES.main, rule, { now: NOW }),
    );
    console.log(
      `  ${key.padEnd(13)} ${fmtCount(t.value).padStart(10)} customers  ${fmtMs(t.median).padStart(9)}  (min ${fmtMs(t.min)}, max ${fmtMs(t.max)})`,
    );
    counts.set(key, t);
  }
  return counts;
}

/**
 * The baseline: the rows each rule needs loaded into JavaScript (customers once, then the events
 * the event rules name) and filtered there. Aborts when a count differs from the SQL count.
 */
async function baseline(
  db: BenchDb,
  rules: readonly BenchRule[],
  sql: ReadonlyMap<string, Timing<number>>,
  compile: Compile,
  unindexed: ReadonlyMap<string, Timing<number>>,
): Promise<ResultRow[]> {
  console.log('Baseline: load into JavaScript (one pass), filter there');
  let took = elapsed();
  const customers = await db.loadCustomers();
  const customersMs = took();
  console.log(
    `  load customers (id, traits): ${fmtMs(customersMs)} (${fmtCount(customers.length)} rows)`,
  );
  const eventNames = [...new Set(rules.flatMap((r) => r.events))];
  let eventsMs = 0;
  const rows: ResultRow[] = [];
  for (const withEvents of [false, true]) {
    if (withEvents && eventNames.length > 0) {
      took = elapsed();
      const n = await db.loadEvents(customers, eventNames);
      eventsMs = took();
      console.log(
        `  load ${eventNames.join(', ')} events: ${fmtMs(eventsMs)} (${fmtCount(n)} rows)`,
      );
    }
    for (const rule of rules.filter((r) => r.events.length > 0 === withEvents)) {
      const filters = await filterInJs(rule.rule, customers, compile);
      const t = sql.get(rule.key)!;
      const shown = filters.map(
        (f) =>
          `${f.evaluator} ${fmtMs(f.ms)} (${f.how}; ${f.count === undefined ? 'agrees with compiled' : fmtCount(f.count)})`,
      );
      console.log(`  ${rule.key.padEnd(13)} ${shown.join(', ')}`);
      for (const f of filters)
        if (f.count !== undefined && f.count !== t.value)
          throw new Error(
            `${db.engine}, rule ${rule.key}: SQL counted ${t.value} customers, the ${f.evaluator} ${f.count}. The SQL compiler and the evaluators disagree: investigate before trusting any figure.`,
          );
      const loadMs = customersMs + (withEvents ? eventsMs : 0);
      const unindexedMs = unindexed.get(rule.key)!.median;
      rows.push({ engine: db.engine, rule, sql: t, unindexedMs, loadMs, filters });
    }
  }
  return rules.map((r) => rows.find((row) => row.rule.key === r.key)!);
}

async function benchEngine(
  engine: EngineName,
  config: BenchConfig,
  rules: readonly BenchRule[],
  compile: Compile,
): Promise<ResultRow[]> {
  const sizes = {
    customers: config.customers,
    otherCustomers: config.otherCustomers,
    events: config.events[engine],
  };
  console.log(`\n=== ${engine} ===\nGenerating data:`);
  const db =
    engine === 'sqlite'
      ? await openSqliteBench(sizes)
      : await openPostgresBench(config.postgresAdminUrl, sizes);
  open.add(db);
  try {
    console.log(db.version);
    const unindexed = await sqlCounts(db, rules, config.runs, 'without trait indexes');
    console.log('Trait indexes, as saving each rule as a segment ensures them (ensureTraitIndex):');
    for (const { key, rule } of rules) {
      const took = elapsed();
      const name = await ensureTraitIndex(db.orm.em.fork(), WORKSPACES.main, rule);
      console.log(
        `  ${key.padEnd(13)} ${name ?? 'none (no trait value to index)'}: ${fmtMs(took())}`,
      );
    }
    const sql = await sqlCounts(db, rules, config.runs, 'with the trait indexes');
    for (const { key } of rules)
      if (sql.get(key)!.value !== unindexed.get(key)!.value)
        throw new Error(
          `${engine}, rule ${key}: ${unindexed.get(key)!.value} customers without the trait index, ${sql.get(key)!.value} with it. The index changes the result: investigate before trusting any figure.`,
        );
    const rows = await baseline(db, rules, sql, compile, unindexed);
    if (config.experiments) await runExperiments(db, rules, sql);
    return rows;
  } finally {
    open.delete(db);
    await db.close();
  }
}

async function main(): Promise<void> {
  const config = readConfig(process.env, DEFAULT_TEST_PG_URL);
  const rules = benchRules();
  const compile = await loadCompiler();
  console.log(
    `Whole-table rule benchmark: Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}`,
  );
  console.log(
    `Customers: ${fmtCount(config.customers)} in the counted workspace + ${fmtCount(config.otherCustomers)} in another; events: ${config.engines.map((e) => `${e} ${fmtCount(config.events[e])}`).join(', ')}; now = ${new Date(NOW).toISOString()}`,
  );
  console.log(
    `Load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (timings on a shared machine are noisy)`,
  );
  console.log(
    `Compiled evaluator (compileRule): ${compile ? 'present' : 'absent, interpreter only'}`,
  );
  for (const r of rules) console.log(`  ${r.key.padEnd(13)} ${r.description}`);
  const total = elapsed();
  const rows: ResultRow[] = [];
  const skipped: string[] = [];
  for (const engine of config.engines) {
    if (engine === 'postgres' && !(await isPostgresReachable(config.postgresAdminUrl))) {
      skipped.push(
        `postgres skipped: no server answers at ${config.postgresAdminUrl} (set CAIRN_TEST_PG_URL).`,
      );
      continue;
    }
    rows.push(...(await benchEngine(engine, config, rules, compile)));
  }
  printSummary(rows, skipped);
  console.log(
    `\nTotal ${fmtMs(total())}; load average at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

await main();
