import {
  compileRule,
  crossesThreshold,
  nextChangeAt,
  type CompiledRule,
  type CustomerFacts,
} from '@cairn/schema';
import type { ScoreRuleSpec } from '../../db/entities';

const DAY = 86_400_000;

/** A model ready to score: its rules compiled once, its decay in milliseconds. */
export interface ScoringPlan {
  readonly key: string;
  readonly segmentId: string | null;
  readonly rules: ReadonlyArray<ScoreRuleSpec & { readonly compiled: CompiledRule }>;
  /** Points halve after each full half-life without an event; null: no decay. */
  readonly halfLifeMs: number | null;
  readonly mqlThreshold: number | null;
}

/** Compiles a model's rules (validated when it was saved) into a plan. */
export function scoringPlan(model: {
  readonly key: string;
  readonly segmentId: string | null;
  readonly rules: readonly ScoreRuleSpec[];
  readonly halfLifeDays: number | null;
  readonly mqlThreshold: number | null;
}): ScoringPlan {
  return {
    key: model.key,
    segmentId: model.segmentId,
    rules: model.rules.map((r) => ({ ...r, compiled: compileRule(r.rule) })),
    halfLifeMs: model.halfLifeDays === null ? null : model.halfLifeDays * DAY,
    mqlThreshold: model.mqlThreshold,
  };
}

/** A score at one instant and why. */
export interface ScoreAt {
  readonly value: number;
  /** The points of the rules that hold, before decay. */
  readonly points: number;
  /** How many times the points halved (full half-lives since the last activity). */
  readonly halvings: number;
  /** Ids of the rules that hold. */
  readonly matched: readonly string[];
}

/** The last event at or before `t`, else the profile's creation; undefined when neither is known. */
function lastActivity(facts: CustomerFacts, t: number): number | undefined {
  let last: number | undefined;
  for (const e of facts.events)
    if (e.occurredAt <= t && (last === undefined || e.occurredAt > last)) last = e.occurredAt;
  return last ?? facts.createdAt;
}

/**
 * A customer's score under a plan at instant `t`, a pure function of their facts: the sum of the
 * points of the rules that hold at `t`, halved once per full half-life since their last event
 * (`points × 0.5^⌊idle / halfLife⌋`). Outside the model's segment the score is 0. Because it reads
 * nothing but the facts and `t`, "score at t" is exact and a re-score at the same `t` agrees.
 *
 * @example
 * // 30 points, half-life 30 days, last event 65 days ago: halved twice
 * scoreAt(plan, facts, now) // { value: 7.5, points: 30, halvings: 2, matched: ['pricing'] }
 */
export function scoreAt(plan: ScoringPlan, facts: CustomerFacts, t: number): ScoreAt {
  if (plan.segmentId !== null && !(facts.segments ?? []).includes(plan.segmentId))
    return { value: 0, points: 0, halvings: 0, matched: [] };
  const matched = plan.rules.filter((r) => r.compiled.evaluate(facts, { now: t }));
  const points = matched.reduce((sum, r) => sum + r.points, 0);
  const halvings = decaySteps(plan, facts, t);
  return { value: points * 0.5 ** halvings, points, halvings, matched: matched.map((r) => r.id) };
}

function decaySteps(plan: ScoringPlan, facts: CustomerFacts, t: number): number {
  if (plan.halfLifeMs === null) return 0;
  const since = lastActivity(facts, t);
  return since === undefined || t < since ? 0 : Math.floor((t - since) / plan.halfLifeMs);
}

/**
 * The earliest whole millisecond after `t` at which the score may change with the clock alone:
 * the next halving, or a rule's time window opening or closing (`nextChangeAt`). Null when time
 * alone never changes it. Points already at 0 never decay further.
 */
export function nextScoreChange(plan: ScoringPlan, facts: CustomerFacts, t: number): number | null {
  if (plan.segmentId !== null && !(facts.segments ?? []).includes(plan.segmentId)) return null;
  const candidates: number[] = [];
  for (const r of plan.rules) {
    const next = nextChangeAt(r.rule, facts, { now: t });
    if (next !== null) candidates.push(Math.ceil(next));
  }
  const since = lastActivity(facts, t);
  if (plan.halfLifeMs !== null && since !== undefined && scoreAt(plan, facts, t).points !== 0)
    candidates.push(since + (decaySteps(plan, facts, t) + 1) * plan.halfLifeMs);
  const after = candidates.filter((c) => c > t);
  return after.length === 0 ? null : Math.min(...after);
}

/** Whether a change from `before` to `after` crosses the MQL threshold upwards. */
export function becameMql(plan: ScoringPlan, before: number, after: number): boolean {
  return plan.mqlThreshold !== null && crossesThreshold(before, after, plan.mqlThreshold, 'above');
}
