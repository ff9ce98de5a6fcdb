import {
  assertUnreachable,
  RULE_VERSION,
  type JourneyNodeKind,
  type RuleDocument,
} from '@cairn/schema';
import type { StepBody } from './flow.types';

/**
 * What a step dropped from the palette starts as: valid where it can be, so that the problems
 * the compiler shows are the ones the marketer has to decide (which event, which template).
 */
export function newStep(kind: JourneyNodeKind, newId: () => string): StepBody {
  switch (kind) {
    case 'trigger':
      return { kind, label: 'Trigger', trigger: { type: 'event', event: '' } };
    case 'wait':
      return {
        kind,
        label: 'Wait',
        wait: { type: 'duration', duration: { amount: 1, unit: 'days' } },
      };
    case 'condition':
      return { kind, label: 'Condition', rule: emptyRule(newId) };
    case 'split':
      return {
        kind,
        label: 'Split',
        branches: [{ handle: 'branch-1', name: 'Branch 1', rule: emptyRule(newId) }],
      };
    case 'randomSplit':
      return {
        kind,
        label: 'A/B split',
        arms: [
          { handle: 'a', name: 'A', weight: 50 },
          { handle: 'b', name: 'B', weight: 50 },
        ],
      };
    case 'action':
      return {
        kind,
        label: 'Email',
        action: {
          type: 'send',
          channel: 'email',
          template: { subject: 'Hello {{ traits.first_name | "there" }}', body: '<p>Hi!</p>' },
        },
      };
    case 'goal':
      return { kind, label: 'Goal', event: '', within: { amount: 7, unit: 'days' } };
    case 'exit':
      return { kind, label: 'Exit' };
    default:
      return assertUnreachable(kind);
  }
}

/** A rule that every customer matches (an empty `all` group), ready for the rule editor. */
export const emptyRule = (newId: () => string): RuleDocument => ({
  version: RULE_VERSION,
  root: { kind: 'all' as const, id: newId(), children: [] },
});

/** A short random id for nodes and edges (unique within a journey in practice). */
export function newElementId(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 9)}`;
}
