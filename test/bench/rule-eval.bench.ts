/**
 * Rule-evaluation benchmark: one segment rule over synthetic profiles in Cairn's compiled evaluator,
 * its interpreter, a hand-written JavaScript predicate (the baseline), json-logic-js,
 * json-logic-engine and json-rules-engine, on two inputs: the profiles with raw events (each engine
 * counts them), then each profile with its event aggregates (`eventAggregates`, computed untimed;
 * the issue's input, on which its targets are stated). Checks every engine's verdicts against the
 * hand-written predicate on the raw events first, then prints median evaluations per second.
 * Figures only: nothing asserts on timing.
 *
 *   cd test && pnpm bench:rules                  # or: pnpm exec tsx bench/rule-eval.bench.ts
 *   BENCH_PROFILES=20000 pnpm bench:rules        # fewer profiles (default 100000)
 *   BENCH_SLOW_PROFILES=2000 pnpm bench:rules    # profiles timed for slow engines (default 10000)
 *   BENCH_ROUNDS=15 pnpm bench:rules             # timed rounds per engine (default 9)
 */
import { cpus, loadavg } from 'node:os';
import { checksum, median, timeInterleaved } from './measure';
import {
  aggregateEngines,
  benchEngines,
  handWritten,
  NOW,
  type BenchEngine,
} from './rule-eval/engines';
import { syntheticProfiles } from './rule-eval/profiles';

const PROFILES = Number(process.env['BENCH_PROFILES'] ?? 100_000);
const SLOW_PROFILES = Math.min(PROFILES, Number(process.env['BENCH_SLOW_PROFILES'] ?? 10_000));
const TARGETS = { vsHandWritten: 0.8, vsJsonRulesEngine: 1_000 };
const WARMUP_ROUNDS = 3;
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 9);

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (n: number) =>
  n >= 100 ? `${fmt(n)}x` : n >= 10 ? `${fmt(n, 1)}x` : `${fmt(n, 2)}x`;

async function checkVerdicts(
  engines: readonly BenchEngine[],
  profiles: Parameters<typeof handWritten>[0][],
): Promise<void> {
  const expected = profiles.map(handWritten);
  console.log(
    `Verdicts (all ${fmt(profiles.length)} profiles, against the hand-written predicate):`,
  );
  for (const engine of engines) {
    const got = await engine.verdicts(profiles);
    const wrong = got.flatMap((v, i) => (v === expected[i] ? [] : [i]));
    console.log(
      `  ${engine.name.padEnd(40)} ${fmt(got.filter(Boolean).length).padStart(8)} matches${wrong.length ? `  ${wrong.length} DISAGREE` : ''}`,
    );
    if (wrong.length > 0) {
      const sample = wrong
        .slice(0, 3)
        .map((i) => `${JSON.stringify(profiles[i])} → ${got[i]}, expected ${expected[i]}`);
      throw new Error(
        `${engine.name} disagrees with the hand-written predicate on ${wrong.length} profiles, e.g.\n${sample.join('\n')}`,
      );
    }
  }
}

async function main(): Promise<void> {
  console.log(
    `Rule-evaluation benchmark: Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg()[0]!.toFixed(2)}`,
  );
  console.log(
    'Rule: ((country in [US,CA] and ltv > 500) or (leadScore >= 60 and not lastSeenDaysAgo > 60)) and email_click count >= 2 (ever)',
  );
  const profiles = syntheticProfiles(PROFILES, NOW);
  const onEvents = await measure(
    'the profiles as stored: traits and raw events (every engine counts email_click)',
    benchEngines(SLOW_PROFILES),
    profiles,
  );
  const onAggregates = await measure(
    "each profile with its event aggregates (the issue's input: `eventAggregates` once per profile, untimed; every engine reads the count)",
    aggregateEngines(SLOW_PROFILES, profiles),
    profiles,
  );

  console.log('\nTargets (the issue: "evaluates one profile with its event aggregates"):');
  for (const [label, r] of [
    ['with event aggregates', onAggregates],
    ['on raw events        ', onEvents],
  ] as const) {
    console.log(
      `  ${label}: compiled ${ratio(r.compiled / r.hand)} of hand-written (target >= ${TARGETS.vsHandWritten}x): ${r.compiled / r.hand >= TARGETS.vsHandWritten ? 'met' : 'NOT met'}; ` +
        `${ratio(r.compiled / r.jre)} json-rules-engine (target >= ${fmt(TARGETS.vsJsonRulesEngine)}x): ${r.compiled / r.jre >= TARGETS.vsJsonRulesEngine ? 'met' : 'NOT met'}`,
    );
  }
  console.log(
    'Notes: profiles are deterministic (mulberry32); 2-5% of each numeric trait is null (missing).',
  );
  console.log(
    '       On raw events the JsonLogic engines count email_click on the events array with filter + reduce.',
  );
  console.log(
    '       "toJsonLogic export" rows run the exported traits part (type guards keep Cairn semantics) with the same count.',
  );
  console.log(
    `       json-rules-engine runs each profile as facts (on raw events with a dynamic emailClicks fact); it and the interpreter are timed over ${fmt(SLOW_PROFILES)} profiles.`,
  );
  console.log(`       (load average now ${loadavg()[0]!.toFixed(2)}; checksum ${checksum})`);
}

/** Checks and times one set of engines on one input; prints its table. */
async function measure(
  input: string,
  engines: readonly BenchEngine[],
  profiles: Parameters<typeof handWritten>[0][],
): Promise<{ hand: number; compiled: number; jre: number }> {
  console.log(`\n=== Input: ${input} ===`);
  await checkVerdicts(engines, profiles);

  const timed = engines.map((e) => e.timedProfiles ?? profiles.length);
  const timers = engines.map((e, i) => e.timer(profiles.slice(0, timed[i])));
  console.log(
    `\nTiming: ${WARMUP_ROUNDS} warm-up rounds each, then ${ROUNDS} rounds interleaved across engines (median):`,
  );
  const rates = await timeInterleaved(timers, { warmupRounds: WARMUP_ROUNDS, rounds: ROUNDS });
  const results = engines.map((e, i) => ({
    name: e.name,
    perSecond: median(rates[i]!),
    timed: timed[i]!,
  }));
  for (const [i, r] of results.entries()) {
    const spread = `${fmt(Math.min(...rates[i]!))}-${fmt(Math.max(...rates[i]!))}/s`;
    console.log(
      `  ${r.name.padEnd(40)} ${fmt(timers[i]!.perRound).padStart(10)} evaluations/round over ${fmt(r.timed)} profiles; rounds ${spread}`,
    );
  }

  const by = (prefix: string) => results.find((r) => r.name.startsWith(prefix))!.perSecond;
  const hand = by('hand-written');
  const compiled = by('Cairn compiled');
  const header = ['engine', 'evaluations/s', 'vs hand-written', 'compiled vs it'];
  const rows = results.map((r) => [
    r.name,
    fmt(r.perSecond),
    ratio(r.perSecond / hand),
    ratio(compiled / r.perSecond),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(
    `\n${line(header)}\n|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const row of rows) console.log(line(row));
  return { hand, compiled, jre: by('json-rules-engine') };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
