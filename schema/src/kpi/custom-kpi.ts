import { validateFormula } from './formula/validate';
import { isKpiId, type KpiDefinition } from './kpis';
import { isObjective, OBJECTIVE_IDS, type Objective } from './objectives';
import type { KpiProblem, KpiProblemCode } from './problems';
import { KPI_DIRECTIONS, KPI_UNITS } from './units';

/** A KPI a user defines, as it arrives from a form or the API. */
export interface CustomKpiInput {
  readonly id: string;
  readonly name: string;
  /** Formula text, e.g. `(revenue - spend) / entered`. */
  readonly formula: string;
  readonly unit: string;
  readonly direction: string;
  readonly description?: string;
  readonly objectives?: readonly string[];
}

export type CustomKpiValidation =
  | { readonly ok: true; readonly definition: KpiDefinition; readonly problems: [] }
  | { readonly ok: false; readonly problems: KpiProblem[] };

/** `value` when it is one of `options`, else undefined. */
function oneOf<T extends string>(options: readonly T[], value: string): T | undefined {
  return (options as readonly string[]).includes(value) ? (value as T) : undefined;
}

const ID = /^[a-z][A-Za-z0-9]{0,63}$/;
const MAX_NAME = 120;

/**
 * Validates a user-defined KPI: an id in camelCase not used by a built-in or another custom KPI,
 * a name, a known unit and direction, known objectives, and a formula that parses, names only
 * base metrics and gives the declared unit. Never throws; reports every problem.
 *
 * @example
 * validateCustomKpi({ id: 'revenuePerEntrant', name: 'Revenue per entrant', formula: 'revenue / entered',
 *   unit: 'currency', direction: 'higherIsBetter' }).ok // true
 */
export function validateCustomKpi(
  input: CustomKpiInput,
  options: { existingIds?: readonly string[] } = {},
): CustomKpiValidation {
  const problems: KpiProblem[] = [];
  const report = (
    code: KpiProblemCode,
    field: KpiProblem['field'],
    text: string,
    message: string,
  ) => problems.push({ code, field, start: 0, end: text.length, message });
  if (!ID.test(input.id))
    report(
      'KPI_BAD_ID',
      'id',
      input.id,
      'The id must be camelCase letters and digits, starting with a lower-case letter, at most 64 characters (e.g. "revenuePerEntrant").',
    );
  else if (isKpiId(input.id) || options.existingIds?.includes(input.id))
    report(
      'KPI_ID_TAKEN',
      'id',
      input.id,
      `A KPI with the id "${input.id}" already exists; choose another id.`,
    );
  const name = input.name.trim();
  if (name.length === 0 || name.length > MAX_NAME)
    report(
      'KPI_BAD_NAME',
      'name',
      input.name,
      `Give the KPI a name of 1 to ${MAX_NAME} characters.`,
    );
  const unit = oneOf(KPI_UNITS, input.unit);
  const direction = oneOf(KPI_DIRECTIONS, input.direction);
  for (const [code, field, value, known] of [
    ['KPI_BAD_UNIT', 'unit', input.unit, unit ? [] : KPI_UNITS],
    ['KPI_BAD_DIRECTION', 'direction', input.direction, direction ? [] : KPI_DIRECTIONS],
  ] as const)
    if (known.length > 0)
      report(code, field, value, `Unknown ${field} "${value}"; use one of ${known.join(', ')}.`);
  const objectives = input.objectives ?? [];
  for (const objective of objectives)
    if (!isObjective(objective))
      report(
        'KPI_BAD_OBJECTIVE',
        'objectives',
        objective,
        `Unknown objective "${objective}"; use ${OBJECTIVE_IDS.join(', ')}.`,
      );
  const formula = validateFormula(input.formula, unit ? { unit } : {});
  problems.push(...formula.problems);
  if (!formula.ok || !unit || !direction || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    problems: [],
    definition: {
      id: input.id,
      name,
      formula: formula.formula,
      unit,
      direction,
      description: input.description?.trim() ?? '',
      objectives: objectives as Objective[],
    },
  };
}
