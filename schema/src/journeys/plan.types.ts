import type { Duration, FilterNode, RuleDocument } from '../rules/rule.types';
import type { ActionSpec, JourneySettings, TriggerSpec, WaitSpec } from './journey.types';

export const JOURNEY_PLAN_VERSION = 1;

/**
 * A compiled journey: what the runtime executes and the simulator walks. Every decision is a rule
 * tree (random splits become random-bucket rules), every output is resolved to the id of the next
 * step, and the editor's layout is gone. Produced only from a graph with no errors.
 */
export interface JourneyPlan {
  readonly version: typeof JOURNEY_PLAN_VERSION;
  readonly trigger: { readonly nodeId: string; readonly spec: TriggerSpec; readonly next: string };
  readonly steps: Readonly<Record<string, PlanStep>>;
  readonly goals: readonly PlanGoal[];
  readonly settings: JourneySettings;
}

export interface PlanBranch {
  readonly handle: string;
  readonly rule: RuleDocument;
  readonly next: string;
}

export type PlanStep =
  /** Conditions, splits and random splits: the first branch whose rule holds, else `otherwise`. */
  | {
      readonly type: 'decide';
      readonly nodeId: string;
      readonly branches: readonly PlanBranch[];
      readonly otherwise?: { readonly handle: string; readonly next: string };
    }
  | {
      readonly type: 'wait';
      readonly nodeId: string;
      readonly wait: Exclude<WaitSpec, { type: 'event' }>;
      readonly next: string;
    }
  | {
      readonly type: 'waitForEvent';
      readonly nodeId: string;
      readonly event: string;
      readonly where?: FilterNode;
      readonly timeout: Duration;
      readonly onEvent: string;
      readonly onTimeout: string;
    }
  | {
      readonly type: 'action';
      readonly nodeId: string;
      readonly action: ActionSpec;
      readonly next: string;
    }
  | { readonly type: 'exit'; readonly nodeId: string };

export type PlanStepType = PlanStep['type'];

export interface PlanGoal {
  readonly nodeId: string;
  readonly event: string;
  readonly where?: FilterNode;
  readonly within: Duration;
}
