import type { EditorDoc } from '../flow.types';

/** Removes nodes and edges by id, and every edge into or out of a removed node. */
export function removeElements(
  doc: EditorDoc,
  nodeIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string> = new Set(),
): EditorDoc {
  if (nodeIds.size === 0 && edgeIds.size === 0) return doc;
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => !nodeIds.has(n.id)),
    edges: doc.edges.filter(
      (e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target),
    ),
  };
}

/** Removes what is selected (nodes with their edges, and selected edges). */
export function removeSelected(doc: EditorDoc): EditorDoc {
  return removeElements(
    doc,
    new Set(doc.nodes.filter((n) => n.selected).map((n) => n.id)),
    new Set(doc.edges.filter((e) => e.selected).map((e) => e.id)),
  );
}
