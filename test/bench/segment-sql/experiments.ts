/**
 * Experiments: what the compiler or the migrations could change to meet the targets, measured on
 * the benchmark's own connection against the unchanged query (the control) measured the same
 * way. Indexes, tables and columns created here exist in the scratch database only; each is
 * dropped before the next experiment, except the last (generated columns), deleted with it.
 */
import type { BenchDb, BoundSql } from './bench-db';
import { elapsed, fmtCount, fmtMs, median, type Timing } from './measure';
import { printTable } from './report';
import type { BenchRule } from './rules';
import { postgresExperiments } from './experiments-postgres';
import { sqliteExperiments } from './experiments-sqlite';

interface ExperimentRow {
  readonly label: string;
  readonly rule: string;
  readonly ms: number;
  readonly runs: number;
  readonly count: number;
  readonly control: boolean;
}

/** Times queries (a warm-up, then up to 3 runs within about 4 s) and checks each count. */
export class ExperimentLog {
  private readonly rows: ExperimentRow[] = [];
  private readonly controls = new Map<string, number>();

  constructor(
    readonly db: BenchDb,
    readonly rules: readonly BenchRule[],
    private readonly expected: ReadonlyMap<string, Timing<number>>,
  ) {}

  rule(key: string): BenchRule {
    const rule = this.rules.find((r) => r.key === key);
    if (!rule) throw new Error(`No benchmark rule "${key}".`);
    return rule;
  }

  /** Times the unchanged query of a rule on this connection: what the rule's experiments compare with. */
  control(ruleKey: string, query: BoundSql, label = 'control: the server query'): Promise<number> {
    return this.measure(label, ruleKey, query, true);
  }

  /** Times a variant of a rule's query (its control must have been measured). */
  async measure(label: string, ruleKey: string, query: BoundSql, control = false): Promise<number> {
    const expected = this.expected.get(ruleKey)?.value;
    const first = await this.db.count(query);
    if (first !== expected)
      throw new Error(
        `Experiment "${label}" on ${ruleKey} counted ${first}, the server's query ${expected}: the variant is not equivalent.`,
      );
    const times: number[] = [];
    const budget = elapsed();
    while (times.length < 3 && (times.length === 0 || budget() < 4_000)) {
      const took = elapsed();
      await this.db.count(query);
      times.push(took());
    }
    const ms = median(times);
    if (control) this.controls.set(ruleKey, ms);
    else if (!this.controls.has(ruleKey))
      throw new Error(`Measure the control of ${ruleKey} before its experiments.`);
    this.rows.push({ label, rule: ruleKey, ms, runs: times.length, count: first, control });
    console.log(`  ${ruleKey.padEnd(13)} ${label}: ${fmtMs(ms)} (${times.length} runs)`);
    return ms;
  }

  /** Runs a set-up statement (an index, a setting), printing how long it took. */
  async setup(label: string, ...statements: string[]): Promise<void> {
    const took = elapsed();
    for (const s of statements) await this.db.exec(s);
    console.log(`  set-up: ${label} (${fmtMs(took())})`);
  }

  async plan(title: string, query: BoundSql, analyze: boolean): Promise<void> {
    console.log(`  plan: ${title}`);
    for (const line of await this.db.explain(query, analyze)) console.log(`    ${line}`);
  }

  print(): void {
    console.log(
      `\nExperiments on ${this.db.engine} (warm-up + median of up to 3 runs; vs control = the unchanged query on the same connection)`,
    );
    printTable(
      [
        ['rule', 'experiment', 'count', 'ms', 'vs control'],
        ...this.rows.map((r) => {
          const ratio = this.controls.get(r.rule)! / r.ms;
          return [
            r.rule,
            r.label,
            fmtCount(r.count),
            r.ms.toLocaleString('en-US', { maximumFractionDigits: r.ms < 10 ? 1 : 0 }),
            r.control
              ? 'control'
              : ratio >= 1
                ? `${ratio.toFixed(1)}x faster`
                : `${(1 / ratio).toFixed(1)}x slower`,
          ];
        }),
      ],
      [2, 3, 4],
    );
  }
}

export async function runExperiments(
  db: BenchDb,
  rules: readonly BenchRule[],
  sql: ReadonlyMap<string, Timing<number>>,
): Promise<void> {
  console.log(
    `EXPERIMENTS on ${db.engine} (changes the server does not have; see experiments-${db.engine}.ts)`,
  );
  const log = new ExperimentLog(db, rules, sql);
  if (db.engine === 'sqlite') await sqliteExperiments(log);
  else await postgresExperiments(log);
  log.print();
}
