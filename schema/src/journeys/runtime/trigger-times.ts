import { assertUnreachable } from '../../assert-unreachable';
import { interpret } from '../../rules/explain';
import type { CustomerFacts } from '../../rules/facts';
import type { TriggerSpec } from '../journey.types';
import { nextLocalTime } from '../local-time';

const DAY = 86_400_000;

type Timed = Extract<TriggerSpec, { type: 'schedule' | 'dateTrait' }>;

/**
 * The instants in (from, to] when a clock in `zone` shows a schedule's (or date trigger's) time on
 * an allowed day; at most 400.
 *
 * @example
 * triggerOccurrences({ type: 'schedule', time: '09:00' }, from, from + 2 * DAY, 'Europe/Paris').length // 2
 */
export function triggerOccurrences(spec: Timed, from: number, to: number, zone: string): number[] {
  const out: number[] = [];
  const weekdays = spec.type === 'schedule' ? spec.weekdays : undefined;
  for (
    let at = nextLocalTime(from + 1, spec.time, weekdays, zone);
    at <= to && out.length < 400;
    at = nextLocalTime(at + 60_000, spec.time, weekdays, zone)
  )
    out.push(at);
  return out;
}

/**
 * Whether a score change crosses a threshold: `above` when it reaches it from below, `below`
 * when it drops under it from at or above. The meaning of the `scoreThreshold` trigger, and of a
 * scoring model's MQL threshold.
 *
 * @example
 * crossesThreshold(40, 55, 50, 'above') // true
 * crossesThreshold(55, 60, 50, 'above') // false: it was already above
 */
export function crossesThreshold(
  before: number,
  after: number,
  threshold: number,
  direction: 'above' | 'below',
): boolean {
  return direction === 'above'
    ? before < threshold && after >= threshold
    : before >= threshold && after < threshold;
}

/** A customer's entry into or exit from a segment, as the segment transitions record it. */
export interface SegmentTransitionFact {
  readonly segmentId: string;
  readonly kind: 'entered' | 'exited';
  readonly at: number;
}

/**
 * When a trigger other than an event fired for a customer in [from, to], from their history:
 * segment transitions, score crossings in the score history (no score counts as 0), the local
 * occurrences of a schedule (for the segment's members today) or of a date trait's day, and the
 * window's start for an API trigger. Event triggers are found in the events themselves: [].
 *
 * @example
 * triggerInstants({ type: 'api' }, facts, { from, to }, 'UTC') // [from]
 */
export function triggerInstants(
  spec: TriggerSpec,
  facts: CustomerFacts,
  window: { readonly from: number; readonly to: number },
  timeZone: string,
  transitions: readonly SegmentTransitionFact[] = [],
): number[] {
  const inWindow = (at: number) => at >= window.from && at <= window.to;
  switch (spec.type) {
    case 'event':
      return [];
    case 'segmentEntered':
    case 'segmentExited': {
      const kind = spec.type === 'segmentEntered' ? 'entered' : 'exited';
      return transitions
        .filter((t) => t.segmentId === spec.segmentId && t.kind === kind && inWindow(t.at))
        .map((t) => t.at)
        .sort((a, b) => a - b);
    }
    case 'scoreThreshold': {
      const out: number[] = [];
      let before = 0;
      for (const h of facts.scores?.[spec.model]?.history ?? []) {
        if (inWindow(h.at) && crossesThreshold(before, h.value, spec.threshold, spec.direction))
          out.push(h.at);
        before = h.value;
      }
      return out;
    }
    case 'schedule':
      if (spec.segmentId && !(facts.segments ?? []).includes(spec.segmentId)) return [];
      return triggerOccurrences(spec, window.from - 1, window.to, timeZone);
    case 'dateTrait':
      return triggerOccurrences(spec, window.from - 1, window.to, timeZone).filter((at) =>
        interpret(
          {
            version: 1,
            root: {
              kind: 'trait',
              path: spec.path,
              type: 'date',
              op: 'anniversaryWithin',
              days: 0,
            },
          },
          facts,
          { now: at - spec.offsetDays * DAY, timeZone },
        ),
      );
    case 'api':
      return [window.from];
    default:
      return assertUnreachable(spec);
  }
}
