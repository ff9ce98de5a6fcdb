import { assertUnreachable } from '../assert-unreachable';
import type { JourneyNode } from './journey.types';

/** The output of a step that has one way on. */
export const NEXT = 'next';
export const YES = 'yes';
export const NO = 'no';
export const ELSE = 'else';
export const ON_EVENT = 'event';
export const ON_TIMEOUT = 'timeout';

/**
 * The named output handles of a node, in the order the editor draws them. A trigger, wait or
 * action has `next`; a condition `yes`/`no`; a split its branches then `else`; a random split its
 * arms; a wait for an event `event` and `timeout` (only `event` while no timeout is set, which the
 * compiler reports); goals and exits have none.
 *
 * @example
 * outputHandles({ id: 'c', kind: 'condition', rule }) // ['yes', 'no']
 */
export function outputHandles(node: JourneyNode): readonly string[] {
  switch (node.kind) {
    case 'trigger':
    case 'action':
      return [NEXT];
    case 'wait':
      if (node.wait.type !== 'event') return [NEXT];
      return node.wait.timeout ? [ON_EVENT, ON_TIMEOUT] : [ON_EVENT];
    case 'condition':
      return [YES, NO];
    case 'split':
      return [...node.branches.map((b) => b.handle), ELSE];
    case 'randomSplit':
      return node.arms.map((a) => a.handle);
    case 'goal':
    case 'exit':
      return [];
    default:
      return assertUnreachable(node);
  }
}

/** Whether edges may lead into the node: triggers start the flow, goals watch it from outside. */
export function acceptsInput(node: JourneyNode): boolean {
  return node.kind !== 'trigger' && node.kind !== 'goal';
}
