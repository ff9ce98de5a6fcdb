import { assertUnreachable } from '../../assert-unreachable';
import type { MetricValues } from '../base-metrics';
import type { FormulaNode } from './ast';

/**
 * Evaluates a formula over one period's base metrics. Missing is contagious: an unknown or
 * missing metric, a division by zero and any result that is not a finite number give
 * `undefined` (a missing value, never Infinity or NaN). See `semantics.md`.
 *
 * @example
 * evaluateFormula(f.percent(f.metric('opened'), f.metric('delivered')), { opened: 25, delivered: 100 }) // 25
 * evaluateFormula(f.div(f.metric('opened'), f.metric('delivered')), { opened: 0, delivered: 0 }) // undefined
 */
export function evaluateFormula(node: FormulaNode, metrics: MetricValues): number | undefined {
  const value = evaluate(node, metrics as Readonly<Record<string, number | undefined>>);
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

function evaluate(
  node: FormulaNode,
  metrics: Readonly<Record<string, number | undefined>>,
): number | undefined {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'metric': {
      const value = Object.prototype.hasOwnProperty.call(metrics, node.name)
        ? metrics[node.name]
        : undefined;
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    }
    case 'negate': {
      const value = evaluate(node.operand, metrics);
      return value === undefined ? undefined : -value;
    }
    case 'binary': {
      const left = evaluate(node.left, metrics);
      const right = evaluate(node.right, metrics);
      if (left === undefined || right === undefined) return undefined;
      return finite(apply(node.op, left, right));
    }
    case 'call': {
      const values: number[] = [];
      for (const arg of node.args) {
        const value = evaluate(arg, metrics);
        if (value === undefined) return undefined;
        values.push(value);
      }
      return node.fn === 'min' ? Math.min(...values) : Math.max(...values);
    }
    default:
      return assertUnreachable(node);
  }
}

function apply(op: '+' | '-' | '*' | '/', left: number, right: number): number | undefined {
  switch (op) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return right === 0 ? undefined : left / right;
    default:
      return assertUnreachable(op);
  }
}

function finite(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}
