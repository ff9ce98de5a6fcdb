import { assertUnreachable } from '../../assert-unreachable';
import type { RuleDocument, RuleNode, TraitCondition } from '../rule.types';
import type {
  JsonLogic,
  JsonLogicExportProblem,
  JsonPath,
  ToJsonLogicResult,
} from './json-logic.types';
import { exportableOps, traitLogic } from './trait-forms';
import { unsafePathReason, varPathOf } from './var-path';

/** Why each kind of node other than groups and traits has no JsonLogic form. */
const UNSUPPORTED_KIND = {
  event:
    'Event conditions (counts, aggregates, first/last occurrence in a time window) have no JsonLogic form with the same semantics',
  score: 'Lead-score conditions read score history, which JsonLogic cannot evaluate',
  segment: 'Segment membership depends on other rules, which JsonLogic cannot evaluate',
  consent: 'Consent conditions read the consent record, which JsonLogic cannot evaluate',
  randomBucket: 'Random buckets hash the customer id (MD5), which JsonLogic cannot compute',
} as const satisfies Record<Exclude<RuleNode['kind'], 'all' | 'any' | 'not' | 'trait'>, string>;

const FIX = 'remove the node, or keep the rule in Cairn format';

/**
 * Exports a rule to JsonLogic (jsonlogic.com) for tools such as json-logic-js and
 * react-querybuilder. Only groups (`all` → `and`, `any` → `or`, `not` → `!`) and trait
 * comparisons with a form of exactly the same semantics are exported (see `TRAIT_FORMS` for how
 * missing and wrongly-typed values keep Cairn's meaning). Evaluate the logic against the customer's
 * facts as JSON data, `jsonLogic.apply(logic, facts)`, and it gives the interpreter's verdict. JSON
 * data means plain objects and lists as `JSON.parse` makes them: a property an object inherits
 * from its prototype is a value to JsonLogic's `var` but not to Cairn, and `createdAt` is a
 * stored (representable) time. Every node that cannot be
 * exported is reported at once, with its JSON path and node id.
 *
 * @example
 * const result = toJsonLogic({ version: 1, root: { kind: 'trait', path: 'traits.country', type: 'string', op: 'eq', value: 'US' } });
 * // { ok: true, logic: { '===': [{ var: 'traits.country' }, 'US'] } }
 */
export function toJsonLogic(rule: RuleDocument): ToJsonLogicResult {
  const problems: JsonLogicExportProblem[] = [];
  const logic = exportNode(rule.root, ['root'], problems);
  return problems.length === 0 ? { ok: true, logic } : { ok: false, problems };
}

function report(
  problems: JsonLogicExportProblem[],
  node: RuleNode,
  path: JsonPath,
  message: string,
): JsonLogic {
  problems.push(
    node.id === undefined
      ? { code: 'JSONLOGIC_UNSUPPORTED_NODE', message, path }
      : { code: 'JSONLOGIC_UNSUPPORTED_NODE', message, path, nodeId: node.id },
  );
  return null;
}

function exportNode(node: RuleNode, path: JsonPath, problems: JsonLogicExportProblem[]): JsonLogic {
  switch (node.kind) {
    case 'all':
    case 'any': {
      const children = node.children.map((c, i) =>
        exportNode(c, [...path, 'children', i], problems),
      );
      // json-logic-js gives undefined for an empty "and"; an empty "all" is true.
      if (children.length === 0) return node.kind === 'all';
      return node.kind === 'all' ? { and: children } : { or: children };
    }
    case 'not':
      return { '!': [exportNode(node.child, [...path, 'child'], problems)] };
    case 'trait':
      return exportTrait(node, path, problems);
    case 'event':
    case 'score':
    case 'segment':
    case 'consent':
    case 'randomBucket':
      return report(problems, node, path, `${UNSUPPORTED_KIND[node.kind]}; ${FIX}.`);
    default:
      return assertUnreachable(node);
  }
}

function exportTrait(
  node: TraitCondition,
  path: JsonPath,
  problems: JsonLogicExportProblem[],
): JsonLogic {
  const unsafe = unsafePathReason(node.path);
  if (unsafe !== undefined) {
    return report(
      problems,
      node,
      [...path, 'path'],
      `"${node.path}" cannot be exported: ${unsafe}; rename the trait.`,
    );
  }
  const logic = traitLogic(node, { var: varPathOf(node.path) });
  if (logic !== undefined) return logic;
  const why =
    node.op === 'matches'
      ? 'JsonLogic has no regular expressions'
      : node.type === 'date'
        ? 'JsonLogic has no dates'
        : `"${node.op}" on ${node.type === 'stringList' ? 'a list of strings' : `a ${node.type}`} has no JsonLogic form with the same semantics`;
  return report(
    problems,
    node,
    [...path, 'op'],
    `${why}; for a ${node.type} use one of ${exportableOps(node.type).join(', ')}, or ${FIX}.`,
  );
}
