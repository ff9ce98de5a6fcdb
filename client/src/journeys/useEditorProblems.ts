import { useMemo } from 'react';
import type { DocCompilation } from './editor/compile-doc';
import {
  mergeProblems,
  summarizeProblems,
  type EditorProblem,
  type ProblemSummary,
} from './editor/merge-problems';
import { useStructure } from './editor/useStructure';

/**
 * The problems the editor shows: the browser's compile and the server's from the last save
 * (deduplicated by code, step and path; a server problem about a step since deleted is left out).
 * Reads the document's structure only, so a drag re-renders nothing here.
 */
export function useEditorProblems(
  compiled: DocCompilation,
  server: readonly EditorProblem[],
): ProblemSummary {
  const doc = useStructure();
  return useMemo(() => {
    if (server.length === 0) return compiled;
    const present = {
      nodes: new Set(doc.nodes.map((n) => n.id)),
      edges: new Set(doc.edges.map((e) => e.id)),
    };
    return summarizeProblems(mergeProblems(compiled.result.problems, server, present));
  }, [compiled, server, doc]);
}
