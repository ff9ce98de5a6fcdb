import { assertUnreachable } from '../../assert-unreachable';
import type { NumberComparison, Predicate, Scalar, ValueType } from '../rule.types';
import { durationMs, parseIsoInstant } from '../time';
import type { Codegen } from './codegen';

/**
 * Code for `testPredicate`: statements that test the raw value in `v` and end in `return`. The
 * type check comes first (`d` holds a date's instant); what the operator then asks is decided at
 * compile time, so a value of the wrong type or an operator that never holds costs one test.
 */
export function predicateStatements(g: Codegen, p: Predicate, type: ValueType): string[] {
  switch (p.op) {
    case 'exists':
      return ['return v !== undefined && v !== null;'];
    case 'notExists':
      return ['return v === undefined || v === null;'];
    case 'isEmpty':
      return [
        "return v === undefined || v === null || v === '' || (isArray(v) && v.length === 0);",
      ];
    default: {
      const typed = typedStatements(g, p, type);
      return typed === NEVER ? ['return false;'] : [...typeGuard(type), ...typed];
    }
  }
}

/** The predicate's result on a missing value: only `notExists` and `isEmpty` hold. */
export const resultWhenMissing = (p: Predicate): boolean =>
  p.op === 'notExists' || p.op === 'isEmpty';

/** Statements returning false unless `v` is of the type (`asType`); a date also defines `d`. */
export function typeGuard(type: ValueType): string[] {
  switch (type) {
    case 'string':
      return ["if (typeof v !== 'string') return false;"];
    case 'number':
      // v - v is 0 exactly for finite numbers (NaN and ±Infinity give NaN).
      return ["if (typeof v !== 'number' || v - v !== 0) return false;"];
    case 'boolean':
      return ["if (typeof v !== 'boolean') return false;"];
    case 'date':
      return [
        "if (typeof v !== 'string') return false;",
        'const d = parseIso(v);',
        'if (d === undefined) return false;',
      ];
    case 'stringList':
      return ['if (!isStringList(v)) return false;'];
    default:
      return assertUnreachable(type);
  }
}

/** Marks an operator that is false for every value of the type: no code beyond `return false`. */
export const NEVER = null;

export type TypedPredicate = Exclude<Predicate, { op: 'exists' | 'notExists' | 'isEmpty' }>;

const ORDER = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
const COMPARE = { eq: '===', neq: '!==', ...ORDER } as const;
/** Lists up to this long are tested with `===` chains; longer ones through a Set. */
const INLINE_LIST_MAX = 8;

const ret = (expression: string): string[] => [`return ${expression};`];

/** The operator token for an operator name; an own entry only, so nothing from a rule is written. */
function token<T extends Record<string, string>>(table: T, op: string): T[keyof T] {
  if (!Object.prototype.hasOwnProperty.call(table, op))
    throw new Error(`Unknown comparison operator ${JSON.stringify(op)}.`);
  return table[op as keyof T];
}

/** A date literal as the interpreter reads it (`literal(value, 'date')`). */
const dateLiteral = (value: Scalar): number | undefined =>
  typeof value === 'string' ? parseIsoInstant(value) : undefined;

/**
 * What `testTyped` asks once the value has the declared type: statements ending in `return`
 * (reading `v`, or `d` for a date's instant), or NEVER.
 */
export function typedStatements(
  g: Codegen,
  p: TypedPredicate,
  type: ValueType,
): string[] | typeof NEVER {
  const ordered = type === 'number' || type === 'date';
  const subject = type === 'date' ? 'd' : 'v';
  switch (p.op) {
    case 'eq':
    case 'neq': {
      if (type === 'stringList') return NEVER;
      const literal = type === 'date' ? dateLiteral(p.value) : p.value;
      if (literal === undefined) return p.op === 'eq' ? NEVER : ret('true');
      return ret(`${subject} ${token(COMPARE, p.op)} ${g.constant(literal)}`);
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const bound = type === 'date' ? dateLiteral(p.value) : p.value;
      if (!ordered || typeof bound !== 'number') return NEVER;
      return ret(`${subject} ${token(ORDER, p.op)} ${g.constant(bound)}`);
    }
    case 'between': {
      const lo = type === 'date' ? dateLiteral(p.min) : p.min;
      const hi = type === 'date' ? dateLiteral(p.max) : p.max;
      if (!ordered || typeof lo !== 'number' || typeof hi !== 'number') return NEVER;
      return ret(`${g.constant(lo)} <= ${subject} && ${subject} <= ${g.constant(hi)}`);
    }
    case 'in':
    case 'notIn': {
      const hit = p.op === 'in';
      if (type === 'date') return hit ? NEVER : ret('true');
      const member = membership(g, p.values);
      if (type === 'stringList') {
        return [
          `for (let i = 0; i < v.length; i++) {\n  const x = v[i];\n  if (${member('x')}) return ${hit};\n}`,
          `return ${!hit};`,
        ];
      }
      return ret(hit ? member('v') : `!(${member('v')})`);
    }
    case 'contains':
    case 'notContains': {
      const hit = p.op === 'contains';
      if (type !== 'string' && type !== 'stringList') return hit ? NEVER : ret('true');
      return ret(`${hit ? '' : '!'}v.includes(${g.constant(p.value)})`);
    }
    case 'startsWith':
    case 'endsWith':
      if (type !== 'string') return NEVER;
      return ret(`v.${p.op === 'startsWith' ? 'startsWith' : 'endsWith'}(${g.constant(p.value)})`);
    case 'matches':
      if (type !== 'string') return NEVER;
      return ret(`${g.constant(regex(p.pattern, p.ignoreCase === true))}.test(v)`);
    case 'before':
    case 'after': {
      const bound = parseIsoInstant(p.value);
      if (type !== 'date' || bound === undefined) return NEVER;
      return ret(`d ${p.op === 'before' ? '<' : '>'} ${g.constant(bound)}`);
    }
    case 'withinLast':
      if (type !== 'date') return NEVER;
      return ret(`d <= now && d >= now - ${g.constant(durationMs(p.duration))}`);
    case 'notWithinLast':
      if (type !== 'date') return NEVER;
      return ret(`d < now - ${g.constant(durationMs(p.duration))}`);
    case 'anniversaryWithin':
      if (type !== 'date') return NEVER;
      return [
        "const days = anniversaryDays(v, now, o.timeZone ?? 'UTC');",
        `return days !== undefined && days <= ${g.constant(p.days)};`,
      ];
    default:
      return assertUnreachable(p);
  }
}

/** `values.includes(x)` as code: a `===` chain for short lists, a bound Set for long ones. */
function membership(g: Codegen, values: readonly Scalar[]): (x: string) => string {
  if (values.length > INLINE_LIST_MAX) {
    const set = g.constant(new Set(values));
    return (x) => `${set}.has(${x})`;
  }
  const names = values.map((value) => g.constant(value));
  return (x) => (names.length === 0 ? 'false' : names.map((k) => `${x} === ${k}`).join(' || '));
}

/** The pattern compiled once, like `compileRegex`; a pattern that does not compile throws when used, as in the interpreter. */
function regex(pattern: string, ignoreCase: boolean): { test(text: string): boolean } {
  try {
    return new RegExp(pattern, ignoreCase ? 'iu' : 'u');
  } catch (error) {
    return {
      test: () => {
        throw error;
      },
    };
  }
}

/** `compare(c, x)` from the interpreter as an expression over the number expression `x`. */
export function comparisonExpr(g: Codegen, c: NumberComparison, x: string): string {
  if (c.op === 'between') return `${g.constant(c.min)} <= ${x} && ${x} <= ${g.constant(c.max)}`;
  return `${x} ${token(COMPARE, c.op)} ${g.constant(c.value)}`;
}
