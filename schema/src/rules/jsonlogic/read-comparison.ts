import type { RuleNode, Scalar, TraitCondition, ValueType } from '../rule.types';
import type { JsonLogicImportProblem, JsonPath } from './json-logic.types';
import { rulePathOf } from './var-path';

/** The comparison operations read from JsonLogic (react-querybuilder adds startsWith/endsWith). */
export const COMPARISON_OPS = [
  '==',
  '===',
  '!=',
  '!==',
  '>',
  '>=',
  '<',
  '<=',
  'in',
  'startsWith',
  'endsWith',
] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

export const isComparisonOp = (op: string): op is ComparisonOp =>
  (COMPARISON_OPS as readonly string[]).includes(op);

type Operand =
  | { readonly kind: 'field'; readonly path: string }
  | { readonly kind: 'literal'; readonly value: Scalar | null }
  | { readonly kind: 'list'; readonly values: readonly unknown[] }
  | { readonly kind: 'other'; readonly why: string };

/** A field (`{"var": "x"}` or `{"var": ["x"]}`), a literal, a list of literals, or something else. */
function operand(x: unknown): Operand {
  if (x === null || typeof x === 'string' || typeof x === 'boolean')
    return { kind: 'literal', value: x };
  if (typeof x === 'number') {
    return Number.isFinite(x)
      ? { kind: 'literal', value: x }
      : { kind: 'other', why: 'a number that is not finite' };
  }
  if (Array.isArray(x)) return { kind: 'list', values: x };
  if (typeof x === 'object' && Object.keys(x).length === 1 && 'var' in x) {
    const raw = (x as { var: unknown }).var;
    const name = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
    if (Array.isArray(raw) && raw.length > 1) {
      return {
        kind: 'other',
        why: 'a "var" with a default value (a default changes what a missing value means)',
      };
    }
    if (typeof name !== 'string' || name.length === 0) {
      return { kind: 'other', why: 'a "var" without a field name (the whole data object)' };
    }
    return { kind: 'field', path: rulePathOf(name) };
  }
  return { kind: 'other', why: 'a computed value' };
}

/** The rule path of a field operand (`{"var": "x"}` or `{"var": ["x"]}`), else undefined. */
export function fieldPath(x: unknown): string | undefined {
  const o = operand(x);
  return o.kind === 'field' ? o.path : undefined;
}

const typeOf = (value: Scalar): ValueType =>
  typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'boolean';

/** The type of a presence test (exists, notExists, isEmpty) on a path: `createdAt` is a date. */
export const presenceType = (path: string): ValueType => (path === 'createdAt' ? 'date' : 'string');

/** A number literal, or a string that spells one (react-querybuilder sends "30" without parseNumbers). */
function numberOf(value: Scalar | null): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(value)) {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

const FLIP = { '>': '<', '>=': '<=', '<': '>', '<=': '>=' } as const;
const ORDER_OP = { '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' } as const;

const trait = (path: string, type: ValueType, rest: object): TraitCondition =>
  ({ kind: 'trait', path, type, ...rest }) as TraitCondition;

export type Read = { readonly node: RuleNode } | { readonly problem: JsonLogicImportProblem };

const problem = (path: JsonPath, message: string): Read => ({
  problem: { code: 'JSONLOGIC_UNSUPPORTED_OPERANDS', path, message },
});

/**
 * Reads a comparison of a field with literal(s) as a trait condition, the type inferred from the
 * literal. Comparisons take Cairn's typed semantics: `{"!=": [{"var": "x"}, "a"]}` is `neq`, false
 * when x is missing, and `==` compares strictly ("5" is not 5).
 */
export function readComparison(op: ComparisonOp, args: readonly unknown[], at: JsonPath): Read {
  const [a, b, c] = args.map(operand);
  const shape = `{"${op}": [...]}`;
  const fieldAndLiteral = `${shape} must compare a field with a literal, e.g. {"${op}": [{"var": "country"}, "US"]}`;
  switch (op) {
    case '==':
    case '===':
    case '!=':
    case '!==': {
      const pair = fieldLiteral(a, b);
      if (args.length !== 2 || !pair) return problem(at, `${fieldAndLiteral}; ${whyNot(a, b)}.`);
      const equal = op === '==' || op === '===';
      if (pair.value === null) {
        return {
          node: trait(pair.path, presenceType(pair.path), { op: equal ? 'notExists' : 'exists' }),
        };
      }
      if (pair.path === 'createdAt') return problem(at, noDates);
      return {
        node: trait(pair.path, typeOf(pair.value), { op: equal ? 'eq' : 'neq', value: pair.value }),
      };
    }
    case '>':
    case '>=':
    case '<':
    case '<=': {
      if (args.length === 3 && (op === '<' || op === '<=')) return readBetween(op, a, b, c, at);
      const pair = fieldLiteral(a, b);
      if (args.length !== 2 || !pair)
        return problem(
          at,
          `${fieldAndLiteral}, or {"${op === '<' || op === '<=' ? op : '<='}": [min, {"var": "x"}, max]}; ${whyNot(a, b)}.`,
        );
      const n = numberOf(pair.value);
      if (n === undefined)
        return problem(
          at,
          `${shape} needs a number: Cairn orders numbers only (not strings, booleans or null).`,
        );
      if (pair.path === 'createdAt') return problem(at, noDates);
      const cmp = pair.fieldFirst ? op : FLIP[op];
      return { node: trait(pair.path, 'number', { op: ORDER_OP[cmp], value: n }) };
    }
    case 'in': {
      if (args.length === 2 && a?.kind === 'field' && b?.kind === 'list') {
        const values = b.values;
        const type = values.every((x) => typeof x === 'number') ? 'number' : 'string';
        if (!values.every((x) => typeof x === type)) {
          return problem(
            [...at, op, 1],
            `The list must hold only strings or only numbers, e.g. {"in": [{"var": "country"}, ["US", "CA"]]}.`,
          );
        }
        return { node: trait(a.path, type, { op: 'in', values }) };
      }
      if (
        args.length === 2 &&
        a?.kind === 'literal' &&
        typeof a.value === 'string' &&
        b?.kind === 'field'
      ) {
        return { node: trait(b.path, 'string', { op: 'contains', value: a.value }) };
      }
      return problem(
        at,
        `"in" must test a field against a list ({"in": [{"var": "country"}, ["US", "CA"]]}) or a text in a field ({"in": ["gmail", {"var": "email"}]}); ${whyNot(a, b)}.`,
      );
    }
    case 'startsWith':
    case 'endsWith': {
      if (
        args.length === 2 &&
        a?.kind === 'field' &&
        b?.kind === 'literal' &&
        typeof b.value === 'string'
      ) {
        return { node: trait(a.path, 'string', { op, value: b.value }) };
      }
      return problem(
        at,
        `${shape} must test a field against a text, e.g. {"${op}": [{"var": "email"}, "sales"]}.`,
      );
    }
  }
}

const noDates =
  '"createdAt" is a date, and JsonLogic has no dates: only {"!=": [{"var": "createdAt"}, null]} (exists) and {"==": [..., null]} (not exists) can be imported.';

function readBetween(
  op: '<' | '<=',
  lo: Operand | undefined,
  v: Operand | undefined,
  hi: Operand | undefined,
  at: JsonPath,
): Read {
  const min = lo?.kind === 'literal' ? numberOf(lo.value) : undefined;
  const max = hi?.kind === 'literal' ? numberOf(hi.value) : undefined;
  if (v?.kind !== 'field' || min === undefined || max === undefined) {
    return problem(
      at,
      `{"${op}": [min, {"var": "x"}, max]} needs a field between two numbers, e.g. {"<=": [18, {"var": "age"}, 65]}.`,
    );
  }
  if (v.path === 'createdAt') return problem(at, noDates);
  if (op === '<=') return { node: trait(v.path, 'number', { op: 'between', min, max }) };
  return {
    node: {
      kind: 'all',
      children: [
        trait(v.path, 'number', { op: 'gt', value: min }),
        trait(v.path, 'number', { op: 'lt', value: max }),
      ],
    },
  };
}

/** The field and the literal of a two-operand comparison, in either order. */
function fieldLiteral(
  a: Operand | undefined,
  b: Operand | undefined,
): { path: string; value: Scalar | null; fieldFirst: boolean } | undefined {
  if (a?.kind === 'field' && b?.kind === 'literal')
    return { path: a.path, value: b.value, fieldFirst: true };
  if (a?.kind === 'literal' && b?.kind === 'field')
    return { path: b.path, value: a.value, fieldFirst: false };
  return undefined;
}

function whyNot(a: Operand | undefined, b: Operand | undefined): string {
  const other = [a, b].find((x) => x?.kind === 'other');
  if (other?.kind === 'other') return `found ${other.why}`;
  if (a?.kind === 'field' && b?.kind === 'field') return 'comparing two fields is not supported';
  if (a?.kind !== 'field' && b?.kind !== 'field') return 'no field ({"var": ...}) is compared';
  return 'found a list where a single literal belongs';
}
