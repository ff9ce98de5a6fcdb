import type { FormulaSpan } from './formula/ast';

/** Codes of problems in a KPI formula or a user-defined KPI. Each message also says the fix. */
export const KPI_PROBLEM_CODES = [
  'FORMULA_EMPTY',
  'FORMULA_TOO_LONG',
  'FORMULA_TOO_DEEP',
  'FORMULA_UNEXPECTED_CHARACTER',
  'FORMULA_BAD_NUMBER',
  'FORMULA_EXPECTED_OPERAND',
  'FORMULA_EXPECTED_OPERATOR',
  'FORMULA_UNCLOSED_PARENTHESIS',
  'FORMULA_UNMATCHED_PARENTHESIS',
  'FORMULA_UNKNOWN_METRIC',
  'FORMULA_UNKNOWN_FUNCTION',
  'FORMULA_WRONG_ARGUMENT_COUNT',
  'FORMULA_DIVISION_BY_ZERO',
  'FORMULA_UNIT_MISMATCH',
  'FORMULA_NO_METRIC',
  'KPI_UNIT_MISMATCH',
  'KPI_BAD_ID',
  'KPI_ID_TAKEN',
  'KPI_BAD_NAME',
  'KPI_BAD_UNIT',
  'KPI_BAD_DIRECTION',
  'KPI_BAD_OBJECTIVE',
] as const;

export type KpiProblemCode = (typeof KPI_PROBLEM_CODES)[number];

/**
 * One problem: what it is, how to fix it (`message`), and where. Formula problems carry the
 * character range in the formula text; problems of a user-defined KPI name the `field`.
 */
export interface KpiProblem extends FormulaSpan {
  readonly code: KpiProblemCode;
  readonly message: string;
  /** The field of a user-defined KPI the problem is in (`formula` for every formula problem). */
  readonly field: 'formula' | 'id' | 'name' | 'unit' | 'direction' | 'objectives';
}

/** Limits that keep parsing and evaluation cheap and the stack shallow. */
export const FORMULA_LIMITS = { maxLength: 2_000, maxDepth: 64 } as const;
