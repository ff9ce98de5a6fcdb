import type { OPERATORS_BY_TYPE } from '../operators';
import type { Operator, TraitCondition, ValueType } from '../rule.types';
import { PREDICATE_FIELDS } from '../validate/read-predicate';
import type { JsonLogic } from './json-logic.types';
import { hole, jsonEqual, unify } from './unify';
import { rulePathOf } from './var-path';

/**
 * The JsonLogic form of each trait comparison that JsonLogic can express with exactly the
 * interpreter's semantics, evaluated by json-logic-js (the reference implementation) against the
 * `CustomerFacts` object.
 *
 * How the semantics are kept: `var` reads a missing value as `null`, and JsonLogic compares
 * loosely (`null < 5`, `"600" > 500` and `{"!=": [null, "x"]}` are all true), while Cairn's
 * operators are false on a missing or wrongly-typed value. So:
 * - `eq` and `in` use strict `===` / `in` against literals of the declared type: they can only
 *   hold for a value of that type, and need no guard.
 * - Every other comparison is `{"and": [guard, comparison]}`, where the guard holds exactly when
 *   the value has the declared type:
 *   - string: `{"===": [{"cat": [v]}, v]}` (`cat` turns anything but a string into another value);
 *   - number: `{"===": [{"-": [v, {"-": [v, v]}]}, v]}` (only a finite number is itself minus zero;
 *     strings, `null`, `true`, NaN and Infinity are not);
 *   - list of strings: `{"all": [v, <string guard on each>]}` (non-empty), or the empty list.
 * - `exists` is `{"!=": [v, null]}` and `notExists` `{"==": [v, null]}` (not `!!`, which is false
 *   for 0, false and ""); `isEmpty` is `!v` with `cat(v) === ""` (only null, "" and [] pass both).
 * - boolean `neq x` is `=== !x`.
 * Paths whose `var` would read a built-in property are not exported (see `unsafePathReason`).
 */
export interface FormSlots {
  /** The field: `{"var": path}`. */
  readonly v: JsonLogic;
  readonly value: JsonLogic;
  readonly values: JsonLogic;
  readonly min: JsonLogic;
  readonly max: JsonLogic;
  /** `value.length` and its negation (for `substr`). */
  readonly len: JsonLogic;
  readonly negLen: JsonLogic;
}

type Form = (slots: FormSlots) => JsonLogic;
type FormTable = {
  readonly [T in ValueType]: Partial<Record<(typeof OPERATORS_BY_TYPE)[T][number], Form>>;
};

/** The current element inside `all`, `some` and `none`. */
const EL: JsonLogic = { var: '' };
const not = (x: JsonLogic): JsonLogic => ({ '!': [x] });
const isString = (x: JsonLogic): JsonLogic => ({ '===': [{ cat: [x] }, x] });
const isNumber = (x: JsonLogic): JsonLogic => ({ '===': [{ '-': [x, { '-': [x, x] }] }, x] });
/** null, "" or []: the only falsy values whose `cat` is "". */
const isEmptyValue = (x: JsonLogic): JsonLogic => ({
  and: [not(x), { '===': [{ cat: [x] }, ''] }],
});
const isNonEmptyStringList = (x: JsonLogic): JsonLogic => ({ all: [x, isString(EL)] });
const isStringList = (x: JsonLogic): JsonLogic => ({
  or: [
    isNonEmptyStringList(x),
    { and: [isEmptyValue(x), { '!==': [x, ''] }, { '!==': [x, null] }] },
  ],
});

const exists: Form = ({ v }) => ({ '!=': [v, null] });
const notExists: Form = ({ v }) => ({ '==': [v, null] });
const isEmpty: Form = ({ v }) => isEmptyValue(v);
const eq: Form = ({ v, value }) => ({ '===': [v, value] });
const inList: Form = ({ v, values }) => ({ in: [v, values] });

export const TRAIT_FORMS = {
  string: {
    eq,
    neq: ({ v, value }) => ({ and: [isString(v), { '!==': [v, value] }] }),
    in: inList,
    notIn: ({ v, values }) => ({ and: [isString(v), not({ in: [v, values] })] }),
    contains: ({ v, value }) => ({ and: [isString(v), { in: [value, v] }] }),
    notContains: ({ v, value }) => ({ and: [isString(v), not({ in: [value, v] })] }),
    startsWith: ({ v, value, len }) => ({
      and: [isString(v), { '===': [{ substr: [v, 0, len] }, value] }],
    }),
    endsWith: ({ v, value, negLen }) => ({
      and: [isString(v), { '===': [{ substr: [v, negLen] }, value] }],
    }),
    exists,
    notExists,
    isEmpty,
  },
  number: {
    eq,
    neq: ({ v, value }) => ({ and: [isNumber(v), { '!==': [v, value] }] }),
    gt: ({ v, value }) => ({ and: [isNumber(v), { '>': [v, value] }] }),
    gte: ({ v, value }) => ({ and: [isNumber(v), { '>=': [v, value] }] }),
    lt: ({ v, value }) => ({ and: [isNumber(v), { '<': [v, value] }] }),
    lte: ({ v, value }) => ({ and: [isNumber(v), { '<=': [v, value] }] }),
    between: ({ v, min, max }) => ({ and: [isNumber(v), { '<=': [min, v, max] }] }),
    in: inList,
    notIn: ({ v, values }) => ({ and: [isNumber(v), not({ in: [v, values] })] }),
    exists,
    notExists,
  },
  boolean: {
    eq,
    neq: ({ v, value }) => ({ '===': [v, typeof value === 'boolean' ? !value : value] }),
    exists,
    notExists,
  },
  date: { exists, notExists },
  stringList: {
    contains: ({ v, value }) => ({ and: [isNonEmptyStringList(v), { in: [value, v] }] }),
    notContains: ({ v, value }) => ({ and: [isStringList(v), not({ in: [value, v] })] }),
    in: ({ v, values }) => ({
      and: [isNonEmptyStringList(v), { some: [v, { in: [EL, values] }] }],
    }),
    notIn: ({ v, values }) => ({ and: [isStringList(v), { none: [v, { in: [EL, values] }] }] }),
    isEmpty,
    exists,
    notExists,
  },
} as const satisfies FormTable;

function formOf(type: ValueType, op: Operator): Form | undefined {
  return (TRAIT_FORMS[type] as Partial<Record<Operator, Form>>)[op];
}

/** True when the operator on this type has a JsonLogic form. */
export const hasForm = (type: ValueType, op: Operator): boolean => formOf(type, op) !== undefined;

/** The operators of a type that have a JsonLogic form, for messages. */
export const exportableOps = (type: ValueType): string[] => Object.keys(TRAIT_FORMS[type]);

/** The JsonLogic of a trait comparison on the field `v`, or undefined when it has no form. */
export function traitLogic(node: TraitCondition, v: JsonLogic): JsonLogic | undefined {
  const form = formOf(node.type, node.op);
  if (!form) return undefined;
  const p = node as unknown as Readonly<Record<string, unknown>>;
  const len = typeof p['value'] === 'string' ? p['value'].length : 0;
  return form({
    v,
    value: (p['value'] ?? null) as JsonLogic,
    values: (p['values'] ?? null) as JsonLogic,
    min: (p['min'] ?? null) as JsonLogic,
    max: (p['max'] ?? null) as JsonLogic,
    len,
    negLen: -len,
  });
}

const SLOTS = ['v', 'value', 'values', 'min', 'max', 'len', 'negLen'] as const;
const HOLES = Object.fromEntries(SLOTS.map((s) => [s, hole(s)])) as unknown as FormSlots;

/** Every form written with holes, once, at module scope. */
const PATTERNS = (Object.keys(TRAIT_FORMS) as ValueType[]).flatMap((type) =>
  Object.entries(TRAIT_FORMS[type] as Record<string, Form>).map(([op, form]) => ({
    type,
    op: op as Operator,
    pattern: form(HOLES),
  })),
);

const PRESENCE_OPS: ReadonlySet<Operator> = new Set(['exists', 'notExists', 'isEmpty']);

/** A literal of the declared type's comparison space (list types compare strings). */
function fits(value: unknown, type: ValueType): boolean {
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (type === 'boolean') return typeof value === 'boolean';
  return typeof value === 'string';
}

/**
 * Recognises the exporter's own form of a trait comparison (on any `var`), so exported logic
 * imports back to the same comparisons. Tries each form's pattern; a candidate is accepted only
 * when exporting it again gives exactly `logic`, so a match can never change the semantics.
 */
export function readTraitForm(logic: unknown): TraitCondition | undefined {
  for (const { type, op, pattern } of PATTERNS) {
    const bindings = unify(pattern, logic);
    const v = bindings?.get('v');
    if (!bindings || !isVar(v)) continue;
    const operands: Record<string, unknown> = {};
    let ok = true;
    for (const field of PREDICATE_FIELDS[op]) {
      const bound = bindings.get(field);
      const good =
        field === 'values'
          ? Array.isArray(bound) && bound.every((x) => fits(x, type))
          : fits(bound, type);
      if (!good) ok = false;
      operands[field] = bound;
    }
    if (!ok) continue;
    const path = rulePathOf(v.var);
    const nodeType = PRESENCE_OPS.has(op) && path === 'createdAt' ? 'date' : type;
    const node = { kind: 'trait', path, type: nodeType, op, ...operands } as TraitCondition;
    if (jsonEqual(traitLogic(node, v), logic)) return node;
  }
  return undefined;
}

/** `{"var": "a.b"}` with a non-empty string path and no default. */
export function isVar(x: unknown): x is { var: string } {
  return (
    typeof x === 'object' &&
    x !== null &&
    !Array.isArray(x) &&
    Object.keys(x).length === 1 &&
    typeof (x as { var?: unknown }).var === 'string' &&
    (x as { var: string }).var.length > 0
  );
}
