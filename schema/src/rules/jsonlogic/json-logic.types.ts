import type { RuleDocument } from '../rule.types';
import type { RuleProblem } from '../validate/problems';

/** A JsonLogic expression (jsonlogic.com): JSON where an object with one key is an operation. */
export type JsonLogic =
  | string
  | number
  | boolean
  | null
  | readonly JsonLogic[]
  | { readonly [operator: string]: JsonLogic };

/** A location in a JSON value: object keys and list indexes from its root. */
export type JsonPath = ReadonlyArray<string | number>;

/** Codes of problems met while converting to or from JsonLogic; each message says the fix. */
export const JSONLOGIC_PROBLEM_CODES = [
  /** A rule node has no JsonLogic form with the same semantics (export). */
  'JSONLOGIC_UNSUPPORTED_NODE',
  /** A value where a condition is expected is not a JsonLogic operation (import). */
  'JSONLOGIC_NOT_A_CONDITION',
  /** An operation Cairn does not read, such as `map`, `+` or `if` (import). */
  'JSONLOGIC_UNSUPPORTED_OPERATION',
  /** A known operation whose operands are not a field and literal(s) (import). */
  'JSONLOGIC_UNSUPPORTED_OPERANDS',
] as const;

export type JsonLogicProblemCode = (typeof JSONLOGIC_PROBLEM_CODES)[number];

/** A rule node that cannot be exported: `path` is its JSON path in the rule document. */
export interface JsonLogicExportProblem {
  readonly code: 'JSONLOGIC_UNSUPPORTED_NODE';
  readonly message: string;
  readonly path: JsonPath;
  readonly nodeId?: string;
}

/** A part of the JsonLogic that cannot be imported: `path` is its JSON path in the logic. */
export interface JsonLogicImportProblem {
  readonly code: Exclude<JsonLogicProblemCode, 'JSONLOGIC_UNSUPPORTED_NODE'>;
  readonly message: string;
  readonly path: JsonPath;
}

export type ToJsonLogicResult =
  | { readonly ok: true; readonly logic: JsonLogic }
  | { readonly ok: false; readonly problems: readonly JsonLogicExportProblem[] };

/**
 * The imported rule, or every problem found. Problems the rule validator finds in the imported
 * rule (a list too long, a bad path...) keep their `RULE_*` code, with `path` into the logic.
 */
export type FromJsonLogicResult =
  | { readonly ok: true; readonly rule: RuleDocument }
  | { readonly ok: false; readonly problems: ReadonlyArray<JsonLogicImportProblem | RuleProblem> };
