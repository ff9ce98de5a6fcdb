import { OPERATORS_BY_TYPE, operatorAllowed } from '../operators';
import {
  TIME_UNITS,
  VALUE_TYPES,
  type Duration,
  type NumberComparison,
  type Operator,
  type Predicate,
  type Scalar,
  type ValueType,
} from '../rule.types';
import { parseIsoInstant } from '../time';
import { RULE_LIMITS } from './problems';
import { describe, NUL_MESSAGE, type Json, type JsonPath, type Reader } from './reader';
import { regexProblem } from './regex-safety';

const ALL_OPERATORS = [...new Set(Object.values(OPERATORS_BY_TYPE).flat())] as Operator[];

/** The predicate fields each operator takes (beyond kind, id, path, type, op). */
export const PREDICATE_FIELDS: Record<Operator, readonly string[]> = {
  eq: ['value'],
  neq: ['value'],
  gt: ['value'],
  gte: ['value'],
  lt: ['value'],
  lte: ['value'],
  between: ['min', 'max'],
  in: ['values'],
  notIn: ['values'],
  contains: ['value'],
  notContains: ['value'],
  startsWith: ['value'],
  endsWith: ['value'],
  matches: ['pattern', 'ignoreCase'],
  exists: [],
  notExists: [],
  isEmpty: [],
  before: ['value'],
  after: ['value'],
  withinLast: ['duration'],
  notWithinLast: ['duration'],
  anniversaryWithin: ['days'],
};

export function readValueType(r: Reader, o: Json, path: JsonPath): ValueType | undefined {
  return r.oneOf(o, 'type', path, VALUE_TYPES);
}

/** Reads `op` and its operand(s) for a value of the declared type. */
export function readPredicate(
  r: Reader,
  o: Json,
  path: JsonPath,
  type: ValueType | undefined,
): Predicate | undefined {
  const op = r.oneOf(o, 'op', path, ALL_OPERATORS, 'RULE_UNKNOWN_OPERATOR');
  if (op === undefined) return undefined;
  if (type !== undefined && !operatorAllowed(type, op)) {
    r.report(
      'RULE_OPERATOR_NOT_ALLOWED',
      [...path, 'op'],
      `"${op}" does not apply to a ${type}; use one of ${OPERATORS_BY_TYPE[type].join(', ')}.`,
    );
    return undefined;
  }
  if (type === undefined) return undefined;
  const scalar = (key: string) => readScalar(r, o, key, path, type);
  switch (op) {
    case 'eq':
    case 'neq':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const value = scalar('value');
      return value === undefined ? undefined : ({ op, value } as Predicate);
    }
    case 'before':
    case 'after': {
      const value = scalar('value');
      return typeof value === 'string' ? { op, value } : undefined;
    }
    case 'between': {
      const min = scalar('min');
      const max = scalar('max');
      if (typeof min !== 'number' && typeof min !== 'string') return undefined;
      if (typeof max !== 'number' && typeof max !== 'string') return undefined;
      const lo = type === 'date' ? parseIsoInstant(String(min)) : Number(min);
      const hi = type === 'date' ? parseIsoInstant(String(max)) : Number(max);
      if (lo !== undefined && hi !== undefined && lo > hi) {
        r.report(
          'RULE_BAD_VALUE',
          [...path, 'max'],
          `"max" (${max}) is below "min" (${min}); swap them.`,
        );
        return undefined;
      }
      return { op, min, max };
    }
    case 'in':
    case 'notIn': {
      const values = readList(r, o, path, type === 'stringList' ? 'string' : type);
      return values === undefined ? undefined : { op, values };
    }
    case 'contains':
    case 'notContains':
    case 'startsWith':
    case 'endsWith': {
      const value = r.string(o, 'value', path);
      return value === undefined ? undefined : { op, value };
    }
    case 'matches': {
      const pattern = r.string(o, 'pattern', path, { max: Infinity });
      let ignoreCase: boolean | undefined;
      if (Object.prototype.hasOwnProperty.call(o, 'ignoreCase')) {
        if (typeof o['ignoreCase'] !== 'boolean')
          r.report(
            'RULE_WRONG_TYPE',
            [...path, 'ignoreCase'],
            '"ignoreCase" must be true or false.',
          );
        else ignoreCase = o['ignoreCase'];
      }
      if (pattern === undefined) return undefined;
      if (pattern.length > RULE_LIMITS.maxRegexLength) {
        r.report(
          'RULE_REGEX_TOO_LONG',
          [...path, 'pattern'],
          `The pattern has ${pattern.length} characters; at most ${RULE_LIMITS.maxRegexLength} are allowed.`,
        );
        return undefined;
      }
      const problem = regexProblem(pattern);
      if (problem) {
        r.report(
          problem.kind === 'unsafe' ? 'RULE_REGEX_UNSAFE' : 'RULE_REGEX_INVALID',
          [...path, 'pattern'],
          problem.message,
        );
        return undefined;
      }
      return ignoreCase === undefined ? { op, pattern } : { op, pattern, ignoreCase };
    }
    case 'exists':
    case 'notExists':
    case 'isEmpty':
      return { op };
    case 'withinLast':
    case 'notWithinLast': {
      const duration = readDuration(r, o, 'duration', path);
      return duration === undefined ? undefined : { op, duration };
    }
    case 'anniversaryWithin': {
      const days = r.number(o, 'days', path, { integer: true, min: 0, max: 366 });
      return days === undefined ? undefined : { op, days };
    }
  }
}

function readScalar(
  r: Reader,
  o: Json,
  key: string,
  path: JsonPath,
  type: ValueType,
): Scalar | undefined {
  const value = r.field(o, key, path);
  if (value === undefined) return undefined;
  const ok = scalarFits(value, type);
  if (ok !== true) {
    r.report('RULE_BAD_VALUE', [...path, key], ok);
    return undefined;
  }
  return value as Scalar;
}

/** True when a literal fits the declared type, else what is wrong. */
function scalarFits(value: unknown, type: ValueType): true | string {
  switch (type) {
    case 'string':
    case 'stringList':
      if (typeof value !== 'string') return `Expected a string, got ${describe(value)}.`;
      if (value.includes('\u0000')) return NUL_MESSAGE;
      return value.length <= RULE_LIMITS.maxStringLength
        ? true
        : `A string literal has at most ${RULE_LIMITS.maxStringLength} characters.`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? true
        : `Expected a finite number, got ${describe(value)}.`;
    case 'boolean':
      return typeof value === 'boolean' ? true : `Expected true or false, got ${describe(value)}.`;
    case 'date':
      return typeof value === 'string' && parseIsoInstant(value) !== undefined
        ? true
        : `Expected an ISO 8601 date ("2026-05-01") or date-time with offset ("2026-05-01T09:30:00Z"), got ${describe(value)}.`;
  }
}

function readList(r: Reader, o: Json, path: JsonPath, type: ValueType): Scalar[] | undefined {
  const value = r.field(o, 'values', path);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    r.report(
      'RULE_WRONG_TYPE',
      [...path, 'values'],
      `"values" must be a list, got ${describe(value)}.`,
    );
    return undefined;
  }
  if (value.length === 0) {
    r.report('RULE_BAD_VALUE', [...path, 'values'], '"values" must hold at least one value.');
    return undefined;
  }
  if (value.length > RULE_LIMITS.maxListLength) {
    r.report(
      'RULE_LIST_TOO_LONG',
      [...path, 'values'],
      `"values" holds ${value.length} values; at most ${RULE_LIMITS.maxListLength} are allowed (use a segment or a trait instead).`,
    );
    return undefined;
  }
  let ok = true;
  value.forEach((item, i) => {
    const fits = scalarFits(item, type);
    if (fits !== true) {
      ok = false;
      r.report('RULE_BAD_VALUE', [...path, 'values', i], fits);
    }
  });
  return ok ? (value as Scalar[]) : undefined;
}

export function readDuration(
  r: Reader,
  o: Json,
  key: string,
  path: JsonPath,
): Duration | undefined {
  const value = r.field(o, key, path);
  if (value === undefined) return undefined;
  const d = r.object(value, [...path, key], `"${key}"`);
  if (!d) return undefined;
  const at = [...path, key];
  r.onlyKeys(d, ['amount', 'unit'], at);
  const amount = r.number(d, 'amount', at, { integer: true, min: 1, max: 100_000 });
  const unit = r.oneOf(d, 'unit', at, TIME_UNITS);
  return amount === undefined || unit === undefined ? undefined : { amount, unit };
}

export function readComparison(
  r: Reader,
  o: Json,
  key: string,
  path: JsonPath,
): NumberComparison | undefined {
  const value = r.field(o, key, path);
  if (value === undefined) return undefined;
  const c = r.object(value, [...path, key], `"${key}"`);
  if (!c) return undefined;
  const at = [...path, key];
  const op = r.oneOf(
    c,
    'op',
    at,
    ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between'] as const,
    'RULE_UNKNOWN_OPERATOR',
  );
  if (op === undefined) return undefined;
  if (op === 'between') {
    r.onlyKeys(c, ['op', 'min', 'max'], at);
    const min = r.number(c, 'min', at);
    const max = r.number(c, 'max', at);
    if (min === undefined || max === undefined) return undefined;
    if (min > max) {
      r.report(
        'RULE_BAD_VALUE',
        [...at, 'max'],
        `"max" (${max}) is below "min" (${min}); swap them.`,
      );
      return undefined;
    }
    return { op, min, max };
  }
  r.onlyKeys(c, ['op', 'value'], at);
  const v = r.number(c, 'value', at);
  return v === undefined ? undefined : { op, value: v };
}
