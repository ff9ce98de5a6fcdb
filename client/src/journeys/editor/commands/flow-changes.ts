import {
  applyEdgeChanges,
  applyNodeChanges,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import type { EditorDoc, FlowEdge, FlowNode } from '../flow.types';
import type { Record } from '../history';

/**
 * React Flow's own changes (drag, select, measure, delete) applied to the document, with how
 * they enter the undo history: a drag in progress is transient and its end commits one step;
 * selection and measurements are no step at all; removals are.
 */
export function applyFlowNodeChanges(
  doc: EditorDoc,
  changes: readonly NodeChange<FlowNode>[],
): { doc: EditorDoc; mode: Record } {
  const removed = changes.some((c) => c.type === 'remove');
  const removedIds = new Set(changes.flatMap((c) => (c.type === 'remove' ? [c.id] : [])));
  const nodes = applyNodeChanges([...changes], [...doc.nodes]);
  const edges = removed
    ? doc.edges.filter((e) => !removedIds.has(e.source) && !removedIds.has(e.target))
    : doc.edges;
  return { doc: { ...doc, nodes, edges }, mode: nodeChangeMode(changes) };
}

export function applyFlowEdgeChanges(
  doc: EditorDoc,
  changes: readonly EdgeChange<FlowEdge>[],
): { doc: EditorDoc; mode: Record } {
  const edges = applyEdgeChanges([...changes], [...doc.edges]) as FlowEdge[];
  return {
    doc: { ...doc, edges },
    mode: changes.some((c) => c.type === 'remove') ? 'record' : 'skip',
  };
}

export function nodeChangeMode(changes: readonly NodeChange<FlowNode>[]): Record {
  if (changes.some((c) => c.type === 'remove' || c.type === 'add' || c.type === 'replace'))
    return 'record';
  const moves = changes.filter((c) => c.type === 'position');
  if (moves.length === 0) return 'skip';
  return moves.some((c) => c.type === 'position' && c.dragging) ? 'transient' : 'commit';
}
