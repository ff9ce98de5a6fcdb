import type { EditorNode, RuleDraft } from '../draft.types';
import { replaceNode } from '../tree';

/**
 * Replaces the node with this id by what `update` makes of it (a field, operator or value change).
 * The draft is returned unchanged when no node has the id. The root cannot be removed this way.
 *
 * @example
 * updateNode(draft, 'n3', (node) => ({ ...node, channel: 'sms' }))
 */
export function updateNode(
  draft: RuleDraft,
  id: string,
  update: (node: EditorNode) => EditorNode,
): RuleDraft {
  const root = replaceNode(draft.root, id, update);
  return root === draft.root || !root ? draft : { ...draft, root: root as RuleDraft['root'] };
}
