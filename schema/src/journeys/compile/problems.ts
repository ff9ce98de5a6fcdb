import type { RuleProblemCode } from '../../rules/validate/problems';

/** Codes of problems the journey compiler reports. Each problem's message also says the fix. */
export const JOURNEY_PROBLEM_CODES = [
  // structure of the document
  'JOURNEY_UNSUPPORTED_VERSION',
  'JOURNEY_WRONG_TYPE',
  'JOURNEY_MISSING_FIELD',
  'JOURNEY_UNKNOWN_FIELD',
  'JOURNEY_UNKNOWN_KIND',
  'JOURNEY_BAD_VALUE',
  'JOURNEY_DUPLICATE_ID',
  'JOURNEY_TOO_LARGE',
  // the graph
  'JOURNEY_NO_TRIGGER',
  'JOURNEY_MANY_TRIGGERS',
  'JOURNEY_EDGE_UNKNOWN_NODE',
  'JOURNEY_EDGE_UNKNOWN_HANDLE',
  'JOURNEY_EDGE_INTO_START',
  'JOURNEY_HANDLE_USED_TWICE',
  'JOURNEY_OUTPUT_UNCONNECTED',
  'JOURNEY_UNREACHABLE_NODE',
  'JOURNEY_CYCLE_WITHOUT_WAIT',
  // node settings
  'JOURNEY_WAIT_WITHOUT_TIMEOUT',
  'JOURNEY_WEIGHTS_NOT_100',
  'JOURNEY_SEND_WITHOUT_CHANNEL',
  'JOURNEY_SEND_WITHOUT_TEMPLATE',
  'JOURNEY_TEMPLATE_UNKNOWN_VARIABLE',
  'JOURNEY_TEMPLATE_INVALID',
  'JOURNEY_UNKNOWN_EVENT',
  'JOURNEY_UNKNOWN_SEGMENT',
  'JOURNEY_UNKNOWN_SCORE_MODEL',
  'JOURNEY_UNKNOWN_TRAIT',
  'JOURNEY_INVALID_RULE',
  'JOURNEY_CONDITION_ALWAYS_TRUE',
  'JOURNEY_CONDITION_ALWAYS_FALSE',
] as const;

export type JourneyProblemCode = (typeof JOURNEY_PROBLEM_CODES)[number];

/** Errors block publishing; warnings are shown on the node and do not. */
export type ProblemSeverity = 'error' | 'warning';

/** One problem, pinned to the node (or edge) it is about, with the JSON path of the field. */
export interface JourneyProblem {
  readonly code: JourneyProblemCode;
  readonly severity: ProblemSeverity;
  readonly message: string;
  readonly path: ReadonlyArray<string | number>;
  readonly nodeId?: string;
  readonly edgeId?: string;
  /** For JOURNEY_INVALID_RULE: the rule language's own code and the rule node's id. */
  readonly ruleCode?: RuleProblemCode;
  readonly ruleNodeId?: string;
}

/** Limits that keep a graph within what the editor and the runtime handle well. */
export const JOURNEY_LIMITS = {
  maxNodes: 1_000,
  maxEdges: 3_000,
  maxBranches: 20,
  maxTemplateLength: 100_000,
  maxIdLength: 100,
} as const;
