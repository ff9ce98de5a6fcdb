/** The backtest window the marketer picks: the last days up to now, or dates of their own. */
export type WindowChoice =
  | { readonly kind: 'last'; readonly days: 7 | 30 | 90 }
  | { readonly kind: 'custom'; readonly from: string; readonly to: string };

/** The preset windows, in the order the picker lists them. */
export const WINDOW_PRESETS = [7, 30, 90] as const;

/** The server's limit on a backtest window. */
export const MAX_BACKTEST_DAYS = 400;
/** The server's limits on the sample. */
export const SAMPLE_LIMITS = { min: 1, max: 5_000, default: 500 } as const;

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type ReadWindow =
  | { readonly ok: true; readonly from: Date; readonly to: Date }
  | { readonly ok: false; readonly message: string };

/**
 * The instants a backtest replays between. Custom dates are local calendar days, from the start
 * of `from` to the end of `to` (never past `now`). Says what to fix when the window cannot run:
 * a date missing or malformed, `to` before `from`, longer than the server allows.
 *
 * @example
 * readWindow({ kind: 'last', days: 7 }, now) // { ok: true, from: now - 7 days, to: now }
 */
export function readWindow(choice: WindowChoice, now: Date): ReadWindow {
  if (choice.kind === 'last')
    return { ok: true, from: new Date(now.getTime() - choice.days * DAY), to: now };
  if (!DATE.test(choice.from) || !DATE.test(choice.to))
    return { ok: false, message: 'Pick both dates of the window (from and to).' };
  const from = new Date(`${choice.from}T00:00:00`);
  const end = new Date(`${choice.to}T23:59:59.999`);
  if (Number.isNaN(from.getTime()) || Number.isNaN(end.getTime()))
    return { ok: false, message: 'Pick both dates of the window (from and to).' };
  const to = end.getTime() > now.getTime() ? now : end;
  if (from.getTime() >= to.getTime())
    return { ok: false, message: 'The window must start before it ends, and before now.' };
  if (to.getTime() - from.getTime() > MAX_BACKTEST_DAYS * DAY)
    return {
      ok: false,
      message: `A backtest covers at most ${MAX_BACKTEST_DAYS} days; move the start closer.`,
    };
  return { ok: true, from, to };
}

/**
 * The sample size typed in, or what to fix.
 *
 * @example
 * readSampleSize('250') // { ok: true, size: 250 }
 */
export function readSampleSize(
  text: string,
): { readonly ok: true; readonly size: number } | { readonly ok: false; readonly message: string } {
  const size = Number(text);
  if (
    text.trim() === '' ||
    !Number.isInteger(size) ||
    size < SAMPLE_LIMITS.min ||
    size > SAMPLE_LIMITS.max
  )
    return {
      ok: false,
      message: `The sample is a whole number of customers from ${SAMPLE_LIMITS.min} to ${SAMPLE_LIMITS.max.toLocaleString('en')}.`,
    };
  return { ok: true, size };
}
