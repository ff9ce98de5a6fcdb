import { describe, expect, it } from 'vitest';
import { interpret } from '../explain';
import type { CustomerFacts } from '../facts';
import type { RuleNode } from '../rule.types';
import { validateRule } from '../validate/validate-rule';
import { fromJsonLogic } from './from-json-logic';

function imported(logic: unknown): RuleNode {
  const result = fromJsonLogic(logic);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect(validateRule(result.rule).ok).toBe(true);
  return result.rule.root;
}

function problems(logic: unknown): Array<[string, string]> {
  const result = fromJsonLogic(logic);
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.rule)}`);
  return result.problems.map((p) => [p.code, p.path.join('.')]);
}

const facts = (traits: Record<string, unknown>): CustomerFacts => ({ id: 'c', traits, events: [] });
const t = (path: string, type: string, rest: object) => ({ kind: 'trait', path, type, ...rest });

describe('fromJsonLogic', () => {
  it('reads what react-querybuilder formatQuery(q, "jsonlogic") produces', () => {
    const logic = {
      and: [
        { '==': [{ var: 'firstName' }, 'Steve'] },
        { '!=': [{ var: 'lastName' }, 'Vai'] },
        { in: [{ var: 'country' }, ['US', 'CA']] },
        { '!': { in: [{ var: 'plan' }, ['free']] } },
        { '<=': [18, { var: 'age' }, 65] },
        { '!': { '<=': [1, { var: 'visits' }, 3] } },
        { in: ['gmail', { var: 'email' }] },
        { '!': { in: ['spam', { var: 'notes' }] } },
        { startsWith: [{ var: 'city' }, 'San'] },
        { endsWith: [{ var: 'domain' }, '.io'] },
        { '!=': [{ var: 'phone' }, null] },
        { '==': [{ var: 'fax' }, null] },
        { or: [{ '>': [{ var: 'ltv' }, '500'] }, { '>=': [{ var: 'score' }, 60] }] },
      ],
    };
    expect(imported(logic)).toEqual({
      kind: 'all',
      children: [
        t('traits.firstName', 'string', { op: 'eq', value: 'Steve' }),
        t('traits.lastName', 'string', { op: 'neq', value: 'Vai' }),
        t('traits.country', 'string', { op: 'in', values: ['US', 'CA'] }),
        { kind: 'not', child: t('traits.plan', 'string', { op: 'in', values: ['free'] }) },
        t('traits.age', 'number', { op: 'between', min: 18, max: 65 }),
        { kind: 'not', child: t('traits.visits', 'number', { op: 'between', min: 1, max: 3 }) },
        t('email', 'string', { op: 'contains', value: 'gmail' }),
        { kind: 'not', child: t('traits.notes', 'string', { op: 'contains', value: 'spam' }) },
        t('traits.city', 'string', { op: 'startsWith', value: 'San' }),
        t('traits.domain', 'string', { op: 'endsWith', value: '.io' }),
        t('traits.phone', 'string', { op: 'exists' }),
        t('traits.fax', 'string', { op: 'notExists' }),
        {
          kind: 'any',
          children: [
            t('traits.ltv', 'number', { op: 'gt', value: 500 }),
            t('traits.score', 'number', { op: 'gte', value: 60 }),
          ],
        },
      ],
    });
  });

  it('keeps traits.* and profile paths, and accepts the array form of var', () => {
    expect(imported({ '===': [{ var: ['traits.country'] }, 'US'] })).toEqual(
      t('traits.country', 'string', { op: 'eq', value: 'US' }),
    );
    expect(imported({ '!==': [{ var: 'traits.company.size' }, 5] })).toEqual(
      t('traits.company.size', 'number', { op: 'neq', value: 5 }),
    );
    expect(imported({ '!=': [{ var: 'createdAt' }, null] })).toEqual(
      t('createdAt', 'date', { op: 'exists' }),
    );
  });

  it('infers the type from the literal, and turns a literal on the left around', () => {
    expect(imported({ '==': [{ var: 'vip' }, true] })).toEqual(
      t('traits.vip', 'boolean', { op: 'eq', value: true }),
    );
    expect(imported({ '==': [42, { var: 'n' }] })).toEqual(
      t('traits.n', 'number', { op: 'eq', value: 42 }),
    );
    expect(imported({ '>': [10, { var: 'n' }] })).toEqual(
      t('traits.n', 'number', { op: 'lt', value: 10 }),
    );
    expect(imported({ '<': [{ var: 'n' }, '2.5'] })).toEqual(
      t('traits.n', 'number', { op: 'lt', value: 2.5 }),
    );
    expect(imported({ in: [{ var: 'n' }, [1, 2]] })).toEqual(
      t('traits.n', 'number', { op: 'in', values: [1, 2] }),
    );
  });

  it('reads the exclusive between form as two comparisons', () => {
    expect(imported({ '<': [0, { var: 'n' }, 10] })).toEqual({
      kind: 'all',
      children: [
        t('traits.n', 'number', { op: 'gt', value: 0 }),
        t('traits.n', 'number', { op: 'lt', value: 10 }),
      ],
    });
  });

  it('reads !! and ! of a field as (not) empty, and constants as empty groups', () => {
    expect(imported({ '!!': { var: 'email' } })).toEqual({
      kind: 'not',
      child: t('email', 'string', { op: 'isEmpty' }),
    });
    expect(imported({ '!': [{ var: ['nick'] }] })).toEqual(
      t('traits.nick', 'string', { op: 'isEmpty' }),
    );
    expect(imported({ '!!': [{ '==': [{ var: 'a' }, 1] }] })).toEqual(
      t('traits.a', 'number', { op: 'eq', value: 1 }),
    );
    expect(imported(true)).toEqual({ kind: 'all', children: [] });
    expect(imported(false)).toEqual({ kind: 'any', children: [] });
  });

  it('reads an empty "and" as false, as json-logic-js evaluates it', () => {
    expect(interpret({ version: 1, root: imported({ and: [] }) }, facts({}), { now: 0 })).toBe(
      false,
    );
    expect(interpret({ version: 1, root: imported({ or: [] }) }, facts({}), { now: 0 })).toBe(
      false,
    );
  });

  it('gives comparisons Cairn semantics: false on a missing or wrongly-typed value', () => {
    const neq = { version: 1 as const, root: imported({ '!=': [{ var: 'country' }, 'US'] }) };
    expect(interpret(neq, facts({}), { now: 0 })).toBe(false);
    expect(interpret(neq, facts({ country: 'CA' }), { now: 0 })).toBe(true);
    const lt = { version: 1 as const, root: imported({ '<': [{ var: 'n' }, 5] }) };
    expect(interpret(lt, facts({}), { now: 0 })).toBe(false);
    expect(interpret(lt, facts({ n: '3' }), { now: 0 })).toBe(false);
  });

  it('reports every unsupported part at once, with its path in the logic', () => {
    expect(
      problems({
        and: [
          { map: [{ var: 'x' }, 1] },
          { '==': [{ var: 'a' }, { var: 'b' }] },
          { '==': [{ var: ['a', 'default'] }, 1] },
          { in: [{ var: 'a' }, ['x', 1]] },
          { or: ['not logic', { '>': [{ var: 'a' }, 'abc'] }] },
          { '==': [{ var: 'createdAt' }, '2026-01-01'] },
          { '!': [1, 2] },
          { a: 1, b: 2 },
        ],
      }),
    ).toEqual([
      ['JSONLOGIC_UNSUPPORTED_OPERATION', 'and.0.map'],
      ['JSONLOGIC_UNSUPPORTED_OPERANDS', 'and.1'],
      ['JSONLOGIC_UNSUPPORTED_OPERANDS', 'and.2'],
      ['JSONLOGIC_UNSUPPORTED_OPERANDS', 'and.3.in.1'],
      ['JSONLOGIC_NOT_A_CONDITION', 'and.4.or.0'],
      ['JSONLOGIC_UNSUPPORTED_OPERANDS', 'and.4.or.1'],
      ['JSONLOGIC_UNSUPPORTED_OPERANDS', 'and.5'],
      ['JSONLOGIC_UNSUPPORTED_OPERANDS', 'and.6'],
      ['JSONLOGIC_NOT_A_CONDITION', 'and.7'],
    ]);
  });

  it('says the fix in messages', () => {
    const result = fromJsonLogic({ '==': [{ var: 'a' }, { var: 'b' }] });
    expect(!result.ok && result.problems[0]!.message).toMatch(
      /compare a field with a literal.*two fields/,
    );
  });

  it('reports what the rule validator finds, placed in the logic', () => {
    expect(problems({ or: [{ '==': [{ var: 'a' }, 1] }, { '<=': [9, { var: 'n' }, 1] }] })).toEqual(
      [['RULE_BAD_VALUE', 'or.1']],
    );
    expect(problems({ and: [{ '==': [{ var: '$bad' }, 1] }] })).toEqual([
      ['RULE_BAD_PATH', 'and.0'],
    ]);
    expect(problems({ '!': { var: 'createdAt' } })).toEqual([['RULE_OPERATOR_NOT_ALLOWED', '']]);
  });

  it('stops at the depth limit instead of overflowing the stack', () => {
    let logic: unknown = { '==': [{ var: 'a' }, 1] };
    for (let i = 0; i < 10_000; i++) logic = { '!': [logic] };
    expect(problems(logic)).toEqual([
      ['RULE_TOO_DEEP', Array.from({ length: 32 }, () => '!.0').join('.')],
    ]);
  });
});
