import type { JourneyNodeKind } from '@cairn/schema';
import { STEP_KINDS } from '../../journeys/canvas/step-meta';
import { formatDateTime } from '../format';

/** What the status of a journey entry is read from (fields of the API's `JourneyEnrollment`). */
export interface JourneyEntryState {
  /** `active` or `exited`. */
  readonly status: string;
  /** `exit`, `goal`, `archived` or `stepLimit` once exited. */
  readonly exitReason?: string | null;
  readonly convertedAt?: string | null;
  /** When the wait at the current step ends at the latest. */
  readonly waitingUntil?: string | null;
  /** For a wait for an event: which event ends it. */
  readonly awaiting?: string | null;
}

/** How an entry is shown: waiting, completed, exited early, converted; `active` otherwise. */
export type EntryTone = 'active' | 'waiting' | 'completed' | 'exited' | 'converted';

export interface EntryStatus {
  readonly tone: EntryTone;
  readonly label: string;
}

const EXIT_REASONS: Readonly<Record<string, string>> = {
  archived: 'Exited: the journey was archived',
  stepLimit: 'Exited: too many steps in a row',
};

/**
 * A journey entry's status in words: converted (a goal was reached), waiting until a time or for
 * an event, completed (it reached an exit step), or exited for another reason.
 *
 * @example
 * entryStatus({ status: 'active', waitingUntil: '2026-11-23T10:05:00Z' })
 * // { tone: 'waiting', label: 'Waiting until 23 Nov 2026, 10:05' } (in the reader's locale)
 */
export function entryStatus(
  e: JourneyEntryState,
  formatTime: (iso: string) => string = formatDateTime,
): EntryStatus {
  if (e.convertedAt)
    return {
      tone: 'converted',
      label:
        e.status === 'active'
          ? `Converted ${formatTime(e.convertedAt)}, still in the journey`
          : `Converted ${formatTime(e.convertedAt)}`,
    };
  if (e.status === 'active') {
    const event = e.awaiting ? ` for “${e.awaiting}”` : '';
    if (e.waitingUntil)
      return { tone: 'waiting', label: `Waiting${event} until ${formatTime(e.waitingUntil)}` };
    if (event) return { tone: 'waiting', label: `Waiting${event}` };
    return { tone: 'active', label: 'Active' };
  }
  if (e.exitReason === 'exit' || e.exitReason === 'goal')
    return { tone: 'completed', label: 'Completed' };
  return {
    tone: 'exited',
    label:
      (e.exitReason && EXIT_REASONS[e.exitReason]) ??
      `Exited${e.exitReason ? ` (${e.exitReason})` : ''}`,
  };
}

const isStepKind = (kind: string): kind is JourneyNodeKind => Object.hasOwn(STEP_KINDS, kind);

/**
 * The current step as the marketer named it; an unnamed step by its kind and id; a step the
 * version's graph does not have (never expected) by its id.
 *
 * @example
 * stepName({ nodeId: 'wait-order', stepLabel: 'Wait for an order', stepKind: 'wait' }) // 'Wait for an order'
 * stepName({ nodeId: 'n3', stepLabel: null, stepKind: 'wait' }) // 'Wait step (n3)'
 */
export function stepName(step: {
  readonly nodeId: string;
  readonly stepLabel?: string | null;
  readonly stepKind?: string | null;
}): string {
  if (step.stepLabel) return step.stepLabel;
  if (step.stepKind && isStepKind(step.stepKind))
    return `${STEP_KINDS[step.stepKind].title} step (${step.nodeId})`;
  return step.nodeId;
}
