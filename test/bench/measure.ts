import { performance } from 'node:perf_hooks';

/**
 * Times one engine round by round. Engines are timed interleaved (round 1 of each, then round 2 of
 * each...), so load from other processes on a shared machine falls on all of them alike.
 */
export interface Timer {
  /** Evaluations in one timed round. */
  readonly perRound: number;
  /** Calibrates the round length and runs warm-up rounds (JIT). */
  warmUp(rounds: number): Promise<void>;
  /** One timed round: evaluations per second. */
  round(): Promise<number>;
}

/** A sink the loops write to, so no engine's work can be optimised away. */
export let checksum = 0;

type SyncLoop = (
  evaluate: (input: unknown) => boolean,
  inputs: readonly unknown[],
  reps: number,
) => number;

let loops = 0;

/**
 * A fresh loop function per engine: a shared loop's call site would see every engine's function
 * and go polymorphic, which favours the engine timed first. The source differs per loop (a numbered
 * comment): V8 caches `new Function` by its source and gives closures of the same source one
 * feedback vector, so identical text would share the call site after all.
 */
function freshLoop(): SyncLoop {
  return new Function(
    'evaluate',
    'inputs',
    'reps',
    `// loop ${loops++}\n` +
      'let m = 0; for (let r = 0; r < reps; r++) for (let i = 0; i < inputs.length; i++) if (evaluate(inputs[i])) m++; return m;',
  ) as SyncLoop;
}

/** A synchronous evaluator; fast ones repeat the inputs so that a round lasts about `roundMs`. */
export function syncTimer<T>(
  evaluate: (input: T) => boolean,
  inputs: readonly T[],
  roundMs = 200,
): Timer {
  const loop = freshLoop();
  const run = evaluate as (input: unknown) => boolean;
  let reps = 1;
  return {
    get perRound() {
      return inputs.length * reps;
    },
    async warmUp(rounds) {
      const t0 = performance.now();
      checksum += loop(run, inputs, 1);
      reps = Math.max(1, Math.round(roundMs / Math.max(performance.now() - t0, 0.01)));
      for (let i = 0; i < rounds; i++) checksum += loop(run, inputs, reps);
    },
    async round() {
      const t0 = performance.now();
      checksum += loop(run, inputs, reps);
      return (inputs.length * reps) / ((performance.now() - t0) / 1000);
    },
  };
}

/** An asynchronous evaluator, one awaited evaluation after another. */
export function asyncTimer<T>(
  evaluate: (input: T) => Promise<boolean>,
  inputs: readonly T[],
): Timer {
  const loop = async () => {
    let m = 0;
    for (const input of inputs) if (await evaluate(input)) m++;
    return m;
  };
  return {
    perRound: inputs.length,
    async warmUp(rounds) {
      for (let i = 0; i < Math.max(1, rounds); i++) checksum += await loop();
    },
    async round() {
      const t0 = performance.now();
      checksum += await loop();
      return inputs.length / ((performance.now() - t0) / 1000);
    },
  };
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Warms every timer up, then runs `rounds` interleaved rounds; returns each timer's rates. */
export async function timeInterleaved(
  timers: readonly Timer[],
  { warmupRounds = 3, rounds = 9 } = {},
): Promise<number[][]> {
  for (const timer of timers) await timer.warmUp(warmupRounds);
  const rates: number[][] = timers.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const [i, timer] of timers.entries()) rates[i]!.push(await timer.round());
  }
  return rates;
}
