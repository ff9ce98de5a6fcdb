import { compileJourney, type JourneyCatalog, type JourneyCompilation } from '@cairn/schema';
import type { EditorDoc } from './flow.types';
import { summarizeProblems, type ProblemSummary } from './merge-problems';
import { toGraph } from './graph-convert';

/** A compilation with its problems grouped where the canvas pins them. */
export interface DocCompilation extends ProblemSummary {
  readonly result: JourneyCompilation;
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
    const result = compileJourney(toGraph(doc), { catalog });
    const out = {
      result,
      ...summarizeProblems(result.problems),
      triggerIds: doc.nodes.filter((n) => n.data.step.kind === 'trigger').map((n) => n.id),
    };
    last = { doc, catalog, out };
    return out;
  };
}

/** Whether two documents differ only in positions, selection or measurements. */
export function sameStructure(a: EditorDoc, b: EditorDoc): boolean {
  if (a.edges !== b.edges || a.settings !== b.settings || a.nodes.length !== b.nodes.length)
    return false;
  return a.nodes.every((n, i) => n.id === b.nodes[i]!.id && n.data === b.nodes[i]!.data);
}
