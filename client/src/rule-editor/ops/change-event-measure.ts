import {
  assertUnreachable,
  type Duration,
  type EventMeasure,
  type EventWindow,
  type NumberComparison,
} from '@cairn/schema';
import type { RuleDraft } from '../draft.types';
import { DEFAULT_DURATION } from '../predicates';
import { updateNode } from './update-node';

const DEFAULT_COMPARE: NumberComparison = { op: 'gte', value: 1 };
const DEFAULT_WINDOW: EventWindow = { type: 'last', duration: DEFAULT_DURATION };

/**
 * The measure of type `type`, keeping the window, comparison, property or duration of the
 * previous one where the new type has them.
 *
 * @example
 * reshapeMeasure(count30Days, 'sum', 'amount') // sum of amount, same window and comparison
 */
export function reshapeMeasure(
  previous: EventMeasure,
  type: EventMeasure['type'],
  defaultProperty = '',
): EventMeasure {
  const p = previous as Partial<Record<'window' | 'compare' | 'duration' | 'property', unknown>>;
  const window = (p.window as EventWindow | undefined) ?? DEFAULT_WINDOW;
  const compare = (p.compare as NumberComparison | undefined) ?? DEFAULT_COMPARE;
  const duration =
    (p.duration as Duration | undefined) ??
    (window.type === 'last' ? window.duration : DEFAULT_DURATION);
  switch (type) {
    case 'count':
      return { type, window, compare };
    case 'sum':
    case 'avg':
    case 'min':
    case 'max':
      return {
        type,
        property: (p.property as string | undefined) ?? defaultProperty,
        window,
        compare,
      };
    case 'firstOccurredWithin':
    case 'firstOccurredBefore':
    case 'lastOccurredWithin':
    case 'lastOccurredBefore':
      return { type, duration };
    default:
      return assertUnreachable(type);
  }
}

/**
 * The window of type `type`: the last 30 days, between two days (default: the last 30 days up to
 * `today`), or ever.
 */
export function reshapeWindow(
  previous: EventWindow,
  type: EventWindow['type'],
  today: string,
): EventWindow {
  if (previous.type === type) return previous;
  switch (type) {
    case 'last':
      return DEFAULT_WINDOW;
    case 'between':
      return { type, from: today, to: today };
    case 'ever':
      return { type };
    default:
      return assertUnreachable(type);
  }
}

/**
 * Replaces the measure of the event condition with this id by `update(measure)`.
 *
 * @example
 * changeEventMeasure(draft, 'e1', (m) => reshapeMeasure(m, 'lastOccurredWithin'))
 */
export function changeEventMeasure(
  draft: RuleDraft,
  id: string,
  update: (measure: EventMeasure) => EventMeasure,
): RuleDraft {
  return updateNode(draft, id, (node) =>
    node.kind === 'event' ? { ...node, measure: update(node.measure) } : node,
  );
}
