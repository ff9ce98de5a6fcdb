/**
 * Undo/redo over immutable snapshots. Every recorded change pushes the state before it; a run of
 * transient changes (a drag) is recorded once, when it is committed, from where it started.
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** The state before the transient changes in progress, if any. */
  readonly anchor?: T;
}

/** How a change enters the history. */
export type Record = 'record' | 'transient' | 'commit' | 'skip';

/** At most this many undo steps are kept. */
export const HISTORY_LIMIT = 200;

export const startHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] });

/**
 * The history after `next` becomes the present. `record` makes it one undo step; `transient`
 * replaces the present (a drag in progress) and remembers where the run began; `commit` ends such
 * a run as one step; `skip` changes the present without an undo step (selection, measurements).
 *
 * @example
 * redo(undo(push(startHistory(a), b, 'record'))).present // b
 */
export function push<T>(history: History<T>, next: T, mode: Record): History<T> {
  if (next === history.present && mode !== 'commit') return history;
  switch (mode) {
    case 'skip':
      return { ...history, present: next };
    case 'transient':
      return { ...history, present: next, anchor: history.anchor ?? history.present };
    case 'record':
    case 'commit': {
      const before = history.anchor ?? history.present;
      if (before === next) return { past: history.past, present: next, future: history.future };
      return { past: [...history.past, before].slice(-HISTORY_LIMIT), present: next, future: [] };
    }
  }
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
  };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest };
}
