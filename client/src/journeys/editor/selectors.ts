import type { EditorState } from './editor-store';

/** Store selectors, declared once at module scope so subscriptions stay stable. */
export const selectDoc = (s: EditorState) => s.history.present;
export const selectNodes = (s: EditorState) => s.history.present.nodes;
export const selectEdges = (s: EditorState) => s.history.present.edges;
export const selectSettings = (s: EditorState) => s.history.present.settings;
export const selectEdits = (s: EditorState) => s.edits;
export const selectCanUndo = (s: EditorState) => s.history.past.length > 0;
export const selectCanRedo = (s: EditorState) => s.history.future.length > 0;
/** The one selected node, when exactly one is selected (the inspector shows it). */
export const selectSelectedNode = (s: EditorState) => {
  let found;
  for (const n of s.history.present.nodes) {
    if (!n.selected) continue;
    if (found) return undefined;
    found = n;
  }
  return found;
};
