/**
 * The arithmetic of `nextChangeAt`: instants exact to the last bit of a double, the instants at
 * which part of a condition's input changes, and the sweep that finds the first one at which the
 * condition's result flips. Time is real-valued (Unix ms, possibly fractional), so an instant
 * "just after" a closed bound is the next double after it.
 */

/** A condition's result now and the first instant after now at which it may differ (`Infinity`: never by time alone). */
export interface Change {
  readonly result: boolean;
  readonly next: number;
}

/**
 * An instant at which part of a condition's input may change: the exact first instant of the new
 * state, so the condition evaluated there holds until the next breakpoint.
 */
export interface Breakpoint {
  readonly at: number;
  /** Which item (event, entry) changes there, for sweeps that keep state. */
  readonly index?: number;
}

const bits = new DataView(new ArrayBuffer(8));

/** The least double greater than `x` (NaN and +Infinity stay as they are). */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  bits.setFloat64(0, x);
  let hi = bits.getUint32(0);
  let lo = bits.getUint32(4);
  // Positive doubles grow with their bit pattern, negative ones shrink.
  if (x > 0) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi += 1;
  } else {
    if (lo === 0) hi -= 1;
    lo = (lo - 1) >>> 0;
  }
  bits.setUint32(0, hi);
  bits.setUint32(4, lo);
  return bits.getFloat64(0);
}

/** The greatest double less than `x`. */
export const nextDown = (x: number): number => -nextUp(-x);

/**
 * The least double at which `holds` is true, for a predicate that is false and then true for
 * ever (monotone), searched from a guess: `Infinity` when it never holds. Exact whatever the
 * rounding of the arithmetic inside `holds`, so a re-check scheduled there sees the change.
 */
export function firstTrue(holds: (u: number) => boolean, guess: number, step = 1): number {
  if (holds(guess)) {
    if (!holds(nextDown(guess))) return guess;
  } else if (holds(nextUp(guess))) return nextUp(guess);
  let lo = guess;
  let hi = guess;
  for (let s = step; holds(lo) && lo !== -Infinity; s *= 2) lo = guess - s;
  if (holds(lo)) return -Infinity;
  for (let s = step; !holds(hi) && hi !== Infinity; s *= 2) hi = guess + s;
  if (!holds(hi)) return Infinity;
  // Halve the bracket until its ends are neighbouring doubles.
  for (;;) {
    const mid = lo / 2 + hi / 2;
    if (!(mid > lo && mid < hi)) return hi;
    if (holds(mid)) hi = mid;
    else lo = mid;
  }
}

/**
 * The first instant `u` at which `u - d`, computed as the evaluators compute it, has passed `x`:
 * exceeds it (`strict`, e.g. the end of "withinLast d" of a date `x`) or reaches it (the start of
 * a score entry's effect at `now - d`).
 */
export function shiftedBoundary(x: number, d: number, strict: boolean): number {
  if (Number.isNaN(x)) return Infinity;
  // Exact arithmetic (whole milliseconds) puts it at x + d or the double after: no search. (No
  // closure on this path: it runs per event for every windowed condition a segment re-checks, and
  // tsx names each closure it creates, which cost more than the arithmetic.)
  const at = x + d;
  if (strict) {
    const after = nextUp(at);
    if (!(at - d > x) && after - d > x) return after;
    return firstTrue((u) => u - d > x, at);
  }
  if (at - d >= x && !(nextDown(at) - d >= x)) return at;
  return firstTrue((u) => u - d >= x, at);
}

const byTime = (a: Breakpoint, b: Breakpoint) => a.at - b.at;

/**
 * The first breakpoint after `now` at which `resultAt` differs from `result`, or `horizon`
 * (where the breakpoints stop being complete) when none does. Breakpoints are visited in time
 * order, all those at one instant together, so `resultAt` may keep state between calls; it
 * returns undefined when it cannot tell (too much work), and the sweep stops there: early, never
 * late.
 */
export function firstFlip(
  now: number,
  result: boolean,
  points: readonly Breakpoint[],
  resultAt: (at: number, changed: readonly Breakpoint[]) => boolean | undefined,
  horizon = Infinity,
): number {
  const ahead: Breakpoint[] = [];
  for (const p of points) if (p.at > now && p.at < horizon) ahead.push(p);
  ahead.sort(byTime);
  const changed: Breakpoint[] = [];
  for (let i = 0; i < ahead.length;) {
    const at = ahead[i]!.at;
    changed.length = 0;
    while (i < ahead.length && ahead[i]!.at === at) changed.push(ahead[i++]!);
    if (resultAt(at, changed) !== result) return at;
  }
  return horizon;
}

/**
 * A group's result and next change from its children's. A group is decided by the children
 * holding its decisive value (false for `all`, true for `any`): it keeps its result until the
 * last of them may change. Without one, the first change of any child may flip it.
 */
export function combine(kind: 'all' | 'any', children: readonly Change[]): Change {
  const decisive = kind === 'any';
  let deciding = false;
  let latest = -Infinity;
  let earliest = Infinity;
  for (const c of children) {
    earliest = Math.min(earliest, c.next);
    if (c.result === decisive) {
      deciding = true;
      latest = Math.max(latest, c.next);
    }
  }
  return deciding ? { result: decisive, next: latest } : { result: !decisive, next: earliest };
}
