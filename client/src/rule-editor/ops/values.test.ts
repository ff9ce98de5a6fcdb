import { describe, expect, it } from 'vitest';
import type { EventMeasure, RuleNode } from '@cairn/schema';
import { findNode } from '../tree';
import { changeEventMeasure, reshapeMeasure, reshapeWindow } from './change-event-measure';
import { changeField } from './change-field';
import { changeOperator } from './change-operator';
import { updateNode } from './update-node';
import { doc, trait } from './test-helpers';

const ctx = { today: '2026-12-01' };
const rule = () => doc({ id: 'root', kind: 'all', children: [trait('a', 'pro')] });
const nodeA = (d: ReturnType<typeof rule>) => findNode(d.root, 'a');

describe('changeOperator', () => {
  it('keeps the value where it fits and drops fields the new operator has no use for', () => {
    const neq = changeOperator(rule(), 'a', 'neq', ctx);
    expect(nodeA(neq)).toEqual({ ...trait('a', 'pro'), op: 'neq' });
    const list = changeOperator(rule(), 'a', 'in', ctx);
    expect(nodeA(list)).toEqual({
      id: 'a',
      kind: 'trait',
      path: 'traits.plan',
      type: 'string',
      op: 'in',
      values: ['pro'],
    });
    const exists = changeOperator(list, 'a', 'exists', ctx);
    expect(nodeA(exists)).toEqual({
      id: 'a',
      kind: 'trait',
      path: 'traits.plan',
      type: 'string',
      op: 'exists',
    });
  });

  it('gives a date window a default duration', () => {
    const dated = changeField(rule(), 'a', 'createdAt', 'date', ctx);
    expect(nodeA(dated)).toMatchObject({ op: 'before', type: 'date', value: '2026-12-01' });
    expect(nodeA(changeOperator(dated, 'a', 'withinLast', ctx))).toMatchObject({
      op: 'withinLast',
      duration: { amount: 30, unit: 'days' },
    });
    expect(nodeA(changeOperator(dated, 'a', 'after', ctx))).toMatchObject({
      op: 'after',
      value: '2026-12-01',
    });
  });
});

describe('changeField', () => {
  it('keeps operator and value for a field of the same type', () => {
    const country = changeField(rule(), 'a', 'traits.country', 'string', ctx);
    expect(nodeA(country)).toEqual({ ...trait('a', 'pro'), path: 'traits.country' });
  });

  it('resets the value for a field of another type, keeping an operator the type allows', () => {
    const ltv = changeField(rule(), 'a', 'traits.ltv', 'number', ctx);
    expect(nodeA(ltv)).toEqual({
      id: 'a',
      kind: 'trait',
      path: 'traits.ltv',
      type: 'number',
      op: 'eq',
      value: 0,
    });
    const contains = changeOperator(rule(), 'a', 'contains', ctx);
    expect(nodeA(changeField(contains, 'a', 'traits.vip', 'boolean', ctx))).toEqual({
      id: 'a',
      kind: 'trait',
      path: 'traits.vip',
      type: 'boolean',
      op: 'eq',
      value: true,
    });
  });
});

describe('event measures', () => {
  const count: EventMeasure = {
    type: 'count',
    window: { type: 'last', duration: { amount: 7, unit: 'days' } },
    compare: { op: 'gte', value: 3 },
  };

  it('keeps window and comparison from count to sum, and the window as a duration', () => {
    expect(reshapeMeasure(count, 'sum', 'amount')).toEqual({
      ...count,
      type: 'sum',
      property: 'amount',
    });
    expect(reshapeMeasure(count, 'lastOccurredWithin')).toEqual({
      type: 'lastOccurredWithin',
      duration: { amount: 7, unit: 'days' },
    });
    expect(reshapeWindow(count.window, 'ever', ctx.today)).toEqual({ type: 'ever' });
    expect(reshapeWindow(count.window, 'between', ctx.today)).toEqual({
      type: 'between',
      from: ctx.today,
      to: ctx.today,
    });
  });

  it('changes only the event condition it names', () => {
    const event: RuleNode = { id: 'e', kind: 'event', event: 'Page Viewed', measure: count };
    const before = doc({ id: 'root', kind: 'all', children: [event, trait('a')] });
    const after = changeEventMeasure(before, 'e', (m) => reshapeMeasure(m, 'firstOccurredBefore'));
    expect(findNode(after.root, 'e')).toMatchObject({ measure: { type: 'firstOccurredBefore' } });
    expect(findNode(after.root, 'a')).toBe(findNode(before.root, 'a'));
    expect(changeEventMeasure(before, 'a', () => count)).toBe(before);
  });
});

describe('updateNode', () => {
  it('returns the same draft for an unknown id', () => {
    const before = rule();
    expect(updateNode(before, 'zz', (n) => n)).toBe(before);
  });
});
