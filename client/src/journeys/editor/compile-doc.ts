import {
  compileJourney,
  type JourneyCatalog,
  type JourneyCompilation,
  type JourneyProblem,
} from '@cairn/schema';
import type { EditorDoc } from './flow.types';
import { toGraph } from './graph-convert';

/** A compilation with its problems grouped where the canvas pins them. */
export interface DocCompilation {
  readonly result: JourneyCompilation;
  readonly errors: number;
  readonly warnings: number;
  readonly byNode: ReadonlyMap<string, readonly JourneyProblem[]>;
  readonly byEdge: ReadonlyMap<string, readonly JourneyProblem[]>;
  /** The trigger steps' ids (live counts show the journey's entries on them). */
  readonly triggerIds: readonly string[];
}

/**
 * `compileJourney` from `@cairn/schema`, run in the browser on every change that can matter:
 * the cache keeps the last result while only positions, selection or measurements change (a
 * drag compiles nothing), since the compiler ignores them.
 */
export function createCompileCache(): (doc: EditorDoc, catalog?: JourneyCatalog) => DocCompilation {
  let last: { doc: EditorDoc; catalog?: JourneyCatalog; out: DocCompilation } | undefined;
  return (doc, catalog) => {
    if (last && last.catalog === catalog && sameStructure(last.doc, doc)) {
      last = { ...last, doc };
      return last.out;
    }
    const out = {
      ...groupProblems(compileJourney(toGraph(doc), { catalog })),
      triggerIds: doc.nodes.filter((n) => n.data.step.kind === 'trigger').map((n) => n.id),
    };
    last = { doc, catalog, out };
    return out;
  };
}

function sameStructure(a: EditorDoc, b: EditorDoc): boolean {
  if (a.edges !== b.edges || a.settings !== b.settings || a.nodes.length !== b.nodes.length)
    return false;
  return a.nodes.every((n, i) => n.id === b.nodes[i]!.id && n.data === b.nodes[i]!.data);
}

function groupProblems(result: JourneyCompilation): Omit<DocCompilation, 'triggerIds'> {
  const byNode = new Map<string, JourneyProblem[]>();
  const byEdge = new Map<string, JourneyProblem[]>();
  const add = (map: Map<string, JourneyProblem[]>, key: string, p: JourneyProblem) =>
    map.set(key, [...(map.get(key) ?? []), p]);
  for (const p of result.problems) {
    if (p.nodeId !== undefined) add(byNode, p.nodeId, p);
    if (p.edgeId !== undefined) add(byEdge, p.edgeId, p);
  }
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  return { result, errors, warnings: result.problems.length - errors, byNode, byEdge };
}
