import type { EditorDoc } from '../flow.types';

/** Places nodes at new positions (auto-layout); nodes not named stay where they are. */
export function moveNodes(
  doc: EditorDoc,
  positions: ReadonlyMap<string, { x: number; y: number }>,
): EditorDoc {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      const at = positions.get(n.id);
      return at ? { ...n, position: at } : n;
    }),
  };
}
