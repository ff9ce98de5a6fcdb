import type { RuleProblem, RuleProblemCode } from '../../rules/validate/problems';
import type { JsonPath } from '../../rules/validate/reader';
import type { JourneyProblem, JourneyProblemCode } from '../compile/problems';

/** Structural codes of the rule reader and their journey twins; everything else is a rule's own problem. */
const STRUCTURAL: Partial<Record<RuleProblemCode, JourneyProblemCode>> = {
  RULE_WRONG_TYPE: 'JOURNEY_WRONG_TYPE',
  RULE_MISSING_FIELD: 'JOURNEY_MISSING_FIELD',
  RULE_UNKNOWN_FIELD: 'JOURNEY_UNKNOWN_FIELD',
  RULE_BAD_VALUE: 'JOURNEY_BAD_VALUE',
};

/**
 * A problem found by the rule language's reader while reading a journey node, pinned to that
 * node. `structural`: the reader read the journey's own fields (a wrong type keeps its meaning);
 * otherwise it read a rule inside the node, and the problem is a JOURNEY_INVALID_RULE that keeps
 * the rule's code and rule node id.
 */
export function fromRuleProblem(
  p: RuleProblem,
  nodeId: string | undefined,
  options: { structural: boolean; pathPrefix?: JsonPath },
): JourneyProblem {
  const path = [...(options.pathPrefix ?? []), ...p.path];
  const mapped = options.structural ? STRUCTURAL[p.code] : undefined;
  return {
    code: mapped ?? 'JOURNEY_INVALID_RULE',
    severity: 'error',
    message: p.message,
    path,
    ...(nodeId === undefined ? {} : { nodeId }),
    ...(mapped ? {} : { ruleCode: p.code }),
    ...(p.nodeId === undefined || p.nodeId === nodeId ? {} : { ruleNodeId: p.nodeId }),
  };
}
