import { JOURNEY_EXAMPLES, type JourneyGraph } from '@cairn/schema';
import { describe, expect, it } from 'vitest';
import { removeElements } from './commands/remove-elements';
import { createCompileCache } from './compile-doc';
import { fromGraph } from './graph-convert';
import { fromApiProblem, mergeProblems, problemKey, summarizeProblems } from './merge-problems';

const doc = removeElements(
  fromGraph(JOURNEY_EXAMPLES.cartAbandoned as JourneyGraph),
  new Set(),
  new Set(['e4']),
);
const local = createCompileCache()(doc).result.problems;
const present = {
  nodes: new Set(doc.nodes.map((n) => n.id)),
  edges: new Set(doc.edges.map((e) => e.id)),
};
/** The same problem as the server's API sends it: path indexes as strings. */
const asServer = (p: (typeof local)[number]) =>
  fromApiProblem({ ...p, path: p.path.map(String), nodeId: p.nodeId ?? null, edgeId: null });

describe('problemKey', () => {
  it('is the same for a path with numbers and the same path in strings', () => {
    const p = local[0]!;
    expect(problemKey(asServer(p))).toBe(problemKey(p));
    expect(problemKey({ ...p, nodeId: 'other' })).not.toBe(problemKey(p));
    expect(problemKey({ ...p, path: [...p.path, 'x'] })).not.toBe(problemKey(p));
  });
});

describe('mergeProblems', () => {
  it('shows a problem found in the browser and on the server once, the browser’s copy', () => {
    expect(local.length).toBeGreaterThan(0);
    const merged = mergeProblems(local, local.map(asServer), present);
    expect(merged).toEqual(local);
  });

  it('adds what only the server found (names it checks against the workspace), marked as such', () => {
    const unknown = fromApiProblem({
      code: 'JOURNEY_UNKNOWN_SEGMENT',
      severity: 'error',
      message: 'No segment with id "s9" exists in this workspace; pick one from the list.',
      path: ['nodes', '0', 'trigger', 'segmentId'],
      nodeId: 'trigger',
    });
    const merged = mergeProblems(local, [unknown, unknown], present);
    expect(merged).toHaveLength(local.length + 1);
    expect(merged.at(-1)).toMatchObject({ code: 'JOURNEY_UNKNOWN_SEGMENT', source: 'server' });
    const summary = summarizeProblems(merged);
    expect(summary.byNode.get('trigger')?.map((p) => p.code)).toContain('JOURNEY_UNKNOWN_SEGMENT');
    expect(summary.errors).toBe(merged.filter((p) => p.severity === 'error').length);
  });

  it('drops a server problem about a step or an edge the draft no longer has', () => {
    const gone = fromApiProblem({
      code: 'JOURNEY_OUTPUT_UNCONNECTED',
      severity: 'error',
      message: 'x',
      path: ['nodes', '9'],
      nodeId: 'deleted-step',
    });
    const oldEdge = fromApiProblem({
      code: 'JOURNEY_EDGE_UNKNOWN_NODE',
      severity: 'error',
      message: 'x',
      path: ['edges', '9'],
      edgeId: 'e4',
    });
    expect(mergeProblems(local, [gone, oldEdge], present)).toEqual(local);
  });

  it('reads an unknown severity as an error (it blocks publishing, as the server would)', () => {
    expect(
      fromApiProblem({ code: 'JOURNEY_NEW_CHECK', severity: 'fatal', message: 'm', path: [] }),
    ).toEqual({
      code: 'JOURNEY_NEW_CHECK',
      severity: 'error',
      message: 'm',
      path: [],
      source: 'server',
    });
  });
});
