import { assertUnreachable } from '../../assert-unreachable';
import { BUCKET_COUNT, RULE_VERSION } from '../../rules/rule.types';
import { ELSE, NEXT, NO, ON_EVENT, ON_TIMEOUT, YES } from '../handles';
import type { JourneyNode, RandomSplitNode } from '../journey.types';
import {
  JOURNEY_PLAN_VERSION,
  type JourneyPlan,
  type PlanBranch,
  type PlanStep,
} from '../plan.types';
import type { CompileContext } from './context';

/** Builds the plan from a graph the rules found no errors in (every output connected, one trigger). */
export function buildPlan(ctx: CompileContext): JourneyPlan {
  const next = (node: JourneyNode, handle: string) => ctx.next(node.id, handle)!;
  const steps: Record<string, PlanStep> = {};
  let trigger: JourneyPlan['trigger'] | undefined;
  const goals: JourneyPlan['goals'][number][] = [];
  for (const node of ctx.graph.nodes) {
    switch (node.kind) {
      case 'trigger':
        trigger = { nodeId: node.id, spec: node.trigger, next: next(node, NEXT) };
        break;
      case 'wait': {
        const w = node.wait;
        steps[node.id] =
          w.type === 'event'
            ? {
                type: 'waitForEvent',
                nodeId: node.id,
                event: w.event,
                ...(w.where ? { where: w.where } : {}),
                timeout: w.timeout!,
                onEvent: next(node, ON_EVENT),
                onTimeout: next(node, ON_TIMEOUT),
              }
            : { type: 'wait', nodeId: node.id, wait: w, next: next(node, NEXT) };
        break;
      }
      case 'condition':
        steps[node.id] = {
          type: 'decide',
          nodeId: node.id,
          branches: [{ handle: YES, rule: node.rule, next: next(node, YES) }],
          otherwise: { handle: NO, next: next(node, NO) },
        };
        break;
      case 'split':
        steps[node.id] = {
          type: 'decide',
          nodeId: node.id,
          branches: node.branches.map((b) => ({
            handle: b.handle,
            rule: b.rule,
            next: next(node, b.handle),
          })),
          otherwise: { handle: ELSE, next: next(node, ELSE) },
        };
        break;
      case 'randomSplit':
        steps[node.id] = {
          type: 'decide',
          nodeId: node.id,
          branches: armBranches(node, (h) => next(node, h)),
        };
        break;
      case 'action':
        steps[node.id] = {
          type: 'action',
          nodeId: node.id,
          action: node.action,
          next: next(node, NEXT),
        };
        break;
      case 'goal':
        goals.push({
          nodeId: node.id,
          event: node.event,
          ...(node.where ? { where: node.where } : {}),
          within: node.within,
        });
        break;
      case 'exit':
        steps[node.id] = { type: 'exit', nodeId: node.id };
        break;
      default:
        assertUnreachable(node);
    }
  }
  return {
    version: JOURNEY_PLAN_VERSION,
    trigger: trigger!,
    steps,
    goals,
    settings: ctx.graph.settings,
  };
}

/**
 * A random split as ordered random-bucket rules: arm i holds for buckets [sum of earlier weights,
 * sum including its own) × 100, the last arm up to the bucket count, so the arms partition every
 * customer. The salt defaults to the node id, which stays the same across versions, so a customer
 * keeps their arm when the journey is republished.
 */
export function armBranches(node: RandomSplitNode, next: (handle: string) => string): PlanBranch[] {
  const salt = node.salt ?? node.id;
  const scale = BUCKET_COUNT / 100;
  let from = 0;
  return node.arms.map((arm, i) => {
    const to = i === node.arms.length - 1 ? BUCKET_COUNT : from + arm.weight * scale;
    const branch: PlanBranch = {
      handle: arm.handle,
      rule: { version: RULE_VERSION, root: { kind: 'randomBucket', salt, from, to } },
      next: next(arm.handle),
    };
    from = to;
    return branch;
  });
}
