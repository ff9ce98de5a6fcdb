import { assertUnreachable, type ScoreMeasure } from '@cairn/schema';
import { DEFAULT_DURATION } from '../predicates';

/**
 * The score measure of type `type`, keeping the comparison and window where the new type has them.
 *
 * @example
 * reshapeScoreMeasure({ type: 'hasScore' }, 'current') // { type: 'current', compare: { op: 'gte', value: 50 } }
 */
export function reshapeScoreMeasure(
  previous: ScoreMeasure,
  type: ScoreMeasure['type'],
): ScoreMeasure {
  const compare =
    previous.type === 'hasScore' ? { op: 'gte' as const, value: 50 } : previous.compare;
  switch (type) {
    case 'current':
      return { type, compare };
    case 'hasScore':
      return { type };
    case 'change':
      return {
        type,
        duration: previous.type === 'change' ? previous.duration : DEFAULT_DURATION,
        compare,
      };
    default:
      return assertUnreachable(type);
  }
}
