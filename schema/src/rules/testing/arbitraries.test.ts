import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from '../time';
import { validateRule } from '../validate/validate-rule';
import {
  arbCustomerFacts,
  arbEvaluationCase,
  arbRuleDocument,
  arbRuleNode,
  isoText,
  RULE_POOLS,
  withIds,
} from './arbitraries';

describe('rule arbitraries', () => {
  it('generate only rules the validator accepts, with or without ids, up to depth 5', () => {
    for (const rule of fc.sample(arbRuleDocument({ maxDepth: 5 }), { numRuns: 500, seed: 1 })) {
      const result = validateRule(rule);
      expect(result.ok ? [] : result.problems).toEqual([]);
    }
    for (const root of fc.sample(arbRuleNode(), { numRuns: 200, seed: 2 })) {
      const result = validateRule({ version: 1, root: withIds(root) });
      expect(result.ok ? [] : result.problems).toEqual([]);
    }
  });

  it('are reproducible from a seed', () => {
    const a = fc.sample(arbEvaluationCase(), { numRuns: 20, seed: 42 });
    const b = fc.sample(arbEvaluationCase(), { numRuns: 20, seed: 42 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('place customers around now: score histories oldest first, events on window edges', () => {
    const now = RULE_POOLS.instants[0];
    const customers = fc.sample(arbCustomerFacts(now), { numRuns: 300, seed: 3 });
    let onEdge = 0;
    for (const c of customers) {
      for (const { history } of Object.values(c.scores ?? {})) {
        expect(history.map((e) => e.at)).toEqual(
          [...history.map((e) => e.at)].sort((x, y) => x - y),
        );
      }
      onEdge += c.events.filter(
        (e) => e.occurredAt === now || e.occurredAt === now - 7 * 86_400_000,
      ).length;
    }
    expect(onEdge).toBeGreaterThan(20);
  });

  it('write ISO texts that read back as the instant (to the precision of the form)', () => {
    const t = Date.UTC(2026, 2, 15, 12, 34, 56, 789);
    expect(parseIsoInstant(isoText(t, 'ms'))).toBe(t);
    expect(parseIsoInstant(isoText(t, 'nanos'))).toBe(t);
    expect(parseIsoInstant(isoText(t, 'plus0530'))).toBe(t);
    expect(parseIsoInstant(isoText(t, 'minus0800'))).toBe(t);
    expect(parseIsoInstant(isoText(t, 'seconds'))).toBe(t - 789);
    expect(parseIsoInstant(isoText(t, 'minutes'))).toBe(t - 56_789);
    expect(isoText(t, 'date')).toBe('2026-03-15');
  });
});
