import type { FilterNode, RuleDocument, RuleNode, Scalar, ValueType } from '@cairn/schema';

/**
 * What the editor edits: a rule document, possibly with values the validator rejects (an empty
 * name, a number typed as text). Every node carries an `id` once `prepareDraft` has run.
 */
export type RuleDraft = RuleDocument;

/** Any node of the tree: rule nodes, and the property filters inside an event's `where`. */
export type EditorNode = RuleNode | FilterNode;

/** Makes a fresh, unique node id. Injected so the editing operations stay pure and testable. */
export type NewId = () => string;

/** A profile or property path the field picker offers. */
export interface CatalogField {
  /** As rules write it: `traits.plan`, `email`, `createdAt` (traits), or `amount` (properties). */
  readonly path: string;
  readonly type: ValueType;
  /** Values seen, offered in multi-selects and suggestions. */
  readonly examples: readonly Scalar[];
}

/** What the field and event pickers offer, from the workspace's data catalog. */
export interface EditorCatalog {
  readonly traits: readonly CatalogField[];
  readonly events: readonly {
    readonly name: string;
    readonly properties: readonly CatalogField[];
  }[];
}

/** A segment the editor can reference; `references` are the ids its own rule references. */
export interface SegmentOption {
  readonly id: string;
  readonly name: string;
  readonly references: readonly string[];
}

/** A problem shown on a row: the rule language's problem, and whether it blocks saving. */
export interface RowProblem {
  /** A `RULE_*` code (the server may send codes this client does not know yet). */
  readonly code: string;
  readonly message: string;
  readonly path: readonly (string | number)[];
  readonly nodeId?: string;
  readonly severity: 'error' | 'warning';
}

/** A condition row: any node that is not a group or a negation. */
export type ConditionNode = Exclude<EditorNode, { kind: 'all' | 'any' | 'not' }>;
