import { validateRule } from '@cairn/schema';
import { ruleCatalog } from './catalog';
import type { EditorCatalog, RowProblem, RuleDraft, SegmentOption } from './draft.types';

/** Names the workspace has not received yet: the server saves them anyway (the data may come later). */
const WARNING_CODES = new Set([
  'RULE_UNKNOWN_TRAIT',
  'RULE_UNKNOWN_EVENT',
  'RULE_UNKNOWN_PROPERTY',
]);

export interface DraftCheck {
  /** Every problem, errors first. */
  readonly problems: readonly RowProblem[];
  /** Whether anything blocks saving or previewing. */
  readonly blocking: boolean;
}

/**
 * Checks a draft in the browser, instantly, as the server will: the structure, then names and
 * types against the catalog and references to segments (cycles through `segmentId`).
 *
 * @example
 * checkDraft(draft, catalog, segments).problems // [{ code: 'RULE_UNKNOWN_TRAIT', nodeId: 'n2', severity: 'warning', ... }]
 */
export function checkDraft(
  draft: RuleDraft,
  catalog: EditorCatalog,
  segments: readonly SegmentOption[],
  segmentId?: string,
): DraftCheck {
  const result = validateRule(draft, {
    catalog: ruleCatalog(catalog, segments),
    ...(segmentId ? { segmentId } : {}),
  });
  const problems = result.ok ? [] : result.problems.map(withSeverity);
  return {
    problems: sortProblems(problems),
    blocking: problems.some((p) => p.severity === 'error'),
  };
}

/** A problem with its severity: unknown names warn, everything else blocks. */
export function withSeverity(problem: {
  readonly code: string;
  readonly message: string;
  readonly path: readonly (string | number)[];
  readonly nodeId?: string | null;
}): RowProblem {
  const { nodeId, ...rest } = problem;
  return {
    ...rest,
    ...(nodeId == null ? {} : { nodeId }),
    severity: WARNING_CODES.has(problem.code) ? 'warning' : 'error',
  };
}

const sortProblems = (problems: RowProblem[]) =>
  [...problems].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'));

/**
 * Problems grouped by the row they belong to; problems with no node id (or an id no row has)
 * under `''`, shown above the rules. The same problem from the browser and the server is kept once.
 *
 * @example
 * problemsByNode([{ nodeId: 'n2', ... }]).get('n2')
 */
export function problemsByNode(
  problems: readonly RowProblem[],
  knownIds: ReadonlySet<string>,
): ReadonlyMap<string, readonly RowProblem[]> {
  const byNode = new Map<string, RowProblem[]>();
  const seen = new Set<string>();
  for (const problem of problems) {
    const key = problem.nodeId !== undefined && knownIds.has(problem.nodeId) ? problem.nodeId : '';
    const fingerprint = `${key}\u0000${problem.code}\u0000${problem.message}`;
    if (seen.has(fingerprint)) continue;
    seen.add(fingerprint);
    byNode.set(key, [...(byNode.get(key) ?? []), problem]);
  }
  return byNode;
}
