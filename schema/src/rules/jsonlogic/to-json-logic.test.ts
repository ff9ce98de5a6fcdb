import { describe, expect, it } from 'vitest';
import type { RuleDocument, RuleNode, TraitCondition } from '../rule.types';
import { validateRule } from '../validate/validate-rule';
import { toJsonLogic } from './to-json-logic';

const doc = (root: RuleNode): RuleDocument => ({ version: 1, root });
const trait = (path: string, type: TraitCondition['type'], rest: object): TraitCondition =>
  ({ kind: 'trait', path, type, ...rest }) as TraitCondition;
const country = { var: 'traits.country' };
const ltv = { var: 'traits.ltv' };

function exported(root: RuleNode): unknown {
  expect(validateRule(doc(root)).ok).toBe(true);
  const result = toJsonLogic(doc(root));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.logic;
}

describe('toJsonLogic', () => {
  it('maps all, any and not to and, or and !', () => {
    const logic = exported({
      kind: 'all',
      children: [
        { kind: 'any', children: [trait('traits.country', 'string', { op: 'eq', value: 'US' })] },
        {
          kind: 'not',
          child: trait('traits.country', 'string', { op: 'in', values: ['CA', 'MX'] }),
        },
      ],
    });
    expect(logic).toEqual({
      and: [{ or: [{ '===': [country, 'US'] }] }, { '!': [{ in: [country, ['CA', 'MX']] }] }],
    });
  });

  it('exports empty groups as constants (json-logic-js gives undefined for an empty "and")', () => {
    expect(exported({ kind: 'all', children: [] })).toBe(true);
    expect(exported({ kind: 'any', children: [] })).toBe(false);
  });

  it('uses strict equality and strict list membership, which cannot hold for a missing value', () => {
    expect(exported(trait('traits.ltv', 'number', { op: 'eq', value: 500 }))).toEqual({
      '===': [ltv, 500],
    });
    expect(exported(trait('traits.ltv', 'number', { op: 'in', values: [1, 2] }))).toEqual({
      in: [ltv, [1, 2]],
    });
  });

  it('guards neq with a type check, because {"!=": [null, "US"]} is true in JsonLogic', () => {
    expect(exported(trait('traits.country', 'string', { op: 'neq', value: 'US' }))).toEqual({
      and: [{ '===': [{ cat: [country] }, country] }, { '!==': [country, 'US'] }],
    });
  });

  it('guards number comparisons, because {"<": [null, 5]} and {">": ["600", 500]} are true in JsonLogic', () => {
    const isNumber = { '===': [{ '-': [ltv, { '-': [ltv, ltv] }] }, ltv] };
    expect(exported(trait('traits.ltv', 'number', { op: 'lt', value: 5 }))).toEqual({
      and: [isNumber, { '<': [ltv, 5] }],
    });
    expect(exported(trait('traits.ltv', 'number', { op: 'between', min: 1, max: 9 }))).toEqual({
      and: [isNumber, { '<=': [1, ltv, 9] }],
    });
  });

  it('tests presence with != null (not !!, which is false for 0, false and "")', () => {
    expect(exported(trait('traits.ltv', 'number', { op: 'exists' }))).toEqual({
      '!=': [ltv, null],
    });
    expect(exported(trait('createdAt', 'date', { op: 'notExists' }))).toEqual({
      '==': [{ var: 'createdAt' }, null],
    });
  });

  it('writes boolean neq as equality with the other boolean', () => {
    expect(exported(trait('traits.vip', 'boolean', { op: 'neq', value: true }))).toEqual({
      '===': [{ var: 'traits.vip' }, false],
    });
  });

  it('writes startsWith and endsWith with substr on a string', () => {
    const email = { var: 'email' };
    const isString = { '===': [{ cat: [email] }, email] };
    expect(exported(trait('email', 'string', { op: 'startsWith', value: 'sales' }))).toEqual({
      and: [isString, { '===': [{ substr: [email, 0, 5] }, 'sales'] }],
    });
    expect(exported(trait('email', 'string', { op: 'endsWith', value: '.io' }))).toEqual({
      and: [isString, { '===': [{ substr: [email, -3] }, '.io'] }],
    });
  });

  it('reports every node that cannot be exported at once, with its path and node id', () => {
    const rule = doc({
      kind: 'all',
      id: 'root',
      children: [
        trait('traits.country', 'string', { id: 'ok', op: 'eq', value: 'US' }),
        {
          kind: 'event',
          id: 'clicks',
          event: 'email_click',
          measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 2 } },
        },
        {
          kind: 'any',
          children: [
            { kind: 'score', id: 'score', model: 'lead', measure: { type: 'hasScore' } },
            { kind: 'segment', id: 'seg', segmentId: 'vip' },
            { kind: 'consent', id: 'consent', channel: 'email' },
            { kind: 'randomBucket', id: 'bucket', salt: 's', from: 0, to: 10 },
          ],
        },
        {
          kind: 'not',
          child: trait('traits.plan', 'string', { id: 're', op: 'matches', pattern: '^pro' }),
        },
        trait('traits.signup', 'date', {
          id: 'date',
          op: 'withinLast',
          duration: { amount: 3, unit: 'days' },
        }),
        trait('traits.constructor', 'string', { id: 'proto', op: 'exists' }),
        trait('traits.name.length', 'number', { op: 'gt', value: 3 }),
      ],
    });
    expect(validateRule(rule).ok).toBe(true);
    const result = toJsonLogic(rule);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.code, p.path.join('.'), p.nodeId])).toEqual([
      ['JSONLOGIC_UNSUPPORTED_NODE', 'root.children.1', 'clicks'],
      ['JSONLOGIC_UNSUPPORTED_NODE', 'root.children.2.children.0', 'score'],
      ['JSONLOGIC_UNSUPPORTED_NODE', 'root.children.2.children.1', 'seg'],
      ['JSONLOGIC_UNSUPPORTED_NODE', 'root.children.2.children.2', 'consent'],
      ['JSONLOGIC_UNSUPPORTED_NODE', 'root.children.2.children.3', 'bucket'],
      ['JSONLOGIC_UNSUPPORTED_NODE', 'root.children.3.child.op', 're'],
      ['JSONLOGIC_UNSUPPORTED_NODE', 'root.children.4.op', 'date'],
      ['JSONLOGIC_UNSUPPORTED_NODE', 'root.children.5.path', 'proto'],
      ['JSONLOGIC_UNSUPPORTED_NODE', 'root.children.6.path', undefined],
    ]);
    expect(result.problems[5]!.message).toMatch(/regular expressions/);
    expect(result.problems[6]!.message).toMatch(/no dates.*exists, notExists/);
    expect(result.problems[8]!.message).toMatch(/"length" is a built-in property/);
  });

  it('exports numeric first segments and profile fields, which var reads like the interpreter', () => {
    expect(exported(trait('traits.0', 'string', { op: 'eq', value: 'x' }))).toEqual({
      '===': [{ var: 'traits.0' }, 'x'],
    });
    expect(exported(trait('traits.company.size', 'number', { op: 'eq', value: 5 }))).toEqual({
      '===': [{ var: 'traits.company.size' }, 5],
    });
  });
});
