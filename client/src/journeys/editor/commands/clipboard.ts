import type { EditorDoc, FlowEdge, FlowNode } from '../flow.types';

/** What copy puts aside: the selected nodes and the edges between them. */
export interface Clip {
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
}

/** The selected nodes and the edges among them (edges leaving the selection are left behind). */
export function copySelection(doc: EditorDoc): Clip | undefined {
  const nodes = doc.nodes.filter((n) => n.selected);
  if (nodes.length === 0) return undefined;
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

/** Pastes a clip with fresh ids, shifted by `offset`, selected instead of what was selected. */
export function pasteClip(
  doc: EditorDoc,
  clip: Clip,
  newId: (prefix: string) => string,
  offset = 40,
): EditorDoc {
  const ids = new Map(clip.nodes.map((n) => [n.id, newId(n.data.step.kind)]));
  const nodes = clip.nodes.map((n): FlowNode => ({
    id: ids.get(n.id)!,
    type: n.type,
    data: n.data,
    position: { x: n.position.x + offset, y: n.position.y + offset },
    selected: true,
  }));
  const edges = clip.edges.map((e): FlowEdge => ({
    id: newId('e'),
    source: ids.get(e.source)!,
    sourceHandle: e.sourceHandle,
    target: ids.get(e.target)!,
  }));
  const unselected = doc.nodes.map((n) => (n.selected ? { ...n, selected: false } : n));
  return { ...doc, nodes: [...unselected, ...nodes], edges: [...doc.edges, ...edges] };
}
