import { assertUnreachable } from '../../assert-unreachable';
import type { BaseMetricId } from '../base-metrics';

/** Half-open character range [start, end) in the formula's source text. */
export interface FormulaSpan {
  readonly start: number;
  readonly end: number;
}

export type BinaryOperator = '+' | '-' | '*' | '/';

/** The functions of the formula language and how many arguments each takes. */
export const FORMULA_FUNCTIONS = {
  min: { minArgs: 2, meaning: 'the smallest of its arguments' },
  max: { minArgs: 2, meaning: 'the largest of its arguments' },
} as const satisfies Record<string, { minArgs: number; meaning: string }>;

export type FormulaFunction = keyof typeof FORMULA_FUNCTIONS;

/**
 * A KPI formula: a small expression tree over base metrics and constants. `span` is set by the
 * parser (for problems) and absent in trees built in code. Number literals are finite and ≥ 0;
 * a negative constant is a `negate` node.
 */
export type FormulaNode =
  | { readonly kind: 'number'; readonly value: number; readonly span?: FormulaSpan }
  | { readonly kind: 'metric'; readonly name: string; readonly span?: FormulaSpan }
  | { readonly kind: 'negate'; readonly operand: FormulaNode; readonly span?: FormulaSpan }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOperator;
      readonly left: FormulaNode;
      readonly right: FormulaNode;
      readonly span?: FormulaSpan;
    }
  | {
      readonly kind: 'call';
      readonly fn: FormulaFunction;
      readonly args: readonly FormulaNode[];
      readonly span?: FormulaSpan;
    };

export const FORMULA_NODE_KINDS = [
  'number',
  'metric',
  'negate',
  'binary',
  'call',
] as const satisfies ReadonlyArray<FormulaNode['kind']>;

/** Builders for formulas written in code (the built-in KPI registry); metric names are checked by the compiler. */
export const f = {
  metric: (name: BaseMetricId): FormulaNode => ({ kind: 'metric', name }),
  num: (value: number): FormulaNode => ({ kind: 'number', value }),
  add: (left: FormulaNode, right: FormulaNode): FormulaNode => ({
    kind: 'binary',
    op: '+',
    left,
    right,
  }),
  sub: (left: FormulaNode, right: FormulaNode): FormulaNode => ({
    kind: 'binary',
    op: '-',
    left,
    right,
  }),
  mul: (left: FormulaNode, right: FormulaNode): FormulaNode => ({
    kind: 'binary',
    op: '*',
    left,
    right,
  }),
  div: (left: FormulaNode, right: FormulaNode): FormulaNode => ({
    kind: 'binary',
    op: '/',
    left,
    right,
  }),
  /** `left / right × 100`, for rates shown in percent. */
  percent: (left: FormulaNode, right: FormulaNode): FormulaNode =>
    f.mul(f.div(left, right), f.num(100)),
};

/** The tree without source spans (to compare trees parsed from different texts). */
export function withoutSpans(node: FormulaNode): FormulaNode {
  switch (node.kind) {
    case 'number':
      return { kind: 'number', value: node.value };
    case 'metric':
      return { kind: 'metric', name: node.name };
    case 'negate':
      return { kind: 'negate', operand: withoutSpans(node.operand) };
    case 'binary':
      return {
        kind: 'binary',
        op: node.op,
        left: withoutSpans(node.left),
        right: withoutSpans(node.right),
      };
    case 'call':
      return { kind: 'call', fn: node.fn, args: node.args.map(withoutSpans) };
    default:
      return assertUnreachable(node);
  }
}
