/** Codes of problems found in a rule. Each problem also says the fix in its message. */
export const RULE_PROBLEM_CODES = [
  'RULE_UNSUPPORTED_VERSION',
  'RULE_WRONG_TYPE',
  'RULE_MISSING_FIELD',
  'RULE_UNKNOWN_FIELD',
  'RULE_UNKNOWN_KIND',
  'RULE_KIND_NOT_ALLOWED_HERE',
  'RULE_UNKNOWN_OPERATOR',
  'RULE_OPERATOR_NOT_ALLOWED',
  'RULE_BAD_VALUE',
  'RULE_BAD_PATH',
  'RULE_DUPLICATE_NODE_ID',
  'RULE_TOO_DEEP',
  'RULE_TOO_MANY_NODES',
  'RULE_LIST_TOO_LONG',
  'RULE_REGEX_TOO_LONG',
  'RULE_REGEX_INVALID',
  'RULE_REGEX_UNSAFE',
  'RULE_UNKNOWN_TRAIT',
  'RULE_UNKNOWN_EVENT',
  'RULE_UNKNOWN_PROPERTY',
  'RULE_TYPE_MISMATCH',
  'RULE_UNKNOWN_SEGMENT',
  'RULE_SEGMENT_CYCLE',
  'RULE_UNKNOWN_SCORE_MODEL',
] as const;

export type RuleProblemCode = (typeof RULE_PROBLEM_CODES)[number];

/** One problem: where it is (JSON path from the document root), what it is, how to fix it. */
export interface RuleProblem {
  readonly code: RuleProblemCode;
  readonly message: string;
  readonly path: ReadonlyArray<string | number>;
  /** The `id` of the node the problem is in, when it has one (the editor highlights it). */
  readonly nodeId?: string;
}

/** Limits that protect the evaluators and the database from oversized rules. */
export const RULE_LIMITS = {
  maxDepth: 32,
  maxNodes: 2_000,
  maxListLength: 10_000,
  maxRegexLength: 200,
  maxStringLength: 1_000,
  maxPathSegments: 16,
} as const;
