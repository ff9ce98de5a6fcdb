import type { JourneyProblem, JourneyProblemCode } from '@cairn/schema';

/** A problem as the API returns it (`JourneyProblem` in the SDL: the path in strings). */
export interface ApiProblem {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly path: readonly string[];
  readonly nodeId?: string | null;
  readonly edgeId?: string | null;
}

/** A problem the editor shows, and where it was found. */
export type EditorProblem = JourneyProblem & { readonly source?: 'server' };

/** Every problem the editor shows, grouped where the canvas pins them. */
export interface ProblemSummary {
  readonly problems: readonly EditorProblem[];
  readonly errors: number;
  readonly warnings: number;
  readonly byNode: ReadonlyMap<string, readonly EditorProblem[]>;
  readonly byEdge: ReadonlyMap<string, readonly EditorProblem[]>;
}

/**
 * A server problem in the compiler's shape. A code this client does not know yet (a newer
 * server) is kept as it is: the message still says what to do.
 */
export function fromApiProblem(p: ApiProblem): EditorProblem {
  return {
    code: p.code as JourneyProblemCode,
    severity: p.severity === 'warning' ? 'warning' : 'error',
    message: p.message,
    path: p.path,
    ...(p.nodeId == null ? {} : { nodeId: p.nodeId }),
    ...(p.edgeId == null ? {} : { edgeId: p.edgeId }),
    source: 'server',
  };
}

/**
 * What makes two problems the same: code, node and path (the server writes path indexes as
 * strings, the browser's compiler as numbers).
 *
 * @example
 * problemKey({ code: 'JOURNEY_OUTPUT_UNCONNECTED', nodeId: 'c', path: ['nodes', 2] }) // 'JOURNEY_OUTPUT_UNCONNECTED|c|nodes/2'
 */
export function problemKey(p: Pick<JourneyProblem, 'code' | 'nodeId' | 'path'>): string {
  return `${p.code}|${p.nodeId ?? ''}|${p.path.map(String).join('/')}`;
}

/**
 * The browser's problems and the server's (from the last save: the server checks names against
 * the whole workspace), each problem once, the browser's first. A server problem on a step or
 * edge that is no longer in the draft is dropped: it was about a draft since changed.
 */
export function mergeProblems(
  local: readonly JourneyProblem[],
  server: readonly EditorProblem[],
  present: { readonly nodes: ReadonlySet<string>; readonly edges: ReadonlySet<string> },
): readonly EditorProblem[] {
  const seen = new Set(local.map(problemKey));
  const merged: EditorProblem[] = [...local];
  for (const p of server) {
    if (p.nodeId !== undefined && !present.nodes.has(p.nodeId)) continue;
    if (p.edgeId !== undefined && !present.edges.has(p.edgeId)) continue;
    const key = problemKey(p);
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(p);
  }
  return merged;
}

/** Problems grouped by the step and the edge they are pinned on, with the counts of each severity. */
export function summarizeProblems(problems: readonly EditorProblem[]): ProblemSummary {
  const byNode = new Map<string, EditorProblem[]>();
  const byEdge = new Map<string, EditorProblem[]>();
  const add = (map: Map<string, EditorProblem[]>, key: string, p: EditorProblem) =>
    map.set(key, [...(map.get(key) ?? []), p]);
  for (const p of problems) {
    if (p.nodeId !== undefined) add(byNode, p.nodeId, p);
    if (p.edgeId !== undefined) add(byEdge, p.edgeId, p);
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { problems, errors, warnings: problems.length - errors, byNode, byEdge };
}
