import { RULE_VERSION, type RuleNode } from '../rule.types';
import { RULE_LIMITS, type RuleProblem } from '../validate/problems';
import { validateRule } from '../validate/validate-rule';
import type { FromJsonLogicResult, JsonLogicImportProblem, JsonPath } from './json-logic.types';
import {
  COMPARISON_OPS,
  fieldPath,
  isComparisonOp,
  presenceType,
  readComparison,
} from './read-comparison';
import { readTraitForm } from './trait-forms';

const GROUP_OPS = ['and', 'or', '!', '!!'] as const;
const SUPPORTED = [...GROUP_OPS, ...COMPARISON_OPS].join(', ');

interface Ctx {
  readonly problems: Array<JsonLogicImportProblem | RuleProblem>;
  /** Where each imported node came from: rule path (as JSON) → logic path. */
  readonly origins: Map<string, JsonPath>;
}

/**
 * Imports JsonLogic as a rule: what react-querybuilder's `formatQuery(q, 'jsonlogic')` and typical
 * json-logic users write (`and`, `or`, `!`, `!!`, `==`, `===`, `!=`, `!==`, `>`, `>=`, `<`, `<=`,
 * the between form `{"<=": [a, {"var": x}, b]}`, `in` on a list or a text, react-querybuilder's
 * `startsWith`/`endsWith`), and everything `toJsonLogic` exports (read back to the same comparisons).
 *
 * - `{"var": "country"}` is the trait `traits.country`; `traits.country`, `email` and `createdAt`
 *   stay as they are. The type is inferred from the literal compared with (numeric strings count
 *   as numbers in `<`, `>`, between).
 * - Comparisons take Cairn's typed semantics: false on a missing or wrongly-typed value (so
 *   `{"!=": [{"var": "x"}, "a"]}` and `{"<": [{"var": "x"}, 5]}` do not hold for a customer
 *   without x, where json-logic-js would say true), and `==` is strict.
 * - `!` negates the whole condition (`{"!": {"in": ...}}` holds for a missing value).
 * - `{"!!": {"var": x}}` is "x is not empty" and `{"!": {"var": x}}` "x is empty" (null, "" or
 *   []); unlike JsonLogic's truthiness, 0 and false are values.
 * The result always passes `validateRule`; problems point into the logic.
 *
 * @example
 * fromJsonLogic({ and: [{ '==': [{ var: 'country' }, 'US'] }, { '>': [{ var: 'ltv' }, 500] }] });
 * // { ok: true, rule: { version: 1, root: { kind: 'all', children: [
 * //   { kind: 'trait', path: 'traits.country', type: 'string', op: 'eq', value: 'US' },
 * //   { kind: 'trait', path: 'traits.ltv', type: 'number', op: 'gt', value: 500 } ] } } }
 */
export function fromJsonLogic(logic: unknown): FromJsonLogicResult {
  const ctx: Ctx = { problems: [], origins: new Map() };
  const root = readCondition(logic, [], ['root'], 1, ctx);
  if (root === undefined || ctx.problems.length > 0) return { ok: false, problems: ctx.problems };
  const validated = validateRule({ version: RULE_VERSION, root });
  if (validated.ok) return validated;
  return {
    ok: false,
    problems: validated.problems.map((p) => ({ ...p, path: originOf(p.path, ctx) })),
  };
}

/** The logic path of the node a validator problem is in (its longest known rule-path prefix). */
function originOf(rulePath: JsonPath, ctx: Ctx): JsonPath {
  for (let n = rulePath.length; n > 0; n--) {
    const origin = ctx.origins.get(JSON.stringify(rulePath.slice(0, n)));
    if (origin) return origin;
  }
  return [];
}

function readCondition(
  logic: unknown,
  at: JsonPath,
  rulePath: JsonPath,
  depth: number,
  ctx: Ctx,
): RuleNode | undefined {
  if (depth > RULE_LIMITS.maxDepth) {
    ctx.problems.push({
      code: 'RULE_TOO_DEEP',
      path: at,
      message: `Rules nest at most ${RULE_LIMITS.maxDepth} levels deep; flatten the nested "and"/"or"/"!".`,
    });
    return undefined;
  }
  const node = readNode(logic, at, rulePath, depth, ctx);
  if (node) ctx.origins.set(JSON.stringify(rulePath), at);
  return node;
}

function readNode(
  logic: unknown,
  at: JsonPath,
  rulePath: JsonPath,
  depth: number,
  ctx: Ctx,
): RuleNode | undefined {
  if (typeof logic === 'boolean') return { kind: logic ? 'all' : 'any', children: [] };
  if (
    typeof logic !== 'object' ||
    logic === null ||
    Array.isArray(logic) ||
    Object.keys(logic).length !== 1
  ) {
    ctx.problems.push({
      code: 'JSONLOGIC_NOT_A_CONDITION',
      path: at,
      message:
        'Expected a condition: an object with one operation, e.g. {"==": [{"var": "country"}, "US"]}.',
    });
    return undefined;
  }
  const exported = readTraitForm(logic);
  if (exported) return exported;
  const op = Object.keys(logic)[0]!;
  const raw = (logic as Record<string, unknown>)[op];
  const args: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
  const argAt = (i: number): JsonPath => (Array.isArray(raw) ? [...at, op, i] : [...at, op]);
  switch (op) {
    case 'and':
    case 'or': {
      // json-logic-js gives undefined (false) for an empty "and".
      if (args.length === 0) return { kind: 'any', children: [] };
      const children = args.map((a, i) =>
        readCondition(a, argAt(i), [...rulePath, 'children', i], depth + 1, ctx),
      );
      if (children.some((c) => c === undefined)) return undefined;
      return { kind: op === 'and' ? 'all' : 'any', children: children as RuleNode[] };
    }
    case '!':
    case '!!': {
      if (args.length !== 1) {
        ctx.problems.push({
          code: 'JSONLOGIC_UNSUPPORTED_OPERANDS',
          path: at,
          message: `"${op}" takes one operand, e.g. {"${op}": {"var": "email"}}.`,
        });
        return undefined;
      }
      const arg = args[0];
      const path = fieldPath(arg);
      if (path !== undefined) {
        const isEmpty = { kind: 'trait', path, type: presenceType(path), op: 'isEmpty' } as const;
        return op === '!' ? isEmpty : { kind: 'not', child: isEmpty };
      }
      if (op === '!!') return readCondition(arg, argAt(0), rulePath, depth + 1, ctx);
      const child = readCondition(arg, argAt(0), [...rulePath, 'child'], depth + 1, ctx);
      return child && { kind: 'not', child };
    }
    default: {
      if (!isComparisonOp(op)) {
        ctx.problems.push({
          code: 'JSONLOGIC_UNSUPPORTED_OPERATION',
          path: [...at, op],
          message: `"${op}" cannot be imported as a rule; use ${SUPPORTED} on fields ({"var": ...}) and literals.`,
        });
        return undefined;
      }
      const read = readComparison(op, args, at);
      if ('problem' in read) {
        ctx.problems.push(read.problem);
        return undefined;
      }
      if (read.node.kind === 'all')
        read.node.children.forEach((_, i) =>
          ctx.origins.set(JSON.stringify([...rulePath, 'children', i]), at),
        );
      return read.node;
    }
  }
}
