import { assertUnreachable } from '../../assert-unreachable';
import type { FormulaNode } from './ast';

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;
const UNARY = 3;
const ATOM = 4;

function precedence(node: FormulaNode): number {
  switch (node.kind) {
    case 'binary':
      return PRECEDENCE[node.op];
    case 'negate':
      return UNARY;
    case 'number':
    case 'metric':
    case 'call':
      return ATOM;
    default:
      return assertUnreachable(node);
  }
}

/**
 * The formula as text, with the fewest parentheses that keep its tree:
 * `parseFormula(printFormula(x))` gives back `x` (without spans).
 *
 * @example
 * printFormula(f.percent(f.metric('clicked'), f.metric('opened'))) // 'clicked / opened * 100'
 */
export function printFormula(node: FormulaNode): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'metric':
      return node.name;
    case 'negate':
      return `-${wrap(node.operand, precedence(node.operand) < UNARY)}`;
    case 'binary': {
      const own = PRECEDENCE[node.op];
      // Left-associative: the right operand needs parentheses at equal precedence too.
      const left = wrap(node.left, precedence(node.left) < own);
      const right = wrap(node.right, precedence(node.right) <= own);
      return `${left} ${node.op} ${right}`;
    }
    case 'call':
      return `${node.fn}(${node.args.map(printFormula).join(', ')})`;
    default:
      return assertUnreachable(node);
  }
}

function wrap(node: FormulaNode, parenthesize: boolean): string {
  const text = printFormula(node);
  return parenthesize ? `(${text})` : text;
}
