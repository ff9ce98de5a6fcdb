import type { Operator, ValueType } from './rule.types';

/**
 * Which operators apply to which declared type. Strings compare case-sensitively and have no
 * ordering (collations differ between engines); dates compare as instants.
 */
export const OPERATORS_BY_TYPE = {
  string: [
    'eq',
    'neq',
    'in',
    'notIn',
    'contains',
    'notContains',
    'startsWith',
    'endsWith',
    'matches',
    'exists',
    'notExists',
    'isEmpty',
  ],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'notIn', 'exists', 'notExists'],
  boolean: ['eq', 'neq', 'exists', 'notExists'],
  date: [
    'before',
    'after',
    'between',
    'withinLast',
    'notWithinLast',
    'anniversaryWithin',
    'exists',
    'notExists',
  ],
  stringList: ['contains', 'notContains', 'in', 'notIn', 'isEmpty', 'exists', 'notExists'],
} as const satisfies Record<ValueType, readonly Operator[]>;

export function operatorAllowed(type: ValueType, op: Operator): boolean {
  return (OPERATORS_BY_TYPE[type] as readonly Operator[]).includes(op);
}

/** Operators that hold for a missing value (every other one is false on a missing value). */
export const TRUE_WHEN_MISSING: ReadonlySet<Operator> = new Set(['notExists', 'isEmpty']);
