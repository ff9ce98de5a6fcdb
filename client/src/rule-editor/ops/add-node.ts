import type { EditorNode, RuleDraft } from '../draft.types';
import { findNode } from '../tree';
import { updateNode } from './update-node';

/**
 * Inserts `node` into the group (`all` / `any`) with id `groupId`, at `index` (default: last).
 * Returns the draft unchanged when `groupId` is not a group.
 *
 * @example
 * addNode(draft, draft.root.id!, newCondition('trait', catalog, newId))
 */
export function addNode(
  draft: RuleDraft,
  groupId: string,
  node: EditorNode,
  index?: number,
): RuleDraft {
  const group = findNode(draft.root, groupId);
  if (!group || (group.kind !== 'all' && group.kind !== 'any')) return draft;
  return updateNode(draft, groupId, (g) => {
    const children = [...(g as { children: readonly EditorNode[] }).children];
    children.splice(index ?? children.length, 0, node);
    return { ...g, children } as EditorNode;
  });
}
