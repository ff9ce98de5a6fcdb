import { RULE_VERSION, type RuleDocument } from '../rule.types';
import { checkCatalog, type RuleCatalog } from './catalog';
import type { RuleProblem } from './problems';
import { Reader, describe } from './reader';
import { readNode } from './read-node';

export type RuleValidation =
  | { readonly ok: true; readonly rule: RuleDocument }
  | { readonly ok: false; readonly problems: readonly RuleProblem[] };

export interface ValidateRuleOptions {
  /** Known traits, events, segments and score models; without it names are not checked. */
  readonly catalog?: RuleCatalog;
  /** The segment this rule belongs to: references that lead back to it are a cycle. */
  readonly segmentId?: string;
}

/**
 * Validates untrusted JSON as a rule document. Never throws: returns the typed rule, or every
 * problem found, each with its JSON path, a code, a message that says the fix, and the node id.
 *
 * @example
 * const result = validateRule(JSON.parse(body), { catalog });
 * if (!result.ok) return result.problems; // [{ code: 'RULE_UNKNOWN_TRAIT', path: ['root', 'children', 0, 'path'], ... }]
 */
export function validateRule(json: unknown, options: ValidateRuleOptions = {}): RuleValidation {
  const r = new Reader();
  const doc = r.object(json, [], 'A rule document');
  if (!doc) return { ok: false, problems: r.problems };
  r.onlyKeys(doc, ['version', 'root'], []);
  const version = doc['version'];
  if (version !== RULE_VERSION) {
    r.report(
      version === undefined ? 'RULE_MISSING_FIELD' : 'RULE_UNSUPPORTED_VERSION',
      ['version'],
      `"version" must be ${RULE_VERSION} (got ${version === undefined ? 'nothing' : describe(version)}).`,
    );
  }
  const rootJson = r.field(doc, 'root', []);
  const root = rootJson === undefined ? undefined : readNode(r, rootJson, ['root'], 1, 'rule');
  if (root === undefined || r.problems.length > 0) return { ok: false, problems: r.problems };
  const catalogProblems =
    options.catalog || options.segmentId
      ? checkCatalog(root, options.catalog ?? {}, options.segmentId)
      : [];
  if (catalogProblems.length > 0) return { ok: false, problems: catalogProblems };
  return { ok: true, rule: { version: RULE_VERSION, root } };
}
