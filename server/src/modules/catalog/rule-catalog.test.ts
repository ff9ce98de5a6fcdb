import { describe, expect, it } from 'vitest';
import { validateRule } from '@cairn/schema';
import type { ObservedType } from '../../db/entities';
import type { CatalogEntry } from './catalog.service';
import { ruleCatalogFrom } from './rule-catalog';

const lastSeenAt = new Date('2026-03-01T00:00:00Z');
const entry = (path: string, type: ObservedType, count = 1): CatalogEntry => ({
  path,
  type,
  count,
  examples: [],
  lastSeenAt,
});

describe('ruleCatalogFrom', () => {
  it('maps observed types to the rule language and prefixes trait paths', () => {
    const catalog = ruleCatalogFrom(
      [
        entry('plan', 'string'),
        entry('age', 'number'),
        entry('vip', 'boolean'),
        entry('birthday', 'date'),
        entry('tags', 'stringList'),
        entry('company.size', 'number'),
        entry('orders', 'list'),
        entry('empty', 'object'),
      ],
      [],
    );
    expect(catalog.traits).toEqual({
      'traits.plan': 'string',
      'traits.age': 'number',
      'traits.vip': 'boolean',
      'traits.birthday': 'date',
      'traits.tags': 'stringList',
      'traits.company.size': 'number',
    });
    expect(catalog.events).toEqual({});
  });

  it('gives a path seen with several types the supported type seen most often', () => {
    const catalog = ruleCatalogFrom(
      [
        entry('since', 'date', 90),
        entry('since', 'string', 10),
        entry('code', 'number', 5),
        entry('code', 'string', 5), // a tie: VALUE_TYPES order, string first
        entry('items', 'list', 50),
        entry('items', 'stringList', 2), // list is not a rule type, whatever its count
        entry('blob', 'list', 3), // only unsupported types: not in the catalog
      ],
      [],
    );
    expect(catalog.traits).toEqual({
      'traits.since': 'date',
      'traits.code': 'string',
      'traits.items': 'stringList',
    });
  });

  it('lists events with their property types, prototype names included', () => {
    const catalog = ruleCatalogFrom(
      [],
      [
        {
          name: 'Order Completed',
          count: 3,
          lastSeenAt,
          properties: [entry('total', 'number'), entry('total', 'string', 2), entry('x', 'list')],
        },
        { name: '__proto__', count: 1, lastSeenAt, properties: [entry('constructor', 'string')] },
      ],
    );
    expect(Object.keys(catalog.events)).toEqual(['Order Completed', '__proto__']);
    expect(catalog.events['Order Completed']!.properties).toEqual({ total: 'string' });
    expect(Object.getOwnPropertyDescriptor(catalog.events, '__proto__')?.value).toEqual({
      properties: { constructor: 'string' },
    });
  });

  it('is what the rule validator reads', () => {
    const catalog = ruleCatalogFrom(
      [entry('plan', 'string'), entry('age', 'number')],
      [{ name: 'Order Completed', count: 1, lastSeenAt, properties: [entry('total', 'number')] }],
    );
    const rule = (root: unknown) => validateRule({ version: 1, root }, { catalog });
    expect(
      rule({
        kind: 'all',
        children: [
          { kind: 'trait', path: 'traits.plan', type: 'string', op: 'eq', value: 'pro' },
          {
            kind: 'event',
            event: 'Order Completed',
            measure: {
              type: 'sum',
              property: 'total',
              window: { type: 'ever' },
              compare: { op: 'gt', value: 100 },
            },
          },
        ],
      }).ok,
    ).toBe(true);
    const bad = rule({
      kind: 'all',
      children: [
        { kind: 'trait', path: 'traits.age', type: 'string', op: 'eq', value: '3' },
        { kind: 'trait', path: 'traits.plann', type: 'string', op: 'eq', value: 'pro' },
        {
          kind: 'event',
          event: 'Signed Up',
          measure: { type: 'lastOccurredWithin', duration: { amount: 1, unit: 'days' } },
        },
      ],
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.map((p) => p.code)).toEqual([
      'RULE_TYPE_MISMATCH',
      'RULE_UNKNOWN_TRAIT',
      'RULE_UNKNOWN_EVENT',
    ]);
  });
});
