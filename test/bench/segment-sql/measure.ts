import { performance } from 'node:perf_hooks';

/** Starts a stopwatch; the returned function reads the milliseconds since. */
export function elapsed(): () => number {
  const t0 = performance.now();
  return () => performance.now() - t0;
}

export const fmtCount = (n: number): string => n.toLocaleString('en-US');
export const fmtMs = (ms: number): string =>
  `${ms.toLocaleString('en-US', { maximumFractionDigits: ms < 10 ? 1 : 0 })} ms`;

/** Runs a step, printing how long it took. */
export function phase<T>(label: string, run: () => T): T {
  const took = elapsed();
  const value = run();
  console.log(`  ${label}: ${fmtMs(took())}`);
  return value;
}

export async function phaseAsync<T>(label: string, run: () => Promise<T>): Promise<T> {
  const took = elapsed();
  const value = await run();
  console.log(`  ${label}: ${fmtMs(took())}`);
  return value;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export interface Timing<T> {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** What the last run returned (every run must return the same). */
  readonly value: T;
}

/** One warm-up run, then the median of `runs` timed runs; every run must return the same value. */
export async function timeRuns<T>(runs: number, run: () => Promise<T> | T): Promise<Timing<T>> {
  const first = await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const took = elapsed();
    const value = await run();
    times.push(took());
    if (value !== first)
      throw new Error(`A repeated run returned ${String(value)} after ${String(first)}.`);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), value: first };
}
