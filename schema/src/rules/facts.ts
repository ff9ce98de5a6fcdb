/**
 * What the evaluators know about one customer. The server builds it from the database; tests and
 * simulations build it by hand. Times are Unix milliseconds.
 */
export interface EventFact {
  readonly id?: string;
  readonly name: string;
  readonly occurredAt: number;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** A lead-score model's history, oldest first; the current value is the last entry at or before now. */
export interface ScoreFact {
  readonly history: ReadonlyArray<{ readonly at: number; readonly value: number }>;
}

export interface CustomerFacts {
  readonly id: string;
  readonly email?: string | null;
  readonly createdAt?: number;
  readonly traits: Readonly<Record<string, unknown>>;
  readonly events: readonly EventFact[];
  readonly scores?: Readonly<Record<string, ScoreFact>>;
  /** Latest consent state per channel: true when granted. */
  readonly consent?: Readonly<Record<string, boolean>>;
  /** Ids of the segments the customer is a member of. */
  readonly segments?: readonly string[];
  /**
   * What the rules' event conditions measure over `events`, computed beforehand (by
   * `eventAggregates`, or by the database) for one instant. The compiled evaluator reads a
   * condition's value here when `at` is the evaluation's `now` (and, for a condition with a
   * `where` filter, `timeZone` its time zone), and counts over `events` otherwise; the
   * interpreter always reads `events`.
   */
  readonly aggregates?: EventAggregates;
}

/** Event conditions' measured values (`measureEvents`) at `at`, by `aggregateKey`. */
export interface EventAggregates {
  readonly at: number;
  readonly timeZone: string;
  readonly values: Readonly<Record<string, number | null>>;
}

export interface EvaluationOptions {
  /** The instant of evaluation (Unix ms): time is never read from a clock. */
  readonly now: number;
  /** IANA time zone for calendar questions (anniversaries), e.g. the customer's. Default UTC. */
  readonly timeZone?: string;
}
