import { assertUnreachable } from '../../assert-unreachable';
import { BASE_METRIC_IDS, BASE_METRICS, isBaseMetricId } from '../base-metrics';
import type { KpiProblem, KpiProblemCode } from '../problems';
import {
  DIMENSIONLESS,
  describeDimension,
  sameDimension,
  unitDimension,
  type KpiDimension,
} from '../units';
import { FORMULA_FUNCTIONS, type FormulaNode, type FormulaSpan } from './ast';
import { printFormula } from './print';
import { didYouMean } from './suggest';
import { isKpiId, KPI_DEFINITIONS } from '../kpis';

/**
 * What a sub-formula measures. `constant` is true for formulas of numbers only: a constant
 * takes the dimension of what it is added to (`revenue + 100` is currency).
 */
interface Measure {
  readonly dimension: KpiDimension;
  readonly constant: boolean;
}

const NO_SPAN: FormulaSpan = { start: 0, end: 0 };

/** Checks names, argument counts, literal division by zero and dimensions; returns the result's dimension. */
export class FormulaChecker {
  readonly problems: KpiProblem[] = [];
  usesMetric = false;

  /** @param placeholders the parser's stand-ins for missing operands: unknown, not 0. */
  constructor(private readonly placeholders: ReadonlySet<FormulaNode> = new Set()) {}

  private report(code: KpiProblemCode, node: FormulaNode, message: string): void {
    const span = node.span ?? NO_SPAN;
    this.problems.push({ code, field: 'formula', start: span.start, end: span.end, message });
  }

  /** The measure of `node`, or undefined when a problem inside makes it unknown. */
  measure(node: FormulaNode): Measure | undefined {
    if (this.placeholders.has(node)) return undefined;
    switch (node.kind) {
      case 'number':
        return { dimension: DIMENSIONLESS, constant: true };
      case 'metric':
        return this.metric(node);
      case 'negate':
        return this.measure(node.operand);
      case 'binary': {
        const left = this.measure(node.left);
        const right = this.measure(node.right);
        if (
          node.op === '/' &&
          right?.constant &&
          node.right.kind === 'number' &&
          node.right.value === 0
        )
          this.report(
            'FORMULA_DIVISION_BY_ZERO',
            node.right,
            'Dividing by the constant 0 never gives a value; divide by a metric or a non-zero number.',
          );
        if (!left || !right) return undefined;
        if (node.op === '+' || node.op === '-')
          return this.same(node, [left, right], `"${node.op}"`);
        const sign = node.op === '*' ? 1 : -1;
        return {
          dimension: {
            currency: left.dimension.currency + sign * right.dimension.currency,
            time: left.dimension.time + sign * right.dimension.time,
          },
          constant: left.constant && right.constant,
        };
      }
      case 'call': {
        const spec = FORMULA_FUNCTIONS[node.fn];
        if (node.args.length < spec.minArgs)
          this.report(
            'FORMULA_WRONG_ARGUMENT_COUNT',
            node,
            `${node.fn}() takes at least ${spec.minArgs} arguments separated by commas, got ${node.args.length}; add the missing ones.`,
          );
        const measures = node.args.map((arg) => this.measure(arg));
        if (measures.some((m) => m === undefined)) return undefined;
        return this.same(node, measures as Measure[], `${node.fn}()`);
      }
      default:
        return assertUnreachable(node);
    }
  }

  private metric(node: FormulaNode & { kind: 'metric' }): Measure | undefined {
    if (!isBaseMetricId(node.name)) {
      this.report('FORMULA_UNKNOWN_METRIC', node, unknownMetricMessage(node.name));
      return undefined;
    }
    this.usesMetric = true;
    return { dimension: unitDimension(BASE_METRICS[node.name].unit), constant: false };
  }

  /** Operands of + - min max must measure the same thing (constants adapt). */
  private same(node: FormulaNode, measures: Measure[], what: string): Measure {
    const measured = measures.filter((m) => !m.constant);
    const first = measured[0];
    if (!first) return { dimension: DIMENSIONLESS, constant: true };
    const other = measured.find((m) => !sameDimension(m.dimension, first.dimension));
    if (other)
      this.report(
        'FORMULA_UNIT_MISMATCH',
        node,
        `${what} combines ${describeDimension(first.dimension)} with ${describeDimension(other.dimension)}; ` +
          'only values of the same unit can be added, subtracted or compared (divide one by the other for a ratio).',
      );
    return first;
  }
}

/** The fix for an unknown name: a KPI's formula (KPIs are not metrics), a near miss, or the list. */
function unknownMetricMessage(name: string): string {
  if (isKpiId(name))
    return `"${name}" is a KPI, not a base metric; write its formula instead: ${printFormula(KPI_DEFINITIONS[name].formula)}.`;
  const suggestion = didYouMean(name, BASE_METRIC_IDS);
  return suggestion
    ? `Unknown metric "${name}"; did you mean "${suggestion}"?`
    : `Unknown metric "${name}"; use one of: ${BASE_METRIC_IDS.join(', ')}.`;
}
