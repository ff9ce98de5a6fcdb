import { expect } from 'vitest';
import { interpret } from '../explain';
import type { CustomerFacts, EvaluationOptions } from '../facts';
import type { RuleNode } from '../rule.types';
import { compileRule } from './compile-rule';

/** Helpers for the compiled evaluator's hand-written tests. */
export const NOW = Date.UTC(2026, 2, 15, 12); // Sunday 15 March 2026, 12:00 UTC
export const DAY = 86_400_000;

export const customer = (over: Partial<CustomerFacts> = {}): CustomerFacts => ({
  id: 'c1',
  traits: {},
  events: [],
  ...over,
});

/** Asserts that the interpreter and the compiled evaluator both return `expected`. */
export function expectVerdict(
  rule: RuleNode,
  facts: CustomerFacts,
  expected: boolean,
  options: EvaluationOptions = { now: NOW },
): void {
  const verdicts = {
    interpreted: interpret(rule, facts, options),
    compiled: compileRule(rule).evaluate(facts, options),
  };
  expect(verdicts).toEqual({ interpreted: expected, compiled: expected });
}
