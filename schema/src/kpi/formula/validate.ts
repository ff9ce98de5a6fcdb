import type { KpiProblem } from '../problems';
import {
  describeDimension,
  sameDimension,
  unitDimension,
  type KpiDimension,
  type KpiUnit,
} from '../units';
import type { FormulaNode } from './ast';
import { FormulaChecker } from './check';
import { parseFormula } from './parse';

export type FormulaValidation =
  | {
      readonly ok: true;
      readonly formula: FormulaNode;
      readonly dimension: KpiDimension;
      readonly problems: [];
    }
  | { readonly ok: false; readonly problems: KpiProblem[] };

/**
 * Parses and checks a user's formula: syntax, metric names (with a "did you mean"), function
 * argument counts, division by the constant 0, units (no adding currency to counts), that it
 * uses at least one metric and, when `unit` is given, that the result fits it. Never throws;
 * reports every problem with its character range.
 *
 * @example
 * validateFormula('clicked / deliverd * 100').problems[0]
 * // { code: 'FORMULA_UNKNOWN_METRIC', start: 10, end: 18, message: 'Unknown metric "deliverd"; did you mean "delivered"?', ... }
 */
export function validateFormula(text: string, options: { unit?: KpiUnit } = {}): FormulaValidation {
  const parsed = parseFormula(text);
  if (!parsed.formula) return { ok: false, problems: parsed.problems };
  const checker = new FormulaChecker(parsed.placeholders);
  const measure = checker.measure(parsed.formula);
  for (const fragment of parsed.fragments) checker.measure(fragment);
  const problems = [...parsed.problems, ...checker.problems];
  const whole = { start: 0, end: text.length };
  if (!checker.usesMetric && problems.length === 0)
    problems.push({
      ...whole,
      code: 'FORMULA_NO_METRIC',
      field: 'formula',
      message:
        'The formula uses no metric, so it never changes; build it from base metrics such as "conversions / entered".',
    });
  if (measure && options.unit && !sameDimension(measure.dimension, unitDimension(options.unit)))
    problems.push({
      ...whole,
      code: 'KPI_UNIT_MISMATCH',
      field: 'formula',
      message: `The formula gives ${describeDimension(measure.dimension)} but the KPI's unit is "${options.unit}"; change the unit or the formula.`,
    });
  problems.sort((a, b) => a.start - b.start || a.end - b.end);
  if (problems.length > 0 || !measure) return { ok: false, problems };
  return { ok: true, formula: parsed.formula, dimension: measure.dimension, problems: [] };
}
